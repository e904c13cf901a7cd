//! The window's WebKit settings beyond Tauri's defaults: pages drawn without GPU compositing
//! (decision 0057) and the desktop's own font as the page's sans-serif (decision 0063).

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
                follow_desktop_font(&settings);
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = view;
    });
    if let Err(e) = applied {
        eprintln!("trajectory: the window's view settings could not be applied: {e}");
    }
}

/// Makes the page's `sans-serif` the desktop's interface font (GTK's `gtk-font-name`), now and
/// whenever the desktop's setting changes. The page asks for `sans-serif`, not `system-ui`:
/// WebKitGTK resolves the same face either way, but `system-ui` cost the first style of the
/// window ~12 ms more (decision 0063). Without a desktop setting, WebKit's default stays.
#[cfg(target_os = "linux")]
fn follow_desktop_font(settings: &webkit2gtk::Settings) {
    use gtk::prelude::{GtkSettingsExt, ObjectExt};
    use webkit2gtk::SettingsExt;

    let Some(desktop) = gtk::Settings::default() else {
        return;
    };
    let apply = {
        let settings = settings.clone();
        move |desktop: &gtk::Settings| {
            let family = desktop.gtk_font_name().and_then(|name| font_family(&name));
            if let Some(family) = family {
                settings.set_sans_serif_font_family(&family);
            }
        }
    };
    apply(&desktop);
    desktop.connect_notify_local(Some("gtk-font-name"), move |desktop, _| apply(desktop));
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
