//! Full-text search over the journal.

use tauri::State;
use trajectory_core::{SearchQuery, SearchResults};

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> Result<SearchResults, AppError> {
    let valid = query.validate()?;
    state.with_store(move |s| s.search(&valid)).await
}
