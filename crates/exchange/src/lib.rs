//! Trajectory's files in and out. Imports: jrnl plain text, `jrnl --export json`, Day One
//! JSON (or its zip) and Trajectory's own JSON — parsed purely, then written in one
//! transaction. Exports: the full-fidelity JSON, a Markdown folder and a review packet.

pub mod dayone;
pub mod error;
pub mod jrnl;
pub mod native;

use std::path::Path;

use trajectory_core::{ImportReport, ImportedEntry, Snapshot};
use trajectory_store::Store;

pub use error::ExchangeError;

/// The kinds of file `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A jrnl plain-text journal.
    Jrnl,
    /// The output of `jrnl --export json`.
    JrnlJson,
    /// A Day One JSON export, or the zip Day One makes around it.
    DayOne,
    /// Trajectory's own JSON export.
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Jrnl, Format::JrnlJson, Format::DayOne, Format::Json];

    /// The name used on the command line and over IPC.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jrnl => "jrnl",
            Format::JrnlJson => "jrnl-json",
            Format::DayOne => "dayone",
            Format::Json => "json",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == name.trim())
    }
}

/// Entries read from another tool's file, with what the file held that cannot come over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedEntries {
    pub entries: Vec<ImportedEntry>,
    /// Photos, videos, audio and PDFs referred to.
    pub media_not_imported: u64,
    /// Entries whose date lacked its day: the first of the month was used.
    pub approximate_dates: u64,
}

/// A file read into memory, not yet written anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    Entries(ParsedEntries),
    Snapshot(Box<Snapshot>),
}

/// Reads a file's bytes as `format`. Pure: nothing is written.
pub fn parse(format: Format, bytes: &[u8]) -> Result<Parsed, ExchangeError> {
    Ok(match format {
        Format::Jrnl => Parsed::Entries(jrnl::parse_text(bytes)?),
        Format::JrnlJson => Parsed::Entries(jrnl::parse_json(bytes)?),
        Format::DayOne => Parsed::Entries(dayone::parse(bytes)?),
        Format::Json => Parsed::Snapshot(Box::new(native::parse(bytes)?)),
    })
}

/// Writes what was parsed into the journal in one transaction; `progress(done, total)`
/// follows the writing.
pub fn write(
    store: &mut Store,
    parsed: &Parsed,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ImportReport, ExchangeError> {
    Ok(match parsed {
        Parsed::Entries(p) => {
            let mut report = store.import_entries(&p.entries, progress)?;
            report.media_not_imported = p.media_not_imported;
            report.approximate_dates = p.approximate_dates;
            report
        }
        Parsed::Snapshot(s) => store.import_snapshot(s, progress)?,
    })
}

/// Reads the file at `path` as `format` and imports it: all of it in one transaction, or,
/// when anything in it is malformed, nothing.
pub fn import_file(
    store: &mut Store,
    format: Format,
    path: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ImportReport, ExchangeError> {
    let bytes = std::fs::read(path).map_err(ExchangeError::io(path))?;
    let parsed = parse(format, &bytes)?;
    write(store, &parsed, progress)
}
