//! Settings' encryption commands: turn it on, change the passphrase, turn it off. Each
//! rewrites the journal and every backup with the journal closed, then opens it again.

use serde::Serialize;
use tauri::State;
use trajectory_core::Passphrase;
use trajectory_store::encryption::{EncryptionReport, change_encryption};

use crate::error::AppError;
use crate::state::AppState;

/// What a change of encryption did.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct EncryptionView {
    /// Whether the journal is encrypted now.
    pub encrypted: bool,
    /// The journal and backups rewritten under the new setting.
    #[ts(type = "number")]
    pub rewritten: u64,
    /// Files that opened with neither the old nor the new passphrase, left as they were.
    pub left_as_they_were: Vec<String>,
}

impl From<EncryptionReport> for EncryptionView {
    fn from(r: EncryptionReport) -> Self {
        EncryptionView {
            encrypted: r.encrypted,
            rewritten: r.rewritten as u64,
            left_as_they_were: r
                .left_as_they_were
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
        }
    }
}

async fn change(
    state: &AppState,
    current: Option<Passphrase>,
    new: Option<Passphrase>,
) -> Result<EncryptionView, AppError> {
    state
        .with_store_closed(move |dir, _| {
            let report = change_encryption(dir, current.as_ref(), new.as_ref())?;
            Ok((report.into(), Some(new)))
        })
        .await
}

/// Encrypts the journal and its backups with a new passphrase.
#[tauri::command]
pub async fn turn_on_encryption(
    state: State<'_, AppState>,
    passphrase: String,
) -> Result<EncryptionView, AppError> {
    let new = Passphrase::new(&passphrase)?;
    change(&state, None, Some(new)).await
}

/// Re-encrypts the journal and its backups under a new passphrase; the current one must be
/// given (and must open the journal).
#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    passphrase: String,
) -> Result<EncryptionView, AppError> {
    let current = Passphrase::existing(&current)?;
    let new = Passphrase::new(&passphrase)?;
    change(&state, Some(current), Some(new)).await
}

/// Decrypts the journal and its backups; the current passphrase must be given.
#[tauri::command]
pub async fn turn_off_encryption(
    state: State<'_, AppState>,
    current: String,
) -> Result<EncryptionView, AppError> {
    let current = Passphrase::existing(&current)?;
    change(&state, Some(current), None).await
}
