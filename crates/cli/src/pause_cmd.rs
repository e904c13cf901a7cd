//! `traj pause …`: record, list and remove paused periods (they freeze the velocity clock).

use clap::Subcommand;
use trajectory_core::PausedDraft;
use trajectory_store::{Store, StoreError};

use crate::{Failure, json};

#[derive(Subcommand)]
pub(crate) enum PauseCommand {
    /// Record a pause. Prints the new id (or, with --json, the pause).
    Add {
        /// The first paused day, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        start: String,
        /// The last paused day, YYYY-MM-DD (leave it out while the pause goes on).
        #[arg(long, value_name = "YYYY-MM-DD")]
        end: Option<String>,
        /// Why: leave, reorganisation, illness…
        #[arg(long, default_value = "")]
        reason: String,
        #[arg(long)]
        json: bool,
    },
    /// List the pauses in force.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a pause from the calculations (it is kept and can be restored).
    Delete { id: i64 },
    /// Bring back a removed pause.
    Restore { id: i64 },
}

pub(crate) fn run(
    cmd: PauseCommand,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    match cmd {
        PauseCommand::Add {
            start,
            end,
            reason,
            json: as_json,
        } => {
            let valid = PausedDraft { start, end, reason }.validate()?;
            let pause = open()?.add_paused_period(&valid)?;
            if as_json {
                println!("{}", json(&pause)?);
            } else {
                println!("{}", pause.id);
            }
        }
        PauseCommand::List { json: as_json } => {
            let pauses = open()?.paused_periods()?;
            if as_json {
                println!("{}", json(&pauses)?);
            } else {
                for p in &pauses {
                    let end = p
                        .end
                        .map_or_else(|| "ongoing".to_owned(), |e| e.to_string());
                    println!("{:>6}  {} → {}  {}", p.id, p.start, end, p.reason);
                }
            }
        }
        PauseCommand::Delete { id } => {
            open()?.delete_paused_period(id)?;
            println!("Pause {id} removed (undo with: traj pause restore {id}).");
        }
        PauseCommand::Restore { id } => {
            open()?.restore_paused_period(id)?;
            println!("Pause {id} restored.");
        }
    }
    Ok(())
}
