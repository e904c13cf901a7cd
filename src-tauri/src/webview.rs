//! How the window's WebKit draws and what it is told of the desktop: pages drawn without GPU
//! compositing, asked for before WebKit starts (decisions 0057, 0068); links opened in the
//! desktop's programs without that request; and the desktop's interface font, which the page
//! is told by name (decision 0063).

use std::ffi::OsStr;

/// WebKitGTK's environment switch for drawing pages without GPU compositing.
pub const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// WebKitGTK's environment switch for always compositing; a person who sets it keeps it.
pub const FORCE_COMPOSITING: &str = "WEBKIT_FORCE_COMPOSITING_MODE";

/// Whether the app makes the compositing choice itself: only when the person's environment
/// names neither of WebKit's switches (theirs wins, whatever its value).
pub fn compositing_left_to_app(no: Option<&OsStr>, force: Option<&OsStr>) -> bool {
    no.is_none() && force.is_none()
}

/// Asks WebKit to draw the window's pages without GPU compositing: a journal is text, forms
/// and still charts, and the composited layers cost ~85 MiB on a machine without a GPU
/// (decision 0057). Asked through the environment before WebKit starts, so the window's web
/// process starts in that mode; the same choice made on the view once it exists (`setup`)
/// made WebKit change modes during the first load, 20–30 ms of the start (decision 0068).
/// Leaves a person's own choice alone; returns whether it asked. Links opened from the app do
/// not inherit the request ([`open_link`]).
///
/// # Safety
/// Changes the process's environment: nothing may read or write the environment on another
/// thread meanwhile. Call it first thing in `main`, before anything starts a thread.
#[allow(unsafe_code)]
pub unsafe fn draw_without_compositing() -> bool {
    if !cfg!(target_os = "linux")
        || !compositing_left_to_app(
            std::env::var_os(NO_COMPOSITING).as_deref(),
            std::env::var_os(FORCE_COMPOSITING).as_deref(),
        )
    {
        return false;
    }
    // SAFETY: passed on to the caller (see above).
    unsafe {
        std::env::set_var(NO_COMPOSITING, "1");
    }
    true
}

/// Opens a web or mail link (already checked, `trajectory_core::markdown::check_link`) in the
/// desktop's program for it. The program does not inherit the app's request for no
/// compositing ([`draw_without_compositing`]): a WebKit browser or mail program keeps its own.
#[cfg(target_os = "linux")]
pub fn open_link(url: &str) -> Result<(), String> {
    use gtk::gio::prelude::AppLaunchContextExt;
    let launch = gtk::gio::AppLaunchContext::new();
    launch.unsetenv(NO_COMPOSITING);
    gtk::gio::AppInfo::launch_default_for_uri(url, Some(&launch)).map_err(|e| e.to_string())
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

#[cfg(test)]
mod compositing_tests {
    use super::*;

    #[test]
    fn the_app_asks_for_no_compositing_only_when_the_person_chose_nothing() {
        let one = Some(OsStr::new("1"));
        let zero = Some(OsStr::new("0"));
        assert!(compositing_left_to_app(None, None));
        assert!(!compositing_left_to_app(one, None));
        assert!(!compositing_left_to_app(zero, None));
        assert!(!compositing_left_to_app(None, one));
        assert!(!compositing_left_to_app(None, zero));
    }
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

#[cfg(all(test, target_os = "linux"))]
mod link_tests {
    use std::path::Path;
    use std::process::Command;
    use std::time::{Duration, Instant};

    use super::NO_COMPOSITING;

    /// Set in the child process this test starts: the link it opens.
    const CHILD_OPENS: &str = "TRAJECTORY_TEST_LINK_TO_OPEN";
    const TEST: &str =
        "webview::link_tests::a_link_opens_in_the_desktop_program_without_the_compositing_request";

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// A desktop whose only https handler is a script that writes down its environment and
    /// the link it was given; the app's side runs in a child process with its own environment
    /// (the compositing request set, as `main` sets it), so no test changes this one's.
    #[test]
    fn a_link_opens_in_the_desktop_program_without_the_compositing_request() {
        if let Ok(url) = std::env::var(CHILD_OPENS) {
            super::open_link(&url).expect("the link could not be opened");
            return;
        }
        let home = tempfile::tempdir().unwrap();
        let catcher = home.path().join("catch-link");
        let caught = home.path().join("caught");
        write(
            &catcher,
            &format!(
                "#!/bin/sh\nenv > '{0}.env'\nprintf '%s' \"$1\" > '{0}.partial'\nmv '{0}.partial' '{0}'\n",
                caught.display()
            ),
        );
        std::fs::set_permissions(
            &catcher,
            std::os::unix::fs::PermissionsExt::from_mode(0o755),
        )
        .unwrap();
        write(
            &home.path().join("data/applications/link-catcher.desktop"),
            &format!(
                "[Desktop Entry]\nType=Application\nName=Link catcher\nExec={} %u\nMimeType=x-scheme-handler/https;\n",
                catcher.display()
            ),
        );
        write(
            &home.path().join("config/mimeapps.list"),
            "[Default Applications]\nx-scheme-handler/https=link-catcher.desktop\n",
        );
        let url = "https://example.org/notes?week=48&a=b";
        let status = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", TEST, "--test-threads=1", "--quiet"])
            .env(CHILD_OPENS, url)
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env(NO_COMPOSITING, "1")
            .status()
            .unwrap();
        assert!(status.success(), "the child that opens the link failed");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !caught.exists() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(
            std::fs::read_to_string(&caught).expect("the desktop program was not started"),
            url
        );
        let env = std::fs::read_to_string(caught.with_extension("env")).unwrap();
        assert!(env.contains("XDG_DATA_HOME="), "{env}");
        assert!(!env.contains(&format!("{NO_COMPOSITING}=")), "{env}");
    }
}
