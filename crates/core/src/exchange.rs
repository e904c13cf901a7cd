//! What moves in and out of a journal: entries read from another tool, and the snapshot of a
//! whole journal that Trajectory's own JSON export carries (docs/FORMAT.md).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::entry::EntryDraft;

/// The version of the snapshot format this build writes and the newest it reads.
pub const SNAPSHOT_VERSION: u32 = 1;
/// The value of a snapshot's `format` field.
pub const SNAPSHOT_FORMAT: &str = "trajectory";

/// One entry read from another tool's file, not yet checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedEntry {
    /// Stable across re-imports of the same file: `jrnl:<hash>`, `dayone:<uuid>`, …
    pub source_key: String,
    /// Where the entry is in its file ("line 12", "entry 3 (uuid …)"), for error messages.
    pub at: String,
    pub draft: EntryDraft,
    /// When it was written, if the file says; otherwise the import's time is used.
    pub created_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// A whole journal as Trajectory's JSON export holds it. Ids are the exporting journal's;
/// links between items use them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Always `"trajectory"`.
    pub format: String,
    /// [`SNAPSHOT_VERSION`] when written by this build.
    pub version: u32,
    /// The exporting journal's identity (random, made when the journal was created).
    pub journal_id: String,
    pub exported_at: DateTime<Utc>,
    pub entries: Vec<SnapshotEntry>,
    pub goals: Vec<SnapshotGoal>,
    pub milestones: Vec<SnapshotMilestone>,
    pub paused_periods: Vec<SnapshotPause>,
    pub templates: Vec<SnapshotTemplate>,
}

/// An entry with every earlier version of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotEntry {
    pub id: i64,
    /// Set when the entry came from an import: the key that keeps re-imports from
    /// duplicating it.
    #[serde(default)]
    pub source_key: Option<String>,
    pub entry_date: NaiveDate,
    pub body: String,
    pub tags: Vec<String>,
    pub mood: Option<u8>,
    pub progress: Option<u8>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set while the entry is in the trash.
    pub deleted_at: Option<DateTime<Utc>>,
    /// Earlier versions, oldest first.
    pub revisions: Vec<SnapshotRevision>,
}

/// One replaced version of an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotRevision {
    pub entry_date: NaiveDate,
    pub body: String,
    pub tags: Vec<String>,
    pub mood: Option<u8>,
    pub progress: Option<u8>,
    pub saved_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotGoal {
    pub id: i64,
    #[serde(default)]
    pub source_key: Option<String>,
    pub title: String,
    pub here: String,
    pub there: String,
    pub start_date: NaiveDate,
    pub target_date: NaiveDate,
    pub cadence_weeks: Option<u32>,
    /// `active`, `achieved`, `paused` or `let_go`.
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotMilestone {
    pub id: i64,
    #[serde(default)]
    pub source_key: Option<String>,
    pub goal_id: i64,
    /// `promotion`, `raise`, `skill`, `recognition`, `project`, `network` or `custom`.
    pub kind: String,
    pub title: String,
    pub weight: u8,
    pub planned_date: Option<NaiveDate>,
    pub achieved_date: Option<NaiveDate>,
    pub notes: String,
    /// Linked journal entries, oldest link first.
    pub entries: Vec<SnapshotLink>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A link from a milestone to a journal entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotLink {
    pub entry_id: i64,
    pub linked_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotPause {
    pub id: i64,
    #[serde(default)]
    pub source_key: Option<String>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub reason: String,
    pub created_at: DateTime<Utc>,
    /// Set when the pause was removed (it can be brought back).
    pub deleted_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotTemplate {
    pub id: i64,
    #[serde(default)]
    pub source_key: Option<String>,
    pub name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// What an import did, for the person and the UI.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportReport {
    /// Entries written.
    pub imported: u64,
    /// Items left out because an earlier import already brought them in (or, for
    /// Trajectory JSON, because they came from this very journal).
    pub already_present: u64,
    /// Entries left out because they had no text at all.
    pub empty: u64,
    /// Goals, milestones, paused periods and templates written (Trajectory JSON only).
    pub other_items: u64,
    /// Photos, videos, audio and PDFs the file referred to, which are not brought over.
    pub media_not_imported: u64,
    /// Entries whose date in the file lacked a day (or month): the first day was used.
    pub approximate_dates: u64,
}
