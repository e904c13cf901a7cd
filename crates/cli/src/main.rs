//! `traj`: Trajectory's command line. Parses arguments, calls the core and the store, prints.

mod backup_cmd;
mod chart_cmd;
mod entry_cmd;
mod exchange_cmd;
mod goal_cmd;
mod milestone_cmd;
mod pause_cmd;
mod reflection_cmd;
mod search_cmd;
mod slump_cmd;
mod velocity_cmd;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use trajectory_core::Passphrase;
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
    /// Is the pace unusually slow right now, judged against your own history?
    Slump(slump_cmd::SlumpArgs),
    /// Past slumps and how they ended.
    Slumps(slump_cmd::SlumpArgs),
    /// Add, list and show goals; let one go.
    #[command(subcommand)]
    Goal(goal_cmd::GoalCommand),
    /// Add milestones to goals and mark them achieved.
    #[command(subcommand)]
    Milestone(milestone_cmd::MilestoneCommand),
    /// Record stretches that freeze the clock (leave, reorganisation, illness).
    #[command(subcommand)]
    Pause(pause_cmd::PauseCommand),
    /// Read guided reflections: their answers, ways forward and moves.
    #[command(subcommand)]
    Reflection(reflection_cmd::ReflectionCommand),
    /// Milestone velocity: milestones per 30 days, and your usual pace.
    Velocity(velocity_cmd::VelocityArgs),
    /// Render a chart to FILE.svg or FILE.png.
    Chart(chart_cmd::ChartArgs),
    /// Import a jrnl journal, a Day One export or a Trajectory JSON export.
    Import(exchange_cmd::ImportArgs),
    /// Export the journal as JSON, a Markdown folder or a review packet.
    Export(exchange_cmd::ExportArgs),
    /// Back up the journal now.
    Backup,
    /// List the backups, newest first.
    Backups {
        #[arg(long)]
        json: bool,
    },
    /// Restore a backup by its id (see `traj backups`); the current journal is kept aside.
    Restore { id: String },
}

/// An error worth one line on stderr.
pub(crate) struct Failure(String);

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure(e.to_string())
    }
}

impl From<trajectory_insights::InsightError> for Failure {
    fn from(e: trajectory_insights::InsightError) -> Self {
        Failure(e.to_string())
    }
}

impl From<trajectory_exchange::ExchangeError> for Failure {
    fn from(e: trajectory_exchange::ExchangeError) -> Self {
        Failure(e.to_string())
    }
}

impl From<trajectory_core::DomainError> for Failure {
    fn from(e: trajectory_core::DomainError) -> Self {
        Failure(e.to_string())
    }
}

/// Pretty JSON for `--json` output.
pub(crate) fn json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map_err(|e| Failure(e.to_string()))
}

/// The variable `traj` reads an encrypted journal's passphrase from, for scripts.
const PASSPHRASE_ENV: &str = "TRAJECTORY_PASSPHRASE";

/// The passphrase of an encrypted journal: from `TRAJECTORY_PASSPHRASE`, or asked for on the
/// terminal (not echoed). `None` for a plain journal.
fn passphrase_for(data_dir: &std::path::Path) -> Result<Option<Passphrase>, Failure> {
    if !trajectory_store::encryption::journal_encrypted(data_dir)? {
        return Ok(None);
    }
    if let Some(text) = std::env::var_os(PASSPHRASE_ENV) {
        let text = text
            .into_string()
            .map_err(|_| Failure(format!("{PASSPHRASE_ENV} is not valid UTF-8.")))?;
        return Ok(Some(Passphrase::existing(&text)?));
    }
    if std::io::stdin().is_terminal() {
        let text = rpassword::prompt_password("Passphrase for the journal: ")
            .map_err(|e| Failure(format!("Could not read the passphrase: {e}")))?;
        return Ok(Some(Passphrase::existing(&text)?));
    }
    Err(Failure(format!(
        "The journal is encrypted: run traj in a terminal to type its passphrase, or set {PASSPHRASE_ENV}."
    )))
}

fn run(cli: Cli) -> Result<(), Failure> {
    let data_dir = resolve_data_dir(cli.data_dir)?;
    // Listing backups reads only file names; everything else opens the journal.
    let key = match cli.command {
        Command::Backups { .. } => None,
        _ => passphrase_for(&data_dir)?,
    };
    let key = key.as_ref();
    let open = || Store::open(&data_dir, key);
    match cli.command {
        Command::Entry(cmd) => entry_cmd::run(cmd, open),
        Command::Search(args) => search_cmd::run(args, open),
        Command::Slump(args) => slump_cmd::current(args, open),
        Command::Slumps(args) => slump_cmd::history(args, open),
        Command::Goal(cmd) => goal_cmd::run(cmd, open),
        Command::Milestone(cmd) => milestone_cmd::run(cmd, open),
        Command::Pause(cmd) => pause_cmd::run(cmd, open),
        Command::Reflection(cmd) => reflection_cmd::run(cmd, open),
        Command::Velocity(args) => velocity_cmd::run(args, open),
        Command::Chart(args) => chart_cmd::run(args, open),
        Command::Import(args) => {
            exchange_cmd::run_import(args, || Store::open_checked(&data_dir, key))
        }
        Command::Export(args) => exchange_cmd::run_export(args, open),
        Command::Backup => backup_cmd::run_backup(|| Store::open_checked(&data_dir, key)),
        Command::Backups { json } => backup_cmd::run_list(&data_dir, json),
        Command::Restore { id } => backup_cmd::run_restore(&data_dir, &id, key),
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

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
