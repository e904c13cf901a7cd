//! The one error type every command returns, serialised as `{code, message}`.

use serde::Serialize;
use trajectory_core::{DomainError, ErrorCode};
use trajectory_exchange::ExchangeError;
use trajectory_insights::InsightError;
use trajectory_store::StoreError;

/// What the UI receives when a command fails. The UI switches on `code`; `message` is plain
/// words for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn internal(message: impl std::fmt::Display) -> AppError {
        AppError {
            code: ErrorCode::Internal,
            message: format!("Something went wrong inside Trajectory: {message}"),
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        AppError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl From<InsightError> for AppError {
    fn from(e: InsightError) -> Self {
        AppError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl From<ExchangeError> for AppError {
    fn from(e: ExchangeError) -> Self {
        AppError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}
