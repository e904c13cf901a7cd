//! The app's shared state: the data folder and the open store, used on blocking threads.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use trajectory_insights::InsightError;
use trajectory_store::{Store, StoreError, resolve_data_dir};

use crate::error::AppError;

pub struct AppState {
    data_dir: Option<PathBuf>,
    store: Result<Arc<Mutex<Store>>, AppError>,
}

/// Opens the journal the way the app starts: a read-only `quick_check` first (a damaged
/// database is reported, never written to), then open and migrate (with a backup before any
/// migration), then the daily backup if the newest one is older than a day.
fn open_store(dir: &std::path::Path) -> Result<Arc<Mutex<Store>>, StoreError> {
    let store = Store::open_checked(dir)?;
    if let Err(e) = store.backup_if_due(chrono::Utc::now()) {
        // The journal itself is fine; a failed backup must not keep the person from writing.
        eprintln!("trajectory: the daily backup could not be made: {e}");
    }
    Ok(Arc::new(Mutex::new(store)))
}

impl AppState {
    /// Resolves the data folder and opens the journal. A failure is kept and reported by every
    /// command, so the window can still open and say what is wrong.
    pub fn open(explicit: Option<PathBuf>) -> AppState {
        match resolve_data_dir(explicit) {
            Ok(dir) => AppState {
                store: open_store(&dir).map_err(AppError::from),
                data_dir: Some(dir),
            },
            Err(e) => AppState {
                data_dir: None,
                store: Err(e.into()),
            },
        }
    }

    pub fn data_dir(&self) -> Option<&PathBuf> {
        self.data_dir.as_ref()
    }

    /// Like [`AppState::with_store`], for work that assembles insights (reports, charts).
    pub async fn with_insight<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, InsightError> + Send + 'static,
    {
        let store = self.store.clone()?;
        tauri::async_runtime::spawn_blocking(move || {
            let mut store = store.lock().map_err(|_| {
                AppError::internal("the journal is locked after an earlier failure")
            })?;
            work(&mut store).map_err(AppError::from)
        })
        .await
        .map_err(AppError::internal)?
    }

    /// Runs `work` against the store on a blocking thread, so the UI never waits on disk.
    pub async fn with_store<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    {
        let store = self.store.clone()?;
        tauri::async_runtime::spawn_blocking(move || {
            let mut store = store.lock().map_err(|_| {
                AppError::internal("the journal is locked after an earlier failure")
            })?;
            work(&mut store).map_err(AppError::from)
        })
        .await
        .map_err(AppError::internal)?
    }
}
