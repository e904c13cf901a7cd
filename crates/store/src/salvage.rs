//! Reading what can still be read out of a damaged journal, from a copy, so the damaged file
//! itself is never written to.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use trajectory_core::{Passphrase, Snapshot};

use crate::data_dir::DATABASE_FILE;
use crate::encryption::{Access, open_file};
use crate::error::{StoreError, io_error};
use crate::schema;

/// What a salvage found.
#[derive(Debug, Clone)]
pub struct Salvage {
    /// Everything that could be read, in the export format (docs/FORMAT.md).
    pub snapshot: Snapshot,
    /// What could not be read, in words; empty when everything was.
    pub problems: Vec<String>,
}

/// Copies the journal in `data_dir` (with its WAL, which holds the newest saves) into a
/// private folder beside it, reads every part it can from the copy and removes the copy.
/// The journal's own files are only read.
pub fn salvage(
    data_dir: &Path,
    key: Option<&Passphrase>,
    now: DateTime<Utc>,
) -> Result<Salvage, StoreError> {
    let live = data_dir.join(DATABASE_FILE);
    if !live.exists() {
        return Err(StoreError::Io {
            path: live.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "there is no journal here"),
        });
    }
    let work: PathBuf = data_dir.join(format!("salvage-{}", now.format("%Y%m%dT%H%M%S%3f")));
    std::fs::create_dir_all(&work).map_err(io_error(&work))?;
    let result = (|| {
        let copy = work.join(DATABASE_FILE);
        std::fs::copy(&live, &copy).map_err(io_error(&copy))?;
        let wal = data_dir.join(format!("{DATABASE_FILE}-wal"));
        if wal.exists() {
            let to = work.join(format!("{DATABASE_FILE}-wal"));
            std::fs::copy(&wal, &to).map_err(io_error(&to))?;
        }
        let mut conn = open_file(&copy, key, Access::ReadWrite)?;
        let mut problems = Vec::new();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap_or(0);
        if version > schema::latest_version() {
            return Err(StoreError::NewerDatabase {
                found: version,
                supported: schema::latest_version(),
            });
        }
        if version < schema::latest_version()
            && let Err(e) = schema::migrations().to_latest(&mut conn)
        {
            problems.push(format!("bringing the copy up to date: {e}"));
        }
        let (snapshot, mut more) = crate::exchange::salvage_snapshot(&conn, now);
        problems.append(&mut more);
        Ok(Salvage { snapshot, problems })
    })();
    let _ = std::fs::remove_dir_all(&work);
    result
}
