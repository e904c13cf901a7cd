//! `traj slump` and `traj slumps`: the current state of each scope, and past slumps.

use clap::{Args, ValueEnum};
use serde::Serialize;
use trajectory_core::{Sensitivity, SlumpSettings};
use trajectory_insights::{slump_checks, slump_history};
use trajectory_store::{Store, StoreError};

use crate::velocity_cmd::parse_day;
use crate::{Failure, json};

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum SensitivityArg {
    Relaxed,
    Normal,
    Eager,
}

#[derive(Args)]
pub(crate) struct SlumpArgs {
    /// The day to judge (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    /// How readily a quiet stretch counts as a slump.
    #[arg(long, value_enum, default_value = "normal")]
    sensitivity: SensitivityArg,
    #[arg(long)]
    json: bool,
}

fn settings(arg: SensitivityArg) -> SlumpSettings {
    SlumpSettings {
        sensitivity: match arg {
            SensitivityArg::Relaxed => Sensitivity::Relaxed,
            SensitivityArg::Normal => Sensitivity::Normal,
            SensitivityArg::Eager => Sensitivity::Eager,
        },
        ..SlumpSettings::default()
    }
}

/// One past or open slump as `traj slumps --json` prints it.
#[derive(Serialize)]
struct SlumpRow {
    scope: String,
    start: chrono::NaiveDate,
    detected_on: chrono::NaiveDate,
    end: Option<chrono::NaiveDate>,
    surprise: f64,
}

pub(crate) fn current(
    args: SlumpArgs,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    let as_of = parse_day(args.as_of)?;
    let checks = slump_checks(&open()?, as_of, &settings(args.sensitivity))?;
    if args.json {
        println!("{}", json(&checks)?);
        return Ok(());
    }
    if checks.is_empty() {
        println!("No goals or milestones yet: there is no pace to judge.");
    }
    for c in &checks {
        let state = if c.slump.is_some() { "slump" } else { "ok" };
        println!("{:<16} {state:<6} {}", c.scope.to_string(), c.explanation);
    }
    Ok(())
}

pub(crate) fn history(
    args: SlumpArgs,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    let as_of = parse_day(args.as_of)?;
    let slumps = slump_history(&open()?, as_of, &settings(args.sensitivity))?;
    if args.json {
        let rows: Vec<SlumpRow> = slumps
            .iter()
            .map(|s| SlumpRow {
                scope: s.scope.to_string(),
                start: s.start,
                detected_on: s.detected_on,
                end: s.end,
                surprise: s.surprise,
            })
            .collect();
        println!("{}", json(&rows)?);
        return Ok(());
    }
    if slumps.is_empty() {
        println!("No slumps up to {as_of}.");
    }
    for s in &slumps {
        let end = s.end.map_or("ongoing".to_owned(), |e| format!("ended {e}"));
        println!(
            "{:<16} quiet from {}, noticed {}, {end}",
            s.scope.to_string(),
            s.start,
            s.detected_on
        );
        println!("                 {}", s.explanation);
    }
    Ok(())
}
