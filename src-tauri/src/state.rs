//! The app's shared state: the data folder, the open store (or why it is not open) and the
//! passphrase it was opened with, used on blocking threads.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;
use trajectory_core::{ErrorCode, Passphrase};
use trajectory_store::{Store, resolve_data_dir};

use crate::error::AppError;

/// The journal as the app holds it: the store, or why it is not open, and the passphrase
/// given for it (kept while the journal is damaged too, so a recovery can read encrypted
/// backups).
struct Journal {
    store: Result<Store, AppError>,
    key: Option<Passphrase>,
}

/// Behind one lock so a restore or a change of passphrase can close the store, rewrite the
/// files and reopen it while no command is using it.
type Slot = Arc<Mutex<Journal>>;

pub struct AppState {
    data_dir: Option<PathBuf>,
    journal: Slot,
}

/// Where the journal stands, for the window to choose between the app and a start-up screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum JournalState {
    /// Open and ready.
    Open,
    /// Encrypted; waiting for the passphrase.
    Locked,
    /// Failed the integrity check or could not be read: the recovery screen.
    Damaged,
    /// Written by a newer Trajectory: refused, left untouched.
    Newer,
    /// No data folder could be used.
    Unavailable,
}

/// What `journal_status` tells the window.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct JournalStatus {
    pub state: JournalState,
    /// Why the journal is not open, in words; `None` when it is.
    pub message: Option<String>,
    /// Whether the journal's file is encrypted.
    pub encrypted: bool,
    pub data_dir: Option<String>,
}

/// Opens the journal the way the app starts: a read-only `quick_check` first (a damaged
/// database is reported, never written to), then open and migrate (with a backup before any
/// migration), then the daily backup if the newest one is older than a day.
fn open_store(dir: &Path, key: Option<&Passphrase>) -> Result<Store, AppError> {
    let store = Store::open_checked(dir, key)?;
    if let Err(e) = store.backup_if_due(chrono::Utc::now()) {
        // The journal itself is fine; a failed backup must not keep the person from writing.
        eprintln!("trajectory: the daily backup could not be made: {e}");
    }
    Ok(store)
}

fn poisoned() -> AppError {
    AppError::internal("the journal is locked after an earlier failure")
}

impl AppState {
    /// Resolves the data folder and opens the journal. A failure is kept and reported by every
    /// command, so the window can still open and say what is wrong.
    pub fn open(explicit: Option<PathBuf>) -> AppState {
        let (data_dir, store) = match resolve_data_dir(explicit) {
            Ok(dir) => {
                let store = open_store(&dir, None);
                (Some(dir), store)
            }
            Err(e) => (None, Err(e.into())),
        };
        AppState {
            data_dir,
            journal: Arc::new(Mutex::new(Journal { store, key: None })),
        }
    }

    pub fn data_dir(&self) -> Option<&PathBuf> {
        self.data_dir.as_ref()
    }

    fn lock(&self) -> Result<MutexGuard<'_, Journal>, AppError> {
        self.journal.lock().map_err(|_| poisoned())
    }

    /// The data folder, or the error that says why there is none.
    pub fn require_data_dir(&self) -> Result<PathBuf, AppError> {
        match &self.data_dir {
            Some(dir) => Ok(dir.clone()),
            None => match &self.lock()?.store {
                Err(e) => Err(e.clone()),
                Ok(store) => Ok(store.data_dir().to_path_buf()),
            },
        }
    }

    /// Where the journal stands.
    pub fn status(&self) -> Result<JournalStatus, AppError> {
        let journal = self.lock()?;
        let encrypted = match (&journal.store, &self.data_dir) {
            (Ok(store), _) => store.encrypted(),
            (Err(_), Some(dir)) => trajectory_store::encryption::journal_encrypted(dir)
                .unwrap_or(journal.key.is_some()),
            (Err(_), None) => false,
        };
        let (state, message) = match &journal.store {
            Ok(_) => (JournalState::Open, None),
            Err(e) => (
                match e.code {
                    ErrorCode::Locked => JournalState::Locked,
                    ErrorCode::NewerDatabase => JournalState::Newer,
                    ErrorCode::StorageUnavailable => JournalState::Unavailable,
                    // Anything else that kept the journal from opening (the integrity check,
                    // a migration that failed) is met with the recovery screen.
                    _ => JournalState::Damaged,
                },
                Some(e.message.clone()),
            ),
        };
        Ok(JournalStatus {
            state,
            message,
            encrypted,
            data_dir: self.data_dir.as_ref().map(|d| d.display().to_string()),
        })
    }

    /// Tries `passphrase` on a locked journal. A wrong one changes nothing and is reported;
    /// the right one opens the journal — or, if it is damaged, moves on to the recovery
    /// screen with the passphrase kept for reading its backups.
    pub async fn unlock(&self, passphrase: Passphrase) -> Result<JournalStatus, AppError> {
        let dir = self.require_data_dir()?;
        let slot = self.journal.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut journal = slot.lock().map_err(|_| poisoned())?;
            if journal.store.is_ok() {
                return Ok(());
            }
            match open_store(&dir, Some(&passphrase)) {
                Err(e) if e.code == ErrorCode::WrongPassphrase => Err(e),
                opened => {
                    journal.store = opened;
                    journal.key = Some(passphrase);
                    Ok(())
                }
            }
        })
        .await
        .map_err(AppError::internal)??;
        self.status()
    }

    /// Like [`AppState::with_store`], for work whose error converts into an [`AppError`]
    /// (insights, imports and exports).
    pub async fn with_store_any<T, E, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        E: Into<AppError>,
        F: FnOnce(&mut Store) -> Result<T, E> + Send + 'static,
    {
        let slot = self.journal.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut journal = slot.lock().map_err(|_| poisoned())?;
            match &mut journal.store {
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

    /// Closes the store, runs `work` on the data folder with no store open (a restore, a
    /// change of passphrase), then opens the journal again — whether `work` succeeded or not —
    /// all on a blocking thread and under the journal's lock, so no command sees the database
    /// while it is replaced. `work` gets the passphrase in use and may return a new one (`Some`
    /// of the new setting) to reopen with.
    pub async fn with_store_closed<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&Path, Option<&Passphrase>) -> Result<(T, Option<Option<Passphrase>>), AppError>
            + Send
            + 'static,
    {
        let dir = self.require_data_dir()?;
        let slot = self.journal.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut journal = slot.lock().map_err(|_| poisoned())?;
            // Dropping the store closes its connection (and checkpoints its WAL).
            journal.store = Err(AppError::internal("the journal is being rewritten"));
            let result = work(&dir, journal.key.as_ref());
            let result = match result {
                Ok((value, new_key)) => {
                    if let Some(key) = new_key {
                        journal.key = key;
                    }
                    Ok(value)
                }
                Err(e) => Err(e),
            };
            journal.store = Store::open_checked(&dir, journal.key.as_ref()).map_err(AppError::from);
            result
        })
        .await
        .map_err(AppError::internal)?
    }
}
