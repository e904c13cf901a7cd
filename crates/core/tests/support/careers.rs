//! Synthetic careers for the slump scenarios: years of a steady pace, then a stall, made
//! deterministically from a seed; the detectors compared on them (the Gamma–Poisson replay at
//! each sensitivity, and fixed "no milestone for N days" rules); and the tally of recall,
//! detection delay and false alarms. Shared by `tests/slump_scenarios.rs` and
//! `examples/slump_scenarios.rs`.

#![allow(dead_code)]

use chrono::NaiveDate;
use trajectory_core::{
    Achievement, Scope, ScopeHistory, Sensitivity, SlumpSettings, replay_slumps,
};

/// xorshift64*: tiny, deterministic, good enough for drawing gaps.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Never zero, and spread nearby seeds apart.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform on (0, 1].
    pub fn unit(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 1.0) / (1u64 << 53) as f64
    }

    /// Exponential with the given mean.
    pub fn exponential(&mut self, mean: f64) -> f64 {
        -mean * self.unit().ln()
    }
}

/// How the gaps between steady milestones vary around their mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pattern {
    /// Exponential gaps: a Poisson process.
    Poisson,
    /// Bursts and lulls: half the gaps average a fifth of the mean, half 1.8 times it
    /// (squared coefficient of variation 2.28, against 1 for Poisson).
    Bursty,
    /// More even than Poisson: the sum of three exponentials (squared CV 1/3).
    Regular,
}

impl Pattern {
    pub fn name(self) -> &'static str {
        match self {
            Pattern::Poisson => "Poisson",
            Pattern::Bursty => "bursty",
            Pattern::Regular => "regular",
        }
    }

    fn gap(self, rng: &mut Rng, mean: f64) -> f64 {
        match self {
            Pattern::Poisson => rng.exponential(mean),
            Pattern::Bursty => {
                if rng.unit() <= 0.5 {
                    rng.exponential(0.2 * mean)
                } else {
                    rng.exponential(1.8 * mean)
                }
            }
            Pattern::Regular => (0..3).map(|_| rng.exponential(mean / 3.0)).sum(),
        }
    }
}

/// What happens at the stall.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stall {
    /// No milestone at all.
    Silence,
    /// A Poisson pace at a fifth of the steady rate.
    Fifth,
}

impl Stall {
    pub fn name(self) -> &'static str {
        match self {
            Stall::Silence => "rate → 0",
            Stall::Fifth => "rate → 20%",
        }
    }
}

/// One synthetic person: milestone days (day 0 is the history's start), the first day of the
/// stall and the last day looked at.
#[derive(Debug, Clone)]
pub struct Career {
    pub events: Vec<i64>,
    pub stall_start: i64,
    pub end: i64,
}

/// Steady years and stall length of every career.
pub const STEADY_DAYS: i64 = 6 * 365;
pub const STALL_DAYS: i64 = 2 * 365;

/// A career with a steady pace of one milestone every `mean_gap` days (drawn by `pattern`)
/// for [`STEADY_DAYS`], then [`STALL_DAYS`] of `stall`. Gaps are rounded to whole days, so
/// two milestones can share a day.
pub fn career(seed: u64, mean_gap: f64, pattern: Pattern, stall: Stall) -> Career {
    let mut rng = Rng::new(seed);
    let mut events = Vec::new();
    let mut t = pattern.gap(&mut rng, mean_gap);
    while (t.round() as i64) < STEADY_DAYS {
        events.push(t.round() as i64);
        t += pattern.gap(&mut rng, mean_gap);
    }
    let end = STEADY_DAYS + STALL_DAYS;
    if stall == Stall::Fifth {
        // A separate stream, so both stalls share the steady years exactly.
        let mut rng = Rng::new(seed ^ 0x5EED_57A1);
        let mut t = STEADY_DAYS as f64 + rng.exponential(5.0 * mean_gap);
        while (t.round() as i64) <= end {
            events.push(t.round() as i64);
            t += rng.exponential(5.0 * mean_gap);
        }
    }
    Career {
        events,
        stall_start: STEADY_DAYS,
        end,
    }
}

pub fn date(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2010, 1, 1).unwrap() + chrono::Duration::days(n)
}

fn day_of(d: NaiveDate) -> i64 {
    (d - date(0)).num_days()
}

/// One alarm: the day it was raised and the day it ended (none if still open at the end).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Alarm {
    pub raised: i64,
    pub end: Option<i64>,
}

/// A way of raising alarms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Detector {
    /// The Gamma–Poisson replay with the default settings at a sensitivity.
    Model(Sensitivity),
    /// The Gamma–Poisson replay at an α of one's own (the sweep).
    Alpha(f64),
    /// An alarm once there has been no milestone for this many days.
    Fixed(i64),
    /// Bayesian online change-point detection: an alarm once the chance that a new, quieter
    /// stretch began during the current silence passes this threshold.
    ChangePoint(f64),
}

impl Detector {
    pub fn name(self) -> String {
        match self {
            Detector::Model(s) => format!("Gamma–Poisson, {} (α = {})", s.as_str(), s.alpha()),
            Detector::Alpha(a) => format!("Gamma–Poisson, α = {a}"),
            Detector::Fixed(days) => format!("no milestone for {days} days"),
            Detector::ChangePoint(t) => format!("change point, P > {t}"),
        }
    }

    /// The alarms the detector raises, up to the career's end.
    pub fn alarms(self, career: &Career) -> Vec<Alarm> {
        match self {
            Detector::Model(sensitivity) => model_alarms(
                career,
                &SlumpSettings {
                    sensitivity,
                    ..SlumpSettings::default()
                },
            ),
            Detector::Alpha(alpha) => model_alarms(
                career,
                &SlumpSettings {
                    alpha: Some(alpha),
                    ..SlumpSettings::default()
                },
            ),
            Detector::ChangePoint(threshold) => change_point_alarms(career, threshold),
            Detector::Fixed(days) => {
                let mut alarms = Vec::new();
                let mut last = 0;
                for &next in career.events.iter().chain([career.end + 1].iter()) {
                    if next - last > days && last + days <= career.end {
                        alarms.push(Alarm {
                            raised: last + days,
                            end: (next <= career.end).then_some(next),
                        });
                    }
                    last = last.max(next);
                }
                alarms
            }
        }
    }
}

fn model_alarms(career: &Career, settings: &SlumpSettings) -> Vec<Alarm> {
    let history = ScopeHistory {
        scope: Scope::All,
        achievements: career
            .events
            .iter()
            .map(|&n| Achievement {
                date: date(n),
                weight: 1.0,
            })
            .collect(),
        history_start: date(0),
        expected: None,
    };
    replay_slumps(&history, &[], date(career.end), settings)
        .iter()
        .map(|s| Alarm {
            raised: day_of(s.detected_on),
            end: s.end.map(day_of),
        })
        .collect()
}

/// The change-point detector's prior on a stretch's rate: the slump model's weak default
/// (two milestones' worth, one a quarter), and a new stretch about every three years.
const CP_PRIOR_SHAPE: f64 = 2.0;
const CP_PRIOR_DAYS: f64 = 182.0;
const CP_HAZARD: f64 = 1.0 / 1095.0;
/// Run lengths with less posterior mass than this are dropped (then renormalised).
const CP_PRUNE: f64 = 1e-6;

/// ln of the negative binomial predictive of a day's count `x` for a stretch with posterior
/// Gamma(a, b): Γ(a+x)/(Γ(a)·x!) · (b/(b+1))^a · (1/(b+1))^x.
fn ln_predictive(x: u32, a: f64, b: f64) -> f64 {
    let mut ln = a * (b / (b + 1.0)).ln() - f64::from(x) * (b + 1.0).ln();
    for k in 0..x {
        ln += ((a + f64::from(k)) / f64::from(k + 1)).ln();
    }
    ln
}

/// Adams & MacKay's run-length posterior over daily counts with a Gamma–Poisson model per
/// stretch and a constant hazard. After each day, the mass on run lengths no longer than the
/// current silence is the chance that a new stretch began inside it; an alarm is raised the
/// first day that passes `threshold` (once per silence, and not before the first milestone),
/// and ends with the next milestone.
pub fn change_point_alarms(career: &Career, threshold: f64) -> Vec<Alarm> {
    let end = career.end;
    let mut counts = vec![0u32; end as usize + 1];
    for &e in &career.events {
        if (0..=end).contains(&e) {
            counts[e as usize] += 1;
        }
    }
    // cumulative[t] = milestones on days before t.
    let mut cumulative = vec![0u32; counts.len() + 1];
    for (t, &c) in counts.iter().enumerate() {
        cumulative[t + 1] = cumulative[t] + c;
    }
    let quiet: Vec<f64> = (0..counts.len())
        .map(|r| {
            let b = CP_PRIOR_DAYS + r as f64;
            (b / (b + 1.0)).ln()
        })
        .collect();
    // (run length, mass): the current stretch holds the last `r` days.
    let mut runs: Vec<(usize, f64)> = vec![(0, 1.0)];
    let mut alarms: Vec<Alarm> = Vec::new();
    let mut last_event: Option<usize> = None;
    let mut raised = false;
    for t in 0..counts.len() {
        let x = counts[t];
        let mut change = 0.0;
        let mut next: Vec<(usize, f64)> = Vec::with_capacity(runs.len() + 1);
        next.push((0, 0.0));
        for &(r, mass) in &runs {
            let n = cumulative[t] - cumulative[t - r];
            let a = CP_PRIOR_SHAPE + f64::from(n);
            // Most days have no milestone: then the predictive is (b/(b+1))^a, with the
            // logarithm of b/(b+1) kept per run length.
            let ln = if x == 0 {
                a * quiet[r]
            } else {
                ln_predictive(x, a, CP_PRIOR_DAYS + r as f64)
            };
            let p = ln.exp() * mass;
            change += p * CP_HAZARD;
            next.push((r + 1, p * (1.0 - CP_HAZARD)));
        }
        next[0].1 = change;
        let total: f64 = next.iter().map(|(_, m)| m).sum();
        next.retain(|(_, m)| m / total >= CP_PRUNE);
        let kept: f64 = next.iter().map(|(_, m)| m).sum();
        for run in &mut next {
            run.1 /= kept;
        }
        runs = next;
        if x > 0 {
            if raised && let Some(open) = alarms.last_mut() {
                open.end = Some(t as i64);
            }
            last_event = Some(t);
            raised = false;
            continue;
        }
        let Some(last) = last_event else { continue };
        let silence = t - last;
        if !raised {
            let within: f64 = runs
                .iter()
                .filter(|(r, _)| *r <= silence)
                .map(|(_, m)| m)
                .sum();
            if within > threshold {
                raised = true;
                alarms.push(Alarm {
                    raised: t as i64,
                    end: None,
                });
            }
        }
    }
    alarms
}

/// What one detector did over many careers of one kind.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub careers: usize,
    /// Careers whose stall was caught (see [`Tally::add`]).
    pub caught: usize,
    /// Days from the stall's start to its first alarm, for each caught career.
    pub delays: Vec<i64>,
    /// Alarms raised before the stall.
    pub false_alarms: usize,
    pub steady_years: f64,
}

impl Tally {
    /// Counts one career. An alarm raised before the stall is a false alarm. The stall is
    /// caught by the first alarm raised during it, or, with a delay of 0, by a false alarm
    /// still open when it begins (its silence simply carries on into the stall).
    pub fn add(&mut self, career: &Career, alarms: &[Alarm]) {
        let stall = career.stall_start;
        self.careers += 1;
        self.steady_years += stall as f64 / 365.25;
        self.false_alarms += alarms.iter().filter(|a| a.raised < stall).count();
        let open_at_stall = alarms
            .iter()
            .any(|a| a.raised < stall && a.end.is_none_or(|e| e > stall));
        let raised_in_stall = alarms
            .iter()
            .map(|a| a.raised)
            .find(|&r| r >= stall && r <= career.end);
        let delay = if open_at_stall {
            Some(0)
        } else {
            raised_in_stall.map(|r| r - stall)
        };
        if let Some(delay) = delay {
            self.caught += 1;
            self.delays.push(delay);
        }
    }

    pub fn recall(&self) -> f64 {
        self.caught as f64 / self.careers.max(1) as f64
    }

    /// The median delay in days; none if nothing was caught.
    pub fn median_delay(&self) -> Option<f64> {
        let mut d = self.delays.clone();
        d.sort_unstable();
        match d.len() {
            0 => None,
            n if n % 2 == 1 => Some(d[n / 2] as f64),
            n => Some((d[n / 2 - 1] + d[n / 2]) as f64 / 2.0),
        }
    }

    pub fn false_alarms_per_year(&self) -> f64 {
        self.false_alarms as f64 / self.steady_years.max(1e-9)
    }
}

/// The steady paces of the scenarios: a milestone every 1, 3, 6 and 12 weeks.
pub const PACES: [i64; 4] = [7, 21, 42, 84];

/// Runs `detector` over `count` careers of each stall for one pace and pattern. Seeds depend
/// on the pace, pattern and career number only, so every detector sees the same careers.
pub fn run(detector: Detector, mean_gap: i64, pattern: Pattern, count: usize) -> (Tally, Tally) {
    let mut silence = Tally::default();
    let mut fifth = Tally::default();
    for i in 0..count {
        let seed = (mean_gap as u64) << 40 | (pattern as u64) << 32 | i as u64;
        let a = career(seed, mean_gap as f64, pattern, Stall::Silence);
        silence.add(&a, &detector.alarms(&a));
        let b = career(seed, mean_gap as f64, pattern, Stall::Fifth);
        fifth.add(&b, &detector.alarms(&b));
    }
    (silence, fifth)
}
