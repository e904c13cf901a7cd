//! `traj chart …`: render a chart to an SVG or PNG file (the format follows the extension).

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use trajectory_charts::{ChartOptions, Format, Theme};
use trajectory_insights::{ChartRange, ChartRequest, render_chart};
use trajectory_store::{Store, StoreError};

use crate::Failure;
use crate::velocity_cmd::{ScopeArgs, parse_day};

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
    /// Picture height in pixels (default: 900 for PNG, 540 for SVG; the heatmap stops at its calendar).
    #[arg(long)]
    height: Option<u32>,
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
    let request = ChartRequest {
        chart: match args.chart {
            ChartKind::Velocity => trajectory_insights::ChartKind::Velocity,
            ChartKind::Trajectory => trajectory_insights::ChartKind::Trajectory,
            ChartKind::Mood => trajectory_insights::ChartKind::Mood,
            ChartKind::Heatmap => trajectory_insights::ChartKind::Heatmap,
        },
        scope,
        goal: args.scope.goal,
        range: args.range.map(|r| match r {
            Range::ThreeMonths => ChartRange::ThreeMonths,
            Range::OneYear => ChartRange::OneYear,
            Range::All => ChartRange::All,
        }),
        as_of,
    };
    let chart = render_chart(&open()?, &request, &options)?;
    std::fs::write(&args.out, chart.image.as_bytes())
        .map_err(|e| Failure(format!("could not write {}: {e}", args.out.display())))?;
    println!("Wrote {} — {}", args.out.display(), chart.title);
    println!("{}", chart.alt.description);
    Ok(())
}
