//! Trajectory's charts: pure data in, SVG text out, rendered with plotters.

pub mod rhythm;

pub use rhythm::{ChartError, weekly_rhythm_svg};
