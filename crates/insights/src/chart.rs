//! The four charts, assembled from the store: what to load for each, over which dates.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use trajectory_charts::{
    Chart, ChartOptions, HeatmapData, MilestoneMark, MoodData, MoodPoint, TrajectoryData,
    VelocityData, heatmap_chart, mood_chart, trajectory_chart, velocity_chart,
};
use trajectory_core::{Entry, GoalId, GoalStatus, Scope, VelocitySettings, forecast};
use trajectory_store::Store;

use crate::error::InsightError;
use crate::pace::Pace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Milestone velocity over time with the usual range.
    Velocity,
    /// A goal's achieved weight against its plan, with the forecast.
    Trajectory,
    /// Felt progress and mood from entries.
    Mood,
    /// A calendar of the days written and milestones reached.
    Heatmap,
}

/// How far back a chart reaches from its as-of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ChartRange {
    ThreeMonths,
    OneYear,
    All,
}

/// Which chart, for what, up to which day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartRequest {
    pub chart: ChartKind,
    /// Which milestones count (velocity and heatmap).
    pub scope: Scope,
    /// The goal of a trajectory; when absent, the only (active) goal there is.
    pub goal: Option<GoalId>,
    /// Default: all for velocity and trajectory, one year for mood and heatmap.
    pub range: Option<ChartRange>,
    pub as_of: NaiveDate,
}

pub(crate) fn all_entries(store: &Store) -> Result<Vec<Entry>, InsightError> {
    let mut all = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.timeline(cursor, 500)?;
        all.extend(page.entries);
        match page.next {
            Some(c) => cursor = Some(c),
            None => return Ok(all),
        }
    }
}

/// The first day shown for `range`, or `earliest` for everything.
pub fn range_start(range: ChartRange, as_of: NaiveDate, earliest: NaiveDate) -> NaiveDate {
    let back = match range {
        ChartRange::ThreeMonths => as_of.checked_sub_months(Months::new(3)),
        ChartRange::OneYear => as_of.checked_sub_months(Months::new(12)),
        ChartRange::All => return earliest.min(as_of),
    };
    back.and_then(|d| d.checked_add_days(Days::new(1)))
        .unwrap_or(as_of)
}

/// The goal a trajectory is drawn for: the chosen one, or the only (active) goal there is.
pub fn pick_goal(store: &Store, chosen: Option<GoalId>) -> Result<GoalId, InsightError> {
    if let Some(id) = chosen {
        return Ok(id);
    }
    let goals = store.goals()?;
    let active: Vec<_> = goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active)
        .collect();
    match (goals.as_slice(), active.as_slice()) {
        ([only], _) => Ok(only.id),
        (_, [only]) => Ok(only.id),
        ([], _) => Err(InsightError::NoGoals),
        _ => Err(InsightError::ChooseGoal),
    }
}

/// Draws the requested chart from what the store holds.
pub fn render_chart(
    store: &Store,
    request: &ChartRequest,
    options: &ChartOptions,
) -> Result<Chart, InsightError> {
    let as_of = request.as_of;
    let scope = request.scope;
    let chart = match request.chart {
        ChartKind::Velocity => {
            let pace = Pace::load(store, scope, as_of)?;
            let from = range_start(
                request.range.unwrap_or(ChartRange::All),
                as_of,
                pace.history_start,
            );
            let points = pace.series(from);
            let marks: Vec<MilestoneMark> = store
                .milestones()?
                .iter()
                .filter(|m| scope.includes(m))
                .filter_map(|m| {
                    let date = m.achieved_date.filter(|d| *d >= from && *d <= as_of)?;
                    Some(MilestoneMark {
                        date,
                        weight: m.weight,
                        title: m.title.clone(),
                    })
                })
                .collect();
            let data = VelocityData {
                series: &points,
                baseline: pace.baseline(),
                slumps: &[],
                paused: &pace.paused,
                milestones: &marks,
            };
            velocity_chart(&data, options)?
        }
        ChartKind::Trajectory => {
            let id = pick_goal(store, request.goal)?;
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
            let data = TrajectoryData {
                goal: &goal,
                milestones: &milestones,
                forecast: forecast.as_ref(),
                as_of,
            };
            trajectory_chart(&data, options)?
        }
        ChartKind::Mood | ChartKind::Heatmap => {
            let entries = all_entries(store)?;
            let earliest = entries.iter().map(|e| e.entry_date).min().unwrap_or(as_of);
            let from = range_start(
                request.range.unwrap_or(ChartRange::OneYear),
                as_of,
                earliest,
            );
            if request.chart == ChartKind::Mood {
                let points: Vec<MoodPoint> = entries
                    .iter()
                    .map(|e| MoodPoint {
                        date: e.entry_date,
                        mood: e.mood,
                        progress: e.progress,
                    })
                    .collect();
                mood_chart(
                    &MoodData {
                        points: &points,
                        from,
                        to: as_of,
                    },
                    options,
                )?
            } else {
                let entry_dates: Vec<NaiveDate> = entries.iter().map(|e| e.entry_date).collect();
                let milestone_dates: Vec<NaiveDate> = store
                    .milestones()?
                    .iter()
                    .filter(|m| scope.includes(m))
                    .filter_map(|m| m.achieved_date)
                    .collect();
                heatmap_chart(
                    &HeatmapData {
                        entry_dates: &entry_dates,
                        milestone_dates: &milestone_dates,
                        from,
                        to: as_of,
                    },
                    options,
                )?
            }
        }
    };
    Ok(chart)
}

#[cfg(test)]
mod tests {
    use super::*;
    use trajectory_charts::{Format, Theme};
    use trajectory_core::EntryDraft;

    fn day(s: &str) -> NaiveDate {
        trajectory_core::parse_date(s).unwrap()
    }

    #[test]
    fn ranges_reach_back_from_the_as_of_day() {
        let as_of = day("2026-11-25");
        assert_eq!(
            range_start(ChartRange::ThreeMonths, as_of, day("2020-01-01")),
            day("2026-08-26")
        );
        assert_eq!(
            range_start(ChartRange::OneYear, as_of, day("2020-01-01")),
            day("2025-11-26")
        );
        assert_eq!(
            range_start(ChartRange::All, as_of, day("2020-01-01")),
            day("2020-01-01")
        );
    }

    #[test]
    fn a_trajectory_needs_a_goal_and_the_mood_chart_uses_ratings() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        let request = ChartRequest {
            chart: ChartKind::Trajectory,
            scope: Scope::All,
            goal: None,
            range: None,
            as_of: day("2026-11-25"),
        };
        let options = ChartOptions::for_format(Format::Svg, Theme::Light);
        let err = render_chart(&store, &request, &options).unwrap_err();
        assert_eq!(err.code(), trajectory_core::ErrorCode::ChooseGoal);
        for (date, mood) in [("2026-11-02", 2), ("2026-11-09", 4), ("2026-11-16", 5)] {
            let draft = EntryDraft {
                entry_date: date.into(),
                body: "x".into(),
                tags: vec![],
                mood: Some(mood),
                progress: Some(3),
            };
            store.create_entry(&draft.validate().unwrap()).unwrap();
        }
        let mood = render_chart(
            &store,
            &ChartRequest {
                chart: ChartKind::Mood,
                ..request
            },
            &options,
        )
        .unwrap();
        assert!(!mood.alt.rows.is_empty(), "{:?}", mood.alt);
    }
}
