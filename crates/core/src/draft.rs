//! Unsaved editor text kept for crash recovery: written while the person types, cleared by the
//! save that commits it, and offered back (never merged silently) after a crash.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::entry::{EntryId, MAX_BODY_BYTES};
use crate::error::DomainError;

/// What the editor sends while the person types. Nothing is checked but size: a draft may be
/// half-written (blank, a half-typed date), and it is still the person's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DraftInput {
    /// The entry being edited, or null for a new entry.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub entry_id: Option<EntryId>,
    pub entry_date: String,
    pub body: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub mood: Option<u8>,
    #[serde(default)]
    pub progress: Option<u8>,
}

/// A kept draft, as offered back after a restart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Draft {
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub entry_id: Option<EntryId>,
    pub entry_date: String,
    pub body: String,
    pub tags: Vec<String>,
    pub mood: Option<u8>,
    pub progress: Option<u8>,
    pub saved_at: DateTime<Utc>,
}

/// The most a draft may hold: an entry's limit plus room for its tags and date.
pub const MAX_DRAFT_BYTES: usize = MAX_BODY_BYTES + 16 * 1024;

impl DraftInput {
    /// Refuses only what could never become an entry: text past the size limit.
    pub fn check(&self) -> Result<(), DomainError> {
        let size = self.body.len()
            + self.entry_date.len()
            + self.tags.iter().map(String::len).sum::<usize>();
        if size > MAX_DRAFT_BYTES {
            return Err(DomainError::DraftTooLarge { size });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(body: &str) -> DraftInput {
        DraftInput {
            entry_id: None,
            entry_date: "2026-1".into(),
            body: body.into(),
            tags: vec![],
            mood: None,
            progress: None,
        }
    }

    #[test]
    fn a_half_written_draft_is_kept() {
        assert!(input("").check().is_ok());
        assert!(input("half a thou").check().is_ok());
    }

    #[test]
    fn an_oversized_draft_is_refused() {
        let err = input(&"x".repeat(MAX_DRAFT_BYTES + 1)).check().unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::DraftTooLarge);
    }
}
