//! Milestone velocity (DESIGN §2): the smoothed, weighted rate of achieved milestones in
//! milestones per 30 days, its series, the person's own baseline, and the forecast of when a
//! goal's open milestones land. Pure functions: the as-of date is always a parameter.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::goal::{Goal, GoalId};
use crate::milestone::{Milestone, MilestoneId, MilestoneKind};
use crate::paused::{DateRange, PauseClock};

/// The knobs of the velocity model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VelocitySettings {
    /// The half-life H of the kernel, in (unpaused) days.
    pub half_life_days: f64,
    /// How far back the baseline looks, in calendar days.
    pub baseline_window_days: u32,
}

impl Default for VelocitySettings {
    fn default() -> Self {
        VelocitySettings {
            half_life_days: 60.0,
            baseline_window_days: 365,
        }
    }
}

impl VelocitySettings {
    /// λ = ln 2 / H.
    pub fn decay_rate(&self) -> f64 {
        std::f64::consts::LN_2 / self.half_life_days.max(1e-6)
    }
}

/// Which milestones a velocity counts. Serialises as `"all"`, `"goal:<id>"` or
/// `"kind:<kind>"` (its `Display`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Every goal's milestones.
    All,
    /// One goal's milestones.
    Goal(GoalId),
    /// Milestones of one kind, across goals.
    Kind(MilestoneKind),
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scope::All => f.write_str("all"),
            Scope::Goal(id) => write!(f, "goal:{id}"),
            Scope::Kind(kind) => write!(f, "kind:{}", kind.as_str()),
        }
    }
}

impl Serialize for Scope {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Scope {
    pub fn includes(&self, m: &Milestone) -> bool {
        match *self {
            Scope::All => true,
            Scope::Goal(id) => m.goal_id == id,
            Scope::Kind(kind) => m.kind == kind,
        }
    }

    /// The achieved milestones in scope as dated weights, oldest first.
    pub fn achievements(&self, milestones: &[Milestone]) -> Vec<Achievement> {
        let mut found: Vec<Achievement> = milestones
            .iter()
            .filter(|m| self.includes(m))
            .filter_map(|m| {
                m.achieved_date.map(|date| Achievement {
                    date,
                    weight: f64::from(m.weight),
                })
            })
            .collect();
        found.sort_by_key(|a| a.date);
        found
    }
}

/// One achieved milestone as the velocity sees it: a day and a weight.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Achievement {
    pub date: NaiveDate,
    pub weight: f64,
}

/// One sample of a velocity series.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VelocityPoint {
    pub date: NaiveDate,
    /// Milestones per 30 days.
    pub velocity: f64,
}

/// How far apart the samples of a series are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Daily,
    Weekly,
}

impl Step {
    pub fn days(self) -> u64 {
        match self {
            Step::Daily => 1,
            Step::Weekly => 7,
        }
    }
}

/// v(as_of) = 30 · Σ w·λ·e^(−λ·(τ(as_of) − τ(tᵢ))) over achievements on or before `as_of`,
/// where τ is time with the paused days removed.
pub fn velocity_at(
    achievements: &[Achievement],
    paused: &[DateRange],
    as_of: NaiveDate,
    settings: &VelocitySettings,
) -> f64 {
    let clock = PauseClock::new(paused);
    let lambda = settings.decay_rate();
    let now = clock.effective_day(as_of);
    let sum: f64 = achievements
        .iter()
        .filter(|a| a.date <= as_of)
        .map(|a| a.weight * (-lambda * (now - clock.effective_day(a.date)) as f64).exp())
        .sum();
    30.0 * lambda * sum
}

/// The sample dates of a series from `from` to `to`: the last one is always `to`, the others
/// step back from it; empty when `to` is before `from`.
pub fn sample_dates(from: NaiveDate, to: NaiveDate, step: Step) -> Vec<NaiveDate> {
    let mut dates = Vec::new();
    let mut day = to;
    while day >= from {
        dates.push(day);
        match day.checked_sub_days(Days::new(step.days())) {
            Some(previous) => day = previous,
            None => break,
        }
    }
    dates.reverse();
    dates
}

/// v sampled from `from` to `to` (both included, the last sample on `to`). Runs in one pass
/// over the samples and the achievements, so ten years of daily samples stay cheap.
pub fn series(
    achievements: &[Achievement],
    paused: &[DateRange],
    from: NaiveDate,
    to: NaiveDate,
    step: Step,
    settings: &VelocitySettings,
) -> Vec<VelocityPoint> {
    let clock = PauseClock::new(paused);
    let lambda = settings.decay_rate();
    let mut sorted: Vec<(NaiveDate, f64)> =
        achievements.iter().map(|a| (a.date, a.weight)).collect();
    sorted.sort_by_key(|a| a.0);
    let mut next = 0;
    // acc = Σ w·e^(−λ·(t − τᵢ)) at effective time t.
    let mut acc = 0.0;
    let mut t: Option<i64> = None;
    sample_dates(from, to, step)
        .into_iter()
        .map(|date| {
            let now = clock.effective_day(date);
            if let Some(before) = t {
                acc *= (-lambda * (now - before) as f64).exp();
            }
            t = Some(now);
            while next < sorted.len() && sorted[next].0 <= date {
                let (day, weight) = sorted[next];
                acc += weight * (-lambda * (now - clock.effective_day(day)) as f64).exp();
                next += 1;
            }
            VelocityPoint {
                date,
                velocity: 30.0 * lambda * acc,
            }
        })
        .collect()
}

/// Where a baseline came from; the wording of every figure built on it depends on this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum BaselineSource {
    /// The median of the person's own velocity over the full window.
    History,
    /// Less than a window of history: the pace the person said to expect.
    ExpectedCadence,
    /// Less than a window of history and no expected cadence: the median of what there is
    /// (at least 90 observed days). A rough figure, and labelled so.
    ShortHistory,
}

/// The person's typical velocity, and the band around it (the middle half of the observed
/// values; a single line when it comes from the expected cadence).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Baseline {
    pub velocity: f64,
    pub low: f64,
    pub high: f64,
    pub source: BaselineSource,
}

/// Fewest observed days that make a history-based baseline.
pub const MIN_BASELINE_SAMPLES: usize = 30;
/// Fewest observed days for a rough baseline when no cadence was given.
pub const MIN_SHORT_HISTORY_DAYS: usize = 90;

/// The p-quantile (0 ≤ p ≤ 1) of sorted values, interpolating between neighbours.
fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let pos = p.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// The person's baseline at `as_of`: the median of daily v over the trailing window
/// (`settings.baseline_window_days`, ending on `as_of`), leaving out paused days and the
/// `excluded` ranges (past slumps). With less than a window of unpaused history since
/// `history_start`, it is `expected` (milestones per 30 days, from the goal's cadence) when
/// given, else the median of what there is once 90 days are observed, else nothing.
pub fn baseline(
    achievements: &[Achievement],
    paused: &[DateRange],
    excluded: &[DateRange],
    as_of: NaiveDate,
    history_start: NaiveDate,
    expected: Option<f64>,
    settings: &VelocitySettings,
) -> Option<Baseline> {
    let clock = PauseClock::new(paused);
    let window = i64::from(settings.baseline_window_days.max(1));
    let window_start = as_of
        .checked_sub_days(Days::new(window as u64 - 1))
        .unwrap_or(NaiveDate::MIN);
    let from = window_start.max(history_start);
    let mut values: Vec<f64> = series(achievements, paused, from, as_of, Step::Daily, settings)
        .into_iter()
        .filter(|p| !clock.is_paused(p.date) && !excluded.iter().any(|r| r.contains(p.date)))
        .map(|p| p.velocity)
        .collect();
    values.sort_by(f64::total_cmp);
    let observed = as_of
        .checked_add_days(Days::new(1))
        .map_or(0, |next| clock.active_days(history_start, next));
    baseline_of_sorted(&values, observed, window, expected)
}

/// The baseline from the window's daily values (sorted, paused and excluded days already left
/// out), the unpaused days observed since the history began, and the expected pace: the rule
/// of [`baseline`], shared with the slump follow-up, which keeps its values incrementally.
pub(crate) fn baseline_of_sorted(
    values: &[f64],
    observed: i64,
    window: i64,
    expected: Option<f64>,
) -> Option<Baseline> {
    let from_history = |source| Baseline {
        velocity: quantile(values, 0.5),
        low: quantile(values, 0.25),
        high: quantile(values, 0.75),
        source,
    };
    if observed >= window && values.len() >= MIN_BASELINE_SAMPLES {
        return Some(from_history(BaselineSource::History));
    }
    if let Some(v) = expected.filter(|v| v.is_finite() && *v > 0.0) {
        return Some(Baseline {
            velocity: v,
            low: v,
            high: v,
            source: BaselineSource::ExpectedCadence,
        });
    }
    (values.len() >= MIN_SHORT_HISTORY_DAYS).then(|| from_history(BaselineSource::ShortHistory))
}

/// Below this pace (milestones per 30 days, about one a year and a half) the current pace is
/// treated as stalled and the forecast uses the baseline instead.
pub const MIN_FORECAST_PACE: f64 = 0.05;

/// Which pace a forecast assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PaceSource {
    /// The goal's velocity on the as-of date.
    Current,
    /// The current pace is about zero, so the person's baseline stands in for it.
    Baseline,
}

/// When one open milestone is expected to land.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ForecastItem {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub milestone_id: MilestoneId,
    pub title: String,
    pub weight: u8,
    pub planned_date: Option<NaiveDate>,
    pub expected_date: NaiveDate,
    /// Expected minus planned, in days: positive is late, negative early.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub days_late: Option<i64>,
}

/// At the assumed pace, when each of a goal's open milestones lands, in planned order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Forecast {
    pub as_of: NaiveDate,
    /// Milestones (weighted) per 30 days.
    pub pace: f64,
    pub pace_source: PaceSource,
    pub items: Vec<ForecastItem>,
    /// When the last open milestone is expected; none when nothing is open.
    pub expected_finish: Option<NaiveDate>,
    pub target_date: NaiveDate,
    /// Expected finish minus the target date, in days: positive is late.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub days_past_target: Option<i64>,
}

/// Forecasts the goal's open milestones: at pace r (weighted milestones per 30 days), the
/// k-th open milestone in planned order lands after (w₁+…+w_k)·30/r days. The pace is the
/// goal's velocity at `as_of`, or `baseline` when that is about zero; with neither there is
/// no honest forecast and the answer is `None`.
pub fn forecast(
    goal: &Goal,
    milestones: &[Milestone],
    paused: &[DateRange],
    as_of: NaiveDate,
    baseline: Option<&Baseline>,
    settings: &VelocitySettings,
) -> Option<Forecast> {
    let scope = Scope::Goal(goal.id);
    let current = velocity_at(&scope.achievements(milestones), paused, as_of, settings);
    let (pace, pace_source) = if current >= MIN_FORECAST_PACE {
        (current, PaceSource::Current)
    } else {
        let b = baseline
            .map(|b| b.velocity)
            .filter(|v| *v >= MIN_FORECAST_PACE)?;
        (b, PaceSource::Baseline)
    };
    let mut open: Vec<&Milestone> = milestones
        .iter()
        .filter(|m| scope.includes(m) && m.achieved_date.is_none())
        .collect();
    open.sort_by_key(|m| (m.planned_date.is_none(), m.planned_date, m.id));
    let mut cumulative = 0.0;
    let items: Vec<ForecastItem> = open
        .into_iter()
        .map(|m| {
            cumulative += f64::from(m.weight);
            let days = (cumulative * 30.0 / pace).ceil().min(365.0 * 200.0) as u64;
            let expected_date = as_of
                .checked_add_days(Days::new(days))
                .unwrap_or(NaiveDate::MAX);
            ForecastItem {
                milestone_id: m.id,
                title: m.title.clone(),
                weight: m.weight,
                planned_date: m.planned_date,
                expected_date,
                days_late: m.planned_date.map(|p| (expected_date - p).num_days()),
            }
        })
        .collect();
    let expected_finish = items.last().map(|i| i.expected_date);
    Some(Forecast {
        as_of,
        pace,
        pace_source,
        days_past_target: expected_finish.map(|f| (f - goal.target_date).num_days()),
        items,
        expected_finish,
        target_date: goal.target_date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goal::GoalStatus;
    use crate::parse_date;
    use chrono::DateTime;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn day(n: i64) -> NaiveDate {
        d("2000-01-01") + chrono::Duration::days(n)
    }

    fn at(n: i64, weight: f64) -> Achievement {
        Achievement {
            date: day(n),
            weight,
        }
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * a.abs().max(b.abs()).max(1e-12)
    }

    const H60: VelocitySettings = VelocitySettings {
        half_life_days: 60.0,
        baseline_window_days: 365,
    };

    fn milestone(
        id: i64,
        goal_id: i64,
        kind: MilestoneKind,
        achieved: Option<NaiveDate>,
    ) -> Milestone {
        Milestone {
            id,
            goal_id,
            kind,
            title: format!("m{id}"),
            weight: kind.default_weight(),
            planned_date: None,
            achieved_date: achieved,
            notes: String::new(),
            entry_ids: vec![],
            created_at: DateTime::default(),
            updated_at: DateTime::default(),
        }
    }

    fn goal(id: i64, start: NaiveDate, target: NaiveDate) -> Goal {
        Goal {
            id,
            title: "g".into(),
            here: String::new(),
            there: String::new(),
            start_date: start,
            target_date: target,
            cadence_weeks: Some(6),
            status: GoalStatus::Active,
            created_at: DateTime::default(),
            updated_at: DateTime::default(),
        }
    }

    #[test]
    fn one_milestone_gives_thirty_lambda_then_halves_each_half_life() {
        let a = [at(0, 1.0)];
        let lambda = H60.decay_rate();
        assert!(close(
            velocity_at(&a, &[], day(0), &H60),
            30.0 * lambda,
            1e-12
        ));
        assert!(close(
            velocity_at(&a, &[], day(60), &H60),
            15.0 * lambda,
            1e-12
        ));
        assert!(close(
            velocity_at(&a, &[], day(120), &H60),
            7.5 * lambda,
            1e-12
        ));
        assert_eq!(
            velocity_at(&a, &[], day(-1), &H60),
            0.0,
            "nothing before it"
        );
    }

    #[test]
    fn the_series_matches_pointwise_velocity_and_ends_on_to() {
        let a = [at(3, 1.0), at(40, 3.0), at(41, 2.0), at(200, 1.0)];
        let paused = [DateRange::new(day(90), day(120)).unwrap()];
        for step in [Step::Daily, Step::Weekly] {
            let s = series(&a, &paused, day(0), day(300), step, &H60);
            assert_eq!(s.last().unwrap().date, day(300));
            for p in &s {
                let direct = velocity_at(&a, &paused, p.date, &H60);
                assert!(close(p.velocity, direct, 1e-9), "{p:?} vs {direct}");
            }
        }
        assert!(series(&a, &[], day(5), day(4), Step::Daily, &H60).is_empty());
    }

    #[test]
    fn scopes_pick_goal_and_kind() {
        let ms = [
            milestone(1, 1, MilestoneKind::Promotion, Some(day(10))),
            milestone(2, 2, MilestoneKind::Skill, Some(day(5))),
            milestone(3, 1, MilestoneKind::Skill, None),
        ];
        let all = Scope::All.achievements(&ms);
        assert_eq!(
            all.iter().map(|a| a.date).collect::<Vec<_>>(),
            [day(5), day(10)]
        );
        assert_eq!(Scope::Goal(1).achievements(&ms), [at(10, 3.0)]);
        assert_eq!(
            Scope::Kind(MilestoneKind::Skill).achievements(&ms),
            [at(5, 1.0)]
        );
    }

    #[test]
    fn scopes_serialise_as_short_strings() {
        let json = serde_json::to_string(&[
            Scope::All,
            Scope::Goal(7),
            Scope::Kind(MilestoneKind::Promotion),
        ])
        .unwrap();
        assert_eq!(json, r#"["all","goal:7","kind:promotion"]"#);
    }

    #[test]
    fn a_baseline_needs_a_year_of_history_or_falls_back_to_the_cadence() {
        let a: Vec<Achievement> = (0..40).map(|i| at(i * 30, 1.0)).collect();
        // Plenty of history: the median of v is about one a month.
        let b = baseline(&a, &[], &[], day(1190), day(0), Some(5.0), &H60).unwrap();
        assert_eq!(b.source, BaselineSource::History);
        assert!(close(b.velocity, 1.0, 0.2), "{b:?}");
        assert!(b.low <= b.velocity && b.velocity <= b.high);
        // Half a year in: the expected cadence (every 6 weeks) stands in.
        let expected = crate::goal::velocity_of_cadence(6);
        let b = baseline(&a, &[], &[], day(180), day(0), Some(expected), &H60).unwrap();
        assert_eq!(b.source, BaselineSource::ExpectedCadence);
        assert_eq!(b.velocity, expected);
        // No cadence: a rough figure after 90 days, nothing before.
        let b = baseline(&a, &[], &[], day(180), day(0), None, &H60).unwrap();
        assert_eq!(b.source, BaselineSource::ShortHistory);
        assert!(baseline(&a, &[], &[], day(60), day(0), None, &H60).is_none());
    }

    #[test]
    fn a_baseline_leaves_out_the_excluded_stretches() {
        // Fast for two years, then a long stall; excluding the stall keeps the baseline high.
        let a: Vec<Achievement> = (0..25).map(|i| at(i * 30, 1.0)).collect();
        let as_of = day(900);
        let stall = DateRange::new(day(760), as_of).unwrap();
        let with = baseline(&a, &[], &[], as_of, day(0), None, &H60).unwrap();
        let without = baseline(&a, &[], &[stall], as_of, day(0), None, &H60).unwrap();
        assert!(without.velocity > with.velocity, "{without:?} vs {with:?}");
        // Excluding everything leaves too little to judge: fall back to the cadence.
        let all = DateRange::new(day(0), as_of).unwrap();
        let b = baseline(&a, &[], &[all], as_of, day(0), Some(0.5), &H60).unwrap();
        assert_eq!(b.source, BaselineSource::ExpectedCadence);
    }

    #[test]
    fn paused_days_do_not_count_towards_a_year_of_history() {
        let a: Vec<Achievement> = (0..14).map(|i| at(i * 30, 1.0)).collect();
        let leave = [DateRange::new(day(100), day(199)).unwrap()];
        let b = baseline(&a, &leave, &[], day(400), day(0), Some(0.7), &H60).unwrap();
        assert_eq!(
            b.source,
            BaselineSource::ExpectedCadence,
            "301 unpaused days"
        );
        let b = baseline(&a, &leave, &[], day(470), day(0), Some(0.7), &H60).unwrap();
        assert_eq!(b.source, BaselineSource::History);
    }

    #[test]
    fn the_forecast_spreads_open_milestones_at_the_current_pace() {
        let g = goal(1, day(0), day(400));
        let mut ms = vec![
            milestone(1, 1, MilestoneKind::Skill, Some(day(280))),
            milestone(2, 1, MilestoneKind::Skill, Some(day(290))),
            milestone(3, 1, MilestoneKind::Skill, Some(day(300))),
        ];
        let mut later = milestone(4, 1, MilestoneKind::Raise, None);
        later.planned_date = Some(day(360));
        let mut sooner = milestone(5, 1, MilestoneKind::Skill, None);
        sooner.planned_date = Some(day(320));
        let unplanned = milestone(6, 1, MilestoneKind::Skill, None);
        ms.extend([later, unplanned, sooner]);
        ms.push(milestone(7, 2, MilestoneKind::Skill, None)); // another goal
        let as_of = day(300);
        let f = forecast(&g, &ms, &[], as_of, None, &H60).unwrap();
        assert_eq!(f.pace_source, PaceSource::Current);
        let pace = velocity_at(&Scope::Goal(1).achievements(&ms), &[], as_of, &H60);
        assert!(close(f.pace, pace, 1e-12));
        let ids: Vec<i64> = f.items.iter().map(|i| i.milestone_id).collect();
        assert_eq!(
            ids,
            [5, 4, 6],
            "planned order, unplanned last, other goals left out"
        );
        let days = |w: f64| (w * 30.0 / pace).ceil() as i64;
        assert_eq!(f.items[0].expected_date, day(300 + days(1.0)));
        assert_eq!(f.items[1].expected_date, day(300 + days(3.0)));
        assert_eq!(f.items[2].expected_date, day(300 + days(4.0)));
        assert_eq!(
            f.items[0].days_late,
            Some((f.items[0].expected_date - day(320)).num_days())
        );
        assert_eq!(f.items[2].days_late, None);
        assert_eq!(f.expected_finish, Some(f.items[2].expected_date));
        assert_eq!(
            f.days_past_target,
            Some((f.items[2].expected_date - day(400)).num_days())
        );
    }

    #[test]
    fn a_stalled_goal_is_forecast_at_its_baseline_or_not_at_all() {
        let g = goal(1, day(0), day(4000));
        let ms = vec![
            milestone(1, 1, MilestoneKind::Skill, Some(day(0))),
            milestone(2, 1, MilestoneKind::Skill, None),
        ];
        let as_of = day(3000);
        assert!(forecast(&g, &ms, &[], as_of, None, &H60).is_none());
        let b = Baseline {
            velocity: 0.5,
            low: 0.5,
            high: 0.5,
            source: BaselineSource::ExpectedCadence,
        };
        let f = forecast(&g, &ms, &[], as_of, Some(&b), &H60).unwrap();
        assert_eq!(f.pace_source, PaceSource::Baseline);
        assert_eq!(f.items[0].expected_date, day(3060));
    }

    fn events() -> impl Strategy<Value = Vec<Achievement>> {
        proptest::collection::vec((0i64..2000, 1u8..=3), 0..30)
            .prop_map(|v| v.into_iter().map(|(n, w)| at(n, f64::from(w))).collect())
    }

    fn pauses() -> impl Strategy<Value = Vec<DateRange>> {
        proptest::collection::vec((0i64..2000, 0i64..200), 0..4).prop_map(|v| {
            v.into_iter()
                .map(|(a, len)| DateRange::new(day(a), day(a + len)).unwrap())
                .collect()
        })
    }

    proptest! {
        /// A weight-1 milestone every D days reads as 30/D: over one period in steady state
        /// the daily values average 30/D (within the 1-day sampling error of λ/2), and for
        /// D well under the half-life every single day is close to it.
        #[test]
        fn a_milestone_every_d_days_gives_thirty_over_d(
            every in 1i64..=180,
            half_life in 20.0f64..=180.0,
        ) {
            let settings = VelocitySettings { half_life_days: half_life, baseline_window_days: 365 };
            let warm_up = (half_life * 20.0) as i64;
            let count = warm_up / every + 2;
            let a: Vec<Achievement> = (0..count).map(|i| at(i * every, 1.0)).collect();
            let last = (count - 1) * every;
            let period: Vec<f64> = (last - every..last)
                .map(|n| velocity_at(&a, &[], day(n), &settings))
                .collect();
            let mean = period.iter().sum::<f64>() / every as f64;
            let expected = 30.0 / every as f64;
            prop_assert!(close(mean, expected, 0.02), "mean {mean} vs {expected}");
            if (every as f64) <= half_life / 4.0 {
                for v in period {
                    prop_assert!(close(v, expected, 0.2), "{v} vs {expected}");
                }
            }
        }

        /// Adding a milestone never lowers v on any later date.
        #[test]
        fn adding_a_milestone_never_lowers_later_velocity(
            base in events(),
            paused in pauses(),
            added_day in 0i64..2000,
            weight in 1u8..=3,
            later in 0i64..1000,
        ) {
            let mut more = base.clone();
            more.push(at(added_day, f64::from(weight)));
            let t = day(added_day + later);
            let before = velocity_at(&base, &paused, t, &H60);
            let after = velocity_at(&more, &paused, t, &H60);
            prop_assert!(after >= before, "{after} < {before}");
            prop_assert!(after > before, "a milestone on or before t adds something");
        }

        /// Scaling every weight by k scales v by k, and weights add up.
        #[test]
        fn weights_scale_velocity_linearly(
            base in proptest::collection::vec(0i64..2000, 0..30),
            paused in pauses(),
            k in 1u8..=3,
            t in 0i64..2500,
        ) {
            let ones: Vec<Achievement> = base.iter().map(|&n| at(n, 1.0)).collect();
            let scaled: Vec<Achievement> = base.iter().map(|&n| at(n, f64::from(k))).collect();
            let v1 = velocity_at(&ones, &paused, day(t), &H60);
            let vk = velocity_at(&scaled, &paused, day(t), &H60);
            prop_assert!(close(vk, f64::from(k) * v1, 1e-9), "{vk} vs {k}·{v1}");
            // A weight-k milestone counts like k weight-1 milestones on the same day.
            let repeated: Vec<Achievement> = base
                .iter()
                .flat_map(|&n| std::iter::repeat_n(at(n, 1.0), usize::from(k)))
                .collect();
            let vr = velocity_at(&repeated, &paused, day(t), &H60);
            prop_assert!(close(vk, vr, 1e-9));
        }

        /// Paused days change nothing: inserting a pause of L days on day P and shifting
        /// every later event (and the as-of date) by L gives the same velocity.
        #[test]
        fn paused_days_change_nothing(
            base in events(),
            pause_at in 0i64..2000,
            length in 1i64..=400,
            t in 0i64..2500,
            daily in any::<bool>(),
        ) {
            let shift = |n: i64| if n >= pause_at { n + length } else { n };
            let shifted: Vec<Achievement> = base
                .iter()
                .map(|a| {
                    let n = (a.date - day(0)).num_days();
                    at(shift(n), a.weight)
                })
                .collect();
            let pause = [DateRange::new(day(pause_at), day(pause_at + length - 1)).unwrap()];
            let plain = velocity_at(&base, &[], day(t), &H60);
            let with_pause = velocity_at(&shifted, &pause, day(shift(t)), &H60);
            prop_assert!(close(plain, with_pause, 1e-9), "{plain} vs {with_pause}");
            // Inside the pause the clock is frozen at its first day.
            {
                for inside in [pause_at, pause_at + length / 2, pause_at + length - 1] {
                    let v = velocity_at(&shifted, &pause, day(inside), &H60);
                    let frozen = velocity_at(&base, &[], day(pause_at - 1), &H60)
                        * (-H60.decay_rate()).exp();
                    prop_assert!(close(v, frozen, 1e-9), "{v} vs {frozen}");
                }
            }
            let step = if daily { Step::Daily } else { Step::Weekly };
            let s = series(&shifted, &pause, day(0), day(shift(t)), step, &H60);
            prop_assert!(close(s.last().unwrap().velocity, plain, 1e-9));
        }
    }
}
