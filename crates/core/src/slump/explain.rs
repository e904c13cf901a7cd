//! The plain-language sentences that go with every slump figure: one place for the wording,
//! so the app, the CLI and the tests say the same thing. Calm and factual: a long gap is
//! described, never blamed.

use chrono::NaiveDate;

use super::{PriorSource, ProgressTrend, Slump, SlumpCheck, SlumpEnd, SlumpSettings};
use crate::milestone::MilestoneKind;
use crate::velocity::Scope;

/// Above this chance a silence reads as ordinary.
pub const ORDINARY: f64 = 0.2;

/// A span of days in the unit a person would use: days up to two weeks, weeks up to half a
/// year, months up to three years, then years (to the half).
pub fn duration(days: f64) -> String {
    let days = days.max(0.0);
    let plural = |n: f64, unit: &str| {
        if n == 1.0 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    if days < 13.5 {
        plural(days.round(), "day")
    } else if days < 182.5 {
        plural((days / 7.0).round(), "week")
    } else if days < 1095.75 {
        plural((days / 30.4375).round(), "month")
    } else {
        let years = (days / 365.25 * 2.0).round() / 2.0;
        if years.fract() == 0.0 {
            plural(years, "year")
        } else {
            format!("{years:.1} years")
        }
    }
}

/// How often something of chance `p` happens: "about 4% of the time", "about 1 time in 300".
pub fn chance(p: f64) -> String {
    let p = p.clamp(0.0, 1.0);
    if p >= 0.995 {
        return "almost all of the time".to_owned();
    }
    if p >= 0.0095 {
        return format!("about {}% of the time", (p * 100.0).round());
    }
    if p < 1e-4 {
        return "less than 1 time in 10,000".to_owned();
    }
    // Two significant figures of 1/p: "1 time in 140", "1 time in 2,500".
    let n = 1.0 / p;
    let magnitude = 10f64.powi(n.log10().floor() as i32 - 1);
    let rounded = ((n / magnitude).round() * magnitude) as u64;
    format!("about 1 time in {}", thousands(rounded))
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What a kind's milestones are called in a sentence about how often they come.
fn kind_plural(kind: MilestoneKind) -> &'static str {
    match kind {
        MilestoneKind::Promotion => "promotions",
        MilestoneKind::Raise => "raises",
        MilestoneKind::Skill => "new skills",
        MilestoneKind::Recognition => "moments of recognition",
        MilestoneKind::Project => "shipped projects",
        MilestoneKind::Network => "new contacts",
        MilestoneKind::Custom => "your own kind of milestones",
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "You usually reach a milestone about every 6 weeks" and its per-goal and per-kind forms.
fn usual_pace(scope: Scope, gap_days: f64) -> String {
    let every = duration(gap_days);
    match scope {
        Scope::All => format!("You usually reach a milestone about every {every}"),
        Scope::Goal(_) => format!("On this goal you usually reach a milestone about every {every}"),
        Scope::Kind(kind) => format!(
            "{} have come about every {every} for you",
            capitalised(kind_plural(kind))
        ),
    }
}

fn prior_words(source: PriorSource) -> &'static str {
    match source {
        PriorSource::ExpectedCadence => "the pace you said to expect",
        PriorSource::Default => "a starting guess of one milestone a quarter",
    }
}

fn milestone_count(n: u32) -> String {
    match n {
        0 => "no milestones".to_owned(),
        1 => "one milestone".to_owned(),
        n => format!("{n} milestones"),
    }
}

/// The sentence that says the estimate is still rough, and why.
fn rough_note(milestones: u32, source: PriorSource, window_days: u32) -> String {
    format!(
        "This is still a rough estimate: it rests on {} in the {} up to the latest one, and on {}.",
        milestone_count(milestones),
        duration(f64::from(window_days)),
        prior_words(source)
    )
}

/// The explanation of a scope's state on its as-of date.
pub fn check(c: &SlumpCheck, settings: &SlumpSettings) -> String {
    let gap = c.usual_gap_days;
    let silence = duration(c.silence_days as f64);
    let how_often = chance(c.surprise);
    let mut text = match c.last_milestone {
        None => {
            let verdict = if c.slump.is_some() {
                format!("a stretch this long without one happens {how_often} at that pace.")
            } else if c.surprise >= ORDINARY {
                "that is ordinary so far.".to_owned()
            } else {
                format!(
                    "a stretch this long without one happens {how_often} at that pace, long but not yet unusual."
                )
            };
            format!(
                "There is no milestone here yet, so the pace is {}: one about every {}. It has been {silence} since the start; {verdict}",
                prior_words(c.evidence.prior.source),
                duration(gap)
            )
        }
        Some(_) if c.silence_days == 0 => {
            format!(
                "{}; the latest one is from today.",
                usual_pace(c.scope, gap)
            )
        }
        Some(_) if c.slump.is_some() => format!(
            "{}; it has been {silence}. A gap this long happens {how_often} at your pace.",
            usual_pace(c.scope, gap)
        ),
        Some(_) if c.surprise >= ORDINARY => {
            format!(
                "{}; {silence} without one is ordinary.",
                usual_pace(c.scope, gap)
            )
        }
        Some(_) if c.surprise >= c.alpha => format!(
            "{}; it has been {silence}. That is longer than usual (a gap this long happens {how_often} at your pace) but not unusual enough to call a slump.",
            usual_pace(c.scope, gap)
        ),
        Some(_) => format!(
            "{}; it has been {silence}, a gap that happens {how_often} at your pace. Your pace over the last months has come back near its usual level, so this is not counted as a slump.",
            usual_pace(c.scope, gap)
        ),
    };
    // With no milestone yet the first sentence already says the pace is the prior's.
    if c.rough && c.last_milestone.is_some() {
        text.push(' ');
        text.push_str(&rough_note(
            c.evidence.milestones,
            c.evidence.prior.source,
            settings.window_days,
        ));
    }
    text
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The explanation of a past or ongoing slump.
pub fn slump(s: &Slump, settings: &SlumpSettings) -> String {
    let mut text = format!(
        "No milestone from {} on. By {} the gap had reached {}, against a usual gap of about {}; a gap that long happens {}.",
        date(s.start),
        date(s.detected_on),
        duration(s.silence_days as f64),
        duration(s.usual_gap_days),
        chance(s.surprise)
    );
    text.push(' ');
    text.push_str(&match (s.end, s.ended_by) {
        (Some(end), Some(SlumpEnd::Recovered)) => format!(
            "It ended on {} when your pace climbed back to {}% of its usual level.",
            date(end),
            (settings.recovery_share * 100.0).round()
        ),
        (Some(end), _) => format!(
            "It ended on {} with a milestone, {} after it began.",
            date(end),
            duration((end - s.start).num_days() as f64 + 1.0)
        ),
        (None, _) => "It is still going on.".to_owned(),
    });
    if s.rough {
        text.push_str(" The usual gap was still a rough estimate then.");
    }
    text
}

/// The explanation of the felt-progress trend.
pub fn progress(t: &ProgressTrend) -> String {
    let recent = format!(
        "Felt progress in your entries averaged {:.1} over the last 4 weeks ({} ratings)",
        t.recent_mean, t.recent_count
    );
    let earlier = format!(
        "{:.1} in the 12 weeks before ({} ratings)",
        t.earlier_mean, t.earlier_count
    );
    if t.falling {
        format!(
            "{recent}, down from {earlier}. A fall of {:.1} points is a sign worth noticing next to the milestones.",
            -t.change
        )
    } else if t.change < -0.05 {
        format!(
            "{recent}, a little below {earlier}: a fall of {:.1} points, within the usual ups and downs.",
            -t.change
        )
    } else if t.change > 0.05 {
        format!("{recent}, up from {earlier}.")
    } else {
        format!("{recent}, about the same as {earlier}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_date;
    use crate::slump::{Posterior, Prior, Sensitivity};

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn posterior(milestones: u32, observed_days: i64, gap: f64) -> Posterior {
        let prior = Prior {
            shape: 2.0,
            days: 182.0,
            source: PriorSource::Default,
        };
        let shape = 2.0 + f64::from(milestones);
        Posterior {
            prior,
            milestones,
            observed_days,
            shape,
            days: shape * gap,
        }
    }

    fn a_check(scope: Scope, gap: f64, silence: i64, surprise: f64, open: bool) -> SlumpCheck {
        let evidence = posterior(12, 700, gap);
        let slump = open.then(|| Slump {
            scope,
            start: d("2026-01-01"),
            detected_on: d("2026-04-01"),
            end: None,
            ended_by: None,
            surprise,
            alpha: 0.02,
            silence_days: silence,
            usual_gap_days: gap,
            rough: false,
            explanation: String::new(),
        });
        SlumpCheck {
            scope,
            as_of: d("2026-05-14"),
            last_milestone: Some(d("2025-12-31")),
            silence_days: silence,
            evidence,
            usual_gap_days: gap,
            surprise,
            alpha: 0.02,
            sensitivity: Sensitivity::Normal,
            rough: false,
            slump,
            explanation: String::new(),
        }
    }

    #[test]
    fn durations_read_in_the_unit_a_person_would_use() {
        let cases = [
            (0.0, "0 days"),
            (1.0, "1 day"),
            (9.4, "9 days"),
            (14.0, "2 weeks"),
            (42.0, "6 weeks"),
            (133.0, "19 weeks"),
            (183.0, "6 months"),
            (791.0, "26 months"),
            (1096.0, "3 years"),
            (1280.0, "3.5 years"),
            (1461.0, "4 years"),
        ];
        for (days, text) in cases {
            assert_eq!(duration(days), text, "{days}");
        }
    }

    #[test]
    fn chances_read_as_percentages_or_one_time_in_n() {
        let cases = [
            (0.5, "about 50% of the time"),
            (0.04, "about 4% of the time"),
            (0.0096, "about 1% of the time"),
            (0.0033, "about 1 time in 300"),
            (0.0071, "about 1 time in 140"),
            (0.0004, "about 1 time in 2,500"),
            (0.00004, "less than 1 time in 10,000"),
            (1.0, "almost all of the time"),
        ];
        for (p, text) in cases {
            assert_eq!(chance(p), text, "{p}");
        }
    }

    #[test]
    fn a_raised_slump_says_the_usual_gap_the_silence_and_how_rare_it_is() {
        let c = a_check(Scope::All, 42.0, 133, 0.04, true);
        assert_eq!(
            check(&c, &SlumpSettings::default()),
            "You usually reach a milestone about every 6 weeks; it has been 19 weeks. \
             A gap this long happens about 4% of the time at your pace."
        );
    }

    #[test]
    fn an_ordinary_gap_per_kind_says_so() {
        let c = a_check(
            Scope::Kind(MilestoneKind::Promotion),
            791.0,
            183,
            0.7,
            false,
        );
        assert_eq!(
            check(&c, &SlumpSettings::default()),
            "Promotions have come about every 26 months for you; 6 months without one is ordinary."
        );
        let c = a_check(Scope::Goal(3), 42.0, 20, 0.6, false);
        assert_eq!(
            check(&c, &SlumpSettings::default()),
            "On this goal you usually reach a milestone about every 6 weeks; 3 weeks without one is ordinary."
        );
    }

    #[test]
    fn a_long_gap_below_the_alarm_is_called_longer_than_usual() {
        let c = a_check(Scope::All, 42.0, 100, 0.08, false);
        let text = check(&c, &SlumpSettings::default());
        assert!(text.contains("it has been 14 weeks"), "{text}");
        assert!(text.contains("longer than usual"), "{text}");
        assert!(text.contains("about 8% of the time"), "{text}");
        assert!(
            text.contains("not unusual enough to call a slump"),
            "{text}"
        );
    }

    #[test]
    fn a_rough_estimate_says_what_it_rests_on() {
        let mut c = a_check(Scope::All, 91.0, 30, 0.7, false);
        c.rough = true;
        c.evidence = posterior(1, 40, 91.0);
        let text = check(&c, &SlumpSettings::default());
        assert!(
            text.ends_with(
                "This is still a rough estimate: it rests on one milestone in the 24 months up to \
                 the latest one, and on a starting guess of one milestone a quarter."
            ),
            "{text}"
        );
        // Nothing achieved yet: the first sentence says the pace is the prior's.
        c.last_milestone = None;
        c.evidence = posterior(0, 0, 42.0);
        c.evidence.prior.source = PriorSource::ExpectedCadence;
        c.usual_gap_days = 42.0;
        let text = check(&c, &SlumpSettings::default());
        assert_eq!(
            text,
            "There is no milestone here yet, so the pace is the pace you said to expect: one \
             about every 6 weeks. It has been 4 weeks since the start; that is ordinary so far."
        );
    }

    #[test]
    fn the_latest_milestone_today_is_said_plainly() {
        let c = a_check(Scope::All, 42.0, 0, 1.0, false);
        assert_eq!(
            check(&c, &SlumpSettings::default()),
            "You usually reach a milestone about every 6 weeks; the latest one is from today."
        );
    }

    #[test]
    fn a_slump_tells_its_dates_and_how_it_ended() {
        let c = a_check(Scope::All, 42.0, 133, 0.018, true);
        let mut s = c.slump.unwrap();
        let settings = SlumpSettings::default();
        assert_eq!(
            slump(&s, &settings),
            "No milestone from 2026-01-01 on. By 2026-04-01 the gap had reached 19 weeks, \
             against a usual gap of about 6 weeks; a gap that long happens about 2% of the time. \
             It is still going on."
        );
        s.end = Some(d("2026-06-10"));
        s.ended_by = Some(SlumpEnd::Milestone);
        assert!(
            slump(&s, &settings)
                .ends_with("It ended on 2026-06-10 with a milestone, 23 weeks after it began."),
            "{}",
            slump(&s, &settings)
        );
        s.ended_by = Some(SlumpEnd::Recovered);
        s.rough = true;
        assert!(slump(&s, &settings).ends_with(
            "It ended on 2026-06-10 when your pace climbed back to 80% of its usual level. \
             The usual gap was still a rough estimate then."
        ));
    }

    #[test]
    fn felt_progress_is_described_with_its_numbers() {
        let mut t = ProgressTrend {
            as_of: d("2026-05-14"),
            recent_mean: 2.25,
            recent_count: 4,
            earlier_mean: 3.5,
            earlier_count: 10,
            change: -1.25,
            falling: true,
            explanation: String::new(),
        };
        assert_eq!(
            progress(&t),
            "Felt progress in your entries averaged 2.2 over the last 4 weeks (4 ratings), down \
             from 3.5 in the 12 weeks before (10 ratings). A fall of 1.2 points is a sign worth \
             noticing next to the milestones."
        );
        t.recent_mean = 3.0;
        t.change = -0.5;
        t.falling = false;
        assert!(progress(&t).contains("a little below 3.5"));
        t.recent_mean = 4.0;
        t.change = 0.5;
        assert!(progress(&t).contains("up from 3.5"));
        t.recent_mean = 3.5;
        t.change = 0.0;
        assert!(progress(&t).contains("about the same as 3.5"));
    }
}
