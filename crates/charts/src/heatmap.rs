//! Chart 4: a calendar heatmap of journaling — one square a day, darker for more entries —
//! with the days a milestone was achieved marked. One block per year over long spans.

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, Days, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::chart::count;
use crate::chart::{
    Chart, ChartError, ChartOptions, Figure, Format, Style, Swatch, TextAlternative, drawing,
    frame, render, render_cut,
};
use crate::theme::Palette;

/// What the heatmap shows: entry and milestone dates between `from` and `to`.
#[derive(Debug, Clone, Copy)]
pub struct HeatmapData<'a> {
    /// One date per entry (several entries on a day count several times).
    pub entry_dates: &'a [NaiveDate],
    /// The days milestones were achieved.
    pub milestone_dates: &'a [NaiveDate],
    pub from: NaiveDate,
    pub to: NaiveDate,
}

pub(crate) const TITLE: &str = "Journaling and milestones";

fn monday(d: NaiveDate) -> NaiveDate {
    d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// A block of the calendar: weeks as columns, Monday to Sunday as rows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Band {
    /// The Monday of the first column.
    pub first_monday: NaiveDate,
    pub columns: i64,
    /// Shown beside the block when the calendar has one block per year.
    pub label: Option<String>,
    /// The days of the block that are drawn.
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// One block for up to 53 weeks, else one block per calendar year (aligned, so months line
/// up from year to year).
pub(crate) fn bands(from: NaiveDate, to: NaiveDate) -> Vec<Band> {
    if to < from {
        return Vec::new();
    }
    let weeks = (monday(to) - monday(from)).num_days() / 7 + 1;
    if weeks <= 53 {
        return vec![Band {
            first_monday: monday(from),
            columns: weeks,
            label: None,
            from,
            to,
        }];
    }
    (from.year()..=to.year())
        .filter_map(|year| {
            let jan1 = NaiveDate::from_ymd_opt(year, 1, 1)?;
            let dec31 = NaiveDate::from_ymd_opt(year, 12, 31)?;
            Some(Band {
                first_monday: monday(jan1),
                columns: (monday(dec31) - monday(jan1)).num_days() / 7 + 1,
                label: Some(year.to_string()),
                from: from.max(jan1),
                to: to.min(dec31),
            })
        })
        .collect()
}

/// Entries per day within the range.
fn counts(d: &HeatmapData<'_>) -> HashMap<NaiveDate, u32> {
    let mut counts = HashMap::new();
    for &date in d.entry_dates {
        if date >= d.from && date <= d.to {
            *counts.entry(date).or_insert(0) += 1;
        }
    }
    counts
}

fn shade(p: &Palette, count: u32) -> RGBColor {
    match count {
        0 => p.sunken,
        1 => Palette::mix(p.accent_soft, p.accent, 0.35),
        2 => Palette::mix(p.accent_soft, p.accent, 0.68),
        _ => p.accent,
    }
}

struct HeatmapFigure<'a> {
    data: &'a HeatmapData<'a>,
    /// The pixels left empty below the calendar by the last drawing (it is centred in them).
    spare_height: Cell<f64>,
}

impl Figure for HeatmapFigure<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        style: &Style,
    ) -> Result<(), ChartError> {
        let p = style.palette;
        let d = self.data;
        let legend = [
            (Swatch::Block(shade(&p, 0)), "No entry"),
            (Swatch::Block(shade(&p, 1)), "1 entry"),
            (Swatch::Block(shade(&p, 2)), "2"),
            (Swatch::Block(shade(&p, 3)), "3 or more"),
            (Swatch::Dot(p.danger), "Milestone achieved"),
        ];
        let area = frame(root, style, TITLE, &legend)?;
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        let bands = bands(d.from, d.to);
        let columns = bands.iter().map(|b| b.columns).max().unwrap_or(1) as f64;
        let small = style.text(style.small, p.muted);
        let text_w = |t: &str| {
            area.estimate_text_size(t, &small)
                .map(|(w, _)| f64::from(w))
                .unwrap_or(0.0)
        };
        let font_px = style.small / 1.24;
        let gutter = text_w("0000").max(text_w("Mon")) + font_px * 0.6;
        let header = style.line_height(style.small) as f64;
        let gap_y = font_px * 0.6;
        let gap_x = font_px * 2.0;
        let max_cell = (f64::from(style.width) / 26.0).max(12.0);
        // Pick how many blocks sit side by side so the squares come out largest.
        let (per_row, cell) = (1..=3usize)
            .map(|c| {
                let rows = bands.len().div_ceil(c) as f64;
                let across =
                    (w - (c as f64 - 1.0) * gap_x - c as f64 * gutter) / (c as f64 * columns);
                let down = (h - rows * (header + gap_y)) / (7.0 * rows);
                (c, across.min(down).min(max_cell))
            })
            .fold(
                (1, 0.0),
                |best, next| if next.1 > best.1 + 0.5 { next } else { best },
            );
        let cell = cell.max(2.0);
        let block_w = gutter + columns * cell;
        let block_h = header + 7.0 * cell + gap_y;
        let used_w = per_row as f64 * block_w + (per_row as f64 - 1.0) * gap_x;
        let left = ((w - used_w) / 2.0).max(0.0);
        let used_h = bands.len().div_ceil(per_row) as f64 * block_h;
        self.spare_height.set((h - used_h).max(0.0));
        let top = ((h - used_h) / 2.0).max(0.0);
        let inset = (cell / 9.0).max(1.0);
        let counts = counts(d);
        let milestones: HashSet<NaiveDate> = d.milestone_dates.iter().copied().collect();
        let show_weekdays = cell * 2.0 >= font_px * 1.1;
        let month_step = {
            let month_px = 4.35 * cell;
            let needed = text_w("May") + font_px * 0.8;
            [1u32, 2, 3, 6]
                .into_iter()
                .find(|s| f64::from(*s) * month_px >= needed)
                .unwrap_or(12)
        };
        for (i, band) in bands.iter().enumerate() {
            let bx = left + (i % per_row) as f64 * (block_w + gap_x);
            let by = top + (i / per_row) as f64 * block_h;
            let grid_x = bx + gutter;
            let grid_y = by + header;
            if let Some(label) = &band.label {
                area.draw(&Text::new(
                    label.clone(),
                    (bx as i32, by as i32),
                    style.text(style.small, p.text),
                ))
                .map_err(drawing)?;
            }
            if show_weekdays {
                for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
                    area.draw(&Text::new(
                        name,
                        (
                            (grid_x - font_px * 0.4) as i32,
                            (grid_y + (f64::from(row) + 0.5) * cell) as i32,
                        ),
                        small.pos(Pos::new(HPos::Right, VPos::Center)),
                    ))
                    .map_err(drawing)?;
                }
            }
            // Month names over the column holding each month's first day, skipping any that
            // would run into the one before.
            let mut month = band.from.with_day(1).unwrap_or(band.from);
            let mut free_from = f64::MIN;
            while month <= band.to {
                let col = (monday(month.max(band.from)) - band.first_monday).num_days() / 7;
                let x = grid_x + col as f64 * cell;
                let name = month.format("%b").to_string();
                // A month the block starts part-way through gives way to the next one when
                // both names would not fit (the full month is the one worth naming).
                let next = month.checked_add_months(chrono::Months::new(1));
                let crowds_next = month < band.from
                    && next.is_some_and(|n| {
                        n <= band.to
                            && n.month0().is_multiple_of(month_step)
                            && grid_x
                                + ((monday(n) - band.first_monday).num_days() / 7) as f64 * cell
                                < x + text_w(&name) + font_px * 0.6
                    });
                if month.month0().is_multiple_of(month_step) && x >= free_from && !crowds_next {
                    free_from = x + text_w(&name) + font_px * 0.6;
                    area.draw(&Text::new(name, (x as i32, by as i32), small.clone()))
                        .map_err(drawing)?;
                }
                let Some(next) = month.checked_add_months(chrono::Months::new(1)) else {
                    break;
                };
                month = next;
            }
            // Empty days are not drawn one by one (ten years would be thousands of SVG
            // rectangles): the block is filled with the empty shade, the gaps between squares
            // are drawn as thin strips, and days outside the range are covered again.
            let fill = |x0: f64, y0: f64, x1: f64, y1: f64, colour: RGBColor| {
                area.draw(&Rectangle::new(
                    [(x0 as i32, y0 as i32), (x1 as i32, y1 as i32)],
                    colour.filled(),
                ))
                .map_err(drawing)
            };
            let (right, bottom) = (grid_x + band.columns as f64 * cell, grid_y + 7.0 * cell);
            fill(grid_x, grid_y, right - inset, bottom - inset, p.sunken)?;
            if inset >= 1.0 {
                for k in 1..band.columns {
                    let x = grid_x + k as f64 * cell;
                    fill(x - inset, grid_y, x, bottom, p.background)?;
                }
                for k in 1..7 {
                    let y = grid_y + f64::from(k) * cell;
                    fill(grid_x, y - inset, right, y, p.background)?;
                }
            }
            let column =
                |date: NaiveDate| ((monday(date) - band.first_monday).num_days() / 7) as f64;
            let row = |date: NaiveDate| f64::from(date.weekday().num_days_from_monday());
            let (first_col, last_col) = (column(band.from), column(band.to));
            // Whole weeks before and after the range, then the days of its first and last
            // week that fall outside it.
            fill(
                grid_x,
                grid_y,
                grid_x + first_col * cell,
                bottom,
                p.background,
            )?;
            fill(
                grid_x + (last_col + 1.0) * cell,
                grid_y,
                right,
                bottom,
                p.background,
            )?;
            let x = grid_x + first_col * cell;
            fill(
                x,
                grid_y,
                x + cell,
                grid_y + row(band.from) * cell,
                p.background,
            )?;
            let x = grid_x + last_col * cell;
            fill(
                x,
                grid_y + (row(band.to) + 1.0) * cell,
                x + cell,
                bottom,
                p.background,
            )?;

            let mut day = band.from;
            while day <= band.to {
                let x0 = grid_x + column(day) * cell;
                let y0 = grid_y + row(day) * cell;
                let count = counts.get(&day).copied().unwrap_or(0);
                let mark = milestones.contains(&day);
                if mark && cell - inset < 9.0 {
                    // Too small for a visible dot: the whole square takes the mark.
                    fill(x0, y0, x0 + cell - inset, y0 + cell - inset, p.danger)?;
                } else {
                    if count > 0 {
                        fill(
                            x0,
                            y0,
                            x0 + cell - inset,
                            y0 + cell - inset,
                            shade(&p, count),
                        )?;
                    }
                    if mark {
                        let c = (x0 + (cell - inset) / 2.0, y0 + (cell - inset) / 2.0);
                        let r = ((cell - inset) / 3.2).max(1.5);
                        area.draw(&Circle::new(
                            (c.0 as i32, c.1 as i32),
                            r as i32,
                            p.danger.filled(),
                        ))
                        .map_err(drawing)?;
                    }
                }
                let Some(next) = day.checked_add_days(Days::new(1)) else {
                    break;
                };
                day = next;
            }
        }
        Ok(())
    }
}

fn describe(d: &HeatmapData<'_>) -> TextAlternative {
    let counts = counts(d);
    let days = (d.to - d.from).num_days().max(0) + 1;
    let entries: u32 = counts.values().sum();
    let milestones: Vec<NaiveDate> = d
        .milestone_dates
        .iter()
        .copied()
        .filter(|m| *m >= d.from && *m <= d.to)
        .collect();
    // The longest run of consecutive days with an entry.
    let mut best = (0, d.from);
    let mut run = 0;
    let mut day = d.from;
    while day <= d.to {
        if counts.contains_key(&day) {
            run += 1;
            if run > best.0 {
                best = (run, day);
            }
        } else {
            run = 0;
        }
        let Some(next) = day.checked_add_days(Days::new(1)) else {
            break;
        };
        day = next;
    }
    let mut text = format!(
        "Journal entries from {} to {}: {}, written on {} of {} days. {} achieved in this time.",
        d.from,
        d.to,
        count(entries as usize, "entry", "entries"),
        counts.len(),
        days,
        count(milestones.len(), "milestone was", "milestones were")
    );
    if best.0 > 1 {
        text.push_str(&format!(
            " The longest run of days in a row with an entry is {} days, ending {}.",
            best.0, best.1
        ));
    }
    let mut months: BTreeMap<(i32, u32), (u32, u32, u32)> = BTreeMap::new();
    for (date, n) in &counts {
        let m = months.entry((date.year(), date.month())).or_default();
        m.0 += 1;
        m.1 += n;
    }
    for date in &milestones {
        months.entry((date.year(), date.month())).or_default().2 += 1;
    }
    TextAlternative {
        description: text,
        columns: ["Month", "Days with an entry", "Entries", "Milestones"]
            .map(str::to_owned)
            .to_vec(),
        rows: months
            .into_iter()
            .map(|((y, m), (days, entries, ms))| {
                vec![
                    format!("{y}-{m:02}"),
                    days.to_string(),
                    entries.to_string(),
                    ms.to_string(),
                ]
            })
            .collect(),
    }
}

/// Renders the journaling heatmap, `options.width` wide and at most `options.height` tall:
/// a calendar whose squares are bounded by the width (up to a year, or several years on a
/// wide picture) leaves the rest of the height out rather than empty around it.
pub fn heatmap_chart(data: &HeatmapData<'_>, options: &ChartOptions) -> Result<Chart, ChartError> {
    let figure = HeatmapFigure {
        data,
        spare_height: Cell::new(0.0),
    };
    // Measured on a drawing as SVG (same sizes, nothing rasterised), then drawn for real
    // unless that drawing is already the picture asked for.
    let measured = render(
        &figure,
        &ChartOptions {
            format: Format::Svg,
            ..*options
        },
    )?;
    let spare = figure.spare_height.get().floor() as u32;
    let image = if spare > 0 {
        render_cut(&figure, options, options.height - spare.min(options.height))?
    } else if options.format == Format::Svg {
        measured
    } else {
        render(&figure, options)?
    };
    Ok(Chart {
        title: TITLE.to_owned(),
        alt: describe(data),
        image,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn up_to_a_year_is_one_block_of_its_own_weeks() {
        let b = bands(d("2026-08-27"), d("2026-11-25"));
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].first_monday, d("2026-08-24"));
        assert_eq!(b[0].columns, 14);
        assert_eq!(b[0].label, None);
    }

    #[test]
    fn longer_spans_get_one_aligned_block_per_year() {
        let b = bands(d("2016-11-25"), d("2026-11-25"));
        assert_eq!(b.len(), 11);
        assert_eq!(b[0].label.as_deref(), Some("2016"));
        assert_eq!(
            b[0].from,
            d("2016-11-25"),
            "the first block starts at the range"
        );
        assert_eq!(b[1].from, d("2017-01-01"));
        assert_eq!(
            b[1].first_monday,
            d("2016-12-26"),
            "the week holding 1 January"
        );
        assert_eq!(b[10].to, d("2026-11-25"));
        assert!(b.iter().all(|band| (53..=54).contains(&band.columns)));
    }

    #[test]
    fn a_reversed_range_has_no_blocks() {
        assert!(bands(d("2026-03-10"), d("2026-03-01")).is_empty());
    }
}
