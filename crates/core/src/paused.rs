//! Paused periods (leave, reorganisation, illness): date ranges that freeze the clock, and
//! the pause-aware clock that measures time with those days taken out.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::entry::parse_date;
use crate::error::DomainError;
use crate::goal::{MAX_TEXT_CHARS, check_length, parse_optional_date};

/// The identifier of a stored paused period.
pub type PausedPeriodId = i64;

/// A run of calendar days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateRange {
    /// The range from `start` to `end`, both included; refuses an end before the start.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<DateRange, DomainError> {
        if end < start {
            return Err(DomainError::InvalidPeriod { start, end });
        }
        Ok(DateRange { start, end })
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// How many days the range covers.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// A stored paused period. An open end means the pause is still going on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PausedPeriod {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: PausedPeriodId,
    pub start: NaiveDate,
    /// The last paused day; empty while the pause goes on.
    pub end: Option<NaiveDate>,
    /// Why, in the person's words (leave, reorganisation, illness…).
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

impl PausedPeriod {
    /// The days this pause covers up to `as_of` (an ongoing pause runs through `as_of`), or
    /// nothing if it starts after `as_of`.
    pub fn range_until(&self, as_of: NaiveDate) -> Option<DateRange> {
        let end = self.end.map_or(as_of, |e| e.min(as_of));
        (self.start <= end).then_some(DateRange {
            start: self.start,
            end,
        })
    }
}

/// The ranges of all `periods` up to `as_of`, ready for the velocity functions.
pub fn paused_ranges(periods: &[PausedPeriod], as_of: NaiveDate) -> Vec<DateRange> {
    periods
        .iter()
        .filter_map(|p| p.range_until(as_of))
        .collect()
}

/// What a front end sends to record a pause: raw, unchecked input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PausedDraft {
    /// `YYYY-MM-DD`, the first paused day.
    pub start: String,
    /// `YYYY-MM-DD`, the last paused day; empty while the pause goes on.
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub reason: String,
}

/// A pause that passed every rule; the only thing the store accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPause {
    start: NaiveDate,
    end: Option<NaiveDate>,
    reason: String,
}

impl ValidPause {
    pub fn start(&self) -> NaiveDate {
        self.start
    }
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl PausedDraft {
    pub fn validate(self) -> Result<ValidPause, DomainError> {
        let start = parse_date(&self.start)?;
        let end = parse_optional_date(self.end.as_deref())?;
        if let Some(end) = end {
            DateRange::new(start, end)?;
        }
        let reason = check_length("reason", self.reason, MAX_TEXT_CHARS)?;
        Ok(ValidPause { start, end, reason })
    }
}

/// Time with the paused days taken out. Each date maps to an *effective day*: its day number
/// minus the paused days before it. Every paused day, and the first day after a pause, map to
/// the same effective day as the pause's first day, so nothing decays while the clock is
/// frozen, and a milestone achieved during a pause counts from the pause's start.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PauseClock {
    /// Merged, sorted, non-overlapping ranges as day numbers `(first, last)`.
    ranges: Vec<(i64, i64)>,
    /// `paused_before[i]` = paused days in `ranges[..i]`.
    paused_before: Vec<i64>,
}

/// A date as a day number (days since 0001-01-01, proleptic Gregorian).
pub fn day_number(date: NaiveDate) -> i64 {
    use chrono::Datelike;
    i64::from(date.num_days_from_ce())
}

impl PauseClock {
    /// A clock that skips the given ranges (they may overlap or touch; they are merged).
    pub fn new(paused: &[DateRange]) -> PauseClock {
        let mut days: Vec<(i64, i64)> = paused
            .iter()
            .map(|r| (day_number(r.start), day_number(r.end)))
            .filter(|(a, b)| a <= b)
            .collect();
        days.sort_unstable();
        let mut ranges: Vec<(i64, i64)> = Vec::with_capacity(days.len());
        for (a, b) in days {
            match ranges.last_mut() {
                Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
                _ => ranges.push((a, b)),
            }
        }
        let mut paused_before = Vec::with_capacity(ranges.len());
        let mut total = 0;
        for &(a, b) in &ranges {
            paused_before.push(total);
            total += b - a + 1;
        }
        PauseClock {
            ranges,
            paused_before,
        }
    }

    /// Whether the clock is frozen on this date.
    pub fn is_paused(&self, date: NaiveDate) -> bool {
        let day = day_number(date);
        let i = self.ranges.partition_point(|&(a, _)| a <= day);
        i > 0 && day <= self.ranges[i - 1].1
    }

    /// The effective day of `date`: its day number minus the paused days strictly before it.
    pub fn effective_day(&self, date: NaiveDate) -> i64 {
        let day = day_number(date);
        // Ranges starting on or before `day`.
        let i = self.ranges.partition_point(|&(a, _)| a <= day);
        if i == 0 {
            return day;
        }
        let (a, b) = self.ranges[i - 1];
        let before = self.paused_before[i - 1];
        let within = (day.min(b + 1) - a).max(0);
        day - before - within
    }

    /// Unpaused days from `from` (included) to `to` (excluded); zero if `to <= from`.
    pub fn active_days(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        (self.effective_day(to) - self.effective_day(from)).max(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn r(a: &str, b: &str) -> DateRange {
        DateRange::new(d(a), d(b)).unwrap()
    }

    #[test]
    fn a_pause_freezes_the_effective_day() {
        let clock = PauseClock::new(&[r("2026-03-10", "2026-03-19")]);
        let base = clock.effective_day(d("2026-03-09"));
        assert_eq!(clock.effective_day(d("2026-03-10")), base + 1);
        assert_eq!(clock.effective_day(d("2026-03-15")), base + 1);
        assert_eq!(clock.effective_day(d("2026-03-19")), base + 1);
        assert_eq!(clock.effective_day(d("2026-03-20")), base + 1);
        assert_eq!(clock.effective_day(d("2026-03-21")), base + 2);
        assert!(clock.is_paused(d("2026-03-10")));
        assert!(clock.is_paused(d("2026-03-19")));
        assert!(!clock.is_paused(d("2026-03-20")));
        assert!(!clock.is_paused(d("2026-03-09")));
        assert_eq!(clock.active_days(d("2026-03-01"), d("2026-03-31")), 20);
    }

    #[test]
    fn overlapping_and_touching_pauses_merge() {
        let merged = PauseClock::new(&[
            r("2026-01-05", "2026-01-10"),
            r("2026-01-01", "2026-01-06"),
            r("2026-01-11", "2026-01-12"),
        ]);
        let single = PauseClock::new(&[r("2026-01-01", "2026-01-12")]);
        assert_eq!(merged, single);
        assert_eq!(
            single.active_days(d("2025-12-01"), d("2026-02-01")),
            62 - 12
        );
    }

    #[test]
    fn without_pauses_effective_days_are_calendar_days() {
        let clock = PauseClock::new(&[]);
        assert_eq!(clock.active_days(d("2026-01-01"), d("2027-01-01")), 365);
    }

    #[test]
    fn a_pause_ending_before_it_starts_is_refused() {
        let err = PausedDraft {
            start: "2026-03-10".into(),
            end: Some("2026-03-01".into()),
            reason: String::new(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidPeriod);
        let ok = PausedDraft {
            start: "2026-03-10".into(),
            end: Some("".into()),
            reason: "parental leave".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(ok.end(), None);
    }

    #[test]
    fn an_ongoing_pause_runs_through_as_of() {
        let p = PausedPeriod {
            id: 1,
            start: d("2026-03-01"),
            end: None,
            reason: String::new(),
            created_at: DateTime::<Utc>::default(),
        };
        assert_eq!(
            p.range_until(d("2026-03-14")),
            Some(r("2026-03-01", "2026-03-14"))
        );
        assert_eq!(p.range_until(d("2026-02-14")), None);
    }
}
