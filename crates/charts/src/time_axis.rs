//! Date axes: which dates get a tick and how they read, from a few days to decades of data.

use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

/// How far apart the ticks of a date axis are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TickUnit {
    Day,
    Week,
    HalfMonth,
    Month,
    Quarter,
    HalfYear,
    Years(i32),
}

const UNITS: [TickUnit; 10] = [
    TickUnit::Day,
    TickUnit::Week,
    TickUnit::HalfMonth,
    TickUnit::Month,
    TickUnit::Quarter,
    TickUnit::HalfYear,
    TickUnit::Years(1),
    TickUnit::Years(2),
    TickUnit::Years(5),
    TickUnit::Years(10),
];

impl TickUnit {
    fn is_tick(self, d: NaiveDate) -> bool {
        match self {
            TickUnit::Day => true,
            TickUnit::Week => d.weekday() == Weekday::Mon,
            TickUnit::HalfMonth => d.day() == 1 || d.day() == 15,
            TickUnit::Month => d.day() == 1,
            TickUnit::Quarter => d.day() == 1 && d.month0().is_multiple_of(3),
            TickUnit::HalfYear => d.day() == 1 && d.month0().is_multiple_of(6),
            TickUnit::Years(step) => d.ordinal() == 1 && d.year().rem_euclid(step) == 0,
        }
    }

    /// About how many characters a tick label of this unit takes.
    fn label_chars(self) -> f64 {
        match self {
            TickUnit::Day | TickUnit::Week | TickUnit::HalfMonth => 6.0,
            TickUnit::Month => 4.0,
            TickUnit::Quarter | TickUnit::HalfYear => 8.0,
            TickUnit::Years(_) => 4.0,
        }
    }

    /// Every tick date from `from` to `to`, both included.
    fn ticks(self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        from.iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| self.is_tick(*d))
            .collect()
    }

    /// How many ticks there would be, without listing them (spans can be decades long).
    fn estimate(self, days: i64) -> i64 {
        let per_tick = match self {
            TickUnit::Day => 1,
            TickUnit::Week => 7,
            TickUnit::HalfMonth => 15,
            TickUnit::Month => 30,
            TickUnit::Quarter => 91,
            TickUnit::HalfYear => 182,
            TickUnit::Years(step) => 365 * i64::from(step),
        };
        days / per_tick + 1
    }
}

/// A date axis: the plotted range in days from `from`, its ticks and their labels.
#[derive(Debug, Clone)]
pub(crate) struct TimeAxis {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub ticks: Vec<NaiveDate>,
    pub unit: TickUnit,
}

impl TimeAxis {
    /// An axis from `from` to `to` with at most `max_ticks` ticks (at least two, where the
    /// span allows), aligned to calendar boundaries.
    pub fn new(from: NaiveDate, to: NaiveDate, max_ticks: usize) -> TimeAxis {
        TimeAxis::choose(from, to, |_| max_ticks.max(2) as i64)
    }

    /// An axis whose labels fit across `width` pixels at `char_px` pixels a character, with
    /// at least three characters of space between neighbouring labels.
    pub fn fitting(from: NaiveDate, to: NaiveDate, width: f64, char_px: f64) -> TimeAxis {
        TimeAxis::choose(from, to, |u| {
            (width / ((u.label_chars() + 3.0) * char_px))
                .floor()
                .max(2.0) as i64
        })
    }

    /// The finest unit whose ticks number no more than `max_for(unit)`.
    fn choose(from: NaiveDate, to: NaiveDate, max_for: impl Fn(TickUnit) -> i64) -> TimeAxis {
        let to = to.max(from.checked_add_days(Days::new(1)).unwrap_or(from));
        let days = (to - from).num_days();
        let unit = UNITS
            .into_iter()
            .find(|u| {
                let max = max_for(*u);
                u.estimate(days) <= max && u.ticks(from, to).len() as i64 <= max
            })
            .unwrap_or(TickUnit::Years(10));
        TimeAxis {
            from,
            to,
            ticks: unit.ticks(from, to),
            unit,
        }
    }

    /// The x coordinate of a date: days since `from`.
    pub fn x(&self, date: NaiveDate) -> f64 {
        (date - self.from).num_days() as f64
    }

    /// The date at an x coordinate (rounded to the nearest day).
    pub fn date(&self, x: f64) -> NaiveDate {
        let days = x.round() as i64;
        if days >= 0 {
            self.from.checked_add_days(Days::new(days as u64))
        } else {
            self.from.checked_sub_days(Days::new(days.unsigned_abs()))
        }
        .unwrap_or(self.from)
    }

    pub fn range(&self) -> Range<f64> {
        0.0..self.x(self.to)
    }

    /// The plotters coordinate for this axis: days from `from`, grid lines at the ticks.
    pub fn coord(&self) -> DayCoord {
        DayCoord {
            range: self.range(),
            ticks: self.ticks.iter().map(|d| self.x(*d)).collect(),
        }
    }

    /// How a tick reads: day ticks as "3 Mar", months as "Mar" (with the year on January and
    /// on the first tick), longer units with their year.
    pub fn label(&self, date: NaiveDate) -> String {
        let first = self.ticks.first() == Some(&date);
        match self.unit {
            TickUnit::Day | TickUnit::Week | TickUnit::HalfMonth => {
                if first || date.ordinal() == 1 {
                    date.format("%-d %b %Y").to_string()
                } else {
                    date.format("%-d %b").to_string()
                }
            }
            TickUnit::Month => {
                if first || date.month() == 1 {
                    date.format("%b %Y").to_string()
                } else {
                    date.format("%b").to_string()
                }
            }
            TickUnit::Quarter | TickUnit::HalfYear => date.format("%b %Y").to_string(),
            TickUnit::Years(_) => date.format("%Y").to_string(),
        }
    }
}

/// A plotters x coordinate in days whose key points are the axis' calendar ticks.
#[derive(Debug, Clone)]
pub(crate) struct DayCoord {
    range: Range<f64>,
    ticks: Vec<f64>,
}

impl Ranged for DayCoord {
    type ValueType = f64;
    type FormatOption = DefaultFormatting;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.range.end - self.range.start;
        if span <= 0.0 {
            return (limit.0 + limit.1) / 2;
        }
        let t = (value - self.range.start) / span;
        limit.0 + (f64::from(limit.1 - limit.0) * t).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.range.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn three_months_tick_twice_a_month() {
        let axis = TimeAxis::new(d("2026-03-01"), d("2026-05-31"), 12);
        assert_eq!(axis.unit, TickUnit::HalfMonth);
        assert_eq!(axis.ticks.len(), 6);
        assert_eq!(axis.label(axis.ticks[0]), "1 Mar 2026");
        assert_eq!(axis.label(axis.ticks[1]), "15 Mar");
    }

    #[test]
    fn a_year_ticks_monthly_with_the_year_on_january() {
        let axis = TimeAxis::new(d("2025-11-10"), d("2026-11-09"), 14);
        assert_eq!(axis.unit, TickUnit::Month);
        let labels: Vec<String> = axis.ticks.iter().map(|t| axis.label(*t)).collect();
        assert_eq!(labels[0], "Dec 2025");
        assert_eq!(labels[1], "Jan 2026");
        assert_eq!(labels[2], "Feb");
    }

    #[test]
    fn ten_years_tick_yearly_and_narrow_charts_thin_them() {
        let axis = TimeAxis::new(d("2016-06-01"), d("2026-05-31"), 14);
        assert_eq!(axis.unit, TickUnit::Years(1));
        assert_eq!(axis.label(axis.ticks[0]), "2017");
        assert_eq!(axis.ticks.len(), 10);
        let narrow = TimeAxis::new(d("2016-06-01"), d("2026-05-31"), 6);
        assert_eq!(narrow.unit, TickUnit::Years(2));
        assert!(narrow.ticks.len() <= 6);
    }

    #[test]
    fn fitting_picks_yearly_ticks_for_ten_years_at_export_size() {
        let wide = TimeAxis::fitting(d("2016-11-25"), d("2026-11-25"), 1360.0, 14.0);
        assert_eq!(wide.unit, TickUnit::Years(1));
        let narrow = TimeAxis::fitting(d("2016-11-25"), d("2026-11-25"), 400.0, 7.5);
        assert_eq!(narrow.unit, TickUnit::Years(2));
        let quarter = TimeAxis::fitting(d("2026-08-27"), d("2026-11-25"), 680.0, 7.5);
        assert_eq!(quarter.unit, TickUnit::HalfMonth);
    }

    #[test]
    fn x_and_date_are_inverse() {
        let axis = TimeAxis::new(d("2026-01-01"), d("2026-12-31"), 12);
        assert_eq!(axis.x(d("2026-01-11")), 10.0);
        assert_eq!(axis.date(10.2), d("2026-01-11"));
        assert_eq!(axis.range(), 0.0..364.0);
    }

    #[test]
    fn a_single_day_still_makes_an_axis() {
        let axis = TimeAxis::new(d("2026-01-01"), d("2026-01-01"), 10);
        assert_eq!(axis.to, d("2026-01-02"));
        assert!(!axis.ticks.is_empty());
    }
}
