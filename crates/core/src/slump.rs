//! Slump detection (DESIGN §3): how surprising the current silence is given the person's own
//! pace (a Gamma–Poisson model per scope), the replay of that judgement over history into past
//! slumps, and the felt-progress trend shown beside it as evidence. Pure functions: `as_of` is
//! always a parameter.
//!
//! The model. Milestones in a scope arrive as a Poisson process of unknown rate λ per day with
//! a Gamma(a₀, b₀) prior. The evidence is the look-back window: up to `window_days` unpaused
//! days ending on the last achieved milestone, without paused days and without the flagged
//! part of past slumps (from the day each was raised to its end). With n milestones over T
//! observed days the posterior is Gamma(a₀ + n, b₀ + T), and the chance of a silence of at
//! least g days is (b / (b + g))^a. A slump is raised on the first day that chance falls below
//! the sensitivity's α, and ends with the next milestone in scope or when velocity recovers
//! to `recovery_share` of the baseline. See docs/decisions/0020-slump-detection.md.

pub mod explain;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::goal::{Goal, GoalStatus};
use crate::milestone::{Milestone, MilestoneKind};
use crate::paused::{DateRange, PauseClock};
use crate::velocity::{
    Achievement, MIN_BASELINE_SAMPLES, Scope, Step, VelocitySettings, baseline_of_sorted, series,
};

/// How readily a slump is raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    /// Only the longest silences.
    Relaxed,
    /// The default: about one false alarm in three years or fewer for a steady pace.
    #[default]
    Normal,
    /// Earlier alarms, and more of them that turn out to be ordinary gaps.
    Eager,
}

impl Sensitivity {
    pub const ALL: [Sensitivity; 3] = [
        Sensitivity::Relaxed,
        Sensitivity::Normal,
        Sensitivity::Eager,
    ];

    /// The stable name used in settings, JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Sensitivity::Relaxed => "relaxed",
            Sensitivity::Normal => "normal",
            Sensitivity::Eager => "eager",
        }
    }

    /// α: a slump is raised once the chance of a silence at least this long, at the person's
    /// pace, falls below it. Chosen from the scenario tests (docs/PERFORMANCE.md, "Slump
    /// detection"; docs/decisions/0020-slump-detection.md).
    pub fn alpha(self) -> f64 {
        match self {
            Sensitivity::Relaxed => 0.003,
            Sensitivity::Normal => 0.01,
            Sensitivity::Eager => 0.03,
        }
    }
}

/// The knobs of slump detection.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SlumpSettings {
    pub sensitivity: Sensitivity,
    /// An α of one's own instead of the sensitivity's; the scenario sweeps use it, the app
    /// offers only the three sensitivities.
    pub alpha: Option<f64>,
    /// How far back the evidence reaches from the last milestone, in unpaused days.
    pub window_days: u32,
    /// How many milestones' worth of evidence the prior carries (a₀).
    pub prior_milestones: f64,
    /// The usual gap the prior assumes when no cadence was given, in days.
    pub default_gap_days: f64,
    /// A slump also ends when velocity, having dropped below this share of the baseline,
    /// climbs back to it.
    pub recovery_share: f64,
    /// Velocity's settings, for the recovery rule.
    pub velocity: VelocitySettings,
}

impl Default for SlumpSettings {
    fn default() -> Self {
        SlumpSettings {
            sensitivity: Sensitivity::Normal,
            alpha: None,
            window_days: 730,
            prior_milestones: 2.0,
            default_gap_days: 91.0,
            recovery_share: 0.8,
            velocity: VelocitySettings::default(),
        }
    }
}

impl SlumpSettings {
    /// The α in force: the custom one if set, else the sensitivity's.
    pub fn alpha(&self) -> f64 {
        self.alpha
            .filter(|a| a.is_finite() && *a > 0.0 && *a < 1.0)
            .unwrap_or_else(|| self.sensitivity.alpha())
    }
}

/// Where the prior came from; the wording depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PriorSource {
    /// The pace the person said to expect.
    ExpectedCadence,
    /// No cadence given: about one milestone a quarter.
    Default,
}

/// The Gamma(a₀, b₀) prior on the daily rate of milestones.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Prior {
    /// a₀: milestones' worth of evidence.
    pub shape: f64,
    /// b₀: days' worth of evidence; b₀ / a₀ is the gap the prior expects.
    pub days: f64,
    pub source: PriorSource,
}

impl Prior {
    /// The prior for an expected pace in milestones per 30 days (a goal's cadence, or the
    /// active goals' paces added up), else the default gap; either carries
    /// `settings.prior_milestones` milestones of evidence.
    pub fn new(expected: Option<f64>, settings: &SlumpSettings) -> Prior {
        let shape = settings.prior_milestones.max(1e-6);
        match expected.filter(|v| v.is_finite() && *v > 0.0) {
            Some(per_30_days) => Prior {
                shape,
                days: shape * 30.0 / per_30_days,
                source: PriorSource::ExpectedCadence,
            },
            None => Prior {
                shape,
                days: shape * settings.default_gap_days.max(1.0),
                source: PriorSource::Default,
            },
        }
    }
}

/// Below this many milestones in the window, or this many observed days, the prior still
/// carries much of the estimate and the wording says it is rough.
pub const ROUGH_BELOW_MILESTONES: u32 = 5;
/// See [`ROUGH_BELOW_MILESTONES`].
pub const ROUGH_BELOW_DAYS: i64 = 180;

/// A silence no career reaches: what [`Posterior::alarm_silence`] answers when the prior is so
/// vague or α so small that no realistic gap would raise a slump.
pub const NEVER: i64 = 1_000_000_000;

/// The posterior Gamma(a, b) on the rate after the look-back window.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Posterior {
    pub prior: Prior,
    /// Achieved milestones in the window (counts, not weights).
    pub milestones: u32,
    /// Unpaused days in the window outside past slumps, up to the last milestone.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub observed_days: i64,
    /// a = a₀ + milestones.
    pub shape: f64,
    /// b = b₀ + observed days.
    pub days: f64,
}

impl Posterior {
    fn new(prior: Prior, milestones: u32, observed_days: i64) -> Posterior {
        Posterior {
            prior,
            milestones,
            observed_days,
            shape: prior.shape + f64::from(milestones),
            days: prior.days + observed_days.max(0) as f64,
        }
    }

    /// The typical gap between milestones, b / a days (one over the mean rate).
    pub fn usual_gap_days(&self) -> f64 {
        self.days / self.shape
    }

    /// The posterior variance of the daily rate, a / b².
    pub fn variance(&self) -> f64 {
        self.shape / (self.days * self.days)
    }

    /// How uncertain the rate still is relative to itself: sd / mean = 1 / √a.
    pub fn relative_spread(&self) -> f64 {
        1.0 / self.shape.sqrt()
    }

    /// The chance of a silence of at least `silence_days`: (b / (b + g))^a.
    pub fn surprise(&self, silence_days: f64) -> f64 {
        let g = silence_days.max(0.0);
        (self.days / (self.days + g)).powf(self.shape)
    }

    /// The shortest whole silence, in days, whose surprise is below `alpha`; [`NEVER`] when
    /// that would take longer than any career.
    pub fn alarm_silence(&self, alpha: f64) -> i64 {
        let alpha = alpha.clamp(1e-300, 1.0);
        // (b/(b+g))^a < α  ⇔  g > b·(α^(−1/a) − 1).
        let bound = self.days * ((-alpha.ln() / self.shape).exp() - 1.0);
        if bound.is_nan() || bound >= NEVER as f64 {
            return NEVER;
        }
        let mut g = bound.floor().max(0.0) as i64;
        // Settle the rounding either way with the surprise itself (a step or two).
        while g > 0 && self.surprise((g - 1) as f64) < alpha {
            g -= 1;
        }
        while self.surprise(g as f64) >= alpha {
            g += 1;
        }
        g
    }

    /// Whether the prior still carries much of the estimate.
    pub fn is_rough(&self) -> bool {
        self.milestones < ROUGH_BELOW_MILESTONES || self.observed_days < ROUGH_BELOW_DAYS
    }
}

/// What the detector knows about one scope.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeHistory {
    pub scope: Scope,
    /// The achieved milestones in scope (weights matter only to the recovery rule).
    pub achievements: Vec<Achievement>,
    /// The first day a milestone could have come: the goal's start, or the earliest goal's.
    pub history_start: NaiveDate,
    /// The pace the person expects, in milestones per 30 days.
    pub expected: Option<f64>,
}

/// The scopes worth judging: everything, each active goal, and each kind with at least one
/// achieved milestone. Overall, the active goals' expected paces add up (as for the
/// baseline); a kind has no expected pace, and its history starts with the earliest goal.
pub fn scope_histories(goals: &[Goal], milestones: &[Milestone]) -> Vec<ScopeHistory> {
    let all = Scope::All.achievements(milestones);
    let Some(overall_start) = goals
        .iter()
        .map(|g| g.start_date)
        .chain(all.first().map(|a| a.date))
        .min()
    else {
        return Vec::new();
    };
    let rates: Vec<f64> = goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active)
        .filter_map(|g| g.expected_velocity())
        .collect();
    let mut found = vec![ScopeHistory {
        scope: Scope::All,
        achievements: all,
        history_start: overall_start,
        expected: (!rates.is_empty()).then(|| rates.iter().sum()),
    }];
    for goal in goals.iter().filter(|g| g.status == GoalStatus::Active) {
        let scope = Scope::Goal(goal.id);
        found.push(ScopeHistory {
            scope,
            achievements: scope.achievements(milestones),
            history_start: goal.start_date,
            expected: goal.expected_velocity(),
        });
    }
    for kind in MilestoneKind::ALL {
        let scope = Scope::Kind(kind);
        let achievements = scope.achievements(milestones);
        if !achievements.is_empty() {
            found.push(ScopeHistory {
                scope,
                achievements,
                history_start: overall_start,
                expected: None,
            });
        }
    }
    found
}

/// How a slump ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SlumpEnd {
    /// A milestone in scope was achieved on the end day.
    Milestone,
    /// Velocity climbed back to the recovery share of the baseline.
    Recovered,
}

/// A stretch the detector raised, past or ongoing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Slump {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub scope: Scope,
    /// The day the silence began: the day after the last milestone (or the history's start).
    pub start: NaiveDate,
    /// The first day the surprise fell below α.
    pub detected_on: NaiveDate,
    /// The day it ended; none while it goes on.
    pub end: Option<NaiveDate>,
    pub ended_by: Option<SlumpEnd>,
    /// The surprise on `detected_on`.
    pub surprise: f64,
    pub alpha: f64,
    /// The silence on `detected_on`, in unpaused days.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub silence_days: i64,
    /// The usual gap the model knew of when it raised the slump, in days.
    pub usual_gap_days: f64,
    /// Whether that estimate was still rough.
    pub rough: bool,
    pub explanation: String,
}

impl Slump {
    /// The flagged part: from the day it was raised to the day before it ended (or `as_of`
    /// while open). Left out of later evidence, and what a baseline should leave out.
    pub fn flagged(&self, as_of: NaiveDate) -> DateRange {
        let end = self
            .end
            .map_or(as_of, |e| e.pred_opt().unwrap_or(e))
            .max(self.detected_on);
        DateRange {
            start: self.detected_on,
            end,
        }
    }
}

/// The state of one scope on `as_of`: the silence, how surprising it is, and the slump open
/// on that day, if any.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SlumpCheck {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub scope: Scope,
    pub as_of: NaiveDate,
    pub last_milestone: Option<NaiveDate>,
    /// Unpaused days since the last milestone (or since the history's start).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub silence_days: i64,
    pub evidence: Posterior,
    pub usual_gap_days: f64,
    /// The chance of a silence at least this long at the person's pace.
    pub surprise: f64,
    pub alpha: f64,
    pub sensitivity: Sensitivity,
    pub rough: bool,
    /// The slump open on `as_of`.
    pub slump: Option<Slump>,
    pub explanation: String,
}

/// A scope's milestones on the pause-aware clock.
struct Timeline<'a> {
    history: &'a ScopeHistory,
    paused: &'a [DateRange],
    clock: PauseClock,
    /// Distinct achieved days up to `as_of`, oldest first, with the count on each.
    days: Vec<(NaiveDate, u32)>,
    as_of: NaiveDate,
    settings: &'a SlumpSettings,
    prior: Prior,
}

impl<'a> Timeline<'a> {
    fn new(
        history: &'a ScopeHistory,
        paused: &'a [DateRange],
        as_of: NaiveDate,
        settings: &'a SlumpSettings,
    ) -> Timeline<'a> {
        let mut dates: Vec<NaiveDate> = history
            .achievements
            .iter()
            .map(|a| a.date)
            .filter(|d| *d <= as_of)
            .collect();
        dates.sort_unstable();
        let mut days: Vec<(NaiveDate, u32)> = Vec::new();
        for date in dates {
            match days.last_mut() {
                Some((last, count)) if *last == date => *count += 1,
                _ => days.push((date, 1)),
            }
        }
        Timeline {
            history,
            paused,
            clock: PauseClock::new(paused),
            days,
            as_of,
            settings,
            prior: Prior::new(history.expected, settings),
        }
    }

    fn e(&self, date: NaiveDate) -> i64 {
        self.clock.effective_day(date)
    }

    /// The posterior after the milestone days `days[..upto]`, leaving out the `excluded`
    /// effective ranges `[from, to)`.
    fn evidence(&self, upto: usize, excluded: &[(i64, i64)]) -> Posterior {
        let Some(&(last, _)) = upto.checked_sub(1).and_then(|i| self.days.get(i)) else {
            return Posterior::new(self.prior, 0, 0);
        };
        let end = self.e(last);
        let window = i64::from(self.settings.window_days);
        let lower = self.e(self.history.history_start).max(end - window);
        let milestones: u32 = self.days[..upto]
            .iter()
            .filter(|(d, _)| *d >= self.history.history_start && self.e(*d) >= lower)
            .map(|(_, n)| n)
            .sum();
        let left_out: i64 = excluded
            .iter()
            .map(|&(from, to)| (to.min(end) - from.max(lower)).max(0))
            .sum();
        Posterior::new(self.prior, milestones, end - lower - left_out)
    }

    /// The first unpaused day on or before `limit` whose effective day is `target`, if any.
    /// Unpaused days have distinct effective days, so there is at most one.
    fn first_day_at(&self, from: NaiveDate, limit: NaiveDate, target: i64) -> Option<NaiveDate> {
        let at_limit = self.e(limit);
        if at_limit < target {
            return None;
        }
        if at_limit == target {
            return (!self.clock.is_paused(limit)).then_some(limit);
        }
        // The smallest day in (from, limit] whose effective day passes the target; the day
        // before it is the one.
        let (mut lo, mut hi) = (from, limit);
        while (hi - lo).num_days() > 1 {
            let mid = lo + Days::new(((hi - lo).num_days() / 2) as u64);
            if self.e(mid) > target {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi.pred_opt()
    }

    /// Follows a slump raised on `detected` until the next milestone day `next` (or
    /// `as_of`): it ends on the first day velocity climbs back to the recovery share of the
    /// baseline after having dropped below it, else with the milestone.
    ///
    /// The baseline is velocity's (docs/decisions/0012) with the past slumps' flagged days and
    /// this slump's own left out. Every day from `detected` on is left out, so the window's
    /// values only ever lose their oldest day: they are computed once and kept sorted.
    fn follow(
        &self,
        detected: NaiveDate,
        next: Option<NaiveDate>,
        flagged: &[DateRange],
    ) -> (Option<NaiveDate>, Option<SlumpEnd>) {
        let milestone_end = match next {
            Some(n) if n <= self.as_of => (Some(n), Some(SlumpEnd::Milestone)),
            _ => (None, None),
        };
        let last_day = next
            .and_then(|n| n.pred_opt())
            .map_or(self.as_of, |d| d.min(self.as_of));
        let settings = &self.settings.velocity;
        let window = i64::from(settings.baseline_window_days.max(1));
        let start = self.history.history_start;
        let window_start = |day: NaiveDate| {
            day.checked_sub_days(Days::new(window as u64 - 1))
                .unwrap_or(NaiveDate::MIN)
                .max(start)
        };
        let first = window_start(detected).min(detected);
        let velocity = series(
            &self.history.achievements,
            self.paused,
            first,
            last_day.max(detected),
            Step::Daily,
            settings,
        );
        let at = |day: NaiveDate| velocity[(day - first).num_days() as usize].velocity;
        let counted =
            |day: NaiveDate| !self.clock.is_paused(day) && !flagged.iter().any(|r| r.contains(day));
        let mut values: Vec<f64> = first
            .iter_days()
            .take_while(|d| *d < detected)
            .filter(|d| counted(*d))
            .map(at)
            .collect();
        values.sort_by(f64::total_cmp);
        let mut oldest = first;
        let mut dropped = false;
        for day in detected.iter_days().take_while(|d| *d <= last_day) {
            let from = window_start(day);
            while oldest < from && oldest < detected {
                if counted(oldest) {
                    let v = at(oldest);
                    let i = values.partition_point(|x| x.total_cmp(&v).is_lt());
                    values.remove(i);
                }
                oldest = oldest.succ_opt().unwrap_or(oldest);
            }
            if self.clock.is_paused(day) {
                continue;
            }
            let observed = self.clock.active_days(start, day + Days::new(1));
            let usual = baseline_of_sorted(&values, observed, window, self.history.expected);
            let v = at(day);
            match usual {
                Some(b) if v < self.settings.recovery_share * b.velocity => dropped = true,
                Some(_) if dropped => return (Some(day), Some(SlumpEnd::Recovered)),
                _ => {}
            }
            // Too few values left for a baseline from history: from here on it is the
            // expected pace or nothing, and velocity only falls, so it cannot recover.
            if values.len() < MIN_BASELINE_SAMPLES
                && usual.is_none_or(|b| v < self.settings.recovery_share * b.velocity)
            {
                break;
            }
        }
        milestone_end
    }

    /// Replays the detector silence by silence, oldest first.
    fn replay(&self) -> Vec<Slump> {
        let start = self.history.history_start;
        if self.as_of < start {
            return Vec::new();
        }
        let alpha = self.settings.alpha();
        let mut slumps = Vec::new();
        let mut excluded: Vec<(i64, i64)> = Vec::new();
        let mut flagged: Vec<DateRange> = Vec::new();
        // Silence k begins on the milestone day days[k-1] (or the history's start for k = 0)
        // and runs until days[k].
        for k in 0..=self.days.len() {
            let from = k
                .checked_sub(1)
                .map_or(start, |i| self.days[i].0.max(start));
            let next = self.days.get(k).map(|(d, _)| *d);
            let limit = next
                .and_then(|n| n.pred_opt())
                .map_or(self.as_of, |d| d.min(self.as_of));
            if limit <= from {
                continue;
            }
            let evidence = self.evidence(k, &excluded);
            let target = self.e(from) + evidence.alarm_silence(alpha);
            let Some(detected) = self.first_day_at(from, limit, target) else {
                continue;
            };
            let (end, ended_by) = self.follow(detected, next, &flagged);
            let silence_days = self.e(detected) - self.e(from);
            let mut slump = Slump {
                scope: self.history.scope,
                start: if k == 0 {
                    start
                } else {
                    from.succ_opt().unwrap_or(from)
                },
                detected_on: detected,
                end,
                ended_by,
                surprise: evidence.surprise(silence_days as f64),
                alpha,
                silence_days,
                usual_gap_days: evidence.usual_gap_days(),
                rough: evidence.is_rough(),
                explanation: String::new(),
            };
            slump.explanation = explain::slump(&slump, self.settings);
            let stretch = slump.flagged(self.as_of);
            excluded.push((
                self.e(stretch.start),
                self.e(stretch.end.succ_opt().unwrap_or(stretch.end)),
            ));
            flagged.push(stretch);
            slumps.push(slump);
        }
        slumps
    }
}

/// Replays the detector over the scope's history up to `as_of`: every slump it would have
/// raised, oldest first, the last one open if it still goes on.
pub fn replay(
    history: &ScopeHistory,
    paused: &[DateRange],
    as_of: NaiveDate,
    settings: &SlumpSettings,
) -> Vec<Slump> {
    Timeline::new(history, paused, as_of, settings).replay()
}

/// The state of one scope on `as_of`: the current silence judged against the evidence (past
/// slumps left out, as the replay does), and the slump open on that day.
pub fn check(
    history: &ScopeHistory,
    paused: &[DateRange],
    as_of: NaiveDate,
    settings: &SlumpSettings,
) -> SlumpCheck {
    let timeline = Timeline::new(history, paused, as_of, settings);
    let slumps = timeline.replay();
    let excluded: Vec<(i64, i64)> = slumps
        .iter()
        .filter(|s| s.end.is_some())
        .map(|s| {
            let r = s.flagged(as_of);
            (
                timeline.e(r.start),
                timeline.e(r.end.succ_opt().unwrap_or(r.end)),
            )
        })
        .collect();
    let evidence = timeline.evidence(timeline.days.len(), &excluded);
    let last_milestone = timeline.days.last().map(|(d, _)| *d);
    let from = last_milestone
        .unwrap_or(history.history_start)
        .max(history.history_start);
    let silence_days = (timeline.e(as_of) - timeline.e(from)).max(0);
    let mut found = SlumpCheck {
        scope: history.scope,
        as_of,
        last_milestone,
        silence_days,
        evidence,
        usual_gap_days: evidence.usual_gap_days(),
        surprise: evidence.surprise(silence_days as f64),
        alpha: settings.alpha(),
        sensitivity: settings.sensitivity,
        rough: evidence.is_rough(),
        slump: slumps.into_iter().last().filter(|s| s.end.is_none()),
        explanation: String::new(),
    };
    found.explanation = explain::check(&found, settings);
    found
}

/// A drop of felt progress this large (recent mean below the earlier one) is a sign.
pub const PROGRESS_DROP: f64 = 1.0;
/// The recent stretch, in unpaused days.
pub const PROGRESS_RECENT_DAYS: i64 = 28;
/// The stretch before it that the recent mean is compared with, in unpaused days.
pub const PROGRESS_EARLIER_DAYS: i64 = 84;
/// Fewest ratings in the recent stretch for a comparison.
pub const PROGRESS_MIN_RECENT: usize = 2;
/// Fewest ratings in the earlier stretch for a comparison.
pub const PROGRESS_MIN_EARLIER: usize = 3;

/// Felt progress in entries (1–5): the last four weeks against the twelve before.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProgressTrend {
    pub as_of: NaiveDate,
    pub recent_mean: f64,
    pub recent_count: u32,
    pub earlier_mean: f64,
    pub earlier_count: u32,
    /// Recent minus earlier: negative is a fall.
    pub change: f64,
    /// Whether the fall is at least [`PROGRESS_DROP`].
    pub falling: bool,
    pub explanation: String,
}

/// Compares the mean felt progress of the last 28 unpaused days (ending on `as_of`) with the
/// 84 unpaused days before; ratings on paused days are left out. `None` when either stretch
/// has too few ratings to compare.
pub fn progress_trend(
    ratings: &[(NaiveDate, u8)],
    paused: &[DateRange],
    as_of: NaiveDate,
) -> Option<ProgressTrend> {
    let clock = PauseClock::new(paused);
    let now = clock.effective_day(as_of);
    let (mut recent, mut earlier) = (Vec::new(), Vec::new());
    for &(date, value) in ratings {
        if date > as_of || clock.is_paused(date) {
            continue;
        }
        let age = now - clock.effective_day(date);
        if age < PROGRESS_RECENT_DAYS {
            recent.push(f64::from(value));
        } else if age < PROGRESS_RECENT_DAYS + PROGRESS_EARLIER_DAYS {
            earlier.push(f64::from(value));
        }
    }
    if recent.len() < PROGRESS_MIN_RECENT || earlier.len() < PROGRESS_MIN_EARLIER {
        return None;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let (recent_mean, earlier_mean) = (mean(&recent), mean(&earlier));
    let change = recent_mean - earlier_mean;
    let mut trend = ProgressTrend {
        as_of,
        recent_mean,
        recent_count: recent.len() as u32,
        earlier_mean,
        earlier_count: earlier.len() as u32,
        change,
        // A small tolerance so that a drop of exactly one point on a 1–5 scale counts.
        falling: change <= -PROGRESS_DROP + 1e-9,
        explanation: String::new(),
    };
    trend.explanation = explain::progress(&trend);
    Some(trend)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goal::GoalStatus;
    use crate::parse_date;
    use chrono::DateTime;
    use proptest::prelude::*;

    fn day(n: i64) -> NaiveDate {
        parse_date("2000-01-01").unwrap() + chrono::Duration::days(n)
    }

    fn range(a: i64, b: i64) -> DateRange {
        DateRange::new(day(a), day(b)).unwrap()
    }

    fn history(events: &[i64], start: i64, expected: Option<f64>) -> ScopeHistory {
        ScopeHistory {
            scope: Scope::All,
            achievements: events
                .iter()
                .map(|&n| Achievement {
                    date: day(n),
                    weight: 1.0,
                })
                .collect(),
            history_start: day(start),
            expected,
        }
    }

    fn every(gap: i64, count: i64) -> Vec<i64> {
        (1..=count).map(|i| i * gap).collect()
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * a.abs().max(b.abs()).max(1e-12)
    }

    const NORMAL: SlumpSettings = SlumpSettings {
        sensitivity: Sensitivity::Normal,
        alpha: None,
        window_days: 730,
        prior_milestones: 2.0,
        default_gap_days: 91.0,
        recovery_share: 0.8,
        velocity: VelocitySettings {
            half_life_days: 60.0,
            baseline_window_days: 365,
        },
    };

    #[test]
    fn the_surprise_is_the_chance_of_a_silence_at_least_this_long() {
        let prior = Prior::new(None, &NORMAL);
        assert_eq!((prior.shape, prior.days), (2.0, 182.0));
        assert_eq!(prior.source, PriorSource::Default);
        let p = Posterior::new(prior, 10, 638);
        assert_eq!((p.shape, p.days), (12.0, 820.0));
        assert!(close(p.usual_gap_days(), 820.0 / 12.0, 1e-12));
        assert_eq!(p.surprise(0.0), 1.0);
        assert!(close(p.surprise(100.0), (820.0f64 / 920.0).powi(12), 1e-12));
        let alpha = 0.02;
        let g = p.alarm_silence(alpha);
        assert!(p.surprise(g as f64) < alpha);
        assert!(p.surprise((g - 1) as f64) >= alpha);
        // Six weeks expected: two milestones of evidence, 84 days.
        let cadence = Prior::new(Some(crate::goal::velocity_of_cadence(6)), &NORMAL);
        assert!(close(cadence.days, 84.0, 1e-12));
        assert_eq!(cadence.source, PriorSource::ExpectedCadence);
    }

    #[test]
    fn a_vague_prior_or_a_tiny_alpha_never_raises_anything() {
        let vague = SlumpSettings {
            prior_milestones: 1e-6,
            alpha: Some(1e-200),
            ..NORMAL
        };
        let p = Posterior::new(Prior::new(None, &vague), 0, 0);
        assert_eq!(p.alarm_silence(1e-200), NEVER);
        let h = history(&[10], 0, None);
        assert!(replay(&h, &[], day(40_000), &vague).is_empty());
        let c = check(&h, &[], day(40_000), &vague);
        assert!(c.slump.is_none() && c.surprise >= c.alpha);
    }

    #[test]
    fn a_steady_history_teaches_its_own_gap() {
        // A milestone every 42 days since day 0, judged on day 800.
        let h = history(&every(42, 18), 0, None);
        let c = check(&h, &[], day(800), &NORMAL);
        assert_eq!(c.last_milestone, Some(day(756)));
        assert_eq!(c.silence_days, 44);
        // The window reaches 730 days back from day 756: milestones on days 42·1 … 42·18.
        assert_eq!(c.evidence.milestones, 18);
        assert_eq!(c.evidence.observed_days, 730);
        assert!(close(c.usual_gap_days, (182.0 + 730.0) / 20.0, 1e-12));
        assert!(c.surprise > ORDINARY_FOR_TESTS);
        assert!(c.slump.is_none());
        assert!(!c.rough);
    }

    const ORDINARY_FOR_TESTS: f64 = explain::ORDINARY;

    #[test]
    fn the_window_counts_unpaused_days_back_from_the_last_milestone() {
        let events = every(30, 40); // days 30 … 1200
        let h = history(&events, 0, None);
        let short = SlumpSettings {
            window_days: 300,
            ..NORMAL
        };
        let c = check(&h, &[], day(1210), &short);
        // Days 900 … 1200 reach back 300 days: 900 is on the boundary, 930 … 1200 inside.
        assert_eq!(c.evidence.milestones, 11);
        assert_eq!(c.evidence.observed_days, 300);
        // A 100-day pause inside the window pushes its start 100 days earlier.
        let leave = [range(1000, 1099)];
        let c = check(&h, &leave, day(1210), &short);
        assert_eq!(c.evidence.observed_days, 300);
        assert_eq!(
            c.evidence.milestones, 14,
            "810 … 1200; the three inside the pause count from its first day"
        );
    }

    #[test]
    fn a_long_silence_raises_a_slump_and_the_next_milestone_ends_it() {
        let mut events = every(21, 40); // days 21 … 840
        events.push(1100);
        let h = history(&events, 0, None);
        let slumps = replay(&h, &[], day(1200), &NORMAL);
        assert_eq!(slumps.len(), 1, "{slumps:?}");
        let s = &slumps[0];
        let evidence = Timeline::new(&h, &[], day(1200), &NORMAL).evidence(40, &[]);
        let g = evidence.alarm_silence(NORMAL.alpha());
        assert_eq!(s.start, day(841));
        assert_eq!(s.detected_on, day(840 + g));
        assert_eq!(s.silence_days, g);
        assert_eq!(s.end, Some(day(1100)));
        assert_eq!(s.ended_by, Some(SlumpEnd::Milestone));
        assert!(s.surprise < s.alpha);
        assert!(close(s.surprise, evidence.surprise(g as f64), 1e-12));
        // Checked during the silence: open, with the same dates.
        let during = check(&h, &[], day(1000), &NORMAL);
        let open = during.slump.clone().expect("open on day 1000");
        assert_eq!(
            (open.start, open.detected_on, open.end),
            (day(841), s.detected_on, None)
        );
        assert!(during.surprise < during.alpha);
        // The day before it was raised, nothing is open.
        let before = check(&h, &[], day(840 + g - 1), &NORMAL);
        assert!(before.slump.is_none() && before.surprise >= before.alpha);
        // After the milestone, nothing is open and the slump is in the past.
        let after = check(&h, &[], day(1110), &NORMAL);
        assert!(after.slump.is_none());
    }

    #[test]
    fn a_slump_is_never_raised_on_a_paused_day() {
        let events = every(21, 40); // last on day 840
        let h = history(&events, 0, None);
        let plain = replay(&h, &[], day(1300), &NORMAL);
        let detected = plain[0].detected_on;
        // A pause starting the day the slump would have been raised moves it past the pause,
        // and the silence is the same number of unpaused days.
        let n = (detected - day(0)).num_days();
        let leave = [range(n, n + 9)];
        let paused = replay(&h, &leave, day(1300), &NORMAL);
        assert_eq!(paused[0].detected_on, day(n + 10));
        assert_eq!(paused[0].silence_days, plain[0].silence_days);
    }

    #[test]
    fn the_flagged_part_of_a_past_slump_is_left_out_of_later_evidence() {
        let mut events = every(21, 40); // days 21 … 840
        events.extend([1100, 1120]);
        let h = history(&events, 0, None);
        let slumps = replay(&h, &[], day(1130), &NORMAL);
        assert_eq!(slumps.len(), 1);
        let flagged = slumps[0].flagged(day(1130));
        assert_eq!(flagged.start, slumps[0].detected_on);
        assert_eq!(flagged.end, day(1099));
        let c = check(&h, &[], day(1130), &NORMAL);
        // 730 days back from day 1120 start at day 390; the flagged days are not observed.
        assert_eq!(c.evidence.observed_days, 730 - flagged.days());
        assert_eq!(c.evidence.milestones, 2 + (840 - 399) / 21 + 1);
    }

    #[test]
    fn with_no_milestone_yet_the_prior_judges_the_silence_from_the_start() {
        let h = history(&[], 0, Some(crate::goal::velocity_of_cadence(6)));
        let c = check(&h, &[], day(100), &NORMAL);
        assert_eq!(c.last_milestone, None);
        assert_eq!(c.silence_days, 100);
        assert_eq!(c.evidence.milestones, 0);
        assert!(close(c.usual_gap_days, 42.0, 1e-12));
        assert!(c.rough);
        let g = c.evidence.alarm_silence(c.alpha);
        let slumps = replay(&h, &[], day(g + 10), &NORMAL);
        assert_eq!(slumps.len(), 1);
        assert_eq!(slumps[0].start, day(0));
        assert_eq!(slumps[0].detected_on, day(g));
        assert!(slumps[0].rough);
        // Before the history starts there is nothing to judge.
        assert!(replay(&h, &[], day(-5), &NORMAL).is_empty());
        assert_eq!(check(&h, &[], day(-5), &NORMAL).silence_days, 0);
    }

    #[test]
    fn velocity_back_at_the_recovery_share_ends_a_slump_without_a_milestone() {
        // Weekly milestones for two years, then silence. The person expects one in ten
        // years, so once the short velocity window has nothing but flagged days left, the
        // baseline falls back to that slow cadence and the pace counts as recovered.
        let h = history(
            &every(7, 104),
            0,
            Some(crate::goal::velocity_of_cadence(520)),
        );
        let settings = SlumpSettings {
            recovery_share: 0.95,
            velocity: VelocitySettings {
                half_life_days: 180.0,
                baseline_window_days: 60,
            },
            ..NORMAL
        };
        let slumps = replay(&h, &[], day(1400), &settings);
        assert_eq!(slumps.len(), 1, "{slumps:?}");
        let s = &slumps[0];
        assert_eq!(s.ended_by, Some(SlumpEnd::Recovered));
        let end = s.end.unwrap();
        assert!(end > s.detected_on && end < day(1400), "{s:?}");
        // One silence raises one slump: the rest of it stays quiet.
        let c = check(&h, &[], day(1400), &settings);
        assert!(c.slump.is_none() && c.surprise < c.alpha);
        assert!(
            c.explanation.contains("not counted as a slump"),
            "{}",
            c.explanation
        );
    }

    fn goal(id: i64, start: i64, cadence: Option<u32>, status: GoalStatus) -> Goal {
        Goal {
            id,
            title: format!("g{id}"),
            here: String::new(),
            there: String::new(),
            start_date: day(start),
            target_date: day(start + 1000),
            cadence_weeks: cadence,
            status,
            created_at: DateTime::default(),
            updated_at: DateTime::default(),
        }
    }

    fn milestone(id: i64, goal_id: i64, kind: MilestoneKind, achieved: Option<i64>) -> Milestone {
        Milestone {
            id,
            goal_id,
            kind,
            title: format!("m{id}"),
            weight: kind.default_weight(),
            planned_date: None,
            achieved_date: achieved.map(day),
            notes: String::new(),
            entry_ids: vec![],
            created_at: DateTime::default(),
            updated_at: DateTime::default(),
        }
    }

    #[test]
    fn scopes_are_everything_each_active_goal_and_each_kind_seen() {
        let goals = [
            goal(1, 10, Some(6), GoalStatus::Active),
            goal(2, 0, Some(12), GoalStatus::Active),
            goal(3, 5, Some(1), GoalStatus::LetGo),
        ];
        let ms = [
            milestone(1, 1, MilestoneKind::Skill, Some(20)),
            milestone(2, 2, MilestoneKind::Promotion, Some(30)),
            milestone(3, 3, MilestoneKind::Skill, Some(40)),
            milestone(4, 1, MilestoneKind::Raise, None),
        ];
        let scopes = scope_histories(&goals, &ms);
        let names: Vec<String> = scopes.iter().map(|s| s.scope.to_string()).collect();
        assert_eq!(
            names,
            ["all", "goal:1", "goal:2", "kind:promotion", "kind:skill"]
        );
        let all = &scopes[0];
        assert_eq!(all.history_start, day(0));
        assert_eq!(all.achievements.len(), 3);
        let expected = crate::goal::velocity_of_cadence(6) + crate::goal::velocity_of_cadence(12);
        assert!(
            close(all.expected.unwrap(), expected, 1e-12),
            "let-go goals add nothing"
        );
        assert_eq!(scopes[1].history_start, day(10));
        assert_eq!(scopes[1].achievements.len(), 1);
        assert_eq!(scopes[4].achievements.len(), 2);
        assert_eq!(scopes[4].expected, None);
        assert_eq!(scopes[4].history_start, day(0));
        assert!(scope_histories(&[], &[]).is_empty());
    }

    #[test]
    fn slumps_serialise_with_short_scopes_and_iso_dates() {
        let mut events = every(21, 40);
        events.push(1100);
        let mut h = history(&events, 0, None);
        h.scope = Scope::Kind(MilestoneKind::Skill);
        let slumps = replay(&h, &[], day(1200), &NORMAL);
        let json = serde_json::to_value(&slumps[0]).unwrap();
        assert_eq!(json["scope"], "kind:skill");
        assert_eq!(json["start"], "2002-04-21");
        assert_eq!(json["end"], "2003-01-05");
        assert!(json["surprise"].as_f64().unwrap() < 0.02);
        let open = replay(&h, &[], day(1000), &NORMAL);
        assert!(serde_json::to_value(&open[0]).unwrap()["end"].is_null());
    }

    fn ratings(list: &[(i64, u8)]) -> Vec<(NaiveDate, u8)> {
        list.iter().map(|&(n, v)| (day(n), v)).collect()
    }

    #[test]
    fn felt_progress_falling_a_full_point_is_a_sign() {
        // Twelve weeks at 4 (days 0 … 83), then four weeks at 3 (days 84 … 111).
        let mut list: Vec<(i64, u8)> = (0..12).map(|w| (w * 7, 4)).collect();
        list.extend((0..4).map(|w| (84 + w * 7, 3)));
        let t = progress_trend(&ratings(&list), &[], day(111)).unwrap();
        assert_eq!((t.recent_count, t.earlier_count), (4, 12));
        assert_eq!((t.recent_mean, t.earlier_mean), (3.0, 4.0));
        assert!(t.falling);
        assert!(t.explanation.contains("down from 4.0"), "{}", t.explanation);
        // Half a point is not.
        list.push((110, 4));
        list.push((109, 4));
        let t = progress_trend(&ratings(&list), &[], day(111)).unwrap();
        assert!(!t.falling && t.change < 0.0);
        // Ratings after as_of and older than sixteen weeks do not count.
        let mut more = list.clone();
        more.extend([(112, 1), (-30, 1)]);
        assert_eq!(
            progress_trend(&ratings(&more), &[], day(111)),
            progress_trend(&ratings(&list), &[], day(111))
        );
    }

    #[test]
    fn felt_progress_needs_enough_ratings_and_skips_paused_days() {
        let few = ratings(&[(0, 4), (10, 4), (100, 2)]);
        assert!(progress_trend(&few, &[], day(111)).is_none());
        // A low rating written during leave changes nothing; the weeks stretch around it.
        let list = ratings(&[(0, 4), (20, 4), (40, 4), (90, 4), (100, 4)]);
        let base = progress_trend(&list, &[], day(111)).unwrap();
        let mut with_leave = list.clone();
        with_leave.push((day(95), 1));
        let leave = [range(95, 96)];
        let t = progress_trend(&with_leave, &leave, day(111)).unwrap();
        assert_eq!(t.recent_mean, base.recent_mean);
    }

    /// The follow-up day by day with velocity's own `baseline` and `velocity_at`: slow, and
    /// the reference the incremental follow-up must agree with.
    fn follow_naively(
        t: &Timeline,
        detected: NaiveDate,
        next: Option<NaiveDate>,
        flagged: &[DateRange],
    ) -> (Option<NaiveDate>, Option<SlumpEnd>) {
        let last_day = next
            .and_then(|n| n.pred_opt())
            .map_or(t.as_of, |d| d.min(t.as_of));
        let mut dropped = false;
        for day in detected.iter_days().take_while(|d| *d <= last_day) {
            if t.clock.is_paused(day) {
                continue;
            }
            let mut excluded = flagged.to_vec();
            excluded.push(DateRange::new(detected, day).unwrap());
            let h = t.history;
            let usual = crate::velocity::baseline(
                &h.achievements,
                t.paused,
                &excluded,
                day,
                h.history_start,
                h.expected,
                &t.settings.velocity,
            );
            let v =
                crate::velocity::velocity_at(&h.achievements, t.paused, day, &t.settings.velocity);
            match usual {
                Some(b) if v < t.settings.recovery_share * b.velocity => dropped = true,
                Some(_) if dropped => return (Some(day), Some(SlumpEnd::Recovered)),
                _ => {}
            }
        }
        match next {
            Some(n) if n <= t.as_of => (Some(n), Some(SlumpEnd::Milestone)),
            _ => (None, None),
        }
    }

    proptest! {
        /// A longer silence never makes the surprise larger.
        #[test]
        fn a_longer_silence_is_never_less_surprising(
            events in proptest::collection::vec(0i64..1500, 0..40),
            start in 0i64..200,
            wait in 0i64..400,
            more in 1i64..400,
        ) {
            let events: Vec<i64> = events.into_iter().filter(|&n| n >= start).collect();
            let h = history(&events, start, None);
            let last = events.iter().copied().max().unwrap_or(start);
            let sooner = check(&h, &[], day(last + wait), &NORMAL);
            let later = check(&h, &[], day(last + wait + more), &NORMAL);
            prop_assert!(later.surprise <= sooner.surprise);
            prop_assert_eq!(later.evidence, sooner.evidence);
            prop_assert!(later.silence_days > sooner.silence_days || sooner.silence_days == 0 && last + wait < start);
        }

        /// More steady history makes the estimate firmer: the rate's relative spread shrinks
        /// and the same silence, measured in usual gaps, becomes more surprising.
        #[test]
        fn more_steady_history_makes_the_estimate_firmer(
            gap in 7i64..=120,
            fewer in 1i64..10,
            extra in 1i64..10,
            gaps_of_silence in 1.0f64..8.0,
        ) {
            let cadence = Some(30.0 / gap as f64);
            let settings = SlumpSettings { window_days: 5000, ..NORMAL };
            let judge = |count: i64| {
                let h = history(&every(gap, count), 0, cadence);
                check(&h, &[], day(count * gap), &settings).evidence
            };
            let (short, long) = (judge(fewer), judge(fewer + extra));
            prop_assert!(long.relative_spread() < short.relative_spread());
            // The prior matches the pace, so the usual gap stays `gap`…
            prop_assert!(close(short.usual_gap_days(), gap as f64, 1e-9));
            prop_assert!(close(long.usual_gap_days(), gap as f64, 1e-9));
            prop_assert!(long.variance() < short.variance());
            // …and the same silence is more surprising with more history behind it.
            let g = gaps_of_silence * gap as f64;
            prop_assert!(long.surprise(g) < short.surprise(g));
        }

        /// With the default prior too, the same relative silence grows more surprising as
        /// steady milestones accumulate.
        #[test]
        fn the_same_relative_silence_grows_more_surprising(
            gap in 7i64..=120,
            count in 1i64..30,
            k in 1.0f64..8.0,
        ) {
            let settings = SlumpSettings { window_days: 5000, ..NORMAL };
            let judge = |count: i64| {
                let h = history(&every(gap, count), 0, None);
                check(&h, &[], day(count * gap), &settings).evidence
            };
            let (before, after) = (judge(count), judge(count + 1));
            prop_assert!(
                after.surprise(k * after.usual_gap_days()) < before.surprise(k * before.usual_gap_days())
            );
        }

        /// The incremental follow-up ends every slump on the same day, for the same reason,
        /// as the day-by-day computation with velocity's functions.
        #[test]
        fn the_follow_up_agrees_with_velocity_day_by_day(
            events in proptest::collection::vec((0i64..900, 1u8..=3), 0..60),
            leave in proptest::option::of((0i64..1200, 1i64..120)),
            cadence in proptest::option::of(1u32..=520),
            window in 20u32..=400,
            share in 0.5f64..1.0,
            as_of in 300i64..1500,
        ) {
            let mut h = history(&[], 0, cadence.map(crate::goal::velocity_of_cadence));
            h.achievements = events
                .iter()
                .map(|&(n, w)| Achievement { date: day(n), weight: f64::from(w) })
                .collect();
            let paused: Vec<DateRange> =
                leave.map(|(at, len)| range(at, at + len - 1)).into_iter().collect();
            let settings = SlumpSettings {
                sensitivity: Sensitivity::Eager,
                recovery_share: share,
                velocity: VelocitySettings { half_life_days: 60.0, baseline_window_days: window },
                ..NORMAL
            };
            let t = Timeline::new(&h, &paused, day(as_of), &settings);
            let slumps = t.replay();
            let mut flagged = Vec::new();
            for s in &slumps {
                let next = t.days.iter().map(|(d, _)| *d).find(|d| *d > s.detected_on);
                prop_assert_eq!(
                    (s.end, s.ended_by),
                    follow_naively(&t, s.detected_on, next, &flagged)
                );
                flagged.push(s.flagged(day(as_of)));
            }
        }

        /// Paused days change nothing: inserting a pause of L days on day P and shifting
        /// every later event, the history's start and the as-of date by L gives the same
        /// judgement and the same slumps (their dates shifted alike).
        #[test]
        fn paused_days_change_nothing(
            events in proptest::collection::vec(0i64..2000, 0..40),
            start in 0i64..100,
            pause_at in 0i64..2400,
            length in 1i64..=300,
            as_of in 0i64..2500,
            eager in any::<bool>(),
        ) {
            let settings = SlumpSettings {
                sensitivity: if eager { Sensitivity::Eager } else { Sensitivity::Normal },
                ..NORMAL
            };
            let shift = |n: i64| if n >= pause_at { n + length } else { n };
            let unshift = |d: NaiveDate| {
                let n = (d - day(0)).num_days();
                if n >= pause_at + length { day(n - length) } else if n >= pause_at { day(pause_at) } else { d }
            };
            let events: Vec<i64> = events.into_iter().filter(|&n| n >= start).collect();
            let plain = history(&events, start, None);
            let shifted_events: Vec<i64> = events.iter().map(|&n| shift(n)).collect();
            let shifted = history(&shifted_events, shift(start), None);
            let pause = [range(pause_at, pause_at + length - 1)];
            let a = check(&plain, &[], day(as_of), &settings);
            let b = check(&shifted, &pause, day(shift(as_of)), &settings);
            prop_assert_eq!(a.silence_days, b.silence_days);
            prop_assert_eq!(a.evidence, b.evidence);
            prop_assert_eq!(a.surprise, b.surprise);
            prop_assert_eq!(a.slump.is_some(), b.slump.is_some());
            let ra = replay(&plain, &[], day(as_of), &settings);
            let rb = replay(&shifted, &pause, day(shift(as_of)), &settings);
            prop_assert_eq!(ra.len(), rb.len());
            for (x, y) in ra.iter().zip(&rb) {
                prop_assert_eq!(x.start, unshift(y.start));
                prop_assert_eq!(x.detected_on, unshift(y.detected_on));
                prop_assert_eq!(x.end, y.end.map(unshift));
                prop_assert_eq!(x.surprise, y.surprise);
                prop_assert!(!pause[0].contains(y.detected_on));
            }
        }
    }
}
