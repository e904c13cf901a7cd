//! Slumps from the store: the current state of every scope and the history of past slumps,
//! computed with the core's detector over the person's goals, milestones and pauses.

use chrono::NaiveDate;
use trajectory_core::{
    Slump, SlumpCheck, SlumpSettings, check_slump, paused_ranges, replay_slumps,
    slump::scope_histories,
};
use trajectory_store::Store;

use crate::error::InsightError;

/// Every scope's state on `as_of` (all goals, each active goal, each kind that has occurred).
pub fn slump_checks(
    store: &Store,
    as_of: NaiveDate,
    settings: &SlumpSettings,
) -> Result<Vec<SlumpCheck>, InsightError> {
    let (goals, milestones) = (store.goals()?, store.milestones()?);
    let paused = paused_ranges(&store.paused_periods()?, as_of);
    Ok(scope_histories(&goals, &milestones)
        .iter()
        .map(|h| check_slump(h, &paused, as_of, settings))
        .collect())
}

/// Every slump raised up to `as_of`, in every scope, oldest first.
pub fn slump_history(
    store: &Store,
    as_of: NaiveDate,
    settings: &SlumpSettings,
) -> Result<Vec<Slump>, InsightError> {
    let (goals, milestones) = (store.goals()?, store.milestones()?);
    let paused = paused_ranges(&store.paused_periods()?, as_of);
    let mut all: Vec<Slump> = scope_histories(&goals, &milestones)
        .iter()
        .flat_map(|h| replay_slumps(h, &paused, as_of, settings))
        .collect();
    all.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(a.detected_on.cmp(&b.detected_on))
    });
    Ok(all)
}
