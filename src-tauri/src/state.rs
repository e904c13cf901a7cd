//! The app's shared state: the data folder, the open store (or why it is not open) and the
//! passphrase it was opened with, used on blocking threads; and opening it at start-up while
//! the window is being built, with the day's backup written once the window is up.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use serde::Serialize;
use trajectory_core::{EntryPage, ErrorCode, Passphrase};
use trajectory_store::backup::PendingBackup;
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

/// Held while the day's backup is pending or being written (from the journal's opening until
/// the file is in place): the backup list, "Back up now", a restore and a change of passphrase
/// wait for it. Always taken after the journal's lock, never before. It keeps why the last
/// automatic backup failed, for the window to say so (decision 0061).
type BackupTurn = Arc<Mutex<BackupRecord>>;

/// What the window is told about the automatic backups.
#[derive(Debug, Default)]
struct BackupRecord {
    /// Why the last day's backup could not be made; cleared by the next one that is.
    failed: Option<AppError>,
}

/// The day's backup as the journal opens: not due, fixed and waiting to be written, or
/// already known not to be possible.
enum DayBackup {
    NotDue,
    Pending(PendingBackup),
    Failed(AppError),
}

/// How long after the journal has opened the day's backup is written. The window draws its
/// first screen meanwhile without sharing the two cores with it; what is backed up is fixed
/// when the journal opens (a [`PendingBackup`]), so the wait changes no byte of the backup.
const DAY_BACKUP_DELAY: Duration = Duration::from_secs(3);

pub struct AppState {
    data_dir: Option<PathBuf>,
    journal: Slot,
    backup_turn: BackupTurn,
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

/// The journal as the window's first page reads it (a handle on the app's own journal).
pub struct StartSource {
    journal: Slot,
    data_dir: Option<PathBuf>,
}

impl StartSource {
    /// Where the journal stands and, when it is open, its newest `page_size` entries (`None`
    /// when it is not open, or the read failed) — read now without waiting: `None` while the
    /// journal is being opened or a command holds it (the window then asks as usual).
    pub fn journal_now(&self, page_size: u32) -> Option<(JournalStatus, Option<EntryPage>)> {
        let journal = self.journal.try_lock().ok()?;
        let status = status_of(&journal, self.data_dir.as_deref());
        let first_page = match &journal.store {
            Ok(store) => store.timeline(None, page_size).ok(),
            Err(_) => None,
        };
        Some((status, first_page))
    }
}

/// Opens the journal the way the app starts: a read-only `quick_check` first (a damaged
/// database is reported, never written to), then open and migrate (with a backup before any
/// migration). When the newest daily backup is a day old or older, the day's backup is made
/// pending here — its content fixed as the journal is now — for [`take_day_backup`] to write.
fn open_store(dir: &Path, key: Option<&Passphrase>) -> Result<(Store, DayBackup), AppError> {
    let store = Store::open_checked(dir, key)?;
    let now = chrono::Utc::now();
    // The journal itself is fine; a failed backup must not keep the person from writing.
    let day = match store.backup_due(now) {
        Ok(true) => match store.pending_backup() {
            Ok(pending) => DayBackup::Pending(pending),
            Err(e) => DayBackup::Failed(e.into()),
        },
        Ok(false) => DayBackup::NotDue,
        Err(e) => DayBackup::Failed(e.into()),
    };
    Ok((store, day))
}

/// Writes the day's backup made pending by [`open_store`] and notes in `record` whether it
/// could be made (the caller holds the backup turn).
fn take_day_backup(day: DayBackup, record: &mut BackupRecord) {
    let outcome = match day {
        DayBackup::NotDue => return,
        DayBackup::Pending(pending) => pending.take(chrono::Utc::now()).map_err(AppError::from),
        DayBackup::Failed(e) => Err(e),
    };
    match outcome {
        Ok(_) => record.failed = None,
        Err(e) => {
            eprintln!(
                "trajectory: the daily backup could not be made: {}",
                e.message
            );
            record.failed = Some(e);
        }
    }
}

/// Once a day, after the day's backup: whether the search index is damaged. The start-up
/// check leaves the index's own structure out to open sooner (decision 0060). Read-only, on a
/// connection of its own: it takes nothing from the journal's connection (the caller holds
/// the backup turn, which must never wait for the journal's lock).
fn search_index_damaged(dir: &Path) -> bool {
    match trajectory_store::search::search_index_sound(dir, None) {
        Ok(sound) => !sound,
        Err(e) => {
            eprintln!("trajectory: the search index could not be checked: {e}");
            false
        }
    }
}

/// Builds a damaged search index again from the entries, on the journal's own connection: a
/// search index is derived data, so the fix is to build it again, not to refuse the journal.
fn rebuild_search_index(slot: &Slot) {
    let mut journal = slot.lock().unwrap_or_else(PoisonError::into_inner);
    let Ok(store) = &mut journal.store else {
        return;
    };
    match store.rebuild_search_index() {
        Ok(()) => eprintln!("trajectory: the search index was damaged; it was rebuilt"),
        Err(e) => eprintln!("trajectory: the damaged search index could not be rebuilt: {e}"),
    }
}

/// Opens the journal into `journal` (already locked by the caller) and returns where the
/// day's backup stands.
fn open_into(journal: &mut Journal, dir: &Path, key: Option<&Passphrase>) -> DayBackup {
    place(journal, open_store(dir, key))
}

/// Puts what [`open_store`] gave into `journal`: the store, or why it did not open. Returns
/// where the day's backup stands (not due when the journal did not open).
fn place(journal: &mut Journal, opened: Result<(Store, DayBackup), AppError>) -> DayBackup {
    match opened {
        Ok((store, day)) => {
            journal.store = Ok(store);
            day
        }
        Err(e) => {
            journal.store = Err(e);
            DayBackup::NotDue
        }
    }
}

/// Starts opening the journal in `dir` on a thread of its own, so the integrity check runs
/// while Tauri builds the window and WebKit loads the page, and returns the journal's slot
/// already locked by that thread: a command that needs the journal (the window's first asks
/// where it stands) waits until it is open or known not to open. The same thread then writes
/// the day's backup, `backup_delay` later, holding `backup_turn` until it is done.
fn open_in_background(dir: PathBuf, backup_turn: BackupTurn, backup_delay: Duration) -> Slot {
    let slot: Slot = Arc::new(Mutex::new(Journal {
        store: Err(AppError::internal("the journal is still being opened")),
        key: None,
    }));
    let opener = slot.clone();
    let opening = dir.clone();
    let turn = backup_turn.clone();
    let (locked, wait_until_locked) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("journal-open".into())
        .spawn(move || {
            let mut journal = opener.lock().unwrap_or_else(PoisonError::into_inner);
            let mut backing_up = turn.lock().unwrap_or_else(PoisonError::into_inner);
            let _ = locked.send(());
            let day = open_into(&mut journal, &opening, None);
            drop(journal);
            let mut damaged_index = false;
            if !matches!(day, DayBackup::NotDue) {
                std::thread::sleep(backup_delay);
                take_day_backup(day, &mut backing_up);
                damaged_index = search_index_damaged(&opening);
            }
            drop(backing_up);
            // The journal's lock is taken only once the backup turn is given back.
            if damaged_index {
                rebuild_search_index(&opener);
            }
        });
    match spawned {
        Ok(_) => {
            // Returns once the opener holds both locks (or has ended).
            let _ = wait_until_locked.recv();
        }
        Err(e) => {
            eprintln!("trajectory: opening the journal on this thread (no thread for it: {e})");
            let mut journal = slot.lock().unwrap_or_else(PoisonError::into_inner);
            let day = open_into(&mut journal, &dir, None);
            drop(journal);
            if !matches!(day, DayBackup::NotDue) {
                let mut record = backup_turn.lock().unwrap_or_else(PoisonError::into_inner);
                take_day_backup(day, &mut record);
                drop(record);
                if search_index_damaged(&dir) {
                    rebuild_search_index(&slot);
                }
            }
        }
    }
    slot
}

/// Where `journal` stands, for the window.
fn status_of(journal: &Journal, data_dir: Option<&Path>) -> JournalStatus {
    let encrypted = match (&journal.store, data_dir) {
        (Ok(store), _) => store.encrypted(),
        (Err(_), Some(dir)) => {
            trajectory_store::encryption::journal_encrypted(dir).unwrap_or(journal.key.is_some())
        }
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
    JournalStatus {
        state,
        message,
        encrypted,
        data_dir: data_dir.map(|d| d.display().to_string()),
    }
}

fn poisoned() -> AppError {
    AppError::internal("the journal is locked after an earlier failure")
}

impl AppState {
    /// Resolves the data folder and starts opening the journal in the background (see
    /// `open_in_background`). A failure is kept and reported by every command, so the window
    /// can still open and say what is wrong.
    pub fn open(explicit: Option<PathBuf>) -> AppState {
        AppState::open_with_backup_delay(explicit, DAY_BACKUP_DELAY)
    }

    /// [`AppState::open`] with the day's backup written `backup_delay` after the journal
    /// opens instead of [`DAY_BACKUP_DELAY`] (tests that need not wait for it).
    pub fn open_with_backup_delay(explicit: Option<PathBuf>, backup_delay: Duration) -> AppState {
        let backup_turn = BackupTurn::default();
        match resolve_data_dir(explicit) {
            Ok(dir) => AppState {
                journal: open_in_background(dir.clone(), backup_turn.clone(), backup_delay),
                data_dir: Some(dir),
                backup_turn,
            },
            Err(e) => AppState {
                data_dir: None,
                journal: Arc::new(Mutex::new(Journal {
                    store: Err(e.into()),
                    key: None,
                })),
                backup_turn,
            },
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

    /// Waits (on a blocking thread) until the start-up work is over: the journal open, or
    /// known not to open, and the day's backup written (so it is there to be listed) and the
    /// search index checked after it (a damaged one is rebuilt just after).
    pub async fn start_up_done(&self) -> Result<(), AppError> {
        let slot = self.journal.clone();
        let turn = self.backup_turn.clone();
        // Only waiting for the locks, one after the other and never holding the journal's
        // while waiting for the backup: every other command goes on meanwhile. A journal left
        // poisoned is reported by the commands that use it, not here.
        tauri::async_runtime::spawn_blocking(move || {
            drop(slot.lock());
            drop(turn.lock());
        })
        .await
        .map_err(AppError::internal)
    }

    /// Why the last automatic backup could not be made; `None` when it was made, or none was
    /// due. Waits until the start-up work is over, so the day's backup has had its turn.
    pub async fn backup_problem(&self) -> Result<Option<AppError>, AppError> {
        self.start_up_done().await?;
        let turn = self.backup_turn.clone();
        tauri::async_runtime::spawn_blocking(move || {
            turn.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .failed
                .clone()
        })
        .await
        .map_err(AppError::internal)
    }

    /// A backup was just made (Back up now): the journal is backed up again, whatever failed
    /// before.
    pub async fn backup_made(&self) -> Result<(), AppError> {
        let turn = self.backup_turn.clone();
        tauri::async_runtime::spawn_blocking(move || {
            turn.lock().unwrap_or_else(PoisonError::into_inner).failed = None;
        })
        .await
        .map_err(AppError::internal)
    }

    /// Where the journal stands; waits (on a blocking thread) while it is being opened.
    pub async fn status(&self) -> Result<JournalStatus, AppError> {
        let slot = self.journal.clone();
        let data_dir = self.data_dir.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let journal = slot.lock().map_err(|_| poisoned())?;
            Ok(status_of(&journal, data_dir.as_deref()))
        })
        .await
        .map_err(AppError::internal)?
    }

    /// What the window's first page reads its start data from (`start_page`).
    pub fn start_source(&self) -> StartSource {
        StartSource {
            journal: self.journal.clone(),
            data_dir: self.data_dir.clone(),
        }
    }

    /// Tries `passphrase` on a locked journal. A wrong one changes nothing and is reported;
    /// the right one opens the journal — or, if it is damaged, moves on to the recovery
    /// screen with the passphrase kept for reading its backups.
    pub async fn unlock(&self, passphrase: Passphrase) -> Result<JournalStatus, AppError> {
        let dir = self.require_data_dir()?;
        let slot = self.journal.clone();
        let turn = self.backup_turn.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut journal = slot.lock().map_err(|_| poisoned())?;
            if journal.store.is_ok() {
                return Ok(());
            }
            let mut backing_up = turn.lock().unwrap_or_else(PoisonError::into_inner);
            let day = match open_store(&dir, Some(&passphrase)) {
                Err(e) if e.code == ErrorCode::WrongPassphrase => return Err(e),
                opened => place(&mut journal, opened),
            };
            journal.key = Some(passphrase);
            // The journal is usable while its backup is written; what is backed up was fixed
            // as it opened.
            drop(journal);
            take_day_backup(day, &mut backing_up);
            Ok(())
        })
        .await
        .map_err(AppError::internal)??;
        self.status().await
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
        let turn = self.backup_turn.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut journal = slot.lock().map_err(|_| poisoned())?;
            // Not while the day's backup is still pending or being written.
            let _backing_up = turn.lock().unwrap_or_else(PoisonError::into_inner);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_data_never_waits_for_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let state =
            AppState::open_with_backup_delay(Some(dir.path().to_path_buf()), Duration::ZERO);
        // Once it is open (taking the lock waits for the opening).
        drop(state.journal.lock().unwrap());
        let source = state.start_source();
        let (status, first_page) = source
            .journal_now(10)
            .expect("read at once when no one holds the journal");
        assert_eq!(status.state, JournalState::Open);
        assert_eq!(first_page.map(|p| p.entries.len()), Some(0));
        // While a command holds it: nothing, at once.
        let held = state.journal.lock().unwrap();
        assert!(source.journal_now(10).is_none());
        drop(held);
    }
}
