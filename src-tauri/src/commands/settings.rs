//! The person's settings: slump sensitivity and desktop notifications.

use tauri::State;
use trajectory_core::AppSettings;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<AppSettings, AppError> {
    state.with_store(|s| s.settings()).await
}

#[tauri::command]
pub async fn update_settings(
    state: State<'_, AppState>,
    settings: AppSettings,
) -> Result<AppSettings, AppError> {
    state.with_store(move |s| s.save_settings(&settings)).await
}
