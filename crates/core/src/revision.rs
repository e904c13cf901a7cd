//! Earlier versions of an entry, kept whenever an entry is saved with different content.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::entry::EntryId;

/// One replaced version of an entry, as it was before a later save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Revision {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entry_id: EntryId,
    pub entry_date: NaiveDate,
    pub body: String,
    pub tags: Vec<String>,
    pub mood: Option<u8>,
    pub progress: Option<u8>,
    /// When this version had been saved (it stayed current until the next save).
    pub saved_at: DateTime<Utc>,
}
