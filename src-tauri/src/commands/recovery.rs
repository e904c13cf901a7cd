//! The start-up screens' commands: where the journal stands, unlocking it, and the recovery
//! screen's two offers for a damaged journal (restore the newest good backup, or save what
//! can still be read).

use chrono::Utc;
use serde::Serialize;
use tauri::State;
use trajectory_core::Passphrase;
use trajectory_store::backup;

use crate::commands::data::RestoreView;
use crate::error::AppError;
use crate::state::{AppState, JournalStatus};

/// The folder, inside the data folder, where "save what can be read" writes its files.
pub const RECOVERED_DIR: &str = "recovered";

/// What "save what can be read" wrote.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SalvageView {
    /// The JSON file written (importable into a new journal).
    pub path: String,
    #[ts(type = "number")]
    pub entries: u64,
    /// What could not be read, in words; empty when everything was.
    pub problems: Vec<String>,
}

#[tauri::command]
pub async fn journal_status(state: State<'_, AppState>) -> Result<JournalStatus, AppError> {
    state.status().await
}

/// Tries a passphrase on the locked journal; a wrong one is `wrong_passphrase` and changes
/// nothing.
#[tauri::command]
pub async fn unlock_journal(
    state: State<'_, AppState>,
    passphrase: String,
) -> Result<JournalStatus, AppError> {
    let passphrase = Passphrase::existing(&passphrase)?;
    state.unlock(passphrase).await
}

/// Restores the newest backup that passes the integrity check; the damaged database is kept
/// aside in `replaced/`, never overwritten.
#[tauri::command]
pub async fn restore_newest_backup(state: State<'_, AppState>) -> Result<RestoreView, AppError> {
    state
        .with_store_closed(|dir, key| {
            let report = backup::restore_newest_good(dir, Utc::now(), key)?;
            Ok((report.into(), None))
        })
        .await
}

/// Writes what can still be read of the journal to `recovered/` in the data folder as
/// Trajectory JSON. The journal's files are only read (through a copy).
#[tauri::command]
pub async fn save_readable_journal(state: State<'_, AppState>) -> Result<SalvageView, AppError> {
    state
        .with_store_closed(|dir, key| {
            let out_dir = dir.join(RECOVERED_DIR);
            std::fs::create_dir_all(&out_dir).map_err(|e| AppError {
                code: trajectory_core::ErrorCode::StorageUnavailable,
                message: format!("Could not make the folder {}: {e}", out_dir.display()),
            })?;
            let now = Utc::now();
            let out = out_dir.join(format!(
                "trajectory-recovered-{}.json",
                now.format("%Y-%m-%dT%H%M%S")
            ));
            let summary = trajectory_exchange::export_salvage(dir, key, &out, now)?;
            Ok((
                SalvageView {
                    path: out.display().to_string(),
                    entries: summary.entries as u64,
                    problems: summary.problems,
                },
                None,
            ))
        })
        .await
}
