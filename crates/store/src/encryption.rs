//! Encryption at rest (SQLCipher): telling an encrypted journal from a plain one, opening a
//! file with the right key, and re-encoding the journal and every backup under a new
//! passphrase — or none — without ever leaving a half-written file in place.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, params};
use serde::Serialize;
use trajectory_core::Passphrase;

use crate::backup::{BACKUP_DIR, REPLACED_DIR};
use crate::data_dir::DATABASE_FILE;
use crate::error::{StoreError, io_error};

/// Every plain SQLite database starts with these 16 bytes; an SQLCipher one starts with its
/// random salt instead.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What a database file on disk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileState {
    /// No file, or an empty one: a new journal.
    Missing,
    /// A plain SQLite file (or one too short to be anything; the integrity check says so).
    Plain,
    /// Not a plain SQLite file: encrypted — or so damaged its header is gone, which only
    /// the passphrase can tell apart.
    Encrypted,
}

/// Reads the first 16 bytes of `path` to tell a plain database from an encrypted one.
pub fn file_state(path: &Path) -> Result<FileState, StoreError> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::Missing),
        Err(e) => return Err(io_error(path)(e)),
    };
    let mut head = [0u8; 16];
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]).map_err(io_error(path))? {
            0 => break,
            n => read += n,
        }
    }
    Ok(match read {
        0 => FileState::Missing,
        16 if &head != PLAIN_HEADER => FileState::Encrypted,
        _ => FileState::Plain,
    })
}

/// Whether the journal in `data_dir` is encrypted.
pub fn journal_encrypted(data_dir: &Path) -> Result<bool, StoreError> {
    Ok(file_state(&data_dir.join(DATABASE_FILE))? == FileState::Encrypted)
}

/// How a connection is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// Read-only: checks and version reads that must never write to a file.
    ReadOnly,
    /// Read and write, creating the file if it is missing.
    ReadWrite,
}

/// Opens `path` with the key it needs. A plain file is opened as it is (a key given for it is
/// not used); an encrypted one needs `key` ([`StoreError::Locked`] without one,
/// [`StoreError::WrongPassphrase`] when it does not open the file); a new file is created
/// encrypted when a key is given.
pub(crate) fn open_file(
    path: &Path,
    key: Option<&Passphrase>,
    access: Access,
) -> Result<Connection, StoreError> {
    let state = file_state(path)?;
    let flags = match access {
        Access::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        Access::ReadWrite => {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI
        }
    };
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    // A wrong passphrase is an expected answer, reported as a typed error; SQLCipher would
    // also print it to stderr.
    let _ = conn.pragma_update(None, "cipher_log_level", "NONE");
    match (state, key) {
        (FileState::Encrypted, None) => return Err(StoreError::Locked),
        (FileState::Encrypted, Some(key)) => {
            conn.pragma_update(None, "key", key.expose())?;
            // The key is only tried when the file is first read.
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => StoreError::WrongPassphrase,
                _ => StoreError::Sqlite(e),
            })?;
        }
        (FileState::Missing, Some(key)) => conn.pragma_update(None, "key", key.expose())?,
        (FileState::Missing | FileState::Plain, _) => {}
    }
    Ok(conn)
}

/// What turning encryption on, changing the passphrase or turning it off did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EncryptionReport {
    /// Whether the journal is encrypted now.
    pub encrypted: bool,
    /// Files rewritten under the new passphrase (the journal and its backups).
    pub rewritten: usize,
    /// Files that opened with neither the old nor the new passphrase, left as they were.
    pub left_as_they_were: Vec<PathBuf>,
}

/// The database files that belong to a journal besides the live one: backups and databases
/// set aside by a restore.
fn companion_files(data_dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let mut files = Vec::new();
    for sub in [BACKUP_DIR, REPLACED_DIR] {
        let dir = data_dir.join(sub);
        if !dir.exists() {
            continue;
        }
        for item in std::fs::read_dir(&dir).map_err(io_error(&dir))? {
            let path = item.map_err(io_error(&dir))?.path();
            if path.extension().and_then(|e| e.to_str()) == Some("sqlite3") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Turns encryption on (`current` is `None`), changes the passphrase (both given) or turns it
/// off (`new` is `None`) for the journal in `data_dir` and all its backups. No [`crate::Store`]
/// may be open on the folder (the app closes its own first).
///
/// `current` must open the journal, or nothing is touched. Each file is copied under the new
/// key with `sqlcipher_export`, the copy is checked (integrity, and every table has as many
/// rows as the original) and only then renamed over the original, so a crash leaves each file
/// either as it was or fully rewritten. Backups go first and the journal last.
pub fn change_encryption(
    data_dir: &Path,
    current: Option<&Passphrase>,
    new: Option<&Passphrase>,
) -> Result<EncryptionReport, StoreError> {
    let live = data_dir.join(DATABASE_FILE);
    let state = file_state(&live)?;
    match (state, current, new) {
        (_, None, None) => return Err(StoreError::EncryptionState { on: false }),
        (FileState::Encrypted, None, _) => return Err(StoreError::EncryptionState { on: true }),
        (FileState::Plain | FileState::Missing, Some(_), _) => {
            return Err(StoreError::EncryptionState { on: false });
        }
        _ => {}
    }
    if state == FileState::Missing {
        // A journal with nothing in it yet: create it so there is a file to encrypt.
        drop(crate::Store::open(data_dir, None)?);
    }
    {
        // The passphrase must open the journal before anything is written anywhere; then
        // fold the WAL into the file so the copy below sees every committed save.
        let conn = open_file(&live, current, Access::ReadWrite)?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    let mut report = EncryptionReport {
        encrypted: new.is_some(),
        rewritten: 0,
        left_as_they_were: Vec::new(),
    };
    for file in companion_files(data_dir)? {
        match reencode_in_place(&file, current, new) {
            Ok(true) => report.rewritten += 1,
            Ok(false) => {}
            Err(_) => report.left_as_they_were.push(file),
        }
    }
    if reencode_in_place(&live, current, new)? {
        report.rewritten += 1;
    }
    Ok(report)
}

/// Rewrites one database file under `to`. Returns `false` when it is already under `to`
/// (a run that was interrupted and started again).
fn reencode_in_place(
    path: &Path,
    from: Option<&Passphrase>,
    to: Option<&Passphrase>,
) -> Result<bool, StoreError> {
    let state = file_state(path)?;
    let already = match (state, to) {
        (FileState::Plain, None) => true,
        (FileState::Encrypted, Some(to)) => open_file(path, Some(to), Access::ReadOnly).is_ok(),
        _ => false,
    };
    if already {
        return Ok(false);
    }
    let mut name = path.as_os_str().to_owned();
    name.push(".rekey");
    let tmp = PathBuf::from(name);
    let _ = std::fs::remove_file(&tmp);
    let result = (|| {
        let src = open_file(path, from, Access::ReadWrite)?;
        export_to(&src, &tmp, to)?;
        drop(src);
        File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(io_error(&tmp))?;
        crate::backup::check_file(&tmp, to)?;
        std::fs::rename(&tmp, path).map_err(io_error(path))?;
        // The old file's WAL and shared memory (emptied when its connection closed) belong
        // to the file that was replaced.
        for suffix in ["-wal", "-shm"] {
            let mut side = path.as_os_str().to_owned();
            side.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(side));
        }
        if let Some(dir) = path.parent() {
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(true)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Copies everything in `src` to a new file `target` under `key` (plain when `None`), with
/// the schema version, then checks every table arrived whole.
fn export_to(src: &Connection, target: &Path, key: Option<&Passphrase>) -> Result<(), StoreError> {
    let target_text = target.to_str().ok_or_else(|| StoreError::Io {
        path: target.display().to_string(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the folder's name is not valid UTF-8",
        ),
    })?;
    src.execute(
        "ATTACH DATABASE ?1 AS rekeyed KEY ?2",
        params![target_text, key.map(Passphrase::expose).unwrap_or("")],
    )?;
    let copied = (|| -> Result<(), StoreError> {
        src.query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))?;
        let version: i64 = src.pragma_query_value(None, "user_version", |r| r.get(0))?;
        src.execute_batch(&format!("PRAGMA rekeyed.user_version = {version};"))?;
        let tables: Vec<String> = {
            let mut stmt = src.prepare(
                "SELECT name FROM main.sqlite_master WHERE type = 'table' AND rootpage > 0",
            )?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        for table in tables {
            let quoted = table.replace('"', "\"\"");
            let count = |schema: &str| -> rusqlite::Result<i64> {
                src.query_row(
                    &format!("SELECT count(*) FROM {schema}.\"{quoted}\""),
                    [],
                    |r| r.get(0),
                )
            };
            let (before, after) = (count("main")?, count("rekeyed")?);
            if before != after {
                return Err(StoreError::Corrupt(format!(
                    "the re-encoded copy of {table} has {after} rows, not {before}"
                )));
            }
        }
        Ok(())
    })();
    let detached = src.execute("DETACH DATABASE rekeyed", []);
    copied?;
    detached?;
    Ok(())
}
