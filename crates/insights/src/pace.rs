//! The pace of one scope (all goals, one goal, one kind): velocity, usual pace and series.

use chrono::NaiveDate;
use serde::Serialize;
use trajectory_core::{
    Achievement, Baseline, DateRange, GoalStatus, Scope, Step, VelocityPoint, VelocitySettings,
    baseline, paused_ranges, series, velocity_at,
};
use trajectory_store::Store;

use crate::error::InsightError;

/// Everything the velocity figures of one scope are computed from.
pub struct Pace {
    pub as_of: NaiveDate,
    pub achievements: Vec<Achievement>,
    pub paused: Vec<DateRange>,
    /// Where the history of this scope begins: its goal's start, or the earliest goal's.
    pub history_start: NaiveDate,
    /// The pace the person said to expect, in milestones per 30 days.
    pub expected: Option<f64>,
}

impl Pace {
    pub fn load(store: &Store, scope: Scope, as_of: NaiveDate) -> Result<Pace, InsightError> {
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

    /// The usual pace (no slump stretches are excluded until slump detection exists).
    pub fn baseline(&self) -> Option<Baseline> {
        baseline(
            &self.achievements,
            &self.paused,
            &[],
            self.as_of,
            self.history_start,
            self.expected,
            &VelocitySettings::default(),
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

/// Velocity on a day, the usual pace and the series behind them; also `traj velocity --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VelocityReport {
    pub as_of: NaiveDate,
    /// Milestones per 30 days on the as-of day.
    pub velocity: f64,
    /// The usual pace, when there is enough history or an expected cadence.
    pub baseline: Option<f64>,
    pub series: Vec<VelocityPoint>,
}

pub fn velocity_report(
    store: &Store,
    scope: Scope,
    as_of: NaiveDate,
) -> Result<VelocityReport, InsightError> {
    let pace = Pace::load(store, scope, as_of)?;
    Ok(VelocityReport {
        as_of,
        velocity: pace.velocity(),
        baseline: pace.baseline().map(|b| b.velocity),
        series: pace.series(pace.history_start),
    })
}
