//! Commands about the app itself: version, where the data lives, and the opt-in report of
//! the first paint.

use serde::Serialize;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AppInfo {
    pub version: String,
    /// The data folder in use, if one could be found.
    pub data_dir: Option<String>,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, AppError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: state.data_dir().map(|d| d.display().to_string()),
    })
}

/// The window's first page of entries (`entries` of them) is painted: prints the ready line
/// when the app was started with `TRAJECTORY_REPORT_READY=1` (the start-up benchmark), does
/// nothing otherwise.
#[tauri::command]
pub fn report_first_paint(entries: u32) {
    crate::first_paint::report(entries);
}

/// The app has mounted with `entries` entries on screen and answers the person: prints the
/// interactive line (and the ready line, if no paint was reported before) when the app was
/// started with `TRAJECTORY_REPORT_READY=1`, does nothing otherwise.
#[tauri::command]
pub fn report_interactive(entries: u32) {
    crate::first_paint::report_interactive(entries);
}
