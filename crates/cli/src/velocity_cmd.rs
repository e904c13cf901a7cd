//! `traj velocity`: milestone velocity on a day, the usual pace, and the series behind them.

use chrono::{Local, NaiveDate};
use clap::Args;
use serde::Serialize;
use trajectory_core::{
    Achievement, Baseline, DateRange, GoalStatus, MilestoneKind, Scope, Step, VelocityPoint,
    VelocitySettings, baseline, paused_ranges, series, velocity_at,
};
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

/// The baseline with no slump ranges excluded yet (slump detection comes later).
pub(crate) fn baseline_for(
    achievements: &[Achievement],
    paused: &[DateRange],
    as_of: NaiveDate,
    history_start: NaiveDate,
    expected: Option<f64>,
) -> Option<Baseline> {
    baseline(
        achievements,
        paused,
        &[],
        as_of,
        history_start,
        expected,
        &VelocitySettings::default(),
    )
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

/// Everything the velocity figures of one scope are computed from.
pub(crate) struct Pace {
    pub as_of: NaiveDate,
    pub achievements: Vec<Achievement>,
    pub paused: Vec<DateRange>,
    /// Where the history of this scope begins: its goal's start, or the earliest goal's.
    pub history_start: NaiveDate,
    /// The pace the person said to expect, in milestones per 30 days.
    pub expected: Option<f64>,
}

impl Pace {
    pub fn load(store: &Store, scope: Scope, as_of: NaiveDate) -> Result<Pace, Failure> {
        let goals = match scope {
            Scope::Goal(id) => vec![store.goal(id)?],
            _ => store.goals()?,
        };
        let milestones = store.milestones()?;
        let achievements = scope.achievements(&milestones);
        let history_start = goals
            .iter()
            .map(|g| g.start_date)
            .chain(achievements.first().map(|a| a.date))
            .min()
            .unwrap_or(as_of)
            .min(as_of);
        // Overall, the expected paces of the active goals add up; per kind there is none.
        let expected = match scope {
            Scope::Kind(_) => None,
            _ => {
                let rates: Vec<f64> = goals
                    .iter()
                    .filter(|g| matches!(scope, Scope::Goal(_)) || g.status == GoalStatus::Active)
                    .filter_map(|g| g.expected_velocity())
                    .collect();
                (!rates.is_empty()).then(|| rates.iter().sum())
            }
        };
        Ok(Pace {
            as_of,
            achievements,
            paused: paused_ranges(&store.paused_periods()?, as_of),
            history_start,
            expected,
        })
    }

    pub fn velocity(&self) -> f64 {
        velocity_at(
            &self.achievements,
            &self.paused,
            self.as_of,
            &VelocitySettings::default(),
        )
    }

    pub fn baseline(&self) -> Option<Baseline> {
        baseline_for(
            &self.achievements,
            &self.paused,
            self.as_of,
            self.history_start,
            self.expected,
        )
    }

    /// The series from `from` to the as-of date: daily up to a year and a half, weekly beyond.
    pub fn series(&self, from: NaiveDate) -> Vec<VelocityPoint> {
        let from = from.min(self.as_of);
        let step = if (self.as_of - from).num_days() <= 548 {
            Step::Daily
        } else {
            Step::Weekly
        };
        series(
            &self.achievements,
            &self.paused,
            from,
            self.as_of,
            step,
            &VelocitySettings::default(),
        )
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

#[derive(Serialize)]
struct VelocityReport {
    as_of: NaiveDate,
    velocity: f64,
    baseline: Option<f64>,
    series: Vec<VelocityPoint>,
}

pub(crate) fn run(
    args: VelocityArgs,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    let as_of = parse_day(args.as_of)?;
    let scope = args.scope.scope()?;
    let pace = Pace::load(&open()?, scope, as_of)?;
    let velocity = pace.velocity();
    let baseline = pace.baseline();
    if args.json {
        let report = VelocityReport {
            as_of,
            velocity,
            baseline: baseline.map(|b| b.velocity),
            series: pace.series(pace.history_start),
        };
        println!("{}", json(&report)?);
        return Ok(());
    }
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
