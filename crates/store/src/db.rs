//! Opening the database: folder, pragmas, the newer-version guard, backup, then migrations.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use rusqlite::Connection;
use trajectory_core::Passphrase;

use crate::data_dir::DATABASE_FILE;
use crate::encryption::{Access, FileState, file_state, open_file};
use crate::error::{StoreError, io_error};
use crate::schema;

/// An open journal database. One per process; SQLite's WAL lets the app and `traj` share
/// the same data directory at once.
pub struct Store {
    pub(crate) conn: Connection,
    data_dir: PathBuf,
    /// The passphrase the journal is encrypted with; backups are encrypted with it too.
    pub(crate) key: Option<Passphrase>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("data_dir", &self.data_dir)
            .field("encrypted", &self.key.is_some())
            .finish()
    }
}

impl Store {
    /// Opens (creating if needed) the journal in `data_dir`. An encrypted journal needs its
    /// passphrase as `key` ([`StoreError::Locked`] without it); for a plain one `key` is not
    /// used.
    ///
    /// A database written by a newer schema is refused before anything is written to it. An
    /// older one is copied to `backups/` with SQLite's backup API before it is migrated.
    pub fn open(data_dir: &Path, key: Option<&Passphrase>) -> Result<Store, StoreError> {
        Store::open_with(data_dir, key, false)
    }

    fn open_with(
        data_dir: &Path,
        key: Option<&Passphrase>,
        check: bool,
    ) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(io_error(data_dir))?;
        let path = data_dir.join(DATABASE_FILE);
        let key = match file_state(&path)? {
            FileState::Encrypted => Some(key.ok_or(StoreError::Locked)?),
            FileState::Missing | FileState::Plain => None,
        };
        let latest = schema::latest_version();
        let refuse_newer = |found: i64| {
            if found > latest {
                Err(StoreError::NewerDatabase {
                    found,
                    supported: latest,
                })
            } else {
                Ok(found)
            }
        };
        let (mut conn, existing_version) = if key.is_some() {
            // Every connection to an encrypted file pays for the key derivation (PBKDF2), so
            // the checks run on the journal's own connection — before anything is written.
            let conn = open_file(&path, key, Access::ReadWrite)?;
            if check {
                crate::backup::check_connection(&conn)?;
            }
            let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            (conn, Some(refuse_newer(found)?))
        } else {
            if check {
                crate::backup::quick_check(data_dir, None)?;
            }
            let existing_version = if path.exists() {
                Some(refuse_newer(read_schema_version(&path, None)?)?)
            } else {
                None
            };
            (open_file(&path, None, Access::ReadWrite)?, existing_version)
        };
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;

        if let Some(found) = existing_version
            && found > 0
            && found < latest
        {
            backup_before_migration(&conn, data_dir, found, latest, key)?;
        }
        schema::migrations().to_latest(&mut conn)?;
        Ok(Store {
            conn,
            data_dir: data_dir.to_path_buf(),
            key: key.cloned(),
        })
    }

    /// Checks the database with `PRAGMA quick_check` (read-only) before opening it: a
    /// damaged one is refused with [`StoreError::Damaged`] and never written to. What the app
    /// calls on start; commands that run often may use [`Store::open`].
    pub fn open_checked(data_dir: &Path, key: Option<&Passphrase>) -> Result<Store, StoreError> {
        Store::open_with(data_dir, key, true)
    }

    /// Whether the journal is encrypted.
    pub fn encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// The folder this journal lives in.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}

/// Reads `user_version` through a read-only connection, so a file we must refuse is never
/// modified (not even its journal mode).
fn read_schema_version(path: &Path, key: Option<&Passphrase>) -> Result<i64, StoreError> {
    let conn = open_file(path, key, Access::ReadOnly)?;
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

fn backup_before_migration(
    conn: &Connection,
    data_dir: &Path,
    from: i64,
    to: i64,
    key: Option<&Passphrase>,
) -> Result<PathBuf, StoreError> {
    let dir = data_dir.join("backups");
    std::fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    let stamp = Utc::now()
        .to_rfc3339_opts(SecondsFormat::Secs, true)
        .replace(':', "");
    let target = dir.join(format!("pre-migration-v{from}-to-v{to}-{stamp}.sqlite3"));
    let mut dest = open_file(&target, key, Access::ReadWrite)?;
    let backup = rusqlite::backup::Backup::new(conn, &mut dest)?;
    backup.run_to_completion(256, Duration::from_millis(0), None)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_the_folder_and_sets_durable_pragmas() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("nested/data");
        let store = Store::open(&dir, None).unwrap();
        assert!(dir.join(DATABASE_FILE).exists());
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = store
            .conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "synchronous=FULL");
        let fk: i64 = store
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        assert_eq!(store.schema_version().unwrap(), schema::latest_version());
    }

    #[test]
    fn reopening_keeps_the_schema() {
        let tmp = tempfile::tempdir().unwrap();
        drop(Store::open(tmp.path(), None).unwrap());
        let store = Store::open(tmp.path(), None).unwrap();
        assert_eq!(store.schema_version().unwrap(), schema::latest_version());
    }

    #[test]
    fn an_older_database_is_backed_up_then_migrated_keeping_its_entries() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(DATABASE_FILE);
        {
            // A version-1 journal, as the first release wrote it.
            let mut conn = Connection::open(&path).unwrap();
            rusqlite_migration::Migrations::new(vec![rusqlite_migration::M::up(include_str!(
                "migrations/0001_entries.sql"
            ))])
            .to_latest(&mut conn)
            .unwrap();
            conn.execute(
                "INSERT INTO entries (entry_date, body, created_at, updated_at)
                 VALUES ('2026-01-02', 'written by v1', '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z')",
                [],
            )
            .unwrap();
        }
        let store = Store::open(tmp.path(), None).unwrap();
        assert_eq!(store.schema_version().unwrap(), schema::latest_version());
        let page = store.timeline(None, 10).unwrap();
        assert_eq!(page.entries[0].body, "written by v1");
        let backups: Vec<_> = std::fs::read_dir(tmp.path().join("backups"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(backups.len(), 1, "{backups:?}");
        assert!(
            backups[0].starts_with("pre-migration-v1-to-v"),
            "{backups:?}"
        );
        let backup = Connection::open(tmp.path().join("backups").join(&backups[0])).unwrap();
        let v: i64 = backup
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(
            v, 1,
            "the backup is the database as it was before migrating"
        );
        let body: String = backup
            .query_row("SELECT body FROM entries", [], |r| r.get(0))
            .unwrap();
        assert_eq!(body, "written by v1");
    }

    #[test]
    fn a_newer_database_is_refused_and_left_byte_for_byte_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(DATABASE_FILE);
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;")
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(tmp.path(), None).unwrap_err();
        assert!(
            matches!(err, StoreError::NewerDatabase { found: 999, .. }),
            "{err:?}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(!tmp.path().join(format!("{DATABASE_FILE}-wal")).exists());
    }

    #[test]
    fn every_earlier_version_is_backed_up_then_migrated_keeping_its_entries() {
        for from in 1..schema::latest_version() {
            let tmp = tempfile::tempdir().unwrap();
            let path = tmp.path().join(DATABASE_FILE);
            {
                let mut conn = Connection::open(&path).unwrap();
                schema::migrations()
                    .to_version(&mut conn, from as usize)
                    .unwrap();
                conn.execute_batch(
                    "INSERT INTO entries (id, entry_date, body, created_at, updated_at)
                     VALUES (7, '2025-11-03', 'Kept across the upgrade', '2025-11-03T09:00:00.000Z',
                             '2025-11-03T09:00:00.000Z');
                     INSERT INTO tags (id, name) VALUES (1, 'growth');
                     INSERT INTO entry_tags (entry_id, tag_id, position) VALUES (7, 1, 0);",
                )
                .unwrap();
            }
            let store = Store::open(tmp.path(), None).unwrap();
            assert_eq!(store.schema_version().unwrap(), schema::latest_version());
            let entry = store.entry(7).unwrap();
            assert_eq!(entry.body, "Kept across the upgrade");
            assert_eq!(entry.tags, ["growth"]);
            assert!(store.goals().unwrap().is_empty(), "the goal tables exist");

            let backups: Vec<PathBuf> = std::fs::read_dir(tmp.path().join("backups"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            assert_eq!(backups.len(), 1, "{backups:#?}");
            let name = backups[0]
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let prefix = format!("pre-migration-v{from}-to-v{}-", schema::latest_version());
            assert!(name.starts_with(&prefix), "{name}");
            // The backup is the database as it was before migrating.
            let old = Connection::open(&backups[0]).unwrap();
            let version: i64 = old
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(version, from);
            let body: String = old
                .query_row("SELECT body FROM entries WHERE id = 7", [], |r| r.get(0))
                .unwrap();
            assert_eq!(body, "Kept across the upgrade");
            if from == 1 {
                let goals_table: i64 = old
                    .query_row(
                        "SELECT count(*) FROM sqlite_schema WHERE name = 'goals'",
                        [],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(goals_table, 0, "taken before the goal tables were added");
            }
            drop(old);
            drop(store);
            // Opening again at the latest version takes no further backup. (Reading the backup
            // above may have left its -wal/-shm files beside it; only databases count.)
            drop(Store::open(tmp.path(), None).unwrap());
            let databases = std::fs::read_dir(tmp.path().join("backups"))
                .unwrap()
                .filter(|e| {
                    let name = e.as_ref().unwrap().file_name();
                    name.to_string_lossy().ends_with(".sqlite3")
                })
                .count();
            assert_eq!(databases, 1);
        }
    }

    #[test]
    fn a_fresh_journal_takes_no_backup() {
        let tmp = tempfile::tempdir().unwrap();
        drop(Store::open(tmp.path(), None).unwrap());
        assert!(!tmp.path().join("backups").exists());
    }
}
