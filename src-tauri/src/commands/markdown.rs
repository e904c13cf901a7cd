//! Markdown preview and opening links: the preview is a node tree (never HTML), and only
//! web and email links leave the app, in the system's browser or mail program.

use tauri::{AppHandle, Runtime};
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
    let opened = open_in_desktop(app, url).await?;
    opened.map_err(|e| AppError::internal(format!("the link could not be opened: {e}")))
}

/// Linux: through GIO, without the app's compositing request (`webview::open_link`).
#[cfg(target_os = "linux")]
async fn open_in_desktop<R: Runtime>(
    _app: AppHandle<R>,
    url: String,
) -> Result<Result<(), String>, AppError> {
    tauri::async_runtime::spawn_blocking(move || crate::webview::open_link(&url))
        .await
        .map_err(AppError::internal)
}

#[cfg(not(target_os = "linux"))]
async fn open_in_desktop<R: Runtime>(
    app: AppHandle<R>,
    url: String,
) -> Result<Result<(), String>, AppError> {
    use tauri_plugin_opener::OpenerExt;
    Ok(app
        .opener()
        .open_url(url, None::<&str>)
        .map_err(|e| e.to_string()))
}
