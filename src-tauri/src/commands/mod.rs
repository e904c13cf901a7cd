//! The commands the window calls, grouped by area.

pub mod app;
pub mod entries;
