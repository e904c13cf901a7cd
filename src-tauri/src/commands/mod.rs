//! The commands the window calls, grouped by area.

pub mod app;
pub mod data;
pub mod drafts;
pub mod encryption;
pub mod entries;
pub mod goals;
pub mod insights;
pub mod markdown;
pub mod recovery;
pub mod reflection;
pub mod search;
pub mod settings;
pub mod templates;
