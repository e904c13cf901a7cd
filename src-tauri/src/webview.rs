//! The window's WebKit settings beyond Tauri's defaults: pages drawn without GPU compositing
//! (decision 0057); and the desktop's interface font, which the page is told by name (decision
//! 0063).

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
            if let Some(settings) = WebViewExt::settings(&view.inner()) {
                // A journal is text, forms and still charts: nothing that gains from
                // compositing layers on the GPU, which cost the web process about 85 MiB
                // (decision 0057).
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

/// The family of the desktop's interface font (GTK's `gtk-font-name`, e.g. `Cantarell` of
/// `Cantarell 11`); `None` without a desktop setting. Read on the window's thread (`setup`):
/// GTK's settings belong to it. The page gets it with its start data and uses it by name
/// instead of `system-ui`, which names the same face but cost the first style ~12 ms more
/// (decision 0063).
pub fn desktop_font_family() -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        use gtk::prelude::GtkSettingsExt;
        let name = gtk::Settings::default()?.gtk_font_name()?;
        font_family(&name)
    }
    #[cfg(not(target_os = "linux"))]
    None
}

/// The family of a GTK font name such as `Cantarell 11` or `Noto Sans Bold 10` (Pango's font
/// description syntax); `None` when it names none.
#[cfg(target_os = "linux")]
pub fn font_family(gtk_font_name: &str) -> Option<String> {
    let description = gtk::pango::FontDescription::from_string(gtk_font_name);
    let family = description.family()?;
    let family = family.trim();
    (!family.is_empty()).then(|| family.to_owned())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::font_family;

    #[test]
    fn the_family_is_read_out_of_a_gtk_font_name() {
        assert_eq!(font_family("Cantarell 11").as_deref(), Some("Cantarell"));
        assert_eq!(
            font_family("Noto Sans Bold 10").as_deref(),
            Some("Noto Sans")
        );
        assert_eq!(font_family("Sans 10").as_deref(), Some("Sans"));
        assert_eq!(font_family("Ubuntu").as_deref(), Some("Ubuntu"));
    }

    #[test]
    fn a_font_name_without_a_family_gives_none() {
        assert_eq!(font_family(""), None);
        assert_eq!(font_family("12"), None);
    }
}
