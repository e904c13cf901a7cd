//! The window's WebKit settings beyond Tauri's defaults: pages drawn without GPU compositing
//! (decision 0057).

use tauri::{Manager, Runtime};

/// Applies the settings to the main window's view, before its page is loaded. A window that
/// is missing or a view that refuses is left on WebKit's defaults (the app works either way).
pub fn configure<R: Runtime>(app: &tauri::App<R>) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let applied = window.with_webview(|view| {
        #[cfg(target_os = "linux")]
        {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            // A journal is text, forms and still charts: nothing that gains from compositing
            // layers on the GPU, which cost the web process about 85 MiB (decision 0057).
            if let Some(settings) = WebViewExt::settings(&view.inner()) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = view;
    });
    if let Err(e) = applied {
        eprintln!("trajectory: the window's view settings could not be applied: {e}");
    }
}
