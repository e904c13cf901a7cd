//! Crash-recovery draft commands: keep unsaved text, offer it back, forget it.

use tauri::State;
use trajectory_core::{Draft, DraftInput, EntryId};

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub async fn save_draft(state: State<'_, AppState>, draft: DraftInput) -> Result<Draft, AppError> {
    draft.check()?;
    state.with_store(move |s| s.save_draft(&draft)).await
}

#[tauri::command]
pub async fn discard_draft(
    state: State<'_, AppState>,
    entry_id: Option<EntryId>,
) -> Result<(), AppError> {
    state.with_store(move |s| s.discard_draft(entry_id)).await
}

#[tauri::command]
pub async fn pending_drafts(state: State<'_, AppState>) -> Result<Vec<Draft>, AppError> {
    state.with_store(|s| s.pending_drafts()).await
}
