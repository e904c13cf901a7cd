//! Trajectory's storage: one SQLite database per data directory, its schema and the queries
//! every front end uses. Each user action is one transaction, committed before it returns.

pub mod backup;
pub mod data_dir;
mod db;
pub mod drafts;
pub mod encryption;
pub mod entries;
pub mod error;
pub mod exchange;
pub mod goals;
pub mod milestones;
pub mod paused;
pub mod reflections;
pub mod salvage;
pub mod schema;
pub mod search;
pub mod settings;
pub mod templates;

pub use data_dir::{APP_IDENTIFIER, DATA_DIR_ENV, DATABASE_FILE, resolve_data_dir};
pub use db::Store;
pub use error::StoreError;
