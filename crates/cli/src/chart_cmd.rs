//! `traj chart …`: render a chart to an SVG or PNG file (the format follows the extension).

use std::path::PathBuf;

use chrono::{Days, Months, NaiveDate};
use clap::{Args, ValueEnum};
use trajectory_charts::{
    ChartOptions, Format, HeatmapData, MilestoneMark, MoodData, MoodPoint, Theme, TrajectoryData,
    VelocityData, heatmap_chart, mood_chart, trajectory_chart, velocity_chart,
};
use trajectory_core::{Entry, GoalId, GoalStatus, Scope, VelocitySettings, forecast};
use trajectory_store::{Store, StoreError};

use crate::Failure;
use crate::velocity_cmd::{Pace, ScopeArgs, parse_day};

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ChartKind {
    /// Milestone velocity over time with your usual range.
    Velocity,
    /// A goal's achieved weight against its plan, with the forecast.
    Trajectory,
    /// Felt progress and mood from your entries.
    Mood,
    /// A calendar of the days you wrote and reached milestones.
    Heatmap,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Range {
    /// The last three months.
    #[value(name = "3m")]
    ThreeMonths,
    /// The last year.
    #[value(name = "1y")]
    OneYear,
    /// Everything.
    All,
}

#[derive(Args)]
pub(crate) struct ChartArgs {
    /// Which chart to draw.
    #[arg(value_name = "CHART")]
    chart: ChartKind,
    /// Where to write the chart: FILE.svg or FILE.png.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// The last day shown (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    #[command(flatten)]
    scope: ScopeArgs,
    /// How far back to show (default: all for velocity and trajectory, 1y for mood and
    /// heatmap).
    #[arg(long)]
    range: Option<Range>,
    #[arg(long, default_value = "light")]
    theme: String,
    /// Picture width in pixels (default: 1600 for PNG, 960 for SVG).
    #[arg(long)]
    width: Option<u32>,
    /// Picture height in pixels (default: 900 for PNG, 540 for SVG).
    #[arg(long)]
    height: Option<u32>,
}

fn all_entries(store: &Store) -> Result<Vec<Entry>, Failure> {
    let mut all = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.timeline(cursor, 500)?;
        all.extend(page.entries);
        match page.next {
            Some(c) => cursor = Some(c),
            None => return Ok(all),
        }
    }
}

/// The first day shown for `range`, or `earliest` for everything.
fn range_start(range: Range, as_of: NaiveDate, earliest: NaiveDate) -> NaiveDate {
    let back = match range {
        Range::ThreeMonths => as_of.checked_sub_months(Months::new(3)),
        Range::OneYear => as_of.checked_sub_months(Months::new(12)),
        Range::All => return earliest.min(as_of),
    };
    back.and_then(|d| d.checked_add_days(Days::new(1)))
        .unwrap_or(as_of)
}

/// The goal a trajectory is drawn for: `--goal`, or the only (active) goal there is.
fn pick_goal(store: &Store, chosen: Option<GoalId>) -> Result<GoalId, Failure> {
    if let Some(id) = chosen {
        return Ok(id);
    }
    let goals = store.goals()?;
    let active: Vec<_> = goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active)
        .cloned()
        .collect();
    match (goals.as_slice(), active.as_slice()) {
        ([only], _) | (_, [only]) => Ok(only.id),
        ([], _) => Err(Failure(
            "there are no goals yet; add one with `traj goal add`".into(),
        )),
        _ => Err(Failure(
            "there are several goals; choose one with --goal ID (see `traj goal list`)".into(),
        )),
    }
}

pub(crate) fn run(
    args: ChartArgs,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    // Everything about the request is checked before the database is opened.
    let format = Format::from_path(&args.out).ok_or_else(|| {
        Failure(format!(
            "cannot tell the format of {}: name the file .svg or .png",
            args.out.display()
        ))
    })?;
    let theme = Theme::parse(&args.theme).ok_or_else(|| {
        Failure(format!(
            "\"{}\" is not a theme; use light or dark",
            args.theme
        ))
    })?;
    let as_of = parse_day(args.as_of)?;
    let scope = args.scope.scope()?;
    let mut options = ChartOptions::for_format(format, theme);
    if let Some(w) = args.width {
        options.width = w.clamp(320, 8000);
    }
    if let Some(h) = args.height {
        options.height = h.clamp(200, 8000);
    }
    let store = open()?;
    let chart = match args.chart {
        ChartKind::Velocity => {
            let pace = Pace::load(&store, scope, as_of)?;
            let from = range_start(args.range.unwrap_or(Range::All), as_of, pace.history_start);
            let points = pace.series(from);
            let milestones = store.milestones()?;
            let marks: Vec<MilestoneMark> = milestones
                .iter()
                .filter(|m| scope.includes(m))
                .filter_map(|m| {
                    let date = m.achieved_date.filter(|d| *d >= from && *d <= as_of)?;
                    Some(MilestoneMark {
                        date,
                        weight: m.weight,
                        title: m.title.clone(),
                    })
                })
                .collect();
            let data = VelocityData {
                series: &points,
                baseline: pace.baseline(),
                slumps: &[],
                paused: &pace.paused,
                milestones: &marks,
            };
            velocity_chart(&data, &options)
        }
        ChartKind::Trajectory => {
            let id = pick_goal(&store, args.scope.goal)?;
            let goal = store.goal(id)?;
            let milestones = store.milestones_of_goal(id)?;
            let pace = Pace::load(&store, Scope::Goal(id), as_of)?;
            let baseline = pace.baseline();
            let forecast = forecast(
                &goal,
                &milestones,
                &pace.paused,
                as_of,
                baseline.as_ref(),
                &VelocitySettings::default(),
            );
            let data = TrajectoryData {
                goal: &goal,
                milestones: &milestones,
                forecast: forecast.as_ref(),
                as_of,
            };
            trajectory_chart(&data, &options)
        }
        ChartKind::Mood | ChartKind::Heatmap => {
            let entries = all_entries(&store)?;
            let earliest = entries.iter().map(|e| e.entry_date).min().unwrap_or(as_of);
            let from = range_start(args.range.unwrap_or(Range::OneYear), as_of, earliest);
            if matches!(args.chart, ChartKind::Mood) {
                // Entries carry no ratings yet in this version; each still counts as a day
                // written, and the chart says when there are no ratings to show.
                let points: Vec<MoodPoint> = entries
                    .iter()
                    .map(|e| MoodPoint {
                        date: e.entry_date,
                        mood: None,
                        progress: None,
                    })
                    .collect();
                mood_chart(
                    &MoodData {
                        points: &points,
                        from,
                        to: as_of,
                    },
                    &options,
                )
            } else {
                let entry_dates: Vec<NaiveDate> = entries.iter().map(|e| e.entry_date).collect();
                let milestone_dates: Vec<NaiveDate> = store
                    .milestones()?
                    .iter()
                    .filter(|m| scope.includes(m))
                    .filter_map(|m| m.achieved_date)
                    .collect();
                heatmap_chart(
                    &HeatmapData {
                        entry_dates: &entry_dates,
                        milestone_dates: &milestone_dates,
                        from,
                        to: as_of,
                    },
                    &options,
                )
            }
        }
    }
    .map_err(|e| Failure(e.to_string()))?;
    std::fs::write(&args.out, chart.image.as_bytes())
        .map_err(|e| Failure(format!("could not write {}: {e}", args.out.display())))?;
    println!("Wrote {} — {}", args.out.display(), chart.title);
    println!("{}", chart.alt.description);
    Ok(())
}
