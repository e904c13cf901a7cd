//! Entry template commands.

use tauri::State;
use trajectory_core::{Template, TemplateDraft};

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub async fn list_templates(state: State<'_, AppState>) -> Result<Vec<Template>, AppError> {
    state.with_store(|s| s.templates()).await
}

#[tauri::command]
pub async fn save_template(
    state: State<'_, AppState>,
    template: TemplateDraft,
) -> Result<Template, AppError> {
    let valid = template.validate()?;
    state.with_store(move |s| s.save_template(valid)).await
}

#[tauri::command]
pub async fn delete_template(state: State<'_, AppState>, id: i64) -> Result<(), AppError> {
    state.with_store(move |s| s.delete_template(id)).await
}
