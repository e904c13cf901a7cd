//! One window per journal: the single-instance scope (one D-Bus name per data folder) and the
//! window's remembered size and position, kept in the data folder (decision 0045).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sha2::{Digest, Sha256};
use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent, plugin::TauriPlugin};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// The file in the data folder that holds the window's size, position and maximised state.
pub const WINDOW_STATE_FILE: &str = "window-state.json";

/// What the window-state plugin remembers: not visibility or decorations, which the app sets.
pub const WINDOW_STATE_FLAGS: StateFlags = StateFlags::SIZE
    .union(StateFlags::POSITION)
    .union(StateFlags::MAXIMIZED);

/// The data folder as one spelling: symlinks and `..` resolved when the folder exists (it is
/// created here if it can be; the store creates it anyway), else made absolute as written.
pub fn folder_identity(data_dir: &Path) -> PathBuf {
    let _ = std::fs::create_dir_all(data_dir);
    std::fs::canonicalize(data_dir)
        .or_else(|_| std::path::absolute(data_dir))
        .unwrap_or_else(|_| data_dir.to_path_buf())
}

/// The D-Bus name prefix that makes one instance per data folder: the app identifier plus a
/// digest of the folder's identity (a D-Bus name element allows only `[A-Za-z0-9_-]` and must
/// not start with a digit, hence the `j`). The plugin appends `.SingleInstance`.
pub fn bus_id(identifier: &str, data_dir: &Path) -> String {
    let folder = folder_identity(data_dir);
    let digest = Sha256::digest(folder.as_os_str().as_encoded_bytes());
    let hex: String = digest[..10].iter().map(|b| format!("{b:02x}")).collect();
    format!("{identifier}.j{hex}")
}

/// Where the window state of the journal in `data_dir` is kept.
pub fn window_state_path(data_dir: &Path) -> PathBuf {
    folder_identity(data_dir).join(WINDOW_STATE_FILE)
}

/// Brings the running window forward when the same journal is opened a second time.
pub fn focus_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// The single-instance plugin scoped to the journal in `data_dir`: a second launch on the same
/// folder hands over to the running window and exits; another folder opens its own window.
pub fn single_instance<R: Runtime>(identifier: &str, data_dir: &Path) -> TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(bus_id(identifier, data_dir))
        .callback(|app, _args, _cwd| focus_main_window(app))
        .build()
}

/// How long the window must keep still before its size and position are written.
const SETTLE: Duration = Duration::from_millis(500);

/// Counts moves and resizes, so only the last of a burst writes the file.
#[derive(Default)]
struct WindowChanges(AtomicU64);

/// Writes the window state shortly after the window was moved or resized, not only when the
/// app exits as the plugin does: a session that ends without a clean exit (logging out,
/// a killed process) still comes back at the size it was left.
pub fn keep_window_state<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if !matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
        return;
    }
    let app = window.app_handle().clone();
    if app.try_state::<WindowChanges>().is_none() {
        app.manage(WindowChanges::default());
    }
    let change = app
        .state::<WindowChanges>()
        .0
        .fetch_add(1, Ordering::SeqCst)
        + 1;
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(SETTLE).await;
        if app.state::<WindowChanges>().0.load(Ordering::SeqCst) == change
            && let Err(e) = app.save_window_state(WINDOW_STATE_FLAGS)
        {
            eprintln!("trajectory: the window's size and place could not be kept: {e}");
        }
    });
}

/// The window-state plugin keeping its file in the data folder. The plugin joins the name to
/// the config folder; joining an absolute path yields that path (`Path::join`).
pub fn window_state<R: Runtime>(data_dir: &Path) -> TauriPlugin<R> {
    tauri_plugin_window_state::Builder::new()
        .with_state_flags(WINDOW_STATE_FLAGS)
        .with_filename(window_state_path(data_dir).to_string_lossy())
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_bus_name(name: &str) -> bool {
        name.len() <= 255
            && name.split('.').count() >= 2
            && name.split('.').all(|el| {
                !el.is_empty()
                    && !el.starts_with(|c: char| c.is_ascii_digit())
                    && el
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            })
    }

    #[test]
    fn one_folder_spelled_two_ways_is_one_instance() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("journal");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let roundabout = dir.join("sub").join("..");
        assert_eq!(
            bus_id("app.trajectory.journal", &dir),
            bus_id("app.trajectory.journal", &roundabout)
        );
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&dir, &link).unwrap();
        assert_eq!(
            bus_id("app.trajectory.journal", &dir),
            bus_id("app.trajectory.journal", &link)
        );
    }

    #[test]
    fn two_folders_are_two_instances() {
        let tmp = tempfile::tempdir().unwrap();
        let a = bus_id("app.trajectory.journal", &tmp.path().join("a"));
        let b = bus_id("app.trajectory.journal", &tmp.path().join("b"));
        assert_ne!(a, b);
    }

    #[test]
    fn the_bus_name_is_a_valid_dbus_name() {
        let tmp = tempfile::tempdir().unwrap();
        let weird = tmp.path().join("0 journal with spaces & ünïcode");
        let id = bus_id("app.trajectory.journal", &weird);
        assert!(id.starts_with("app.trajectory.journal.j"), "{id}");
        let name = format!("{id}.SingleInstance");
        assert!(valid_bus_name(&name), "{name}");
        // The object path the plugin derives from it is valid too.
        let object_path = format!("/{}", name.replace('.', "/").replace('-', "_"));
        assert!(
            object_path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '/')
        );
    }

    #[test]
    fn window_state_lives_in_the_data_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("journal");
        let path = window_state_path(&dir);
        assert!(path.is_absolute());
        assert_eq!(path, dir.canonicalize().unwrap().join(WINDOW_STATE_FILE));
        // What the plugin does with the name: join it to its config folder.
        assert_eq!(Path::new("/home/someone/.config/app").join(&path), path);
    }
}
