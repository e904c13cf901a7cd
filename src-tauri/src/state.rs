//! The app's shared state: the data folder and the open store, used on blocking threads.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use trajectory_store::{Store, resolve_data_dir};

use crate::error::AppError;

/// The open journal, or why it is not open. Behind one lock so a restore can close the store,
/// replace the database file and reopen it while no command is using it.
type Slot = Arc<Mutex<Result<Store, AppError>>>;

pub struct AppState {
    data_dir: Option<PathBuf>,
    store: Slot,
}

/// Opens the journal the way the app starts: a read-only `quick_check` first (a damaged
/// database is reported, never written to), then open and migrate (with a backup before any
/// migration), then the daily backup if the newest one is older than a day.
fn open_store(dir: &std::path::Path) -> Result<Store, AppError> {
    let store = Store::open_checked(dir, None)?;
    if let Err(e) = store.backup_if_due(chrono::Utc::now()) {
        // The journal itself is fine; a failed backup must not keep the person from writing.
        eprintln!("trajectory: the daily backup could not be made: {e}");
    }
    Ok(store)
}

impl AppState {
    /// Resolves the data folder and opens the journal. A failure is kept and reported by every
    /// command, so the window can still open and say what is wrong.
    pub fn open(explicit: Option<PathBuf>) -> AppState {
        match resolve_data_dir(explicit) {
            Ok(dir) => AppState {
                store: Arc::new(Mutex::new(open_store(&dir))),
                data_dir: Some(dir),
            },
            Err(e) => AppState {
                data_dir: None,
                store: Arc::new(Mutex::new(Err(e.into()))),
            },
        }
    }

    pub fn data_dir(&self) -> Option<&PathBuf> {
        self.data_dir.as_ref()
    }

    /// The data folder, or the error that says why there is none.
    pub fn require_data_dir(&self) -> Result<PathBuf, AppError> {
        match &self.data_dir {
            Some(dir) => Ok(dir.clone()),
            None => match &*self.lock_slot()? {
                Err(e) => Err(e.clone()),
                Ok(store) => Ok(store.data_dir().to_path_buf()),
            },
        }
    }

    fn lock_slot(&self) -> Result<std::sync::MutexGuard<'_, Result<Store, AppError>>, AppError> {
        self.store
            .lock()
            .map_err(|_| AppError::internal("the journal is locked after an earlier failure"))
    }

    /// Like [`AppState::with_store`], for work whose error converts into an [`AppError`]
    /// (insights, imports and exports).
    pub async fn with_store_any<T, E, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        E: Into<AppError>,
        F: FnOnce(&mut Store) -> Result<T, E> + Send + 'static,
    {
        let slot = self.store.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut slot = slot.lock().map_err(|_| {
                AppError::internal("the journal is locked after an earlier failure")
            })?;
            match &mut *slot {
                Ok(store) => work(store).map_err(Into::into),
                Err(e) => Err(e.clone()),
            }
        })
        .await
        .map_err(AppError::internal)?
    }

    /// Like [`AppState::with_store`], for work that assembles insights (reports, charts).
    pub async fn with_insight<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, trajectory_insights::InsightError> + Send + 'static,
    {
        self.with_store_any(work).await
    }

    /// Runs `work` against the store on a blocking thread, so the UI never waits on disk.
    pub async fn with_store<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, trajectory_store::StoreError> + Send + 'static,
    {
        self.with_store_any(work).await
    }

    /// Closes the store, runs `work` on the data folder with no store open (a restore), then
    /// opens the journal again — whether `work` succeeded or not — all on a blocking thread
    /// and under the store's lock, so no command sees the database while it is replaced.
    pub async fn with_store_closed<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&std::path::Path) -> Result<T, AppError> + Send + 'static,
    {
        let dir = self.require_data_dir()?;
        let slot = self.store.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut slot = slot.lock().map_err(|_| {
                AppError::internal("the journal is locked after an earlier failure")
            })?;
            // Dropping the store closes its connection (and checkpoints its WAL).
            *slot = Err(AppError::internal("the journal is being restored"));
            let result = work(&dir);
            *slot = Store::open_checked(&dir, None).map_err(AppError::from);
            result
        })
        .await
        .map_err(AppError::internal)?
    }
}
