//! `traj search`: full-text search with filters, matching words highlighted.

use std::io::IsTerminal;

use clap::Args;
use trajectory_core::SearchQuery;
use trajectory_store::{Store, StoreError};

use crate::Failure;

#[derive(Args)]
pub(crate) struct SearchArgs {
    /// Words, prefix*, "exact phrase", OR, -exclude.
    query: String,
    /// Only entries with this tag (repeat for several: all must match).
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// Entries dated on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,
    /// Entries dated on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
    /// At most this many results (default 50).
    #[arg(long)]
    limit: Option<u32>,
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(
    args: SearchArgs,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    let query = SearchQuery {
        text: args.query,
        tags: args.tags,
        from: args.from,
        to: args.to,
        limit: args.limit,
        ..Default::default()
    }
    .validate()?;
    let results = open()?.search(&query)?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&results).map_err(|e| Failure(e.to_string()))?
        );
        return Ok(());
    }
    if let Some(hint) = &results.hint {
        eprintln!("note: {hint}");
    }
    let (on, off) = if std::io::stdout().is_terminal() {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    for hit in &results.hits {
        let snippet: String = hit
            .snippet
            .iter()
            .map(|p| {
                if p.hit {
                    format!("{on}{}{off}", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        println!("{:>6}  {}  {}", hit.entry.id, hit.entry.entry_date, snippet);
    }
    if results.hits.is_empty() {
        eprintln!("No entries match.");
    } else if results.more {
        eprintln!("(more results: raise --limit)");
    }
    Ok(())
}
