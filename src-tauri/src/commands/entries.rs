//! Journal entry commands: validate, run on the store off the UI thread, map errors.

use tauri::State;
use trajectory_core::{Entry, EntryDraft, EntryId, EntryPage, PageCursor, Revision, TagCount};

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub async fn create_entry(
    state: State<'_, AppState>,
    draft: EntryDraft,
) -> Result<Entry, AppError> {
    let valid = draft.validate()?;
    state.with_store(move |s| s.create_entry(&valid)).await
}

#[tauri::command]
pub async fn update_entry(
    state: State<'_, AppState>,
    id: EntryId,
    draft: EntryDraft,
) -> Result<Entry, AppError> {
    let valid = draft.validate()?;
    state.with_store(move |s| s.update_entry(id, &valid)).await
}

#[tauri::command]
pub async fn get_entry(state: State<'_, AppState>, id: EntryId) -> Result<Entry, AppError> {
    state.with_store(move |s| s.entry(id)).await
}

#[tauri::command]
pub async fn list_entries(
    state: State<'_, AppState>,
    after: Option<PageCursor>,
    limit: u32,
) -> Result<EntryPage, AppError> {
    state.with_store(move |s| s.timeline(after, limit)).await
}

#[tauri::command]
pub async fn trash_entry(state: State<'_, AppState>, id: EntryId) -> Result<Entry, AppError> {
    state.with_store(move |s| s.trash_entry(id)).await
}

#[tauri::command]
pub async fn restore_entry(state: State<'_, AppState>, id: EntryId) -> Result<Entry, AppError> {
    state.with_store(move |s| s.restore_entry(id)).await
}

#[tauri::command]
pub async fn list_trash(state: State<'_, AppState>) -> Result<Vec<Entry>, AppError> {
    state.with_store(|s| s.trash()).await
}

#[tauri::command]
pub async fn empty_trash(state: State<'_, AppState>) -> Result<u32, AppError> {
    state
        .with_store(|s| s.empty_trash())
        .await
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
}

#[tauri::command]
pub async fn list_revisions(
    state: State<'_, AppState>,
    id: EntryId,
) -> Result<Vec<Revision>, AppError> {
    state.with_store(move |s| s.revisions(id)).await
}

#[tauri::command]
pub async fn restore_revision(
    state: State<'_, AppState>,
    revision_id: i64,
) -> Result<Entry, AppError> {
    state
        .with_store(move |s| s.restore_revision(revision_id))
        .await
}

#[tauri::command]
pub async fn list_tags(state: State<'_, AppState>) -> Result<Vec<TagCount>, AppError> {
    state.with_store(|s| s.tags()).await
}
