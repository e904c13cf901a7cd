//! Chart 1: milestone velocity over time, with the person's usual range, slow stretches and
//! paused stretches shaded, and a marker for each achieved milestone.

use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::prelude::*;
use trajectory_core::{Baseline, BaselineSource, DateRange, VelocityPoint};

use crate::chart::count;
use crate::chart::{
    Chart, ChartError, ChartOptions, DateChart, Figure, Style, Swatch, TextAlternative, YAxis,
    date_chart, drawing, frame, rate, render, unit_caption,
};
use crate::time_axis::TimeAxis;

/// One achieved milestone, as a marker on the velocity line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneMark {
    pub date: NaiveDate,
    /// 1–3; bigger steps get bigger markers.
    pub weight: u8,
    pub title: String,
}

/// What the velocity chart shows.
#[derive(Debug, Clone, Copy)]
pub struct VelocityData<'a> {
    /// The velocity samples, oldest first (daily or weekly).
    pub series: &'a [VelocityPoint],
    pub baseline: Option<Baseline>,
    /// Stretches where the pace was unusually low, shaded.
    pub slumps: &'a [DateRange],
    /// Paused stretches (the clock was frozen), shaded differently.
    pub paused: &'a [DateRange],
    pub milestones: &'a [MilestoneMark],
}

pub(crate) const TITLE: &str = "Milestone velocity";

/// The value of the drawn line at `date`: linear between the samples around it.
pub(crate) fn value_at(series: &[VelocityPoint], date: NaiveDate) -> Option<f64> {
    let i = series.partition_point(|p| p.date < date);
    let after = series.get(i)?;
    if after.date == date || i == 0 {
        return (after.date == date).then_some(after.velocity);
    }
    let before = series[i - 1];
    let span = (after.date - before.date).num_days() as f64;
    let t = (date - before.date).num_days() as f64 / span;
    Some(before.velocity + (after.velocity - before.velocity) * t)
}

struct VelocityFigure<'a> {
    data: &'a VelocityData<'a>,
}

fn shade<DB: DrawingBackend>(
    chart: &mut DateChart<'_, DB>,
    axis: &TimeAxis,
    ranges: &[DateRange],
    top: f64,
    color: RGBColor,
) -> Result<(), ChartError> {
    let visible = ranges
        .iter()
        .filter(|r| r.end >= axis.from && r.start <= axis.to)
        .map(|r| {
            let x0 = axis.x(r.start.max(axis.from)) - 0.5;
            let x1 = axis.x(r.end.min(axis.to)) + 0.5;
            Rectangle::new(
                [(x0.max(0.0), 0.0), (x1.min(axis.range().end), top)],
                color.filled(),
            )
        });
    chart.draw_series(visible).map_err(drawing)?;
    Ok(())
}

impl Figure for VelocityFigure<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        style: &Style,
    ) -> Result<(), ChartError> {
        let p = style.palette;
        let d = self.data;
        let mut legend = vec![(Swatch::Line(p.accent), "Velocity")];
        if let Some(b) = d.baseline {
            legend.push((Swatch::Dashed(p.muted), "Your usual pace"));
            if b.high > b.low {
                legend.push((Swatch::Block(p.accent_soft), "Usual range"));
            }
        }
        if !d.slumps.is_empty() {
            legend.push((Swatch::Block(p.slump), "Slow stretch"));
        }
        if !d.paused.is_empty() {
            legend.push((Swatch::Block(p.sunken), "Paused"));
        }
        if !d.milestones.is_empty() {
            legend.push((Swatch::Dot(p.accent), "Milestone"));
        }
        let area = frame(root, style, TITLE, &legend)?;
        let (first, last) = match (d.series.first(), d.series.last()) {
            (Some(a), Some(b)) => (a.date, b.date),
            _ => {
                area.draw(&Text::new(
                    "No velocity to show yet: mark a milestone achieved to start the line.",
                    (0, style.pad),
                    style.text(style.label, p.muted),
                ))
                .map_err(drawing)?;
                return Ok(());
            }
        };
        let axis = style.date_axis(first, last);
        let peak = d
            .series
            .iter()
            .map(|s| s.velocity)
            .chain(d.baseline.map(|b| b.high))
            .fold(0.0_f64, f64::max);
        let top = (peak * 1.15).max(0.5);

        let area = unit_caption(&area, style, "milestones per 30 days")?;
        let mut chart = date_chart(
            &area,
            style,
            &axis,
            YAxis {
                range: 0.0..top,
                labels: 6,
                chars: 4.0,
                format: &|y| format!("{y:.1}"),
            },
        )?;

        shade(&mut chart, &axis, d.paused, top, p.sunken)?;
        shade(&mut chart, &axis, d.slumps, top, p.slump)?;
        if let Some(b) = d.baseline {
            let end = axis.range().end;
            if b.high > b.low {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(0.0, b.low), (end, b.high)],
                        p.accent_soft.mix(0.85).filled(),
                    )))
                    .map_err(drawing)?;
            }
            chart
                .draw_series(DashedLineSeries::new(
                    [(0.0, b.velocity), (end, b.velocity)],
                    (style.pad as u32).max(6),
                    (style.pad as u32 / 2).max(4),
                    p.muted.stroke_width(style.stroke.max(2) - 1),
                ))
                .map_err(drawing)?;
        }
        chart
            .draw_series(LineSeries::new(
                d.series.iter().map(|s| (axis.x(s.date), s.velocity)),
                p.accent.stroke_width(style.stroke),
            ))
            .map_err(drawing)?;
        let radius = |w: u8| (style.stroke as i32) + 1 + i32::from(w.clamp(1, 3));
        chart
            .draw_series(d.milestones.iter().filter_map(|m| {
                let v = value_at(d.series, m.date)?;
                let at = (axis.x(m.date), v);
                Some(
                    EmptyElement::at(at)
                        + Circle::new((0, 0), radius(m.weight) + 1, p.background.filled())
                        + Circle::new((0, 0), radius(m.weight), p.accent.filled()),
                )
            }))
            .map_err(drawing)?;
        Ok(())
    }
}

fn describe(d: &VelocityData<'_>) -> TextAlternative {
    let columns = vec![
        "Date".to_owned(),
        "Velocity (milestones per 30 days)".to_owned(),
    ];
    let (Some(first), Some(last)) = (d.series.first(), d.series.last()) else {
        return TextAlternative {
            description: "There is no velocity to show yet: no milestone has been achieved."
                .to_owned(),
            columns,
            rows: vec![],
        };
    };
    let mut text = format!(
        "Milestone velocity from {} to {}, in milestones per 30 days. On {} it was {}.",
        first.date,
        last.date,
        last.date,
        rate(last.velocity)
    );
    if let Some(b) = d.baseline {
        text.push(' ');
        text.push_str(&match b.source {
            BaselineSource::History => format!(
                "Your usual pace over the past year is {} (the middle half of days lie between {} and {}).",
                rate(b.velocity),
                rate(b.low),
                rate(b.high)
            ),
            BaselineSource::ExpectedCadence => format!(
                "There is less than a year of history, so the usual pace shown is the one you expect: {}.",
                rate(b.velocity)
            ),
            BaselineSource::ShortHistory => format!(
                "With less than a year of history, your usual pace is a rough {} (middle half {} to {}).",
                rate(b.velocity),
                rate(b.low),
                rate(b.high)
            ),
        });
    }
    text.push_str(&format!(
        " {} marked",
        count(d.milestones.len(), "milestone is", "milestones are")
    ));
    if !d.slumps.is_empty() {
        text.push_str(&format!(
            "; {} shaded",
            count(d.slumps.len(), "slow stretch is", "slow stretches are")
        ));
    }
    if !d.paused.is_empty() {
        text.push_str(&format!(
            "; {} shaded as paused",
            count(d.paused.len(), "stretch is", "stretches are")
        ));
    }
    text.push('.');
    let axis = TimeAxis::new(first.date, last.date, 24);
    let mut dates = axis.ticks.clone();
    if dates.last() != Some(&last.date) {
        dates.push(last.date);
    }
    let rows = dates
        .into_iter()
        .filter_map(|date| value_at(d.series, date).map(|v| vec![date.to_string(), rate(v)]))
        .collect();
    TextAlternative {
        description: text,
        columns,
        rows,
    }
}

/// Renders the velocity chart.
pub fn velocity_chart(
    data: &VelocityData<'_>,
    options: &ChartOptions,
) -> Result<Chart, ChartError> {
    let image = render(&VelocityFigure { data }, options)?;
    Ok(Chart {
        title: TITLE.to_owned(),
        alt: describe(data),
        image,
    })
}
