//! `traj`: Trajectory's command line. Parses arguments, calls the core and the store, prints.

mod entry_cmd;
mod search_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use trajectory_store::{Store, StoreError, resolve_data_dir};

#[derive(Parser)]
#[command(
    name = "traj",
    version,
    about = "Trajectory, the career journal, from the command line"
)]
struct Cli {
    /// The data folder (default: $TRAJECTORY_DATA_DIR, else the platform's app data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write, read and delete journal entries.
    #[command(subcommand)]
    Entry(entry_cmd::EntryCommand),
    /// Search the journal.
    Search(search_cmd::SearchArgs),
}

/// An error worth one line on stderr.
pub(crate) struct Failure(String);

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure(e.to_string())
    }
}

impl From<trajectory_core::DomainError> for Failure {
    fn from(e: trajectory_core::DomainError) -> Self {
        Failure(e.to_string())
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let data_dir = resolve_data_dir(cli.data_dir)?;
    let open = || Store::open(&data_dir);
    match cli.command {
        Command::Entry(cmd) => entry_cmd::run(cmd, open),
        Command::Search(args) => search_cmd::run(args, open),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("traj: {}", message.replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}
