//! Trajectory's files in and out. Imports: jrnl plain text, `jrnl --export json`, Day One
//! JSON (or its zip) and Trajectory's own JSON — parsed purely, then written in one
//! transaction. Exports: the full-fidelity JSON, a Markdown folder and a review packet.

pub mod dayone;
pub mod error;
pub mod jrnl;
pub mod markdown;
pub mod native;
pub mod review;

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
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

/// The kinds of export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Trajectory's full-fidelity JSON (docs/FORMAT.md): one file.
    Json,
    /// A folder of Markdown files with YAML front matter.
    Markdown,
    /// The review packet: one Markdown file, or HTML when the path ends in `.html`/`.htm`.
    Review,
}

impl ExportFormat {
    pub fn parse(name: &str) -> Option<ExportFormat> {
        match name.trim() {
            "json" => Some(ExportFormat::Json),
            "markdown" | "md" => Some(ExportFormat::Markdown),
            "review" => Some(ExportFormat::Review),
            _ => None,
        }
    }
}

/// Days to include: both ends included; an open end is unbounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    /// Files written.
    pub files: usize,
    /// Entries in the export.
    pub entries: usize,
}

/// Writes a file whole or not at all: into a temporary name beside it, then renamed.
fn write_whole(path: &Path, contents: &str) -> Result<(), ExchangeError> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".partial");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, contents).map_err(ExchangeError::io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(ExchangeError::io(path))
}

/// Exports the journal to `out`. The JSON export is always the whole journal (a range is
/// refused); the Markdown folder keeps only entries in the range (goals and milestones all);
/// the review packet covers the range, up to `now`'s day when it has no end.
pub fn export(
    store: &Store,
    format: ExportFormat,
    out: &Path,
    range: DayRange,
    now: DateTime<Utc>,
) -> Result<ExportSummary, ExchangeError> {
    let mut snapshot = store.snapshot(now)?;
    match format {
        ExportFormat::Json => {
            if range != DayRange::default() {
                return Err(ExchangeError::malformed(
                    "--from/--to",
                    "the JSON export always holds the whole journal, so it takes no range",
                ));
            }
            write_whole(out, &native::to_json(&snapshot)?)?;
            Ok(ExportSummary {
                files: 1,
                entries: snapshot.entries.len(),
            })
        }
        ExportFormat::Markdown => {
            snapshot.entries.retain(|e| {
                range.from.is_none_or(|f| e.entry_date >= f)
                    && range.to.is_none_or(|t| e.entry_date <= t)
            });
            let files = markdown::folder(&snapshot);
            markdown::write_folder(&files, out)?;
            Ok(ExportSummary {
                files: files.len(),
                entries: snapshot
                    .entries
                    .iter()
                    .filter(|e| e.deleted_at.is_none())
                    .count(),
            })
        }
        ExportFormat::Review => {
            let from = range.from.unwrap_or(NaiveDate::MIN);
            let to = range.to.unwrap_or_else(|| now.date_naive());
            let html = out
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
            let text = if html {
                review::to_html(&snapshot, from, to)
            } else {
                review::to_markdown(&snapshot, from, to)
            };
            write_whole(out, &text)?;
            Ok(ExportSummary {
                files: 1,
                entries: snapshot.entries.len(),
            })
        }
    }
}

/// What [`export_salvage`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalvageSummary {
    /// Entries in the file.
    pub entries: usize,
    /// What could not be read, in words.
    pub problems: Vec<String>,
}

/// The recovery screen's second offer: writes what can still be read of a damaged journal in
/// `data_dir` to `out` as Trajectory JSON (importable into a new journal). The damaged file is
/// only read, through a copy (`trajectory_store::salvage`).
pub fn export_salvage(
    data_dir: &Path,
    key: Option<&trajectory_core::Passphrase>,
    out: &Path,
    now: DateTime<Utc>,
) -> Result<SalvageSummary, ExchangeError> {
    let salvage = trajectory_store::salvage::salvage(data_dir, key, now)?;
    write_whole(out, &native::to_json(&salvage.snapshot)?)?;
    Ok(SalvageSummary {
        entries: salvage.snapshot.entries.len(),
        problems: salvage.problems,
    })
}
