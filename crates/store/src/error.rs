//! Errors from storage, each with the stable code the front ends switch on.

use trajectory_core::{DomainError, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("No entry with id {id}.")]
    EntryNotFound { id: i64 },
    #[error("No earlier version with id {id}.")]
    RevisionNotFound { id: i64 },
    #[error("No template with id {id}.")]
    TemplateNotFound { id: i64 },
    #[error("No goal with id {id}.")]
    GoalNotFound { id: i64 },
    #[error("No milestone with id {id}.")]
    MilestoneNotFound { id: i64 },
    #[error("No paused period with id {id}.")]
    PausedPeriodNotFound { id: i64 },
    #[error("No reflection with id {id}.")]
    ReflectionNotFound { id: i64 },
    #[error("No move with id {id}.")]
    MoveNotFound { id: i64 },
    #[error("No check-in with id {id}.")]
    CheckInNotFound { id: i64 },
    #[error("Entry {id} is in the trash; restore it before editing.")]
    EntryInTrash { id: i64 },
    #[error(
        "This journal was written by a newer version of Trajectory (schema {found}; this version knows up to {supported}). It was left untouched: update Trajectory to open it."
    )]
    NewerDatabase { found: i64, supported: i64 },
    #[error("Could not find a folder for your data; set TRAJECTORY_DATA_DIR or pass --data-dir.")]
    NoDataDir,
    #[error("Could not use the data folder {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("The database could not be updated to this version's layout: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("The database reported an error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("Stored data could not be read back: {0}")]
    Corrupt(String),
    #[error("Nothing was imported: {at}: {reason}")]
    ImportRejected { at: String, reason: String },
    #[error(
        "Nothing was imported: this export is format version {found}; this version of Trajectory reads up to {supported}. Update Trajectory to import it."
    )]
    UnsupportedExport { found: u32, supported: u32 },
    #[error(
        "The journal database is damaged ({problems}). It was left as it is: restore a backup, or export what can still be read."
    )]
    Damaged { problems: String },
    #[error("No backup with id {id}; `traj backups` lists them.")]
    BackupNotFound { id: String },
    #[error("None of the {tried} backups passes the integrity check, so none was restored.")]
    NoGoodBackup { tried: usize },
    #[error("The journal is encrypted: type its passphrase to open it.")]
    Locked,
    #[error(
        "That passphrase does not open the journal. Check it and try again; nothing was changed."
    )]
    WrongPassphrase,
    #[error("{}", if *on { "Encryption is already on; change the passphrase or turn it off instead." } else { "Encryption is off; there is no passphrase to change or remove." })]
    EncryptionState { on: bool },
}

impl StoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Domain(e) => e.code(),
            StoreError::EntryNotFound { .. }
            | StoreError::RevisionNotFound { .. }
            | StoreError::TemplateNotFound { .. }
            | StoreError::GoalNotFound { .. }
            | StoreError::MilestoneNotFound { .. }
            | StoreError::PausedPeriodNotFound { .. }
            | StoreError::BackupNotFound { .. }
            | StoreError::NoGoodBackup { .. }
            | StoreError::ReflectionNotFound { .. }
            | StoreError::MoveNotFound { .. }
            | StoreError::CheckInNotFound { .. } => ErrorCode::NotFound,
            StoreError::ImportRejected { .. } | StoreError::UnsupportedExport { .. } => {
                ErrorCode::InvalidImport
            }
            StoreError::Damaged { .. } => ErrorCode::DamagedDatabase,
            StoreError::Locked => ErrorCode::Locked,
            StoreError::WrongPassphrase => ErrorCode::WrongPassphrase,
            StoreError::EncryptionState { .. } => ErrorCode::EncryptionState,
            StoreError::EntryInTrash { .. } => ErrorCode::InTrash,
            StoreError::NewerDatabase { .. } => ErrorCode::NewerDatabase,
            StoreError::NoDataDir | StoreError::Io { .. } => ErrorCode::StorageUnavailable,
            StoreError::Migration(_) | StoreError::Sqlite(_) | StoreError::Corrupt(_) => {
                ErrorCode::Storage
            }
        }
    }
}

/// Turns an I/O failure on `path` into [`StoreError::Io`], naming the path.
pub(crate) fn io_error(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}
