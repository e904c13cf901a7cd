//! `traj velocity`: milestone velocity on a day, the usual pace, and the series behind them.

use chrono::{Local, NaiveDate};
use clap::Args;
use trajectory_core::{MilestoneKind, Scope};
use trajectory_insights::{Pace, velocity_report};
use trajectory_store::{Store, StoreError};

use crate::{Failure, json};

/// The person's current day, from the computer's clock in local time.
pub(crate) fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// A `YYYY-MM-DD` option, or today when it is absent.
pub(crate) fn parse_day(input: Option<String>) -> Result<NaiveDate, Failure> {
    match input {
        Some(text) => Ok(trajectory_core::parse_date(&text)?),
        None => Ok(today()),
    }
}

/// Which milestones to count, from `--goal` / `--kind`.
#[derive(Args, Clone)]
pub(crate) struct ScopeArgs {
    /// Only this goal's milestones.
    #[arg(long, conflicts_with = "kind")]
    pub goal: Option<i64>,
    /// Only milestones of this kind (promotion, raise, skill, …).
    #[arg(long)]
    pub kind: Option<String>,
}

impl ScopeArgs {
    pub fn scope(&self) -> Result<Scope, Failure> {
        Ok(match (self.goal, &self.kind) {
            (Some(id), _) => Scope::Goal(id),
            (None, Some(kind)) => Scope::Kind(MilestoneKind::parse(kind)?),
            (None, None) => Scope::All,
        })
    }
}

#[derive(Args)]
pub(crate) struct VelocityArgs {
    /// The day to measure on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    #[command(flatten)]
    scope: ScopeArgs,
    /// Print {"as_of", "velocity", "baseline", "series": [{"date", "velocity"}…]}.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(
    args: VelocityArgs,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    let as_of = parse_day(args.as_of)?;
    let scope = args.scope.scope()?;
    let store = open()?;
    if args.json {
        let report = velocity_report(&store, scope, as_of)?;
        println!("{}", json(&report)?);
        return Ok(());
    }
    let pace = Pace::load(&store, scope, as_of)?;
    let velocity = pace.velocity();
    let baseline = pace.baseline();
    print!("Velocity on {as_of}: {velocity:.2} milestones per 30 days");
    match baseline {
        Some(b) => println!(
            "; usual pace {:.2} ({})",
            b.velocity,
            match b.source {
                trajectory_core::BaselineSource::History => "from the past year",
                trajectory_core::BaselineSource::ExpectedCadence => "from your expected cadence",
                trajectory_core::BaselineSource::ShortHistory =>
                    "rough: less than a year of history",
            }
        ),
        None => println!("; no usual pace yet (less than 90 days of history and no cadence)"),
    }
    Ok(())
}
