//! The Settings place's data commands: backups (list, back up now, restore), import from
//! another journal and export, with the file chosen in a system dialog on the Rust side.

use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tauri_plugin_dialog::{DialogExt, FilePath};
use trajectory_core::{DomainError, ErrorCode, ImportReport};
use trajectory_exchange::{DayRange, ExportFormat, Format};
use trajectory_store::backup::{self, BackupInfo, BackupKind};

use crate::error::AppError;
use crate::state::AppState;

/// The event an import sends while it writes: `done` of `total` entries.
pub const IMPORT_PROGRESS_EVENT: &str = "import-progress";

/// One backup in the list.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BackupView {
    /// What `restore_backup` takes.
    pub id: String,
    /// RFC 3339, UTC.
    pub taken_at: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// "regular" (daily or "back up now") or "before_migration".
    pub kind: String,
}

impl From<BackupInfo> for BackupView {
    fn from(b: BackupInfo) -> Self {
        BackupView {
            id: b.id,
            taken_at: b.taken_at.to_rfc3339(),
            bytes: b.bytes,
            kind: match b.kind {
                BackupKind::Regular => "regular",
                BackupKind::BeforeMigration => "before_migration",
            }
            .to_owned(),
        }
    }
}

/// What a restore did: the backup now in place, and where the replaced database was kept.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RestoreView {
    pub restored: BackupView,
    pub kept_aside: Option<String>,
}

/// The payload of [`IMPORT_PROGRESS_EVENT`].
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImportProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupView>, AppError> {
    // The day's backup is written shortly after the journal opens: list once it is there.
    state.start_up_done().await?;
    let dir = state.require_data_dir()?;
    tauri::async_runtime::spawn_blocking(move || backup::list_backups(&dir))
        .await
        .map_err(AppError::internal)?
        .map(|list| list.into_iter().map(BackupView::from).collect())
        .map_err(AppError::from)
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupView, AppError> {
    // Not beside the day's backup: one backup file at a time.
    state.start_up_done().await?;
    let made = state.with_store(|s| s.backup_now(Utc::now())).await?;
    state.backup_made().await?;
    Ok(BackupView::from(made))
}

/// Why the last automatic backup could not be made, if it could not (`null` when it was).
#[tauri::command]
pub async fn backup_problem(state: State<'_, AppState>) -> Result<Option<AppError>, AppError> {
    state.backup_problem().await
}

/// Closes the journal, restores backup `id` (the current database is moved aside into
/// `replaced/`, never overwritten) and opens the journal again.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    id: String,
) -> Result<RestoreView, AppError> {
    state
        .with_store_closed(move |dir, key| {
            let report = backup::restore_backup(dir, &id, Utc::now(), key)?;
            Ok((report.into(), None))
        })
        .await
}

impl From<backup::RestoreReport> for RestoreView {
    fn from(r: backup::RestoreReport) -> Self {
        RestoreView {
            restored: r.restored.into(),
            kept_aside: r.kept_aside.map(|p| p.display().to_string()),
        }
    }
}

fn unknown_format(name: &str, known: &str) -> AppError {
    AppError {
        code: ErrorCode::InvalidImport,
        message: format!("\"{name}\" is not a format Trajectory knows; use one of: {known}."),
    }
}

fn into_path(path: FilePath) -> Result<PathBuf, AppError> {
    path.into_path().map_err(AppError::internal)
}

/// Asks for the file to import (a system open dialog), then imports it in one transaction,
/// sending [`IMPORT_PROGRESS_EVENT`] as it goes. Returns null when the person cancelled.
#[tauri::command]
pub async fn import_journal<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: String,
) -> Result<Option<ImportReport>, AppError> {
    let format = Format::parse(&format)
        .ok_or_else(|| unknown_format(&format, "jrnl, jrnl-json, dayone, json"))?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    let dialog = app.dialog().file().set_title("Import a journal");
    let dialog = match format {
        Format::Jrnl => dialog.add_filter("jrnl journal", &["txt"]),
        Format::JrnlJson | Format::Json => dialog.add_filter("JSON", &["json"]),
        Format::DayOne => dialog.add_filter("Day One export", &["zip", "json"]),
    };
    dialog.pick_file(move |path| {
        let _ = tx.send(path);
    });
    let Some(path) = rx.await.map_err(AppError::internal)? else {
        return Ok(None);
    };
    let path = into_path(path)?;
    let report = state
        .with_store_any(move |s| {
            trajectory_exchange::import_file(s, format, &path, &mut |done, total| {
                let _ = app.emit(IMPORT_PROGRESS_EVENT, ImportProgress { done, total });
            })
        })
        .await?;
    Ok(Some(report))
}

fn day(text: Option<String>) -> Result<Option<NaiveDate>, AppError> {
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                DomainError::InvalidDate {
                    input: t.to_owned(),
                }
                .into()
            }),
    }
}

/// Asks where to export (a save dialog; a folder for Markdown), then exports: the whole
/// journal as JSON, a Markdown folder, or the review packet for `from`–`to` (Markdown, or
/// HTML when the chosen name ends in `.html`). Returns the path written, or null when the
/// person cancelled.
#[tauri::command]
pub async fn export_journal<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: String,
    from: Option<String>,
    to: Option<String>,
) -> Result<Option<String>, AppError> {
    let format = ExportFormat::parse(&format)
        .ok_or_else(|| unknown_format(&format, "json, markdown, review"))?;
    let range = DayRange {
        from: day(from)?,
        to: day(to)?,
    };
    if let (Some(f), Some(t)) = (range.from, range.to)
        && format != ExportFormat::Json
        && f > t
    {
        return Err(AppError {
            code: ErrorCode::InvalidPeriod,
            message: format!("The range starts ({f}) after it ends ({t})."),
        });
    }
    let range = if format == ExportFormat::Json {
        DayRange::default()
    } else {
        range
    };
    let stamp = Utc::now().format("%Y-%m-%d");
    let (tx, rx) = tokio::sync::oneshot::channel();
    let mut dialog = app.dialog().file();
    // Opened in the home folder: GTK's chooser otherwise starts on "Recent", which lists
    // files, not the folders a Markdown export goes into.
    if let Ok(home) = app.path().home_dir() {
        dialog = dialog.set_directory(home);
    }
    let send = move |path| {
        let _ = tx.send(path);
    };
    match format {
        ExportFormat::Json => dialog
            .set_title("Export the journal as JSON")
            .set_file_name(format!("trajectory-{stamp}.json"))
            .add_filter("JSON", &["json"])
            .save_file(send),
        ExportFormat::Markdown => dialog
            .set_title("Choose a folder for the Markdown export")
            .pick_folder(send),
        ExportFormat::Review => dialog
            .set_title("Export the review packet")
            .set_file_name(format!("trajectory-review-{stamp}.md"))
            .add_filter("Markdown", &["md"])
            .add_filter("HTML", &["html"])
            .save_file(send),
    }
    let Some(path) = rx.await.map_err(AppError::internal)? else {
        return Ok(None);
    };
    let path = into_path(path)?;
    let written = path.clone();
    state
        .with_store_any(move |s| {
            trajectory_exchange::export(s, format, &written, range, Utc::now())
        })
        .await?;
    Ok(Some(path.display().to_string()))
}
