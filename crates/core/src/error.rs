//! The typed errors of the domain and the stable codes front ends switch on.

use serde::Serialize;

/// A stable, machine-readable code for every error a person can meet. The UI switches on
/// these, never on message text; the CLI prints the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    EmptyBody,
    BodyTooLarge,
    InvalidDate,
    InvalidTag,
    TooManyTags,
    InvalidRating,
    DraftTooLarge,
    InvalidTemplate,
    LinkNotAllowed,
    NotFound,
    InTrash,
    NewerDatabase,
    StorageUnavailable,
    Storage,
    Internal,
}

/// A rule of the domain that an input broke. Nothing is written when one of these is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("The entry is empty: write something before saving.")]
    EmptyBody,
    #[error(
        "The entry is too long ({size} bytes); the limit is {limit} bytes (1 MiB). Split it into several entries."
    )]
    BodyTooLarge { size: usize, limit: usize },
    #[error("\"{input}\" is not a real date; use the form YYYY-MM-DD, e.g. 2026-03-14.")]
    InvalidDate { input: String },
    #[error("The tag \"{tag}\" cannot be used: {reason}.")]
    InvalidTag { tag: String, reason: &'static str },
    #[error("An entry can have at most {limit} tags.")]
    TooManyTags { limit: usize },
    #[error("The {field} rating must be between 1 and 5 (got {value}).")]
    InvalidRating { field: &'static str, value: u8 },
    #[error("This unsaved text is too large to keep as a draft ({size} bytes).")]
    DraftTooLarge { size: usize },
    #[error("The template cannot be saved: {reason}.")]
    InvalidTemplate { reason: &'static str },
    #[error("Only web (http, https) and email (mailto) links can be opened.")]
    LinkNotAllowed,
}

impl DomainError {
    pub fn code(&self) -> ErrorCode {
        match self {
            DomainError::EmptyBody => ErrorCode::EmptyBody,
            DomainError::BodyTooLarge { .. } => ErrorCode::BodyTooLarge,
            DomainError::InvalidDate { .. } => ErrorCode::InvalidDate,
            DomainError::InvalidTag { .. } => ErrorCode::InvalidTag,
            DomainError::TooManyTags { .. } => ErrorCode::TooManyTags,
            DomainError::InvalidRating { .. } => ErrorCode::InvalidRating,
            DomainError::DraftTooLarge { .. } => ErrorCode::DraftTooLarge,
            DomainError::InvalidTemplate { .. } => ErrorCode::InvalidTemplate,
            DomainError::LinkNotAllowed => ErrorCode::LinkNotAllowed,
        }
    }
}
