//! The desktop app's entry point.

// No console window alongside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    trajectory_app::run();
}
