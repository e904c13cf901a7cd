//! Trajectory's insights: the velocity report and the charts, assembled from the store with
//! the core's formulas, so the app and `traj` show the same numbers and pictures.

pub mod chart;
pub mod error;
pub mod goal_summary;
pub mod pace;
pub mod reflection;
pub mod slumps;

pub use chart::{ChartKind, ChartRange, ChartRequest, render_chart};
pub use error::InsightError;
pub use goal_summary::{GoalSummary, goal_summary};
pub use pace::{Pace, VelocityReport, velocity_report};
pub use reflection::{
    Notice, PastSlump, past_slumps, record_recoveries, slump_notice, what_has_worked,
};
pub use slumps::{slump_checks, slump_history};
