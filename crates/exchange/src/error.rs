//! Errors from reading and writing exchange files, each with the stable code front ends use.

use trajectory_core::ErrorCode;
use trajectory_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// The file is not what it was said to be, or one of its items breaks a rule. `at` names
    /// the line or the entry. Nothing was written.
    #[error("Nothing was imported: {at}: {reason}")]
    Malformed { at: String, reason: String },
    #[error("Could not use {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("The export could not be written: {0}")]
    Encode(String),
}

impl ExchangeError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ExchangeError::Malformed { .. } => ErrorCode::InvalidImport,
            ExchangeError::Io { .. } => ErrorCode::StorageUnavailable,
            ExchangeError::Store(e) => e.code(),
            ExchangeError::Encode(_) => ErrorCode::Internal,
        }
    }

    pub(crate) fn malformed(at: impl Into<String>, reason: impl std::fmt::Display) -> Self {
        ExchangeError::Malformed {
            at: at.into(),
            reason: reason.to_string(),
        }
    }

    /// A JSON syntax or shape error, placed at its line and column.
    pub(crate) fn json(err: &serde_json::Error) -> Self {
        let reason = match err.classify() {
            serde_json::error::Category::Eof => {
                "the file ends in the middle of its JSON".to_owned()
            }
            _ => {
                // serde_json appends " at line L column C"; the place is given separately.
                let text = err.to_string();
                match text.rfind(" at line ") {
                    Some(i) => text[..i].to_owned(),
                    None => text,
                }
            }
        };
        ExchangeError::malformed(
            format!("line {}, column {}", err.line(), err.column()),
            reason,
        )
    }

    pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> ExchangeError + '_ {
        move |source| ExchangeError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
