//! The writing rhythm: how many entries were written in each of the last weeks, as SVG bars.

use chrono::{Datelike, Duration, NaiveDate};
use plotters::prelude::*;

use crate::chart::{ChartError, drawing};
use crate::font;
use crate::theme::Theme;

fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// Counts entries per ISO week (Monday start) for the `weeks` weeks ending with the week of
/// `as_of`, oldest first. Dates after `as_of` or before the window are ignored.
pub fn weekly_counts(dates: &[NaiveDate], as_of: NaiveDate, weeks: usize) -> Vec<(NaiveDate, u32)> {
    let last = week_start(as_of);
    let first = last - Duration::weeks(weeks.saturating_sub(1) as i64);
    let mut counts: Vec<(NaiveDate, u32)> = (0..weeks)
        .map(|i| (first + Duration::weeks(i as i64), 0))
        .collect();
    for &d in dates {
        if d > as_of || d < first {
            continue;
        }
        let index = ((week_start(d) - first).num_days() / 7) as usize;
        if let Some(slot) = counts.get_mut(index) {
            slot.1 += 1;
        }
    }
    counts
}

/// Renders the writing rhythm as an SVG document of the given size.
pub fn weekly_rhythm_svg(
    dates: &[NaiveDate],
    as_of: NaiveDate,
    weeks: usize,
    size: (u32, u32),
) -> Result<String, ChartError> {
    let counts = weekly_counts(dates, as_of, weeks.max(1));
    let max = counts.iter().map(|c| c.1).max().unwrap_or(0).max(1);
    font::ensure_registered()?;
    let palette = Theme::Light.palette();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&palette.background).map_err(drawing)?;
        let mut chart = ChartBuilder::on(&root)
            .caption("Entries per week", (font::FAMILY, 16))
            .margin(8)
            .x_label_area_size(24)
            .y_label_area_size(28)
            .build_cartesian_2d(0..counts.len(), 0..max + 1)
            .map_err(drawing)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(6)
            .x_label_formatter(&|i| {
                counts
                    .get(*i)
                    .map(|c| c.0.format("%b %d").to_string())
                    .unwrap_or_default()
            })
            .draw()
            .map_err(drawing)?;
        chart
            .draw_series(
                counts.iter().enumerate().map(|(i, (_, n))| {
                    Rectangle::new([(i, 0), (i + 1, *n)], palette.accent.filled())
                }),
            )
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn counts_fall_in_their_monday_weeks() {
        // 2026-11-25 is a Wednesday; its week starts Monday 2026-11-23.
        let dates = [
            d("2026-11-23"),
            d("2026-11-25"),
            d("2026-11-22"),
            d("2026-11-30"),
            d("2025-01-01"),
        ];
        let counts = weekly_counts(&dates, d("2026-11-25"), 2);
        assert_eq!(counts, vec![(d("2026-11-16"), 1), (d("2026-11-23"), 2)]);
    }

    #[test]
    fn renders_an_svg_with_one_bar_per_week() {
        let dates = [d("2026-11-23"), d("2026-11-10")];
        let svg = weekly_rhythm_svg(&dates, d("2026-11-25"), 8, (480, 200)).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..40.min(svg.len())]);
        assert!(svg.contains("Entries per week"));
    }
}
