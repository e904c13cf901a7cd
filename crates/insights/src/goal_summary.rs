//! One goal at a glance: its milestones, current pace, usual pace and forecast.

use chrono::NaiveDate;
use serde::Serialize;
use trajectory_core::{
    Baseline, Forecast, Goal, GoalId, Milestone, Scope, VelocitySettings, forecast,
};
use trajectory_store::Store;

use crate::error::InsightError;
use crate::pace::Pace;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GoalSummary {
    pub goal: Goal,
    pub milestones: Vec<Milestone>,
    pub as_of: NaiveDate,
    /// Milestones per 30 days on the as-of day, for this goal.
    pub velocity: f64,
    pub baseline: Option<Baseline>,
    /// When the open milestones are expected to land at the current (or usual) pace.
    pub forecast: Option<Forecast>,
}

pub fn goal_summary(
    store: &Store,
    id: GoalId,
    as_of: NaiveDate,
) -> Result<GoalSummary, InsightError> {
    let goal = store.goal(id)?;
    let milestones = store.milestones_of_goal(id)?;
    let pace = Pace::load(store, Scope::Goal(id), as_of)?;
    let baseline = pace.baseline();
    let forecast = forecast(
        &goal,
        &milestones,
        &pace.paused,
        as_of,
        baseline.as_ref(),
        &VelocitySettings::default(),
    );
    Ok(GoalSummary {
        velocity: pace.velocity(),
        goal,
        milestones,
        as_of,
        baseline,
        forecast,
    })
}
