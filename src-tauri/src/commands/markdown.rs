//! Markdown preview and opening links: the preview is a node tree (never HTML), and only
//! web and email links leave the app, in the system's browser or mail program.

use tauri::{AppHandle, Runtime};
use tauri_plugin_opener::OpenerExt;
use trajectory_core::MdNode;
use trajectory_core::markdown::check_link;

use crate::error::AppError;

#[tauri::command]
pub async fn render_markdown(body: String) -> Result<Vec<MdNode>, AppError> {
    tauri::async_runtime::spawn_blocking(move || trajectory_core::render_markdown(&body))
        .await
        .map_err(AppError::internal)
}

#[tauri::command]
pub async fn open_link<R: Runtime>(app: AppHandle<R>, url: String) -> Result<(), AppError> {
    let url = check_link(&url)?;
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| AppError::internal(format!("the link could not be opened: {e}")))
}
