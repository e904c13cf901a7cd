//! Trajectory's pure domain: the journal's, goals' and milestones' types, the rules every
//! front end shares, milestone velocity and slump detection and the guided reflection.
//!
//! Nothing here touches files, the network, a database or the clock: dates and times arrive
//! as parameters, so the app, the CLI and the tests compute the same answers.

pub mod draft;
pub mod entry;
pub mod error;
pub mod exchange;
pub mod goal;
pub mod markdown;
pub mod milestone;
pub mod passphrase;
pub mod paused;
pub mod reflection;
pub mod reminder;
pub mod retention;
pub mod revision;
pub mod search;
pub mod settings;
pub mod slump;
pub mod template;
pub mod velocity;

pub use draft::{Draft, DraftInput};
pub use entry::{
    Entry, EntryDraft, EntryId, EntryPage, MAX_BODY_BYTES, MAX_TAG_CHARS, MAX_TAGS, PageCursor,
    TagCount, ValidEntry, parse_date,
};
pub use error::{DomainError, ErrorCode};
pub use exchange::{
    ImportReport, ImportedEntry, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, Snapshot, SnapshotEntry,
    SnapshotGoal, SnapshotLink, SnapshotMilestone, SnapshotPause, SnapshotRevision,
    SnapshotTemplate,
};
pub use goal::{
    Goal, GoalDraft, GoalId, GoalStatus, MAX_CADENCE_WEEKS, MAX_TEXT_CHARS, MAX_TITLE_CHARS,
    ValidGoal, check_cadence, velocity_of_cadence,
};
pub use markdown::{MdNode, render_markdown};
pub use milestone::{
    Milestone, MilestoneDraft, MilestoneId, MilestoneKind, ValidMilestone, WEIGHT_RANGE,
    check_achieved_date, check_weight,
};
pub use passphrase::Passphrase;
pub use paused::{
    DateRange, PauseClock, PausedDraft, PausedPeriod, PausedPeriodId, ValidPause, paused_ranges,
};
pub use reflection::{
    Answer, CheckIn, CheckInId, CheckInOutcome, FieldGuide, FieldKind, Lens, LensAnswer, Move,
    MoveDraft, MoveId, NoticeState, NoticeStatus, Recovery, Reflection, ReflectionId,
    ReflectionStatus, ReflectionStep, ReflectionTrigger, StepGuide, Strategy, StrategyRecord,
    SuggestedStrategy, Suggestions, ValidAnswer, ValidMove, suggest, suggest_strategies,
    what_has_worked,
};
pub use reminder::{ReminderLog, ReminderSettings, WeekDay};
pub use revision::Revision;
pub use search::{SearchHit, SearchQuery, SearchResults, SnippetPart, ValidSearch};
pub use settings::AppSettings;
pub use slump::{
    Posterior, Prior, PriorSource, ProgressTrend, ScopeHistory, Sensitivity, Slump, SlumpCheck,
    SlumpEnd, SlumpSettings, check as check_slump, progress_trend, replay as replay_slumps,
    scope_histories,
};
pub use template::{Template, TemplateDraft, builtin_templates};
pub use velocity::{
    Achievement, Baseline, BaselineSource, Forecast, ForecastItem, PaceSource, Scope, Step,
    VelocityPoint, VelocitySettings, baseline, forecast, series, velocity_at,
};
