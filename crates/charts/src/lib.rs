//! Trajectory's charts: pure data in; SVG (for the UI) or PNG (for export) out, each with a
//! title and a text alternative for screen readers. Rendered with plotters in the UI's light
//! and dark themes, with an embedded font so PNG text looks the same on every machine.

pub mod chart;
mod font;
pub mod heatmap;
pub mod mood;
mod png_canvas;
pub mod rhythm;
pub mod theme;
mod time_axis;
pub mod trajectory;
pub mod velocity;

pub use chart::{Chart, ChartError, ChartOptions, Format, Image, TextAlternative};
pub use heatmap::{HeatmapData, heatmap_chart};
pub use mood::{MoodData, MoodPoint, mood_chart};
pub use rhythm::weekly_rhythm_svg;
pub use theme::Theme;
pub use trajectory::{TrajectoryData, trajectory_chart};
pub use velocity::{MilestoneMark, VelocityData, velocity_chart};
