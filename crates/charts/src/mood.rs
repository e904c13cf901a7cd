//! Chart 3: felt progress and mood from journal entries, as weekly (or, over long spans,
//! monthly) averages on their 1–5 scales.

use chrono::{Datelike, Days, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

use crate::chart::{
    Chart, ChartError, ChartOptions, Figure, Style, Swatch, TextAlternative, YAxis, date_chart,
    drawing, frame, render, unit_caption,
};

/// One entry's ratings: mood and felt progress, each 1–5 when given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoodPoint {
    pub date: NaiveDate,
    pub mood: Option<u8>,
    pub progress: Option<u8>,
}

/// What the mood chart shows: the points between `from` and `to` (others are ignored).
#[derive(Debug, Clone, Copy)]
pub struct MoodData<'a> {
    pub points: &'a [MoodPoint],
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Spans longer than this are averaged by month instead of by week.
const WEEKLY_UP_TO_DAYS: i64 = 550;

pub(crate) const TITLE: &str = "Felt progress and mood";

/// One averaging period and what fell in it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bucket {
    pub start: NaiveDate,
    /// The middle of the period, where its averages are drawn.
    pub middle: NaiveDate,
    pub progress: Option<f64>,
    pub mood: Option<f64>,
    pub entries: usize,
}

fn mean(values: &[u8]) -> Option<f64> {
    (!values.is_empty())
        .then(|| values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64)
}

/// The periods from `from` to `to`: Monday weeks, or calendar months over long spans.
pub(crate) fn buckets(d: &MoodData<'_>) -> (bool, Vec<Bucket>) {
    let weekly = (d.to - d.from).num_days() <= WEEKLY_UP_TO_DAYS;
    let first = if weekly {
        d.from - chrono::Duration::days(i64::from(d.from.weekday().num_days_from_monday()))
    } else {
        d.from.with_day(1).unwrap_or(d.from)
    };
    let next = |s: NaiveDate| {
        if weekly {
            s.checked_add_days(Days::new(7))
        } else {
            s.checked_add_months(chrono::Months::new(1))
        }
    };
    let mut points: Vec<&MoodPoint> = d
        .points
        .iter()
        .filter(|p| p.date >= d.from && p.date <= d.to)
        .collect();
    points.sort_by_key(|p| p.date);
    let mut out = Vec::new();
    let mut start = first;
    let mut i = 0;
    while start <= d.to {
        let Some(end) = next(start) else { break };
        let mut moods = Vec::new();
        let mut progress = Vec::new();
        let mut entries = 0;
        while i < points.len() && points[i].date < end {
            entries += 1;
            moods.extend(points[i].mood.filter(|v| (1..=5).contains(v)));
            progress.extend(points[i].progress.filter(|v| (1..=5).contains(v)));
            i += 1;
        }
        let half = (end - start).num_days() as u64 / 2;
        let middle = start
            .checked_add_days(Days::new(half))
            .unwrap_or(start)
            .clamp(d.from, d.to);
        out.push(Bucket {
            start,
            middle,
            progress: mean(&progress),
            mood: mean(&moods),
            entries,
        });
        start = end;
    }
    (weekly, out)
}

struct MoodFigure<'a> {
    data: &'a MoodData<'a>,
}

impl Figure for MoodFigure<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        style: &Style,
    ) -> Result<(), ChartError> {
        let p = style.palette;
        let (weekly, buckets) = buckets(self.data);
        let legend = [
            (Swatch::Line(p.accent), "Felt progress"),
            (Swatch::Dashed(p.muted), "Mood"),
        ];
        let area = frame(root, style, TITLE, &legend)?;
        let unit = if weekly {
            "weekly average, 1 (low) to 5 (high)"
        } else {
            "monthly average, 1 (low) to 5 (high)"
        };
        let area = unit_caption(&area, style, unit)?;
        let axis = style.date_axis(self.data.from, self.data.to);
        // Labels on the whole numbers of the 1–5 scale only.
        let whole = |y: &f64| {
            if (y.round() - y).abs() < 1e-6 {
                format!("{y:.0}")
            } else {
                String::new()
            }
        };
        let mut chart = date_chart(
            &area,
            style,
            &axis,
            YAxis {
                range: 0.7..5.3,
                labels: 10,
                chars: 2.0,
                format: &whole,
            },
        )?;
        if buckets.iter().all(|b| b.entries == 0) {
            chart
                .draw_series(std::iter::once(Text::new(
                    "No ratings in this period yet.",
                    (axis.range().end * 0.02, 4.9),
                    style.text(style.label, p.muted),
                )))
                .map_err(drawing)?;
            return Ok(());
        }
        // Each series is drawn in runs of consecutive periods that have a value, so a gap in
        // the journal shows as a gap in the line.
        type Pick = fn(&Bucket) -> Option<f64>;
        let series: [(Pick, RGBColor, bool); 2] = [
            (|b| b.mood, p.muted, true),
            (|b| b.progress, p.accent, false),
        ];
        for (pick, colour, dashed) in series {
            let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
            for b in &buckets {
                match pick(b) {
                    Some(v) => runs
                        .last_mut()
                        .unwrap_or(&mut Vec::new())
                        .push((axis.x(b.middle), v)),
                    None => runs.push(Vec::new()),
                }
            }
            for run in runs.into_iter().filter(|r| !r.is_empty()) {
                if dashed {
                    chart
                        .draw_series(DashedLineSeries::new(
                            run.clone(),
                            (style.pad as u32).max(6),
                            (style.pad as u32 / 2).max(4),
                            colour.stroke_width(style.stroke),
                        ))
                        .map_err(drawing)?;
                } else {
                    chart
                        .draw_series(LineSeries::new(
                            run.clone(),
                            colour.stroke_width(style.stroke + 1),
                        ))
                        .map_err(drawing)?;
                }
                let r = if buckets.len() > 80 {
                    style.stroke as i32
                } else {
                    style.stroke as i32 + 2
                };
                chart
                    .draw_series(
                        run.into_iter()
                            .map(|at| Circle::new(at, r, colour.filled())),
                    )
                    .map_err(drawing)?;
            }
        }
        Ok(())
    }
}

fn describe(d: &MoodData<'_>) -> TextAlternative {
    let (weekly, buckets) = buckets(d);
    let period = if weekly { "Week of" } else { "Month" };
    let entries: usize = buckets.iter().map(|b| b.entries).sum();
    let overall = |pick: fn(&Bucket) -> Option<f64>| {
        let values: Vec<f64> = buckets.iter().filter_map(pick).collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    };
    let one = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "—".into());
    let mut text = format!(
        "Felt progress and mood from {} to {}, {} entries, as {} averages on a scale of 1 (low) to 5 (high).",
        d.from,
        d.to,
        entries,
        if weekly { "weekly" } else { "monthly" }
    );
    if entries > 0 {
        text.push_str(&format!(
            " Over the whole period felt progress averages {} and mood {}.",
            one(overall(|b| b.progress)),
            one(overall(|b| b.mood))
        ));
        if let Some(last) = buckets.iter().rev().find(|b| b.entries > 0) {
            text.push_str(&format!(
                " Most recently ({} {}): felt progress {}, mood {}.",
                if weekly { "week of" } else { "month of" },
                last.start,
                one(last.progress),
                one(last.mood)
            ));
        }
    }
    TextAlternative {
        description: text,
        columns: [period, "Felt progress", "Mood", "Entries"]
            .map(str::to_owned)
            .to_vec(),
        rows: buckets
            .iter()
            .filter(|b| b.entries > 0)
            .map(|b| {
                let label = if weekly {
                    b.start.to_string()
                } else {
                    b.start.format("%Y-%m").to_string()
                };
                vec![label, one(b.progress), one(b.mood), b.entries.to_string()]
            })
            .collect(),
    }
}

/// Renders the felt-progress and mood trend.
pub fn mood_chart(data: &MoodData<'_>, options: &ChartOptions) -> Result<Chart, ChartError> {
    let image = render(&MoodFigure { data }, options)?;
    Ok(Chart {
        title: TITLE.to_owned(),
        alt: describe(data),
        image,
    })
}
