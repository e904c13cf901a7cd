//! Milestones: the steps on the way to a goal, their kinds and weights, and their rules.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::entry::EntryId;
use crate::error::DomainError;
use crate::goal::{GoalId, MAX_TEXT_CHARS, check_length, check_title, parse_optional_date};

/// The identifier of a stored milestone.
pub type MilestoneId = i64;

/// The lightest and heaviest weight a milestone can carry.
pub const WEIGHT_RANGE: std::ops::RangeInclusive<i64> = 1..=3;

/// What sort of step a milestone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    Promotion,
    Raise,
    Skill,
    Recognition,
    Project,
    Network,
    Custom,
}

impl MilestoneKind {
    pub const ALL: [MilestoneKind; 7] = [
        MilestoneKind::Promotion,
        MilestoneKind::Raise,
        MilestoneKind::Skill,
        MilestoneKind::Recognition,
        MilestoneKind::Project,
        MilestoneKind::Network,
        MilestoneKind::Custom,
    ];

    /// The stable name used in storage, JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            MilestoneKind::Promotion => "promotion",
            MilestoneKind::Raise => "raise",
            MilestoneKind::Skill => "skill",
            MilestoneKind::Recognition => "recognition",
            MilestoneKind::Project => "project",
            MilestoneKind::Network => "network",
            MilestoneKind::Custom => "custom",
        }
    }

    /// Reads a kind name, ignoring case and surrounding space.
    pub fn parse(input: &str) -> Result<MilestoneKind, DomainError> {
        let wanted = input.trim().to_lowercase();
        MilestoneKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownKind {
                input: input.to_owned(),
            })
    }

    /// The weight a new milestone of this kind gets unless the person picks another: a
    /// promotion is a big step (3), a raise or a shipped project a solid one (2), the rest
    /// one each. See docs/decisions/0010-milestone-weights-and-velocity.md.
    pub fn default_weight(self) -> u8 {
        match self {
            MilestoneKind::Promotion => 3,
            MilestoneKind::Raise | MilestoneKind::Project => 2,
            MilestoneKind::Skill
            | MilestoneKind::Recognition
            | MilestoneKind::Network
            | MilestoneKind::Custom => 1,
        }
    }
}

/// A stored milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Milestone {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: MilestoneId,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub goal_id: GoalId,
    pub kind: MilestoneKind,
    pub title: String,
    /// 1 to 3: how big a step this is.
    pub weight: u8,
    pub planned_date: Option<NaiveDate>,
    /// Empty while the milestone is still open.
    pub achieved_date: Option<NaiveDate>,
    pub notes: String,
    /// Journal entries linked to this milestone, oldest link first.
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub entry_ids: Vec<EntryId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Milestone {
    pub fn is_achieved(&self) -> bool {
        self.achieved_date.is_some()
    }
}

/// What a front end sends to create or edit a milestone: raw, unchecked input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MilestoneDraft {
    /// One of the kind names (`promotion`, `raise`, …).
    pub kind: String,
    pub title: String,
    /// 1–3; absent means the kind's default weight.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub weight: Option<i64>,
    /// `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub planned_date: Option<String>,
    /// `YYYY-MM-DD`, or empty while the milestone is open.
    #[serde(default)]
    pub achieved_date: Option<String>,
    #[serde(default)]
    pub notes: String,
}

/// A milestone draft that passed every rule; the only thing the store accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMilestone {
    kind: MilestoneKind,
    title: String,
    weight: u8,
    planned_date: Option<NaiveDate>,
    achieved_date: Option<NaiveDate>,
    notes: String,
}

impl ValidMilestone {
    pub fn kind(&self) -> MilestoneKind {
        self.kind
    }
    pub fn title(&self) -> &str {
        &self.title
    }
    pub fn weight(&self) -> u8 {
        self.weight
    }
    pub fn planned_date(&self) -> Option<NaiveDate> {
        self.planned_date
    }
    pub fn achieved_date(&self) -> Option<NaiveDate> {
        self.achieved_date
    }
    pub fn notes(&self) -> &str {
        &self.notes
    }
}

/// Checks a weight: 1, 2 or 3.
pub fn check_weight(weight: i64) -> Result<u8, DomainError> {
    if WEIGHT_RANGE.contains(&weight) {
        // 1..=3 fits in a u8.
        Ok(weight as u8)
    } else {
        Err(DomainError::InvalidWeight { weight })
    }
}

/// Checks the day a milestone was achieved: not before its goal started, not after `today`.
pub fn check_achieved_date(
    achieved: NaiveDate,
    goal_start: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, DomainError> {
    if achieved < goal_start {
        return Err(DomainError::AchievedBeforeStart {
            achieved,
            start: goal_start,
        });
    }
    if achieved > today {
        return Err(DomainError::AchievedInFuture { achieved, today });
    }
    Ok(achieved)
}

impl MilestoneDraft {
    /// Checks the draft against its goal's start date and `today` (the person's current day,
    /// a parameter: the core never reads the clock).
    pub fn validate(
        self,
        goal_start: NaiveDate,
        today: NaiveDate,
    ) -> Result<ValidMilestone, DomainError> {
        let kind = MilestoneKind::parse(&self.kind)?;
        let title = check_title("milestone's title", self.title)?;
        let weight = match self.weight {
            Some(w) => check_weight(w)?,
            None => kind.default_weight(),
        };
        let planned_date = parse_optional_date(self.planned_date.as_deref())?;
        let achieved_date = parse_optional_date(self.achieved_date.as_deref())?
            .map(|a| check_achieved_date(a, goal_start, today))
            .transpose()?;
        let notes = check_length("notes", self.notes, MAX_TEXT_CHARS)?;
        Ok(ValidMilestone {
            kind,
            title,
            weight,
            planned_date,
            achieved_date,
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ErrorCode, parse_date};

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn draft(kind: &str) -> MilestoneDraft {
        MilestoneDraft {
            kind: kind.into(),
            title: "Led the migration".into(),
            weight: None,
            planned_date: Some("2026-09-01".into()),
            achieved_date: None,
            notes: String::new(),
        }
    }

    const START: &str = "2026-01-01";
    const TODAY: &str = "2026-03-14";

    fn check(m: MilestoneDraft) -> Result<ValidMilestone, DomainError> {
        m.validate(d(START), d(TODAY))
    }

    #[test]
    fn each_kind_has_its_default_weight() {
        let expected = [
            ("promotion", 3),
            ("raise", 2),
            ("skill", 1),
            ("recognition", 1),
            ("project", 2),
            ("network", 1),
            ("custom", 1),
        ];
        for (kind, weight) in expected {
            let valid = check(draft(kind)).unwrap();
            assert_eq!(valid.kind().as_str(), kind);
            assert_eq!(valid.weight(), weight, "{kind}");
        }
        assert_eq!(MilestoneKind::ALL.len(), expected.len());
    }

    #[test]
    fn an_explicit_weight_overrides_the_default() {
        let mut m = draft("promotion");
        m.weight = Some(1);
        assert_eq!(check(m).unwrap().weight(), 1);
    }

    #[test]
    fn refuses_a_weight_outside_one_to_three() {
        for w in [0, 4, -1, 100] {
            let mut m = draft("skill");
            m.weight = Some(w);
            assert_eq!(
                check(m).unwrap_err().code(),
                ErrorCode::InvalidWeight,
                "{w}"
            );
        }
    }

    #[test]
    fn refuses_an_unknown_kind_but_forgives_case() {
        assert_eq!(
            check(draft("vacation")).unwrap_err().code(),
            ErrorCode::UnknownKind
        );
        assert_eq!(
            check(draft(" Promotion ")).unwrap().kind(),
            MilestoneKind::Promotion
        );
    }

    #[test]
    fn achieved_dates_lie_between_the_goal_start_and_today() {
        let mut m = draft("skill");
        m.achieved_date = Some("2025-12-31".into());
        assert_eq!(check(m).unwrap_err().code(), ErrorCode::AchievedBeforeStart);
        let mut m = draft("skill");
        m.achieved_date = Some("2026-03-15".into());
        assert_eq!(check(m).unwrap_err().code(), ErrorCode::AchievedInFuture);
        for ok in [START, TODAY, "2026-02-01"] {
            let mut m = draft("skill");
            m.achieved_date = Some(ok.into());
            assert_eq!(check(m).unwrap().achieved_date(), Some(d(ok)));
        }
    }

    #[test]
    fn planned_dates_may_be_anywhere_and_blank_is_none() {
        let mut m = draft("skill");
        m.planned_date = Some(String::new());
        assert_eq!(check(m).unwrap().planned_date(), None);
        let mut m = draft("skill");
        m.planned_date = Some("2031-01-01".into());
        assert_eq!(check(m).unwrap().planned_date(), Some(d("2031-01-01")));
    }

    #[test]
    fn refuses_an_empty_title() {
        let mut m = draft("skill");
        m.title = "   ".into();
        assert_eq!(check(m).unwrap_err().code(), ErrorCode::EmptyTitle);
    }

    #[test]
    fn kinds_round_trip_through_their_names_and_json() {
        for k in MilestoneKind::ALL {
            assert_eq!(MilestoneKind::parse(k.as_str()), Ok(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }
}
