//! Where the person's data lives: the platform's app data directory unless overridden.

use std::path::PathBuf;

use crate::error::StoreError;

/// The app's identifier; also the `identifier` in `tauri.conf.json` (a test checks they agree),
/// so the desktop app and `traj` find the same default folder.
pub const APP_IDENTIFIER: &str = "app.trajectory.journal";
/// Environment variable that overrides the data directory (tests always set one).
pub const DATA_DIR_ENV: &str = "TRAJECTORY_DATA_DIR";
/// The database's file name inside the data directory.
pub const DATABASE_FILE: &str = "trajectory.sqlite3";

/// Picks the data directory: an explicit `--data-dir` first, then `TRAJECTORY_DATA_DIR`,
/// then the platform's data directory (on Linux `~/.local/share/app.trajectory.journal`).
pub fn resolve_data_dir(explicit: Option<PathBuf>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = explicit.filter(|d| !d.as_os_str().is_empty()) {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|base| base.join(APP_IDENTIFIER))
        .ok_or(StoreError::NoDataDir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_directory_wins() {
        let dir = resolve_data_dir(Some(PathBuf::from("/tmp/x"))).unwrap();
        assert_eq!(dir, PathBuf::from("/tmp/x"));
    }

    #[test]
    fn the_default_ends_in_the_app_identifier() {
        // Only meaningful when the environment does not override it.
        if std::env::var_os(DATA_DIR_ENV).is_none() {
            let dir = resolve_data_dir(None).unwrap();
            assert!(dir.ends_with(APP_IDENTIFIER), "{dir:?}");
        }
    }
}
