//! `traj import …` and `traj export …`: files in from jrnl, Day One or Trajectory JSON, and
//! out as JSON, a Markdown folder or a review packet.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use chrono::Utc;
use clap::Args;
use trajectory_core::parse_date;
use trajectory_exchange::{DayRange, ExportFormat, Format, import_file};
use trajectory_store::{Store, StoreError};

use crate::Failure;

#[derive(Args)]
pub(crate) struct ImportArgs {
    /// jrnl (plain-text journal), jrnl-json (`jrnl --export json`), dayone (Day One .json or
    /// .zip) or json (Trajectory's own export).
    #[arg(long, value_name = "FORMAT")]
    format: String,
    /// The file to import.
    path: PathBuf,
}

#[derive(Args)]
pub(crate) struct ExportArgs {
    /// json (the whole journal), markdown (a folder) or review (a review packet; HTML when
    /// PATH ends in .html).
    #[arg(long, value_name = "FORMAT")]
    format: String,
    /// Where to write: a file for json and review, a new or empty folder for markdown.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// First day to include, YYYY-MM-DD (markdown and review).
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,
    /// Last day to include, YYYY-MM-DD (markdown and review; review defaults to today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
}

/// Draws `Importing… done/total` on stderr when it is a terminal; prints nothing otherwise.
struct ProgressLine {
    on_terminal: bool,
    drawn: bool,
}

impl ProgressLine {
    fn update(&mut self, done: u64, total: u64) {
        if !self.on_terminal {
            return;
        }
        let percent = (done * 100).checked_div(total).unwrap_or(100);
        let mut err = std::io::stderr();
        let _ = write!(err, "\rImporting… {done}/{total} ({percent}%)");
        let _ = err.flush();
        self.drawn = true;
    }

    fn finish(&self) {
        if self.drawn {
            eprintln!();
        }
    }
}

pub(crate) fn run_import(
    args: ImportArgs,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    let format = Format::parse(&args.format).ok_or_else(|| {
        Failure(format!(
            "\"{}\" is not an import format; use one of: jrnl, jrnl-json, dayone, json.",
            args.format
        ))
    })?;
    let mut store = open()?;
    let mut line = ProgressLine {
        on_terminal: std::io::stderr().is_terminal(),
        drawn: false,
    };
    let result = import_file(&mut store, format, &args.path, &mut |done, total| {
        line.update(done, total)
    });
    line.finish();
    let report = result?;
    println!("Imported: {} entries", report.imported);
    println!("Skipped as already present: {}", report.already_present);
    if report.empty > 0 {
        println!("Skipped as empty (no text): {}", report.empty);
    }
    if report.other_items > 0 {
        println!(
            "Goals, milestones, pauses and templates imported: {}",
            report.other_items
        );
    }
    println!("Media not brought over: {}", report.media_not_imported);
    if report.approximate_dates > 0 {
        println!(
            "Dates without a day, set to the 1st of the month: {}",
            report.approximate_dates
        );
    }
    Ok(())
}

pub(crate) fn run_export(
    args: ExportArgs,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    let format = ExportFormat::parse(&args.format).ok_or_else(|| {
        Failure(format!(
            "\"{}\" is not an export format; use one of: json, markdown, review.",
            args.format
        ))
    })?;
    let day = |text: Option<String>| text.as_deref().map(parse_date).transpose();
    let range = DayRange {
        from: day(args.from)?,
        to: day(args.to)?,
    };
    let store = open()?;
    let summary = trajectory_exchange::export(&store, format, &args.out, range, Utc::now())?;
    println!(
        "Exported {} entries into {} file{} at {}",
        summary.entries,
        summary.files,
        if summary.files == 1 { "" } else { "s" },
        args.out.display()
    );
    Ok(())
}
