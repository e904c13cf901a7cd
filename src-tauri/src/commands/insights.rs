//! Velocity and charts for the Insights and Goals screens, and chart export to a file.

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use trajectory_charts::{Chart, ChartOptions, Format, Theme};
use trajectory_core::{GoalId, MilestoneKind, Scope};
use trajectory_insights::{
    ChartKind, ChartRange, ChartRequest, VelocityReport, render_chart, velocity_report,
};

use crate::clock::today;
use crate::error::AppError;
use crate::state::AppState;

/// Which chart the UI wants, for which goal or kind, over which range, in which theme.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct ChartQuery {
    pub chart: ChartKind,
    #[ts(type = "number | null")]
    pub goal_id: Option<GoalId>,
    pub milestone_kind: Option<MilestoneKind>,
    pub range: Option<ChartRange>,
    /// "light" or "dark".
    pub theme: String,
}

/// A chart for the screen: the SVG document (shown as an image, never as markup), its title,
/// and a text alternative for screen readers.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ChartView {
    pub title: String,
    pub svg: String,
    pub description: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn scope_of(goal_id: Option<GoalId>, kind: Option<MilestoneKind>) -> Scope {
    match (goal_id, kind) {
        (Some(id), _) => Scope::Goal(id),
        (None, Some(kind)) => Scope::Kind(kind),
        (None, None) => Scope::All,
    }
}

impl ChartQuery {
    fn request(&self) -> ChartRequest {
        ChartRequest {
            chart: self.chart,
            scope: if self.chart == ChartKind::Trajectory {
                Scope::All
            } else {
                scope_of(self.goal_id, self.milestone_kind)
            },
            goal: self.goal_id,
            range: self.range,
            as_of: today(),
        }
    }

    fn theme(&self) -> Theme {
        Theme::parse(&self.theme).unwrap_or(Theme::Light)
    }
}

#[tauri::command]
pub async fn get_velocity(
    state: State<'_, AppState>,
    goal_id: Option<GoalId>,
    milestone_kind: Option<MilestoneKind>,
) -> Result<VelocityReport, AppError> {
    let (scope, as_of) = (scope_of(goal_id, milestone_kind), today());
    state
        .with_insight(move |s| velocity_report(s, scope, as_of))
        .await
}

#[tauri::command]
pub async fn get_chart(
    state: State<'_, AppState>,
    query: ChartQuery,
) -> Result<ChartView, AppError> {
    let (request, options) = (query.request(), ChartOptions::svg(query.theme()));
    let chart: Chart = state
        .with_insight(move |s| render_chart(s, &request, &options))
        .await?;
    Ok(ChartView {
        svg: String::from_utf8_lossy(chart.image.as_bytes()).into_owned(),
        title: chart.title,
        description: chart.alt.description,
        columns: chart.alt.columns,
        rows: chart.alt.rows,
    })
}

/// Asks where to save (a system save dialog), then writes the chart as PNG or SVG by the
/// chosen extension. Returns the path written, or null when the person cancelled.
#[tauri::command]
pub async fn export_chart<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    query: ChartQuery,
) -> Result<Option<String>, AppError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title("Export chart")
        .set_file_name(format!("trajectory-{}.png", serde_json_name(query.chart)))
        .add_filter("PNG image", &["png"])
        .add_filter("SVG image", &["svg"])
        .save_file(move |path| {
            let _ = tx.send(path);
        });
    let Some(path) = rx.await.map_err(AppError::internal)? else {
        return Ok(None);
    };
    let path = path.into_path().map_err(AppError::internal)?;
    let format = Format::from_path(&path).unwrap_or(Format::Png);
    let path = if Format::from_path(&path).is_none() {
        path.with_extension("png")
    } else {
        path
    };
    let (request, options) = (
        query.request(),
        ChartOptions::for_format(format, query.theme()),
    );
    let chart = state
        .with_insight(move |s| render_chart(s, &request, &options))
        .await?;
    let written = path.clone();
    tauri::async_runtime::spawn_blocking(move || std::fs::write(&written, chart.image.as_bytes()))
        .await
        .map_err(AppError::internal)?
        .map_err(|e| AppError::internal(format!("could not write {}: {e}", path.display())))?;
    Ok(Some(path.display().to_string()))
}

fn serde_json_name(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Velocity => "velocity",
        ChartKind::Trajectory => "trajectory",
        ChartKind::Mood => "mood",
        ChartKind::Heatmap => "heatmap",
    }
}
