//! The guided reflection's view of the store: the slump notice to show (with the person's
//! past slumps for the Accept step), the slump history, recoveries to record, and "what has
//! worked for me".

use chrono::NaiveDate;
use serde::Serialize;
use trajectory_core::{
    Milestone, NoticeState, ProgressTrend, Recovery, Slump, SlumpEnd, SlumpSettings,
    StrategyRecord, paused_ranges, progress_trend, reflection::what_has_worked as worked_of,
    velocity::Scope,
};
use trajectory_store::Store;

use crate::error::InsightError;
use crate::slumps::{slump_checks, slump_history};

/// A past or ongoing slump as the Accept step and Insights show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PastSlump {
    /// "all", "goal:<id>" or "kind:<kind>".
    pub scope: String,
    pub start: NaiveDate,
    pub detected_on: NaiveDate,
    /// None while it goes on.
    pub end: Option<NaiveDate>,
    /// Calendar days from its start to its end (or to today while open).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub length_days: i64,
    pub ended_by: Option<SlumpEnd>,
    /// The milestone that ended it, when one did.
    pub came_after: Option<String>,
    pub explanation: String,
}

/// A slump worth a gentle banner: the newest open one not snoozed, set aside or reflected on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Notice {
    pub slump: PastSlump,
    /// The surprise on the day it was raised.
    pub surprise: f64,
    /// Today's plain-language reading of the scope, with its numbers.
    pub explanation: String,
    /// The person's other slumps, newest first, each with how it ended.
    pub past: Vec<PastSlump>,
    /// What the person did with this notice before (shown, or a snooze that has run out).
    pub state: Option<NoticeState>,
    /// The secondary signal: felt progress in entries, recent weeks against the ones before
    /// (when there are enough ratings). A fall of a point or more is added to `explanation`.
    pub progress: Option<ProgressTrend>,
}

fn past_slump(s: &Slump, milestones: &[Milestone], today: NaiveDate) -> PastSlump {
    let came_after = match (s.ended_by, s.end) {
        (Some(SlumpEnd::Milestone), Some(end)) => milestones
            .iter()
            .filter(|m| m.achieved_date == Some(end) && s.scope.includes(m))
            .map(|m| m.title.clone())
            .next(),
        _ => None,
    };
    PastSlump {
        scope: s.scope.to_string(),
        start: s.start,
        detected_on: s.detected_on,
        end: s.end,
        length_days: (s.end.unwrap_or(today) - s.start).num_days(),
        ended_by: s.ended_by,
        came_after,
        explanation: s.explanation.clone(),
    }
}

/// Every slump up to `today`, newest first, with how each ended.
pub fn past_slumps(
    store: &Store,
    today: NaiveDate,
    settings: &SlumpSettings,
) -> Result<Vec<PastSlump>, InsightError> {
    let milestones = store.milestones()?;
    let mut all: Vec<PastSlump> = slump_history(store, today, settings)?
        .iter()
        .map(|s| past_slump(s, &milestones, today))
        .collect();
    all.reverse();
    Ok(all)
}

/// The notice to show on `today`, if any: among open slumps whose notice is not quiet
/// (snoozed until a later day, set aside, reflected on), the overall scope first, else the
/// newest raised.
pub fn slump_notice(
    store: &Store,
    today: NaiveDate,
    settings: &SlumpSettings,
) -> Result<Option<Notice>, InsightError> {
    let history = slump_history(store, today, settings)?;
    let states = store.slump_notices()?;
    let state_of = |s: &Slump| {
        let scope = s.scope.to_string();
        states
            .iter()
            .find(|n| n.scope == scope && n.detected_on == s.detected_on)
            .cloned()
    };
    // One quiet stretch, one banner: once the person has snoozed, set aside or reflected on a
    // slump, the slumps of other scopes whose silence had already begun by then are the same
    // stretch seen from another side, and stay quiet too.
    let open: Vec<&Slump> = history.iter().filter(|s| s.end.is_none()).collect();
    let handled: Vec<&Slump> = open
        .iter()
        .copied()
        .filter(|s| state_of(s).is_some_and(|n| n.status.is_quiet(today)))
        .collect();
    let chosen = open
        .iter()
        .copied()
        .filter(|s| !handled.iter().any(|h| s.start <= h.detected_on))
        .max_by_key(|s| (s.scope == Scope::All, s.detected_on));
    let Some(slump) = chosen else {
        return Ok(None);
    };
    let milestones = store.milestones()?;
    let explanation = slump_checks(store, today, settings)?
        .into_iter()
        .find(|c| c.scope == slump.scope)
        .map_or_else(|| slump.explanation.clone(), |c| c.explanation);
    let mut past: Vec<PastSlump> = history
        .iter()
        .filter(|s| s.end.is_some())
        .map(|s| past_slump(s, &milestones, today))
        .collect();
    past.reverse();
    let ratings: Vec<(NaiveDate, u8)> = crate::chart::all_entries(store)?
        .into_iter()
        .filter_map(|e| e.progress.map(|p| (e.entry_date, p)))
        .collect();
    let paused = paused_ranges(&store.paused_periods()?, today);
    let progress = progress_trend(&ratings, &paused, today);
    let explanation = match &progress {
        Some(p) if p.falling => format!("{explanation} {}", p.explanation),
        _ => explanation,
    };
    Ok(Some(Notice {
        slump: past_slump(slump, &milestones, today),
        surprise: slump.surprise,
        explanation,
        past,
        state: state_of(slump),
        progress,
    }))
}

/// Records every ended slump that a reflection answered and that has no recovery yet; returns
/// the ones recorded now.
pub fn record_recoveries(
    store: &mut Store,
    today: NaiveDate,
    settings: &SlumpSettings,
) -> Result<Vec<Recovery>, InsightError> {
    let known = store.recoveries()?;
    let mut recorded = Vec::new();
    for s in slump_history(store, today, settings)? {
        let Some(end) = s.end else { continue };
        let scope = s.scope.to_string();
        if known
            .iter()
            .any(|r| r.scope == scope && r.detected_on == s.detected_on)
        {
            continue;
        }
        recorded.extend(store.record_recovery(&scope, s.detected_on, end)?);
    }
    Ok(recorded)
}

/// "What has worked for me", per strategy, from the stored moves and recoveries.
pub fn what_has_worked(store: &Store) -> Result<Vec<StrategyRecord>, InsightError> {
    Ok(worked_of(&store.moves()?, &store.recovery_ends()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;
    use trajectory_core::{
        GoalDraft, MilestoneDraft, MoveDraft, ReflectionTrigger, Strategy, parse_date,
    };

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn achieve(store: &mut Store, goal: i64, on: NaiveDate, title: &str) {
        let m = MilestoneDraft {
            kind: "project".into(),
            title: title.into(),
            weight: None,
            planned_date: None,
            achieved_date: Some(on.to_string()),
            notes: String::new(),
        }
        .validate(d("2024-01-01"), on)
        .unwrap();
        store.add_milestone(goal, &m).unwrap();
    }

    /// A goal with a milestone every four weeks through mid-2025, then silence.
    fn steady_then_silent(dir: &std::path::Path) -> (Store, i64) {
        let mut store = Store::open(dir, None).unwrap();
        let goal = GoalDraft {
            title: "Staff engineer".into(),
            here: String::new(),
            there: String::new(),
            start_date: Some("2024-01-01".into()),
            target_date: "2027-01-01".into(),
            cadence_weeks: Some(4),
        }
        .validate(d("2024-01-01"))
        .unwrap();
        let id = store.create_goal(&goal).unwrap().id;
        let mut day = d("2024-01-29");
        while day <= d("2025-06-01") {
            achieve(&mut store, id, day, "step");
            day = day.checked_add_days(Days::new(28)).unwrap();
        }
        (store, id)
    }

    #[test]
    fn a_long_silence_raises_a_notice_that_can_be_snoozed_or_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, goal) = steady_then_silent(dir.path());
        let settings = SlumpSettings::default();
        assert_eq!(
            slump_notice(&store, d("2025-06-20"), &settings).unwrap(),
            None,
            "a few quiet weeks are ordinary"
        );
        let today = d("2026-01-10");
        let notice = slump_notice(&store, today, &settings).unwrap().unwrap();
        assert_eq!(notice.slump.scope, "all", "the overall scope comes first");
        assert_eq!(notice.slump.end, None);
        assert!(notice.surprise < settings.alpha());
        assert!(!notice.explanation.is_empty());
        let detected = notice.slump.detected_on;

        store.snooze_slump_notice("all", detected, today).unwrap();
        assert_eq!(
            slump_notice(&store, d("2026-01-16"), &settings).unwrap(),
            None,
            "the snoozed stretch is quiet for a week, in every scope"
        );
        let after = slump_notice(&store, d("2026-01-17"), &settings)
            .unwrap()
            .unwrap();
        assert_eq!(after.slump.scope, "all", "and back once the week is over");

        store
            .set_aside_slump_notice("all", detected, "A reorg, expected")
            .unwrap();
        assert_eq!(
            slump_notice(&store, today, &settings).unwrap(),
            None,
            "set aside: the other scopes of the same stretch do not raise it again (goal {goal})"
        );
    }

    #[test]
    fn falling_felt_progress_joins_the_evidence() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _goal) = steady_then_silent(dir.path());
        let today = d("2026-01-10");
        // Twelve weeks of 4s, then four weeks of 2s.
        let mut day = d("2025-09-20");
        while day <= today {
            let progress = if (today - day).num_days() < 28 { 2 } else { 4 };
            let draft = trajectory_core::EntryDraft {
                entry_date: day.to_string(),
                body: "a week".into(),
                tags: vec![],
                mood: None,
                progress: Some(progress),
            };
            store.create_entry(&draft.validate().unwrap()).unwrap();
            day += chrono::Duration::days(3);
        }
        let notice = slump_notice(&store, today, &SlumpSettings::default())
            .unwrap()
            .unwrap();
        let trend = notice.progress.expect("enough ratings for a trend");
        assert!(trend.falling, "{trend:?}");
        assert!(
            notice.explanation.contains(&trend.explanation),
            "{}",
            notice.explanation
        );
    }

    #[test]
    fn when_the_slump_ends_the_moves_before_it_are_recorded_and_count_as_having_worked() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, goal) = steady_then_silent(dir.path());
        let settings = SlumpSettings::default();
        let today = d("2026-01-10");
        let notice = slump_notice(&store, today, &settings).unwrap().unwrap();
        let r = store
            .start_reflection(&ReflectionTrigger::Slump {
                scope: notice.slump.scope.clone(),
                detected_on: notice.slump.detected_on,
            })
            .unwrap();
        store
            .choose_strategies(r.id, &[Strategy::WiderNetwork, Strategy::NewProject])
            .unwrap();
        let draft = |strategy, due: &str| MoveDraft {
            strategy,
            text: "do it".into(),
            due: due.into(),
        };
        let net = store
            .add_move(
                r.id,
                &draft(Strategy::WiderNetwork, "2026-01-20")
                    .validate(today, None)
                    .unwrap(),
            )
            .unwrap();
        store
            .add_move(
                r.id,
                &draft(Strategy::NewProject, "2026-03-01")
                    .validate(today, None)
                    .unwrap(),
            )
            .unwrap();
        store
            .complete_move(net.id, d("2026-01-25"), "met three people")
            .unwrap();
        assert!(
            record_recoveries(&mut store, d("2026-01-30"), &settings)
                .unwrap()
                .is_empty()
        );

        achieve(&mut store, goal, d("2026-02-05"), "Shipped the new service");
        let recorded = record_recoveries(&mut store, d("2026-02-10"), &settings).unwrap();
        let ours = recorded
            .iter()
            .find(|rec| rec.scope == notice.slump.scope)
            .unwrap();
        assert_eq!(ours.ended_on, d("2026-02-05"));
        assert_eq!(ours.move_ids, vec![net.id]);
        assert!(
            record_recoveries(&mut store, d("2026-02-10"), &settings)
                .unwrap()
                .is_empty(),
            "recorded once"
        );
        let worked = what_has_worked(&store).unwrap();
        assert_eq!(worked[0].strategy, Strategy::WiderNetwork);
        assert_eq!(worked[0].recoveries, 1);

        let history = past_slumps(&store, d("2026-02-10"), &settings).unwrap();
        let ended = history
            .iter()
            .find(|s| s.scope == "all" && s.end == Some(d("2026-02-05")))
            .unwrap();
        assert_eq!(ended.came_after.as_deref(), Some("Shipped the new service"));
        assert_eq!(ended.ended_by, Some(SlumpEnd::Milestone));
        assert!(ended.length_days > 200);
    }
}
