//! Chart 2: a goal's trajectory — cumulative achieved weight against the plan (planned
//! dates), and the forecast of when the open milestones land.

use chrono::{Days, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use trajectory_core::{Forecast, Goal, Milestone, PaceSource};

use crate::chart::{
    Chart, ChartError, ChartOptions, Figure, Style, Swatch, TextAlternative, YAxis, date_chart,
    drawing, frame, rate, render, unit_caption,
};
use crate::theme::Palette;
use crate::time_axis::TimeAxis;

/// What the trajectory chart shows.
#[derive(Debug, Clone, Copy)]
pub struct TrajectoryData<'a> {
    pub goal: &'a Goal,
    /// The goal's milestones (others are ignored).
    pub milestones: &'a [Milestone],
    pub forecast: Option<&'a Forecast>,
    pub as_of: NaiveDate,
}

/// A step line: starting at zero on `from`, rising by each weight on its date.
fn steps(from: NaiveDate, mut events: Vec<(NaiveDate, f64)>, axis: &TimeAxis) -> Vec<(f64, f64)> {
    events.sort_by_key(|e| e.0);
    let mut total = 0.0;
    let mut points = vec![(axis.x(from), 0.0)];
    for (date, weight) in events {
        let x = axis.x(date);
        points.push((x, total));
        total += weight;
        points.push((x, total));
    }
    points
}

struct Lines {
    achieved: Vec<(NaiveDate, f64)>,
    planned: Vec<(NaiveDate, f64)>,
    total: f64,
}

impl TrajectoryData<'_> {
    fn lines(&self) -> Lines {
        let mine: Vec<&Milestone> = self
            .milestones
            .iter()
            .filter(|m| m.goal_id == self.goal.id)
            .collect();
        Lines {
            achieved: mine
                .iter()
                .filter_map(|m| {
                    m.achieved_date
                        .filter(|d| *d <= self.as_of)
                        .map(|d| (d, f64::from(m.weight)))
                })
                .collect(),
            planned: mine
                .iter()
                .filter_map(|m| m.planned_date.map(|d| (d, f64::from(m.weight))))
                .collect(),
            total: mine.iter().map(|m| f64::from(m.weight)).sum(),
        }
    }

    /// The last day drawn: the target, the as-of date, the plan and the forecast, but a
    /// forecast far beyond the plan is cut off (the text says where it ends).
    fn end(&self, lines: &Lines) -> NaiveDate {
        let start = self.goal.start_date;
        let plan_end = self.goal.target_date.max(self.as_of);
        let span = (plan_end - start).num_days().max(90) as u64;
        let cap = plan_end
            .checked_add_days(Days::new(span))
            .unwrap_or(plan_end);
        let latest = lines
            .planned
            .iter()
            .map(|p| p.0)
            .chain(self.forecast.and_then(|f| f.expected_finish))
            .fold(plan_end, NaiveDate::max);
        let end = latest.min(cap);
        let pad = ((end - start).num_days() / 30).max(3) as u64;
        end.checked_add_days(Days::new(pad)).unwrap_or(end)
    }
}

struct TrajectoryFigure<'a> {
    data: &'a TrajectoryData<'a>,
}

impl Figure for TrajectoryFigure<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        style: &Style,
    ) -> Result<(), ChartError> {
        let p = style.palette;
        let d = self.data;
        let lines = d.lines();
        let forecast_colour = Palette::mix(p.accent, p.background, 0.35);
        let mut legend = vec![(Swatch::Line(p.accent), "Achieved")];
        if !lines.planned.is_empty() {
            legend.push((Swatch::Dashed(p.muted), "Plan"));
        }
        if d.forecast.is_some_and(|f| !f.items.is_empty()) {
            legend.push((Swatch::Dashed(forecast_colour), "Forecast"));
        }
        let title = format!("Trajectory: {}", d.goal.title);
        let area = frame(root, style, &title, &legend)?;
        let area = unit_caption(&area, style, "cumulative milestone weight")?;
        let start = d.goal.start_date;
        let axis = style.date_axis(start, d.end(&lines));
        let top = (lines.total * 1.1).max(1.0).ceil();
        let mut chart = date_chart(
            &area,
            style,
            &axis,
            YAxis {
                range: 0.0..top,
                labels: (top as usize + 1).min(8),
                chars: 4.0,
                format: &|y| format!("{y:.0}"),
            },
        )?;

        // Target and as-of lines, labelled at the top.
        // The earlier of the two labels leans left of its line and the later one right, so
        // they stay apart when the dates are close; near the right edge a label always sits
        // left of its line, so it is not cut off.
        let target_later = d.goal.target_date >= d.as_of;
        let gap = style.pad / 3;
        for (date, label, later) in [
            (d.goal.target_date, "target", target_later),
            (d.as_of, "as of", !target_later),
        ] {
            let x = axis.x(date);
            let right_of_line = later && x < axis.range().end * 0.9;
            let (h, dx) = if right_of_line {
                (HPos::Left, gap)
            } else {
                (HPos::Right, -gap)
            };
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(x, 0.0), (x, top)],
                    p.axis.stroke_width(1),
                )))
                .map_err(drawing)?;
            chart
                .draw_series(std::iter::once(
                    EmptyElement::at((x, top))
                        + Text::new(
                            label,
                            (dx, 0),
                            style
                                .text(style.small, p.muted)
                                .pos(Pos::new(h, VPos::Bottom)),
                        ),
                ))
                .map_err(drawing)?;
        }
        let dash = (style.pad as u32).max(6);
        let gap = (style.pad as u32 / 2).max(4);
        if !lines.planned.is_empty() {
            let mut plan = steps(start, lines.planned.clone(), &axis);
            let planned_total = plan.last().map_or(0.0, |p| p.1);
            let last_planned = lines.planned.iter().map(|p| p.0).max().unwrap_or(start);
            plan.push((axis.x(d.goal.target_date.max(last_planned)), planned_total));
            chart
                .draw_series(DashedLineSeries::new(
                    plan,
                    dash,
                    gap,
                    p.muted.stroke_width(style.stroke),
                ))
                .map_err(drawing)?;
        }
        let mut achieved = steps(start, lines.achieved.clone(), &axis);
        let achieved_total = achieved.last().map_or(0.0, |p| p.1);
        achieved.push((axis.x(d.as_of), achieved_total));
        if let Some(f) = d.forecast.filter(|f| !f.items.is_empty()) {
            let mut ahead = vec![(axis.x(d.as_of), achieved_total)];
            let mut total = achieved_total;
            for item in &f.items {
                let x = axis.x(item.expected_date).min(axis.range().end);
                ahead.push((x, total));
                total += f64::from(item.weight);
                ahead.push((x, total));
            }
            chart
                .draw_series(DashedLineSeries::new(
                    ahead,
                    dash / 2,
                    gap,
                    forecast_colour.stroke_width(style.stroke),
                ))
                .map_err(drawing)?;
        }
        chart
            .draw_series(LineSeries::new(
                achieved,
                p.accent.stroke_width(style.stroke + 1),
            ))
            .map_err(drawing)?;
        let mut running = 0.0;
        let mut sorted = lines.achieved.clone();
        sorted.sort_by_key(|a| a.0);
        let r = style.stroke as i32 + 3;
        chart
            .draw_series(sorted.into_iter().map(|(date, w)| {
                running += w;
                EmptyElement::at((axis.x(date), running))
                    + Circle::new((0, 0), r + 1, p.background.filled())
                    + Circle::new((0, 0), r, p.accent.filled())
            }))
            .map_err(drawing)?;
        Ok(())
    }
}

fn describe(d: &TrajectoryData<'_>) -> TextAlternative {
    let lines = d.lines();
    let achieved: f64 = lines.achieved.iter().map(|a| a.1).sum();
    let planned_by_now: f64 = lines
        .planned
        .iter()
        .filter(|p| p.0 <= d.as_of)
        .map(|p| p.1)
        .sum();
    let mine: Vec<&Milestone> = d
        .milestones
        .iter()
        .filter(|m| m.goal_id == d.goal.id)
        .collect();
    let done = lines.achieved.len();
    // Weights are whole numbers; this also keeps an empty sum (−0.0) from reading "-0".
    let weight = |w: f64| format!("{}", w.round().abs() as i64);
    let mut text = format!(
        "Goal \"{}\", from {} to the target {}. By {}, {} of {} milestones are achieved, worth {} of {} weight points",
        d.goal.title,
        d.goal.start_date,
        d.goal.target_date,
        d.as_of,
        done,
        mine.len(),
        weight(achieved),
        weight(lines.total)
    );
    if lines.planned.is_empty() {
        text.push_str("; no milestone has a planned date yet.");
    } else {
        text.push_str(&format!(
            "; the plan had {} done by then.",
            weight(planned_by_now)
        ));
    }
    match d.forecast {
        Some(f) if !f.items.is_empty() => {
            let pace = match f.pace_source {
                PaceSource::Current => format!("the current pace of {} a month", rate(f.pace)),
                PaceSource::Baseline => {
                    format!(
                        "your usual pace of {} a month (the current pace is about zero)",
                        rate(f.pace)
                    )
                }
            };
            if let (Some(finish), Some(late)) = (f.expected_finish, f.days_past_target) {
                let when = match late {
                    0 => "on the target date".to_owned(),
                    l if l > 0 => format!("{l} days after the target"),
                    l => format!("{} days before the target", -l),
                };
                text.push_str(&format!(
                    " At {pace}, the last open milestone lands around {finish}, {when}."
                ));
            }
        }
        Some(_) => text.push_str(" Every milestone is achieved."),
        // Said truthfully for both cases: with a cadence given, the forecast is missing because
        // both the recent and the usual pace are about zero (decision 0013), not for want of one.
        None if d.goal.cadence_weeks.is_some() => text.push_str(
            " There is no forecast yet: both your recent and your usual pace are about zero.",
        ),
        None => text.push_str(
            " There is no forecast yet: it needs some pace, or an expected cadence, to go on.",
        ),
    }
    let expected = |id: i64| {
        d.forecast
            .and_then(|f| f.items.iter().find(|i| i.milestone_id == id))
            .map(|i| i.expected_date.to_string())
            .unwrap_or_default()
    };
    let day = |x: Option<NaiveDate>| x.map(|d| d.to_string()).unwrap_or_default();
    TextAlternative {
        description: text,
        columns: ["Milestone", "Weight", "Planned", "Achieved", "Expected"]
            .map(str::to_owned)
            .to_vec(),
        rows: mine
            .iter()
            .map(|m| {
                vec![
                    m.title.clone(),
                    m.weight.to_string(),
                    day(m.planned_date),
                    day(m.achieved_date),
                    expected(m.id),
                ]
            })
            .collect(),
    }
}

/// Renders a goal's trajectory chart.
pub fn trajectory_chart(
    data: &TrajectoryData<'_>,
    options: &ChartOptions,
) -> Result<Chart, ChartError> {
    let image = render(&TrajectoryFigure { data }, options)?;
    Ok(Chart {
        title: format!("Trajectory: {}", data.goal.title),
        alt: describe(data),
        image,
    })
}
