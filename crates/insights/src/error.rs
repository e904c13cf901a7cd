//! Errors while assembling an insight, each with the stable code the front ends switch on.

use trajectory_charts::ChartError;
use trajectory_core::{DomainError, ErrorCode};
use trajectory_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum InsightError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("There are no goals yet: add one to see its trajectory.")]
    NoGoals,
    #[error("There are several goals: choose the one whose trajectory to show.")]
    ChooseGoal,
    #[error("No slump in {scope} was raised on {detected_on}.")]
    NoSuchSlump {
        scope: String,
        detected_on: chrono::NaiveDate,
    },
    #[error("The chart could not be drawn: {0}")]
    Chart(#[from] ChartError),
}

impl InsightError {
    pub fn code(&self) -> ErrorCode {
        match self {
            InsightError::Store(e) => e.code(),
            InsightError::Domain(e) => e.code(),
            InsightError::NoGoals | InsightError::ChooseGoal => ErrorCode::ChooseGoal,
            InsightError::NoSuchSlump { .. } => ErrorCode::NotFound,
            InsightError::Chart(_) => ErrorCode::Internal,
        }
    }
}
