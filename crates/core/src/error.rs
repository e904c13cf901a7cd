//! The typed errors of the domain and the stable codes front ends switch on.

use chrono::NaiveDate;
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
    EmptyTitle,
    TextTooLong,
    TargetBeforeStart,
    InvalidCadence,
    UnknownStatus,
    UnknownKind,
    InvalidWeight,
    AchievedBeforeStart,
    AchievedInFuture,
    InvalidPeriod,
    ChooseGoal,
    UnknownStrategy,
    UnknownStep,
    UnknownField,
    InvalidAnswer,
    EmptyMove,
    DueRequired,
    DueInPast,
    DoneInFuture,
    StrategyNotChosen,
    StrategyHasMoves,
    TooManyMoves,
    MovesMissing,
    ReflectionClosed,
    NewerDatabase,
    StorageUnavailable,
    Storage,
    Internal,
    // A file to import is not in the format it was said to be, or breaks a rule (the
    // message names the line or entry); nothing was written.
    InvalidImport,
    // The database failed SQLite's integrity check or could not be read; it is left as is.
    DamagedDatabase,
    // The journal is encrypted and no passphrase has been given yet.
    Locked,
    // The passphrase given does not open the journal (or the file is not a journal at all).
    WrongPassphrase,
    PassphraseTooShort,
    PassphraseRequired,
    // Turning encryption on when it is on, or off when it is off.
    EncryptionState,
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
    #[error("The {field} is empty: give it a short name.")]
    EmptyTitle { field: &'static str },
    #[error("The {field} is too long ({length} characters); the limit is {limit}.")]
    TextTooLong {
        field: &'static str,
        length: usize,
        limit: usize,
    },
    #[error(
        "The target date {target} is before the goal's start ({start}); pick a target on or after the start."
    )]
    TargetBeforeStart { target: NaiveDate, start: NaiveDate },
    #[error(
        "\"Every {weeks} weeks\" cannot be a cadence: use a whole number of weeks from 1 to {max}, or leave it empty."
    )]
    InvalidCadence { weeks: i64, max: i64 },
    #[error("\"{input}\" is not a goal status; use one of: active, achieved, paused, let_go.")]
    UnknownStatus { input: String },
    #[error(
        "\"{input}\" is not a kind of milestone; use one of: promotion, raise, skill, recognition, project, network, custom."
    )]
    UnknownKind { input: String },
    #[error("A milestone's weight is 1, 2 or 3 (got {weight}).")]
    InvalidWeight { weight: i64 },
    #[error(
        "The achieved date {achieved} is before the goal started ({start}); use a date on or after the start, or move the goal's start."
    )]
    AchievedBeforeStart {
        achieved: NaiveDate,
        start: NaiveDate,
    },
    #[error(
        "The achieved date {achieved} is in the future (today is {today}); mark it achieved once it has happened."
    )]
    AchievedInFuture {
        achieved: NaiveDate,
        today: NaiveDate,
    },
    #[error("The pause ends ({end}) before it starts ({start}); swap the dates.")]
    InvalidPeriod { start: NaiveDate, end: NaiveDate },
    #[error(
        "\"{input}\" is not a way forward; use one of: new_project, mentor_or_partner, wider_network, learn_or_responsibility, exit."
    )]
    UnknownStrategy { input: String },
    #[error(
        "\"{input}\" is not a step of a reflection; use one of: accept, root_cause, moves, commit, follow_up."
    )]
    UnknownStep { input: String },
    #[error("The {step} step has no answer called \"{input}\".")]
    UnknownField { step: &'static str, input: String },
    #[error("\"{input}\" is not an answer here; use yes, no, or leave it empty.")]
    InvalidAnswer { input: String },
    #[error("The move is empty: say in a few words what you will do.")]
    EmptyMove,
    #[error("A move needs a day to look back on it; pick a due date.")]
    DueRequired,
    #[error("The due date {due} has already passed (today is {today}); pick today or a later day.")]
    DueInPast { due: NaiveDate, today: NaiveDate },
    #[error("The day {done} is still ahead (today is {today}); mark it done once it has happened.")]
    DoneInFuture { done: NaiveDate, today: NaiveDate },
    #[error("Choose \"{strategy}\" as a way forward before adding moves to it.")]
    StrategyNotChosen { strategy: &'static str },
    #[error("\"{strategy}\" still has moves; move them to another way forward first.")]
    StrategyHasMoves { strategy: &'static str },
    #[error("\"{strategy}\" already has {limit} moves; a few small ones are plenty.")]
    TooManyMoves {
        strategy: &'static str,
        limit: usize,
    },
    #[error("\"{strategy}\" has no move yet: add one with a due date, or unchoose it.")]
    MovesMissing { strategy: &'static str },
    #[error("This reflection is {status}; it can be read but no longer changed there.")]
    ReflectionClosed { status: &'static str },
    #[error(
        "The passphrase is too short: use at least {min} characters (a few words are easiest to remember)."
    )]
    PassphraseTooShort { min: usize },
    #[error("Type the journal's passphrase.")]
    PassphraseRequired,
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
            DomainError::EmptyTitle { .. } => ErrorCode::EmptyTitle,
            DomainError::TextTooLong { .. } => ErrorCode::TextTooLong,
            DomainError::TargetBeforeStart { .. } => ErrorCode::TargetBeforeStart,
            DomainError::InvalidCadence { .. } => ErrorCode::InvalidCadence,
            DomainError::UnknownStatus { .. } => ErrorCode::UnknownStatus,
            DomainError::UnknownKind { .. } => ErrorCode::UnknownKind,
            DomainError::InvalidWeight { .. } => ErrorCode::InvalidWeight,
            DomainError::AchievedBeforeStart { .. } => ErrorCode::AchievedBeforeStart,
            DomainError::AchievedInFuture { .. } => ErrorCode::AchievedInFuture,
            DomainError::InvalidPeriod { .. } => ErrorCode::InvalidPeriod,
            DomainError::UnknownStrategy { .. } => ErrorCode::UnknownStrategy,
            DomainError::UnknownStep { .. } => ErrorCode::UnknownStep,
            DomainError::UnknownField { .. } => ErrorCode::UnknownField,
            DomainError::InvalidAnswer { .. } => ErrorCode::InvalidAnswer,
            DomainError::EmptyMove => ErrorCode::EmptyMove,
            DomainError::DueRequired => ErrorCode::DueRequired,
            DomainError::DueInPast { .. } => ErrorCode::DueInPast,
            DomainError::DoneInFuture { .. } => ErrorCode::DoneInFuture,
            DomainError::StrategyNotChosen { .. } => ErrorCode::StrategyNotChosen,
            DomainError::StrategyHasMoves { .. } => ErrorCode::StrategyHasMoves,
            DomainError::TooManyMoves { .. } => ErrorCode::TooManyMoves,
            DomainError::MovesMissing { .. } => ErrorCode::MovesMissing,
            DomainError::ReflectionClosed { .. } => ErrorCode::ReflectionClosed,
            DomainError::PassphraseTooShort { .. } => ErrorCode::PassphraseTooShort,
            DomainError::PassphraseRequired => ErrorCode::PassphraseRequired,
        }
    }
}
