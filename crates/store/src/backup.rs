//! Backups through SQLite's online backup API, their rotation (7 daily, 4 weekly), restore
//! (the current database is moved aside, never overwritten) and the integrity check that
//! keeps a damaged database from being written to.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::Connection;
use trajectory_core::Passphrase;
use trajectory_core::retention::{backup_due, backups_to_keep};

use crate::data_dir::DATABASE_FILE;
use crate::db::Store;
use crate::encryption::{Access, open_file};
use crate::error::{StoreError, io_error};
use crate::schema;

/// The folder, inside the data folder, that holds backups.
pub const BACKUP_DIR: &str = "backups";
/// The folder, inside the data folder, where a restore puts the database it replaced.
pub const REPLACED_DIR: &str = "replaced";

const AUTOMATIC_PREFIX: &str = "backup-";
const MIGRATION_PREFIX: &str = "pre-migration-";
const EXTENSION: &str = "sqlite3";

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// "Back up now", or the daily one on start. Rotated: 7 daily and 4 weekly are kept.
    Regular,
    /// Taken before a schema migration. Never rotated away.
    BeforeMigration,
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BackupInfo {
    /// What `restore` takes: the file name without `.sqlite3`.
    pub id: String,
    pub path: PathBuf,
    pub taken_at: DateTime<Utc>,
    pub bytes: u64,
    pub kind: BackupKind,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RestoreReport {
    pub restored: BackupInfo,
    /// Where the database that was replaced now is (with its `-wal`/`-shm` beside it, if it
    /// had them); `None` if there was none.
    pub kept_aside: Option<PathBuf>,
}

/// A time as it appears in file names: no `:` (not allowed on Windows).
fn file_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H%M%S%.3fZ").to_string()
}

fn parse_stamp(text: &str) -> Option<DateTime<Utc>> {
    ["%Y-%m-%dT%H%M%S%.3fZ", "%Y-%m-%dT%H%M%SZ"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .map(|t| t.and_utc())
}

/// Reads a backup's id into its kind and time; `None` for files that are not backups.
fn read_id(id: &str) -> Option<(BackupKind, DateTime<Utc>)> {
    if let Some(stamp) = id.strip_prefix(AUTOMATIC_PREFIX) {
        return parse_stamp(stamp).map(|t| (BackupKind::Regular, t));
    }
    // pre-migration-v1-to-v3-2026-11-25T101500Z
    let rest = id.strip_prefix(MIGRATION_PREFIX)?;
    let stamp = rest.splitn(4, '-').nth(3)?;
    parse_stamp(stamp).map(|t| (BackupKind::BeforeMigration, t))
}

/// Every backup in `data_dir`, newest first.
pub fn list_backups(data_dir: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let dir = data_dir.join(BACKUP_DIR);
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut backups = Vec::new();
    for item in std::fs::read_dir(&dir).map_err(io_error(&dir))? {
        let item = item.map_err(io_error(&dir))?;
        let path = item.path();
        if path.extension().and_then(|e| e.to_str()) != Some(EXTENSION) {
            continue;
        }
        let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
            continue;
        };
        let Some((kind, taken_at)) = read_id(&id) else {
            continue;
        };
        let bytes = item.metadata().map_err(io_error(&path))?.len();
        backups.push(BackupInfo {
            id,
            path,
            taken_at,
            bytes,
            kind,
        });
    }
    backups.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.id.cmp(&a.id)));
    Ok(backups)
}

/// Runs `PRAGMA quick_check` on a database file through a read-only connection: nothing is
/// written to it. A file that is not a database, or any problem found, is
/// [`StoreError::Damaged`]. A missing file is fine (a new journal). An encrypted file needs
/// `key` ([`StoreError::Locked`], [`StoreError::WrongPassphrase`]).
///
/// The check covers the file's structure: every page, table, index and the free list,
/// the search index's own tables included. It leaves out FTS5's walk of the search index
/// inside those tables (95 of the 105 ms at 10,000 entries): that index is derived from the
/// entries, so it is checked, and rebuilt when it is damaged, once a day
/// (`search::search_index_sound`, decision 0060).
pub fn check_file(path: &Path, key: Option<&Passphrase>) -> Result<(), StoreError> {
    if !path.exists() {
        return Ok(());
    }
    let damaged = |problems: String| StoreError::Damaged { problems };
    let conn = open_file(path, key, Access::ReadOnly).map_err(|e| match e {
        // Without a key, a file that does not start like a database is damaged (an encrypted
        // journal is recognised as locked before it is checked: `Store::open_checked`).
        StoreError::Locked => damaged("the file does not start like an SQLite database".into()),
        StoreError::WrongPassphrase | StoreError::Io { .. } => e,
        other => damaged(other.to_string()),
    })?;
    drop_virtual_table_modules(&conn);
    check_connection(&conn)
}

/// Takes every virtual table module (FTS5 among them) off `conn`, a connection opened for a
/// check only: `PRAGMA quick_check` then checks the pages of the search index's tables but
/// does not run FTS5's walk of the inverted index stored in them. Should SQLite refuse, the
/// modules stay and the check is the whole one, only slower.
#[allow(unsafe_code)]
fn drop_virtual_table_modules(conn: &Connection) {
    // SAFETY: `conn.handle()` is the live connection `conn` owns, used on this thread for
    // the length of the call and not closed meanwhile; a null keep-list is documented as
    // "keep none". No statement is open on the connection (the pragmas run so far are
    // finalised), and the modules dropped are only looked up when a virtual table is next
    // used, which on this connection is only the check (it then skips FTS5's part).
    let _ = unsafe { rusqlite::ffi::sqlite3_drop_modules(conn.handle(), std::ptr::null_mut()) };
}

/// Runs `PRAGMA quick_check` on an open connection (it only reads). Any problem is
/// [`StoreError::Damaged`].
pub(crate) fn check_connection(conn: &Connection) -> Result<(), StoreError> {
    let damaged = |problems: String| StoreError::Damaged { problems };
    let problems: Vec<String> = (|| {
        let mut stmt = conn.prepare("PRAGMA quick_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
    })()
    .map_err(|e| damaged(e.to_string()))?;
    if problems.len() == 1 && problems[0] == "ok" {
        Ok(())
    } else {
        let mut text = problems.into_iter().take(3).collect::<Vec<_>>().join("; ");
        if text.is_empty() {
            text = "the integrity check gave no answer".into();
        }
        Err(damaged(text))
    }
}

/// Checks the journal in `data_dir` (see [`check_file`]). The app calls this on start,
/// before [`Store::open`], and shows its recovery screen on [`StoreError::Damaged`].
pub fn quick_check(data_dir: &Path, key: Option<&Passphrase>) -> Result<(), StoreError> {
    check_file(&data_dir.join(DATABASE_FILE), key)
}

fn schema_version_of(path: &Path, key: Option<&Passphrase>) -> Result<i64, StoreError> {
    let conn = open_file(path, key, Access::ReadOnly)?;
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Copies the live database to `target` with the online backup API, as a self-contained
/// file (rollback journal, no `-wal` needed), checked before it gets its final name. The copy
/// is encrypted with `key` when the journal is.
pub(crate) fn copy_database(
    conn: &Connection,
    target: &Path,
    key: Option<&Passphrase>,
) -> Result<(), StoreError> {
    let mut partial = target.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let _ = std::fs::remove_file(&partial);
    {
        let mut dest = open_file(&partial, key, Access::ReadWrite)?;
        {
            let backup = rusqlite::backup::Backup::new(conn, &mut dest)?;
            backup.run_to_completion(1024, Duration::from_millis(0), None)?;
        }
        dest.pragma_update(None, "journal_mode", "DELETE")?;
    }
    if let Err(e) = check_file(&partial, key) {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, target).map_err(io_error(target))
}

/// A copy still unfinished this long after it was last written was abandoned (the app was
/// closed or killed while writing it), not one another process is writing now.
const ABANDONED_AFTER: Duration = Duration::from_secs(60 * 60);

/// Removes the `.partial` copies (and their rollback journals) that a backup interrupted by
/// the app's end left in `dir`; each is as big as the journal. Best effort: what cannot be
/// read or removed stays.
fn remove_abandoned_copies(dir: &Path) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    for file in listing.flatten() {
        let name = file.file_name();
        let name = name.to_string_lossy();
        if !(name.ends_with(".partial") || name.ends_with(".partial-journal")) {
            continue;
        }
        let age = file
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        if age.is_some_and(|age| age >= ABANDONED_AFTER) {
            let _ = std::fs::remove_file(file.path());
        }
    }
}

/// Takes a regular backup of what `conn` reads into `data_dir`'s backups, named after `now`,
/// then rotates the regular backups.
fn take_backup(
    conn: &Connection,
    data_dir: &Path,
    key: Option<&Passphrase>,
    now: DateTime<Utc>,
) -> Result<BackupInfo, StoreError> {
    let dir = data_dir.join(BACKUP_DIR);
    std::fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    remove_abandoned_copies(&dir);
    let mut id = format!("{AUTOMATIC_PREFIX}{}", file_stamp(now));
    let mut n = 1;
    while dir.join(format!("{id}.{EXTENSION}")).exists() {
        n += 1;
        id = format!("{AUTOMATIC_PREFIX}{}-{n}", file_stamp(now));
    }
    let path = dir.join(format!("{id}.{EXTENSION}"));
    copy_database(conn, &path, key)?;
    let bytes = std::fs::metadata(&path).map_err(io_error(&path))?.len();
    rotate(data_dir)?;
    Ok(BackupInfo {
        id,
        path,
        taken_at: now,
        bytes,
        kind: BackupKind::Regular,
    })
}

/// A backup whose content is fixed now and written later: a read-only connection of its own
/// holding a read transaction open on the journal as it stood. The day's backup is copied
/// from it after the journal has been handed to the window, while entries may already be
/// written (WAL lets the writer go on), and still holds the journal exactly as it was when
/// the pending backup was made.
pub struct PendingBackup {
    conn: Connection,
    data_dir: PathBuf,
    key: Option<Passphrase>,
}

impl std::fmt::Debug for PendingBackup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingBackup")
            .field("data_dir", &self.data_dir)
            .field("encrypted", &self.key.is_some())
            .finish()
    }
}

impl PendingBackup {
    /// Writes the backup as a regular one named after `now`, then rotates.
    pub fn take(self, now: DateTime<Utc>) -> Result<BackupInfo, StoreError> {
        take_backup(&self.conn, &self.data_dir, self.key.as_ref(), now)
    }
}

impl Store {
    /// Takes a backup now ("Back up now"), then rotates the regular backups (7 daily, 4
    /// weekly; before-migration ones are never removed). `now` names the file.
    pub fn backup_now(&self, now: DateTime<Utc>) -> Result<BackupInfo, StoreError> {
        take_backup(&self.conn, self.data_dir(), self.key.as_ref(), now)
    }

    /// Whether the automatic backup is due: the newest regular backup is a day old or older,
    /// or there is none.
    pub fn backup_due(&self, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let newest = list_backups(self.data_dir())?
            .into_iter()
            .filter(|b| b.kind == BackupKind::Regular)
            .map(|b| b.taken_at)
            .max();
        Ok(backup_due(newest, now))
    }

    /// The automatic backup: taken when [`Store::backup_due`]. Returns the new backup, if one
    /// was taken.
    pub fn backup_if_due(&self, now: DateTime<Utc>) -> Result<Option<BackupInfo>, StoreError> {
        if self.backup_due(now)? {
            self.backup_now(now).map(Some)
        } else {
            Ok(None)
        }
    }

    /// A backup of the journal as it stands now, to be written later (see [`PendingBackup`]).
    /// Its read transaction starts here: what this store writes afterwards is not in it.
    pub fn pending_backup(&self) -> Result<PendingBackup, StoreError> {
        let conn = open_file(
            &self.data_dir().join(DATABASE_FILE),
            self.key.as_ref(),
            Access::ReadOnly,
        )?;
        conn.execute_batch("BEGIN DEFERRED")?;
        // A deferred transaction takes its snapshot at its first read.
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })?;
        Ok(PendingBackup {
            conn,
            data_dir: self.data_dir().to_path_buf(),
            key: self.key.clone(),
        })
    }
}

/// Removes the regular backups the retention rule does not keep. Returns how many.
pub fn rotate(data_dir: &Path) -> Result<usize, StoreError> {
    let regular: Vec<BackupInfo> = list_backups(data_dir)?
        .into_iter()
        .filter(|b| b.kind == BackupKind::Regular)
        .collect();
    let times: Vec<DateTime<Utc>> = regular.iter().map(|b| b.taken_at).collect();
    let mut removed = 0;
    for (backup, keep) in regular.iter().zip(backups_to_keep(&times)) {
        if !keep {
            std::fs::remove_file(&backup.path).map_err(io_error(&backup.path))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Restores backup `id` into `data_dir`. No [`Store`] may be open on the folder (the app
/// closes its own first).
///
/// The backup is checked first (`quick_check`, and not from a newer schema); then the current
/// database and its `-wal`/`-shm` are moved into `replaced/` — never overwritten or deleted —
/// the backup is copied in under a temporary name and renamed into place, and the result is
/// checked again.
pub fn restore_backup(
    data_dir: &Path,
    id: &str,
    now: DateTime<Utc>,
    key: Option<&Passphrase>,
) -> Result<RestoreReport, StoreError> {
    let backup = list_backups(data_dir)?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or_else(|| StoreError::BackupNotFound { id: id.to_owned() })?;
    check_file(&backup.path, key)?;
    let found = schema_version_of(&backup.path, key)?;
    if found > schema::latest_version() {
        return Err(StoreError::NewerDatabase {
            found,
            supported: schema::latest_version(),
        });
    }
    let live = data_dir.join(DATABASE_FILE);
    let incoming = data_dir.join(format!("{DATABASE_FILE}.restoring"));
    std::fs::copy(&backup.path, &incoming).map_err(io_error(&incoming))?;
    std::fs::File::open(&incoming)
        .and_then(|f| f.sync_all())
        .map_err(io_error(&incoming))?;

    let kept_aside = if live.exists() {
        let aside_dir = data_dir.join(REPLACED_DIR);
        std::fs::create_dir_all(&aside_dir).map_err(io_error(&aside_dir))?;
        let aside = aside_dir.join(format!("journal-replaced-{}.{EXTENSION}", file_stamp(now)));
        if aside.exists() {
            let _ = std::fs::remove_file(&incoming);
            return Err(StoreError::Io {
                path: aside.display().to_string(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "a database was already set aside at this time",
                ),
            });
        }
        // The WAL and shared-memory files go with the database they belong to, so what is
        // set aside is exactly what was there.
        for suffix in ["-wal", "-shm"] {
            let side = data_dir.join(format!("{DATABASE_FILE}{suffix}"));
            if side.exists() {
                let to = PathBuf::from(format!("{}{suffix}", aside.display()));
                std::fs::rename(&side, &to).map_err(io_error(&side))?;
            }
        }
        std::fs::rename(&live, &aside).map_err(io_error(&live))?;
        Some(aside)
    } else {
        None
    };
    std::fs::rename(&incoming, &live).map_err(io_error(&live))?;
    check_file(&live, key)?;
    Ok(RestoreReport {
        restored: backup,
        kept_aside,
    })
}

/// The recovery screen's first offer: restores the newest backup that passes the integrity
/// check and is not from a newer version (older ones are tried in turn), keeping the current
/// database aside as [`restore_backup`] does. [`StoreError::NoGoodBackup`] when none will do.
pub fn restore_newest_good(
    data_dir: &Path,
    now: DateTime<Utc>,
    key: Option<&Passphrase>,
) -> Result<RestoreReport, StoreError> {
    let mut tried = 0;
    for backup in list_backups(data_dir)? {
        tried += 1;
        let usable = check_file(&backup.path, key).is_ok()
            && schema_version_of(&backup.path, key).is_ok_and(|v| v <= schema::latest_version());
        if usable {
            return restore_backup(data_dir, &backup.id, now, key);
        }
    }
    Err(StoreError::NoGoodBackup { tried })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;
    use trajectory_core::EntryDraft;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn add(store: &mut Store, body: &str) {
        store
            .create_entry(
                &EntryDraft {
                    entry_date: "2026-03-14".into(),
                    body: body.into(),
                    tags: vec![],
                    mood: None,
                    progress: None,
                }
                .validate()
                .unwrap(),
            )
            .unwrap();
    }

    fn bodies(store: &Store) -> Vec<String> {
        store
            .timeline(None, 50)
            .unwrap()
            .entries
            .into_iter()
            .map(|e| e.body)
            .collect()
    }

    #[test]
    fn a_backup_is_a_checked_self_contained_copy() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        add(&mut store, "kept in the backup");
        let b = store.backup_now(t("2026-03-14T10:00:00Z")).unwrap();
        assert_eq!(b.id, "backup-2026-03-14T100000.000Z");
        assert!(b.bytes > 0);
        check_file(&b.path, None).unwrap();
        let copy = Connection::open(&b.path).unwrap();
        let mode: String = copy
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
        let body: String = copy
            .query_row("SELECT body FROM entries", [], |r| r.get(0))
            .unwrap();
        assert_eq!(body, "kept in the backup");
        let listed = list_backups(tmp.path()).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].taken_at, t("2026-03-14T10:00:00Z"));
        // Two in the same millisecond get distinct names.
        let again = store.backup_now(t("2026-03-14T10:00:00Z")).unwrap();
        assert_ne!(again.id, b.id);
    }

    #[test]
    fn a_pending_backup_holds_the_journal_as_it_was_when_made() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        add(&mut store, "written before the snapshot");
        let pending = store.pending_backup().unwrap();
        // Writing goes on while the backup is pending (WAL), and is not in it.
        add(&mut store, "written after the snapshot");
        let b = pending.take(t("2026-03-14T10:00:00Z")).unwrap();
        check_file(&b.path, None).unwrap();
        let copy = Connection::open(&b.path).unwrap();
        let kept: Vec<String> = copy
            .prepare("SELECT body FROM entries ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(kept, vec!["written before the snapshot".to_string()]);
        assert_eq!(bodies(&store).len(), 2);
        assert_eq!(list_backups(tmp.path()).unwrap().len(), 1);
    }

    #[test]
    fn a_pending_backup_of_an_encrypted_journal_is_encrypted_too() {
        let tmp = tempfile::tempdir().unwrap();
        let key = Passphrase::new("a long enough passphrase").unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        add(&mut store, "secret words");
        drop(store);
        crate::encryption::change_encryption(tmp.path(), None, Some(&key)).unwrap();
        let store = Store::open(tmp.path(), Some(&key)).unwrap();
        let b = store
            .pending_backup()
            .unwrap()
            .take(t("2026-03-14T10:00:00Z"))
            .unwrap();
        check_file(&b.path, Some(&key)).unwrap();
        assert!(check_file(&b.path, None).is_err());
    }

    #[test]
    fn a_backup_removes_copies_an_interrupted_backup_abandoned() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        add(&mut store, "kept");
        let dir = tmp.path().join(BACKUP_DIR);
        std::fs::create_dir_all(&dir).unwrap();
        let old = dir.join("backup-2026-03-01T100000.000Z.sqlite3.partial");
        let old_journal = dir.join("backup-2026-03-01T100000.000Z.sqlite3.partial-journal");
        let fresh = dir.join("backup-2026-03-14T095959.000Z.sqlite3.partial");
        for f in [&old, &old_journal, &fresh] {
            std::fs::write(f, b"half a copy").unwrap();
        }
        let two_hours_ago = std::time::SystemTime::now() - Duration::from_secs(2 * 60 * 60);
        for f in [&old, &old_journal] {
            std::fs::File::options()
                .write(true)
                .open(f)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
        }
        store.backup_now(t("2026-03-14T10:00:00Z")).unwrap();
        assert!(!old.exists() && !old_journal.exists());
        // One written a moment ago may be another process's backup in progress: left alone.
        assert!(fresh.exists());
        assert_eq!(list_backups(tmp.path()).unwrap().len(), 1);
    }

    #[test]
    fn the_automatic_backup_runs_once_a_day_and_rotation_keeps_seven_and_four() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path(), None).unwrap();
        let start = t("2026-01-01T09:00:00Z");
        assert!(store.backup_if_due(start).unwrap().is_some());
        assert!(
            store
                .backup_if_due(start + TimeDelta::hours(5))
                .unwrap()
                .is_none()
        );
        for day in 1..60 {
            store
                .backup_if_due(start + TimeDelta::days(day) + TimeDelta::hours(1))
                .unwrap()
                .unwrap();
        }
        let left = list_backups(tmp.path()).unwrap();
        assert!(left.len() <= 11 && left.len() >= 7, "{}", left.len());
        let newest = &left[0];
        assert_eq!(newest.taken_at.date_naive().to_string(), "2026-03-01");
        let days: std::collections::HashSet<_> =
            left.iter().map(|b| b.taken_at.date_naive()).collect();
        for back in 0..7 {
            let day = newest.taken_at.date_naive() - TimeDelta::days(back);
            assert!(days.contains(&day), "missing {day}");
        }
    }

    #[test]
    fn salvage_reads_every_entry_but_those_on_a_damaged_page_and_never_writes_the_journal() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        for n in 0..300 {
            add(&mut store, &format!("entry {n} {}", "words ".repeat(50)));
        }
        let page: i64 = store
            .conn
            .query_row(
                "SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf'
                 ORDER BY pageno LIMIT 1 OFFSET 3",
                [],
                |r| r.get(0),
            )
            .unwrap();
        drop(store);
        let path = tmp.path().join(DATABASE_FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        let at = (page as usize - 1) * 4096;
        for b in &mut bytes[at..at + 4096] {
            *b = 0x5A;
        }
        std::fs::write(&path, &bytes).unwrap();

        let salvage = crate::salvage::salvage(tmp.path(), None, t("2026-03-15T08:00:00Z")).unwrap();
        assert!(
            salvage.problems.iter().any(|p| p.contains("one by one")),
            "{:?}",
            salvage.problems
        );
        let n = salvage.snapshot.entries.len();
        assert!((250..300).contains(&n), "most entries are read back: {n}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "never written to");
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(
            !names
                .iter()
                .any(|n| n.to_string_lossy().starts_with("salvage-")),
            "the copy is removed: {names:?}"
        );
    }

    #[test]
    fn recovery_restores_the_newest_backup_that_passes_the_check() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        add(&mut store, "in the older backup");
        let older = store.backup_now(t("2026-03-14T10:00:00Z")).unwrap();
        add(&mut store, "in the newer backup");
        let newer = store.backup_now(t("2026-03-15T10:00:00Z")).unwrap();
        drop(store);
        assert!(matches!(
            restore_newest_good(&tmp.path().join("empty"), t("2026-03-16T10:00:00Z"), None),
            Err(StoreError::NoGoodBackup { tried: 0 })
        ));
        // The newest backup is damaged: the one before it is restored.
        std::fs::write(&newer.path, b"not a database any more").unwrap();
        let report = restore_newest_good(tmp.path(), t("2026-03-16T10:00:00Z"), None).unwrap();
        assert_eq!(report.restored.id, older.id);
        assert!(report.kept_aside.is_some());
        let store = Store::open_checked(tmp.path(), None).unwrap();
        assert_eq!(bodies(&store), vec!["in the older backup"]);
    }

    #[test]
    fn migration_backups_are_listed_and_never_rotated() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path(), None).unwrap();
        let dir = tmp.path().join(BACKUP_DIR);
        std::fs::create_dir_all(&dir).unwrap();
        copy_database(
            &store.conn,
            &dir.join("pre-migration-v1-to-v4-2020-01-01T000000Z.sqlite3"),
            None,
        )
        .unwrap();
        for day in 0..20 {
            store
                .backup_now(t("2026-01-01T00:00:00Z") + TimeDelta::days(day))
                .unwrap();
        }
        let list = list_backups(tmp.path()).unwrap();
        let old = list.last().unwrap();
        assert_eq!(old.kind, BackupKind::BeforeMigration);
        assert_eq!(old.taken_at, t("2020-01-01T00:00:00Z"));
    }

    #[test]
    fn restore_sets_the_current_database_aside_and_brings_the_backup_back() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        add(&mut store, "before the backup");
        let backup = store.backup_now(t("2026-03-14T10:00:00Z")).unwrap();
        add(&mut store, "after the backup");
        drop(store);
        let live_before = std::fs::read(tmp.path().join(DATABASE_FILE)).unwrap();

        let report =
            restore_backup(tmp.path(), &backup.id, t("2026-03-15T08:00:00Z"), None).unwrap();
        let aside = report.kept_aside.unwrap();
        assert!(aside.starts_with(tmp.path().join(REPLACED_DIR)));
        assert_eq!(
            std::fs::read(&aside).unwrap(),
            live_before,
            "moved, not changed"
        );
        let store = Store::open(tmp.path(), None).unwrap();
        assert_eq!(bodies(&store), ["before the backup"]);
        drop(store);
        // The set-aside journal still opens with everything it had.
        let old_dir = tempfile::tempdir().unwrap();
        std::fs::copy(&aside, old_dir.path().join(DATABASE_FILE)).unwrap();
        for suffix in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{suffix}", aside.display()));
            if side.exists() {
                std::fs::copy(
                    &side,
                    old_dir.path().join(format!("{DATABASE_FILE}{suffix}")),
                )
                .unwrap();
            }
        }
        let old = Store::open(old_dir.path(), None).unwrap();
        assert_eq!(bodies(&old), ["after the backup", "before the backup"]);

        let err =
            restore_backup(tmp.path(), "backup-nope", t("2026-03-15T09:00:00Z"), None).unwrap_err();
        assert!(matches!(err, StoreError::BackupNotFound { .. }), "{err:?}");
    }

    #[test]
    fn a_damaged_backup_is_not_restored_and_nothing_moves() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        add(&mut store, "current");
        let backup = store.backup_now(t("2026-03-14T10:00:00Z")).unwrap();
        drop(store);
        std::fs::write(&backup.path, b"not a database at all, just bytes").unwrap();
        let err =
            restore_backup(tmp.path(), &backup.id, t("2026-03-15T08:00:00Z"), None).unwrap_err();
        assert_eq!(err.code(), trajectory_core::ErrorCode::DamagedDatabase);
        assert!(!tmp.path().join(REPLACED_DIR).exists());
        assert_eq!(bodies(&Store::open(tmp.path(), None).unwrap()), ["current"]);
    }

    /// Overwrites page `index` (from 0) of the 4 KiB-page database at `path` with a pattern;
    /// returns the file's bytes as left.
    fn scribble_over_page(path: &Path, index: usize) -> Vec<u8> {
        let mut bytes = std::fs::read(path).unwrap();
        for b in &mut bytes[index * 4096..(index + 1) * 4096] {
            *b = 0xA5;
        }
        std::fs::write(path, &bytes).unwrap();
        bytes
    }

    #[test]
    fn damage_in_the_search_index_pages_is_still_found() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        for n in 0..300 {
            add(
                &mut store,
                &format!("entry {n} {}", "distinct words ".repeat(40)),
            );
        }
        let page: i64 = store
            .conn
            .query_row(
                "SELECT pageno FROM dbstat WHERE name = 'entries_fts_data' AND pagetype = 'leaf' LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        store
            .conn
            .pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .unwrap();
        drop(store);
        quick_check(tmp.path(), None).unwrap();
        scribble_over_page(
            &tmp.path().join(DATABASE_FILE),
            usize::try_from(page - 1).unwrap(),
        );
        let err = quick_check(tmp.path(), None).unwrap_err();
        assert_eq!(
            err.code(),
            trajectory_core::ErrorCode::DamagedDatabase,
            "{err}"
        );
    }

    #[test]
    fn a_damaged_database_is_reported_and_left_byte_for_byte() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        for n in 0..300 {
            add(&mut store, &format!("entry {n} {}", "words ".repeat(50)));
        }
        drop(store);
        quick_check(tmp.path(), None).unwrap();
        let path = tmp.path().join(DATABASE_FILE);
        // A page in the middle of the file.
        let bytes = scribble_over_page(&path, 5);
        let err = quick_check(tmp.path(), None).unwrap_err();
        assert_eq!(
            err.code(),
            trajectory_core::ErrorCode::DamagedDatabase,
            "{err}"
        );
        let err = Store::open_checked(tmp.path(), None).unwrap_err();
        assert_eq!(
            err.code(),
            trajectory_core::ErrorCode::DamagedDatabase,
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "never written to");

        std::fs::write(&path, b"garbage that is no database").unwrap();
        let err = quick_check(tmp.path(), None).unwrap_err();
        assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}");
        assert!(
            quick_check(&tmp.path().join("missing"), None).is_ok(),
            "a new journal"
        );
    }
}
