//! Goals: a destination from *here* to *there*, its status, and the rules a draft must pass.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::entry::parse_date;
use crate::error::DomainError;

/// The identifier of a stored goal.
pub type GoalId = i64;

/// The longest title of a goal or milestone, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest free text (here, there, notes, a pause's reason), in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The slowest expected cadence a goal may declare: a milestone about every 520 weeks.
pub const MAX_CADENCE_WEEKS: i64 = 520;

/// Where a goal stands. Letting go is a status, never a deletion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    Active,
    Achieved,
    Paused,
    LetGo,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] = [
        GoalStatus::Active,
        GoalStatus::Achieved,
        GoalStatus::Paused,
        GoalStatus::LetGo,
    ];

    /// The stable name used in storage, JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Active => "active",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Paused => "paused",
            GoalStatus::LetGo => "let_go",
        }
    }

    /// Reads a status name; `let go` and `let-go` are accepted for `let_go`.
    pub fn parse(input: &str) -> Result<GoalStatus, DomainError> {
        let wanted = input.trim().to_lowercase().replace([' ', '-'], "_");
        GoalStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownStatus {
                input: input.to_owned(),
            })
    }
}

/// A stored goal, exactly as the person wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Goal {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: GoalId,
    pub title: String,
    /// The starting point, in the person's words.
    pub here: String,
    /// The destination, in the person's words.
    pub there: String,
    /// The day the goal began; milestones cannot be achieved before it.
    pub start_date: NaiveDate,
    pub target_date: NaiveDate,
    /// "A milestone about every N weeks", if the person gave one.
    pub cadence_weeks: Option<u32>,
    pub status: GoalStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a front end sends to create or edit a goal: raw, unchecked input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GoalDraft {
    pub title: String,
    #[serde(default)]
    pub here: String,
    #[serde(default)]
    pub there: String,
    /// `YYYY-MM-DD`; empty or absent means the day given to `validate` (usually today).
    #[serde(default)]
    pub start_date: Option<String>,
    /// `YYYY-MM-DD`.
    pub target_date: String,
    /// Weeks between milestones the person expects; absent means "no expectation".
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub cadence_weeks: Option<i64>,
}

/// A goal draft that passed every rule; the only thing the store accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidGoal {
    title: String,
    here: String,
    there: String,
    start_date: NaiveDate,
    target_date: NaiveDate,
    cadence_weeks: Option<u32>,
}

impl ValidGoal {
    pub fn title(&self) -> &str {
        &self.title
    }
    pub fn here(&self) -> &str {
        &self.here
    }
    pub fn there(&self) -> &str {
        &self.there
    }
    pub fn start_date(&self) -> NaiveDate {
        self.start_date
    }
    pub fn target_date(&self) -> NaiveDate {
        self.target_date
    }
    pub fn cadence_weeks(&self) -> Option<u32> {
        self.cadence_weeks
    }
}

/// Refuses a blank or overlong title; the text is kept as typed.
pub(crate) fn check_title(field: &'static str, text: String) -> Result<String, DomainError> {
    if text.trim().is_empty() {
        return Err(DomainError::EmptyTitle { field });
    }
    check_length(field, text, MAX_TITLE_CHARS)
}

/// Refuses free text longer than the limit; the text is kept as typed.
pub(crate) fn check_length(
    field: &'static str,
    text: String,
    limit: usize,
) -> Result<String, DomainError> {
    let length = text.chars().count();
    if length > limit {
        return Err(DomainError::TextTooLong {
            field,
            length,
            limit,
        });
    }
    Ok(text)
}

/// Parses an optional date field: absent or blank means "no date".
pub(crate) fn parse_optional_date(input: Option<&str>) -> Result<Option<NaiveDate>, DomainError> {
    match input {
        Some(text) if !text.trim().is_empty() => parse_date(text).map(Some),
        _ => Ok(None),
    }
}

/// Checks an expected cadence in weeks: a whole number from 1 to [`MAX_CADENCE_WEEKS`].
pub fn check_cadence(weeks: i64) -> Result<u32, DomainError> {
    if (1..=MAX_CADENCE_WEEKS).contains(&weeks) {
        // In range 1..=520, so it fits.
        Ok(weeks as u32)
    } else {
        Err(DomainError::InvalidCadence {
            weeks,
            max: MAX_CADENCE_WEEKS,
        })
    }
}

impl GoalDraft {
    /// Checks the draft. `default_start` is the start date when the draft leaves it empty:
    /// the day the goal is created, or the goal's current start when it is being edited.
    pub fn validate(self, default_start: NaiveDate) -> Result<ValidGoal, DomainError> {
        let title = check_title("goal's title", self.title)?;
        let here = check_length("starting point", self.here, MAX_TEXT_CHARS)?;
        let there = check_length("destination", self.there, MAX_TEXT_CHARS)?;
        let start_date = parse_optional_date(self.start_date.as_deref())?.unwrap_or(default_start);
        let target_date = parse_date(&self.target_date)?;
        if target_date < start_date {
            return Err(DomainError::TargetBeforeStart {
                target: target_date,
                start: start_date,
            });
        }
        let cadence_weeks = self.cadence_weeks.map(check_cadence).transpose()?;
        Ok(ValidGoal {
            title,
            here,
            there,
            start_date,
            target_date,
            cadence_weeks,
        })
    }
}

impl Goal {
    /// The pace the person expects, in milestones per 30 days (30 / (7 · weeks)), if they
    /// gave a cadence.
    pub fn expected_velocity(&self) -> Option<f64> {
        self.cadence_weeks.map(velocity_of_cadence)
    }
}

/// "A milestone about every `weeks` weeks" as a velocity in milestones per 30 days.
pub fn velocity_of_cadence(weeks: u32) -> f64 {
    30.0 / (7.0 * f64::from(weeks.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn draft() -> GoalDraft {
        GoalDraft {
            title: "Staff engineer".into(),
            here: "Senior engineer on the payments team".into(),
            there: "Staff engineer leading the platform".into(),
            start_date: None,
            target_date: "2028-06-30".into(),
            cadence_weeks: Some(6),
        }
    }

    #[test]
    fn a_goal_without_start_starts_on_the_given_day() {
        let valid = draft().validate(d("2026-03-14")).unwrap();
        assert_eq!(valid.start_date(), d("2026-03-14"));
        assert_eq!(valid.target_date(), d("2028-06-30"));
        assert_eq!(valid.cadence_weeks(), Some(6));
        assert_eq!(valid.title(), "Staff engineer");
    }

    #[test]
    fn an_explicit_start_wins_and_blank_means_default() {
        let mut g = draft();
        g.start_date = Some("2025-01-01".into());
        assert_eq!(
            g.validate(d("2026-03-14")).unwrap().start_date(),
            d("2025-01-01")
        );
        let mut g = draft();
        g.start_date = Some("  ".into());
        assert_eq!(
            g.validate(d("2026-03-14")).unwrap().start_date(),
            d("2026-03-14")
        );
    }

    #[test]
    fn refuses_a_target_before_the_start() {
        let mut g = draft();
        g.target_date = "2026-03-13".into();
        let err = g.validate(d("2026-03-14")).unwrap_err();
        assert_eq!(err.code(), ErrorCode::TargetBeforeStart);
        let mut g = draft();
        g.target_date = "2026-03-14".into();
        assert!(g.validate(d("2026-03-14")).is_ok(), "same day is allowed");
    }

    #[test]
    fn refuses_a_cadence_of_zero_or_less_or_absurdly_slow() {
        for weeks in [0, -1, -52, MAX_CADENCE_WEEKS + 1] {
            let mut g = draft();
            g.cadence_weeks = Some(weeks);
            let err = g.validate(d("2026-03-14")).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidCadence, "{weeks}");
        }
        let mut g = draft();
        g.cadence_weeks = None;
        assert_eq!(g.validate(d("2026-03-14")).unwrap().cadence_weeks(), None);
    }

    #[test]
    fn refuses_an_empty_title_and_overlong_text() {
        let mut g = draft();
        g.title = " \t".into();
        assert_eq!(
            g.validate(d("2026-03-14")).unwrap_err().code(),
            ErrorCode::EmptyTitle
        );
        let mut g = draft();
        g.title = "t".repeat(MAX_TITLE_CHARS + 1);
        assert_eq!(
            g.validate(d("2026-03-14")).unwrap_err().code(),
            ErrorCode::TextTooLong
        );
        let mut g = draft();
        g.there = "t".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            g.validate(d("2026-03-14")).unwrap_err().code(),
            ErrorCode::TextTooLong
        );
    }

    #[test]
    fn refuses_bad_dates() {
        let mut g = draft();
        g.target_date = "2026-02-30".into();
        assert_eq!(
            g.validate(d("2026-01-01")).unwrap_err().code(),
            ErrorCode::InvalidDate
        );
        let mut g = draft();
        g.start_date = Some("soon".into());
        assert_eq!(
            g.validate(d("2026-01-01")).unwrap_err().code(),
            ErrorCode::InvalidDate
        );
    }

    #[test]
    fn statuses_round_trip_and_unknown_ones_are_refused() {
        for s in GoalStatus::ALL {
            assert_eq!(GoalStatus::parse(s.as_str()), Ok(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
        assert_eq!(GoalStatus::parse("Let go"), Ok(GoalStatus::LetGo));
        assert_eq!(
            GoalStatus::parse("deleted").unwrap_err().code(),
            ErrorCode::UnknownStatus
        );
    }

    #[test]
    fn a_cadence_reads_as_milestones_a_month() {
        assert!((velocity_of_cadence(6) - 30.0 / 42.0).abs() < 1e-12);
        let weekly = velocity_of_cadence(1);
        assert!((weekly - 30.0 / 7.0).abs() < 1e-12);
    }
}
