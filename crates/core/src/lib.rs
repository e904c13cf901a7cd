//! Trajectory's pure domain: the journal's types and the rules every front end shares.
//!
//! Nothing here touches files, the network, a database or the clock: dates and times arrive
//! as parameters, so the app, the CLI and the tests compute the same answers.

pub mod entry;
pub mod error;

pub use entry::{
    Entry, EntryDraft, EntryId, EntryPage, MAX_BODY_BYTES, MAX_TAG_CHARS, MAX_TAGS, PageCursor,
    ValidEntry, parse_date,
};
pub use error::{DomainError, ErrorCode};
