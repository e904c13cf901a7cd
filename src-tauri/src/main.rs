//! The desktop app's entry point.

// No console window alongside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // SAFETY: first thing in `main`, before WebKit or anything of the app's starts a thread.
    // The one other thread at this point is started while WebKitGTK's library is loaded:
    // JavaScriptCore's memory scavenger (libpas), which returns freed pages and sleeps on a
    // condition variable, and never reads the environment (decision 0068).
    #[allow(unsafe_code)]
    unsafe {
        trajectory_app::webview::draw_without_compositing();
    }
    trajectory_app::run();
}
