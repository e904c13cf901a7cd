//! Trajectory's pure domain: the journal's types and the rules every front end shares.
//!
//! Nothing here touches files, the network, a database or the clock: dates and times arrive
//! as parameters, so the app, the CLI and the tests compute the same answers.

pub mod draft;
pub mod entry;
pub mod error;
pub mod markdown;
pub mod revision;
pub mod search;
pub mod template;

pub use draft::{Draft, DraftInput};
pub use entry::{
    Entry, EntryDraft, EntryId, EntryPage, MAX_BODY_BYTES, MAX_TAG_CHARS, MAX_TAGS, PageCursor,
    TagCount, ValidEntry, parse_date,
};
pub use error::{DomainError, ErrorCode};
pub use markdown::{MdNode, render_markdown};
pub use revision::Revision;
pub use search::{SearchHit, SearchQuery, SearchResults, SnippetPart, ValidSearch};
pub use template::{Template, TemplateDraft, builtin_templates};
