//! The guided reflection (DESIGN §4): five steps from accepting a slow stretch to following up
//! on the moves chosen, the wording of every prompt, the order moves are suggested in, the
//! rules a move must pass, and "what has worked for me". Pure: `today` is a parameter.
//!
//! See docs/decisions/0021-guided-reflection.md.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::entry::parse_date;
use crate::error::DomainError;
use crate::goal::{MAX_TEXT_CHARS, check_length};

/// The identifier of a stored reflection.
pub type ReflectionId = i64;
/// The identifier of a stored move.
pub type MoveId = i64;
/// The identifier of a stored check-in.
pub type CheckInId = i64;

/// The longest move, in characters: a sentence or two, not an essay.
pub const MAX_MOVE_CHARS: usize = 500;
/// The most moves one chosen strategy may carry.
pub const MAX_MOVES_PER_STRATEGY: usize = 3;
/// How long "not now" keeps a slump notice quiet, in days.
pub const SNOOZE_DAYS: u64 = 7;
/// When a check-in is answered "not yet", the next one comes this many days later.
pub const CHECK_IN_AGAIN_DAYS: u64 = 7;

/// A way out of a slow stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    NewProject,
    MentorOrPartner,
    WiderNetwork,
    LearnOrResponsibility,
    Exit,
}

impl Strategy {
    /// Every strategy, in the order offered when the root cause says nothing.
    pub const ALL: [Strategy; 5] = [
        Strategy::NewProject,
        Strategy::MentorOrPartner,
        Strategy::LearnOrResponsibility,
        Strategy::WiderNetwork,
        Strategy::Exit,
    ];

    /// The stable name used in storage, JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::NewProject => "new_project",
            Strategy::MentorOrPartner => "mentor_or_partner",
            Strategy::WiderNetwork => "wider_network",
            Strategy::LearnOrResponsibility => "learn_or_responsibility",
            Strategy::Exit => "exit",
        }
    }

    /// Reads a strategy name, ignoring case and surrounding space.
    pub fn parse(input: &str) -> Result<Strategy, DomainError> {
        let wanted = input.trim().to_lowercase();
        Strategy::ALL
            .into_iter()
            .find(|s| s.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownStrategy {
                input: input.to_owned(),
            })
    }

    /// A short name for a button or a heading.
    pub fn label(self) -> &'static str {
        match self {
            Strategy::NewProject => "Start something new",
            Strategy::MentorOrPartner => "Find a mentor or a peer to think with",
            Strategy::WiderNetwork => "Widen your circle",
            Strategy::LearnOrResponsibility => "Learn a skill or take on a new responsibility",
            Strategy::Exit => "Look at a way out",
        }
    }

    /// One or two sentences on what the strategy is for, in our own words.
    pub fn description(self) -> &'static str {
        match self {
            Strategy::NewProject => {
                "When the days repeat, a fresh piece of work — inside your team or beyond it — \
                 changes what you learn and what others see you do."
            }
            Strategy::MentorOrPartner => {
                "Someone who has been through a stretch like this, or a peer going through one \
                 now, can tell you how it looks from outside and what they tried."
            }
            Strategy::WiderNetwork => {
                "New people bring new information: openings, ways of working, and a truer \
                 picture of where you stand."
            }
            Strategy::LearnOrResponsibility => {
                "A new skill or a duty nobody has claimed yet gives you fresh ground to move \
                 on, and shows it to the people who decide."
            }
            Strategy::Exit => {
                "Sometimes the road here has simply ended. A different role, another company \
                 or work of your own is a legitimate move, weighed after the others."
            }
        }
    }
}

/// One way of looking for the root cause of a slow stretch (step 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Lens {
    /// Is this gap unusual for me? (the surprise figure is the hint)
    UnusualGap,
    /// Is the goal's timeline realistic? (planned dates against the achieved pace)
    Timeline,
    /// Are forces outside my control at work?
    OutsideForces,
    /// Is there something in my own work to correct?
    OwnWork,
}

impl Lens {
    pub const ALL: [Lens; 4] = [
        Lens::UnusualGap,
        Lens::Timeline,
        Lens::OutsideForces,
        Lens::OwnWork,
    ];

    /// The stable name, also the answer field holding the person's text for this lens.
    pub fn as_str(self) -> &'static str {
        match self {
            Lens::UnusualGap => "unusual_gap",
            Lens::Timeline => "timeline",
            Lens::OutsideForces => "outside_forces",
            Lens::OwnWork => "own_work",
        }
    }

    /// The answer field holding "yes" or "no": does the person think this lens applies?
    pub fn applies_field(self) -> &'static str {
        match self {
            Lens::UnusualGap => "unusual_gap_applies",
            Lens::Timeline => "timeline_applies",
            Lens::OutsideForces => "outside_forces_applies",
            Lens::OwnWork => "own_work_applies",
        }
    }
}

/// The person's answer through one lens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LensAnswer {
    pub lens: Lens,
    pub text: String,
    /// Whether they think it applies to this stretch; none until they say. For the timeline
    /// lens "applies" means "the timeline looks unrealistic"; for the gap lens, "the gap is
    /// unusual for me".
    pub applies: Option<bool>,
}

/// A strategy in the suggested order, with the lenses that moved it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SuggestedStrategy {
    pub strategy: Strategy,
    pub because: Vec<Lens>,
}

/// What step 3 offers: the strategies in order, and whether to offer re-planning the goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Suggestions {
    pub strategies: Vec<SuggestedStrategy>,
    /// The timeline looks unrealistic, or the gap is ordinary for this person: offer to edit
    /// the goal's dates or cadence (or to let it go) before choosing moves.
    pub offer_replan: bool,
}

/// How much each applying lens lifts each strategy. Outside forces point outwards (the
/// network, and an exit — which stays last regardless); one's own work points at learning and
/// at someone to learn from.
fn lift(lens: Lens, strategy: Strategy) -> u32 {
    match (lens, strategy) {
        (Lens::OutsideForces, Strategy::WiderNetwork) => 3,
        (Lens::OutsideForces, Strategy::Exit) => 1,
        (Lens::OwnWork, Strategy::LearnOrResponsibility) => 3,
        (Lens::OwnWork, Strategy::MentorOrPartner) => 2,
        (Lens::UnusualGap, Strategy::NewProject) => 1,
        _ => 0,
    }
}

/// The strategies in the order to offer them, given the root-cause answers, with the reason
/// for each lift. Every strategy is offered; the exit always comes last.
pub fn suggest(answers: &[LensAnswer]) -> Suggestions {
    let applying: Vec<Lens> = Lens::ALL
        .into_iter()
        .filter(|l| {
            answers
                .iter()
                .any(|a| a.lens == *l && a.applies == Some(true))
        })
        .collect();
    let mut scored: Vec<(u32, usize, SuggestedStrategy)> = Strategy::ALL
        .into_iter()
        .enumerate()
        .map(|(rank, strategy)| {
            let because: Vec<Lens> = applying
                .iter()
                .copied()
                .filter(|l| lift(*l, strategy) > 0)
                .collect();
            let score = because.iter().map(|l| lift(*l, strategy)).sum();
            (score, rank, SuggestedStrategy { strategy, because })
        })
        .collect();
    scored.sort_by(|a, b| {
        let exit = |s: &SuggestedStrategy| s.strategy == Strategy::Exit;
        exit(&a.2)
            .cmp(&exit(&b.2))
            .then(b.0.cmp(&a.0))
            .then(a.1.cmp(&b.1))
    });
    let said = |lens: Lens| {
        answers
            .iter()
            .find(|a| a.lens == lens)
            .and_then(|a| a.applies)
    };
    Suggestions {
        strategies: scored.into_iter().map(|(_, _, s)| s).collect(),
        offer_replan: said(Lens::Timeline) == Some(true) || said(Lens::UnusualGap) == Some(false),
    }
}

/// The strategies alone, in the suggested order (exit last).
pub fn suggest_strategies(answers: &[LensAnswer]) -> Vec<Strategy> {
    suggest(answers)
        .strategies
        .into_iter()
        .map(|s| s.strategy)
        .collect()
}

/// The steps of a reflection, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ReflectionStep {
    Accept,
    RootCause,
    Moves,
    Commit,
    FollowUp,
}

impl ReflectionStep {
    pub const ALL: [ReflectionStep; 5] = [
        ReflectionStep::Accept,
        ReflectionStep::RootCause,
        ReflectionStep::Moves,
        ReflectionStep::Commit,
        ReflectionStep::FollowUp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReflectionStep::Accept => "accept",
            ReflectionStep::RootCause => "root_cause",
            ReflectionStep::Moves => "moves",
            ReflectionStep::Commit => "commit",
            ReflectionStep::FollowUp => "follow_up",
        }
    }

    pub fn parse(input: &str) -> Result<ReflectionStep, DomainError> {
        let wanted = input.trim().to_lowercase();
        ReflectionStep::ALL
            .into_iter()
            .find(|s| s.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownStep {
                input: input.to_owned(),
            })
    }

    /// This step's wording and the answers it asks for.
    pub fn guide(self) -> StepGuide {
        guide(self)
    }
}

/// What an answer field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// Free writing, saved as typed.
    Text,
    /// "yes", "no", or empty for "not sure yet".
    YesNo,
}

/// One answer a step asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldGuide {
    pub field: &'static str,
    pub kind: FieldKind,
    pub label: &'static str,
    /// A line under the label; empty when the label says enough.
    pub hint: &'static str,
}

/// A step's wording: every prompt of the flow lives here, in our own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StepGuide {
    pub step: ReflectionStep,
    pub title: &'static str,
    pub intro: &'static str,
    pub fields: Vec<FieldGuide>,
}

const fn text(field: &'static str, label: &'static str, hint: &'static str) -> FieldGuide {
    FieldGuide {
        field,
        kind: FieldKind::Text,
        label,
        hint,
    }
}

const fn yes_no(field: &'static str, label: &'static str) -> FieldGuide {
    FieldGuide {
        field,
        kind: FieldKind::YesNo,
        label,
        hint: "",
    }
}

fn guide(step: ReflectionStep) -> StepGuide {
    match step {
        ReflectionStep::Accept => StepGuide {
            step,
            title: "A slower stretch",
            intro: "Every career has flat stretches between the climbs; one of them says \
                    little about where yours is heading. Below are the quiet stretches you \
                    have had before and how each one ended. Nothing to fix yet — just notice \
                    where you are.",
            fields: vec![text(
                "feeling",
                "How does this stretch feel?",
                "Write it as it is. No one else reads this, and there is no right answer.",
            )],
        },
        ReflectionStep::RootCause => StepGuide {
            step,
            title: "What is behind it?",
            intro: "Look at the stretch from four sides. Some will fit, some will not; the \
                    numbers beside each are from your own history.",
            fields: vec![
                text(
                    Lens::UnusualGap.as_str(),
                    "Is this gap unusual for you?",
                    "Compare it with your own pace, not with anyone else's.",
                ),
                yes_no(Lens::UnusualGap.applies_field(), "Unusual for me"),
                text(
                    Lens::Timeline.as_str(),
                    "Was the plan realistic?",
                    "Planned dates against the pace you have actually kept. A plan can be \
                     changed here and now.",
                ),
                yes_no(Lens::Timeline.applies_field(), "The plan asked too much"),
                text(
                    Lens::OutsideForces.as_str(),
                    "Is something outside your control at work?",
                    "Budgets, a reorganisation, the market, a change of manager.",
                ),
                yes_no(
                    Lens::OutsideForces.applies_field(),
                    "Outside forces play a part",
                ),
                text(
                    Lens::OwnWork.as_str(),
                    "Is there something in your own work to adjust?",
                    "Be as fair to yourself as you would be to a colleague.",
                ),
                yes_no(
                    Lens::OwnWork.applies_field(),
                    "There is something I can adjust",
                ),
            ],
        },
        ReflectionStep::Moves => StepGuide {
            step,
            title: "Ways to move",
            intro: "Pick one or more ways forward. They are ordered from what you wrote in \
                    the last step; the way out is always there, after the others.",
            fields: vec![text(
                "why",
                "Why these?",
                "A line on what you hope each one changes.",
            )],
        },
        ReflectionStep::Commit => StepGuide {
            step,
            title: "Small, dated steps",
            intro: "Turn each way you chose into one to three concrete moves, each with a \
                    day to look back on it. Small and done beats big and postponed.",
            fields: vec![text("first_step", "What will you do first, this week?", "")],
        },
        ReflectionStep::FollowUp => StepGuide {
            step,
            title: "Looking back",
            intro: "On each move's day Trajectory asks how it went. When the stretch ends, \
                    the moves you made before it are remembered, so next time you can see \
                    what has worked for you.",
            fields: vec![text(
                "looking_back",
                "What have you learned from this stretch?",
                "",
            )],
        },
    }
}

/// Every step's wording, in order.
pub fn guides() -> Vec<StepGuide> {
    ReflectionStep::ALL.into_iter().map(guide).collect()
}

/// An answer as typed, checked against its step's fields. Text is kept exactly as typed
/// (bounded in length); yes/no fields take "yes", "no" or empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAnswer {
    step: ReflectionStep,
    field: &'static str,
    text: String,
}

impl ValidAnswer {
    pub fn new(
        step: ReflectionStep,
        field: &str,
        text: String,
    ) -> Result<ValidAnswer, DomainError> {
        let guide = guide(step);
        let found = guide
            .fields
            .iter()
            .find(|f| f.field == field)
            .ok_or_else(|| DomainError::UnknownField {
                step: step.as_str(),
                input: field.to_owned(),
            })?;
        let text = match found.kind {
            FieldKind::Text => check_length("answer", text, MAX_TEXT_CHARS)?,
            FieldKind::YesNo => match text.trim().to_lowercase().as_str() {
                "yes" => "yes".to_owned(),
                "no" => "no".to_owned(),
                "" => String::new(),
                _ => return Err(DomainError::InvalidAnswer { input: text }),
            },
        };
        Ok(ValidAnswer {
            step,
            field: found.field,
            text,
        })
    }
    pub fn step(&self) -> ReflectionStep {
        self.step
    }
    pub fn field(&self) -> &'static str {
        self.field
    }
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// What started a reflection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReflectionTrigger {
    /// A slump notice: its scope ("all", "goal:<id>", "kind:<kind>") and the day it was raised.
    Slump {
        scope: String,
        detected_on: NaiveDate,
    },
    /// The person began one themselves.
    ByHand,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ReflectionStatus {
    InProgress,
    Done,
    SetAside,
}

impl ReflectionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReflectionStatus::InProgress => "in_progress",
            ReflectionStatus::Done => "done",
            ReflectionStatus::SetAside => "set_aside",
        }
    }

    pub fn parse(input: &str) -> Option<ReflectionStatus> {
        [
            ReflectionStatus::InProgress,
            ReflectionStatus::Done,
            ReflectionStatus::SetAside,
        ]
        .into_iter()
        .find(|s| s.as_str() == input)
    }
}

/// One saved answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Answer {
    pub step: ReflectionStep,
    pub field: String,
    pub text: String,
    pub updated_at: DateTime<Utc>,
}

/// A concrete, dated step under a chosen strategy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Move {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: MoveId,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub reflection_id: ReflectionId,
    pub strategy: Strategy,
    pub text: String,
    pub due: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub outcome: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A reflection with everything written in it so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Reflection {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: ReflectionId,
    pub trigger: ReflectionTrigger,
    pub status: ReflectionStatus,
    pub step: ReflectionStep,
    /// Every saved answer, in step order then field name.
    pub answers: Vec<Answer>,
    /// The strategies chosen in step 3, in the order chosen.
    pub strategies: Vec<Strategy>,
    pub moves: Vec<Move>,
    /// Why it was set aside, when it was.
    pub set_aside_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl Reflection {
    /// The saved text of one field, or empty.
    pub fn answer(&self, step: ReflectionStep, field: &str) -> &str {
        self.answers
            .iter()
            .find(|a| a.step == step && a.field == field)
            .map_or("", |a| a.text.as_str())
    }

    /// The root-cause answers through each lens.
    pub fn lens_answers(&self) -> Vec<LensAnswer> {
        Lens::ALL
            .into_iter()
            .map(|lens| LensAnswer {
                lens,
                text: self
                    .answer(ReflectionStep::RootCause, lens.as_str())
                    .to_owned(),
                applies: match self.answer(ReflectionStep::RootCause, lens.applies_field()) {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                },
            })
            .collect()
    }

    /// The suggested order of strategies from this reflection's root-cause answers.
    pub fn suggestions(&self) -> Suggestions {
        suggest(&self.lens_answers())
    }
}

/// What a front end sends to add or edit a move: raw, unchecked input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MoveDraft {
    pub strategy: Strategy,
    pub text: String,
    /// `YYYY-MM-DD`, required.
    pub due: String,
}

/// A move that passed every rule on its own; the store adds the rules that need the
/// reflection (the strategy was chosen, at most three per strategy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMove {
    strategy: Strategy,
    text: String,
    due: NaiveDate,
}

impl MoveDraft {
    /// Checks the move against `today`. `kept_due` is the move's current due date when
    /// editing: keeping a due date that has since passed is allowed, choosing a past one is
    /// not.
    pub fn validate(
        self,
        today: NaiveDate,
        kept_due: Option<NaiveDate>,
    ) -> Result<ValidMove, DomainError> {
        if self.text.trim().is_empty() {
            return Err(DomainError::EmptyMove);
        }
        let text = check_length("move", self.text, MAX_MOVE_CHARS)?;
        if self.due.trim().is_empty() {
            return Err(DomainError::DueRequired);
        }
        let due = parse_date(&self.due)?;
        if due < today && kept_due != Some(due) {
            return Err(DomainError::DueInPast { due, today });
        }
        Ok(ValidMove {
            strategy: self.strategy,
            text,
            due,
        })
    }
}

impl ValidMove {
    pub fn strategy(&self) -> Strategy {
        self.strategy
    }
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn due(&self) -> NaiveDate {
        self.due
    }
}

/// Can one more move be added under `strategy`, given the chosen strategies and the moves
/// already there (`other_moves`, excluding the one being edited)?
pub fn check_move_room(
    strategy: Strategy,
    chosen: &[Strategy],
    other_moves: &[Move],
) -> Result<(), DomainError> {
    if !chosen.contains(&strategy) {
        return Err(DomainError::StrategyNotChosen {
            strategy: strategy.as_str(),
        });
    }
    let under = other_moves
        .iter()
        .filter(|m| m.strategy == strategy)
        .count();
    if under >= MAX_MOVES_PER_STRATEGY {
        return Err(DomainError::TooManyMoves {
            strategy: strategy.as_str(),
            limit: MAX_MOVES_PER_STRATEGY,
        });
    }
    Ok(())
}

/// Every chosen strategy has at least one move (needed before following up or finishing).
pub fn check_commitments(chosen: &[Strategy], moves: &[Move]) -> Result<(), DomainError> {
    match chosen
        .iter()
        .find(|s| !moves.iter().any(|m| m.strategy == **s))
    {
        Some(s) => Err(DomainError::MovesMissing {
            strategy: s.as_str(),
        }),
        None => Ok(()),
    }
}

/// A day something was done, checked against `today`: absent means today.
pub fn check_done_on(done_on: Option<&str>, today: NaiveDate) -> Result<NaiveDate, DomainError> {
    match done_on.filter(|t| !t.trim().is_empty()) {
        None => Ok(today),
        Some(text) => {
            let done = parse_date(text)?;
            if done > today {
                return Err(DomainError::DoneInFuture { done, today });
            }
            Ok(done)
        }
    }
}

/// The moves done on or before `end`: the ones that preceded a recovery.
pub fn moves_before(moves: &[Move], end: NaiveDate) -> Vec<&Move> {
    moves
        .iter()
        .filter(|m| m.done_on.is_some_and(|d| d <= end))
        .collect()
}

/// How one strategy has fared across reflections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StrategyRecord {
    pub strategy: Strategy,
    /// Moves committed to under it.
    pub moves: u32,
    /// Of those, the ones done.
    pub done: u32,
    /// Of those, the ones done before the slump they answered ended.
    pub done_before_recovery: u32,
    /// Slumps that ended after at least one of its moves was done.
    pub recoveries: u32,
}

/// "What has worked for me": per strategy that has moves, how many were done before the slump
/// its reflection answered ended. `ends` gives each reflection's slump end (reflections whose
/// slump has not ended, or that were started by hand, have none). Best first: most recoveries,
/// then most moves done before one, then the strategies' usual order.
pub fn what_has_worked(moves: &[Move], ends: &[(ReflectionId, NaiveDate)]) -> Vec<StrategyRecord> {
    let end_of = |r: ReflectionId| ends.iter().find(|(id, _)| *id == r).map(|(_, e)| *e);
    let mut records: Vec<StrategyRecord> = Strategy::ALL
        .into_iter()
        .filter_map(|strategy| {
            let under: Vec<&Move> = moves.iter().filter(|m| m.strategy == strategy).collect();
            if under.is_empty() {
                return None;
            }
            let preceded = |m: &&&Move| {
                matches!((m.done_on, end_of(m.reflection_id)), (Some(d), Some(e)) if d <= e)
            };
            let mut recovered: Vec<ReflectionId> = under
                .iter()
                .filter(preceded)
                .map(|m| m.reflection_id)
                .collect();
            recovered.sort_unstable();
            recovered.dedup();
            Some(StrategyRecord {
                strategy,
                moves: under.len() as u32,
                done: under.iter().filter(|m| m.done_on.is_some()).count() as u32,
                done_before_recovery: under.iter().filter(preceded).count() as u32,
                recoveries: recovered.len() as u32,
            })
        })
        .collect();
    let rank = |s: Strategy| Strategy::ALL.iter().position(|x| *x == s);
    records.sort_by(|a, b| {
        b.recoveries
            .cmp(&a.recoveries)
            .then(b.done_before_recovery.cmp(&a.done_before_recovery))
            .then(rank(a.strategy).cmp(&rank(b.strategy)))
    });
    records
}

/// How a move went, as answered at a check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CheckInOutcome {
    /// Done: the move is marked done today.
    Done,
    /// Not yet: another check-in comes [`CHECK_IN_AGAIN_DAYS`] later.
    NotYet,
    /// Let go of: no more check-ins for it.
    Dropped,
}

impl CheckInOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckInOutcome::Done => "done",
            CheckInOutcome::NotYet => "not_yet",
            CheckInOutcome::Dropped => "dropped",
        }
    }

    pub fn parse(input: &str) -> Option<CheckInOutcome> {
        [
            CheckInOutcome::Done,
            CheckInOutcome::NotYet,
            CheckInOutcome::Dropped,
        ]
        .into_iter()
        .find(|o| o.as_str() == input)
    }
}

/// A check-in waiting for an answer, with the move it asks about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckIn {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: CheckInId,
    pub due: NaiveDate,
    pub answered_at: Option<DateTime<Utc>>,
    pub outcome: Option<CheckInOutcome>,
    pub note: String,
    #[serde(rename = "move")]
    #[cfg_attr(feature = "ts", ts(rename = "move"))]
    pub move_: Move,
}

/// The question a check-in asks about a move, in our own words.
pub fn check_in_prompt(m: &Move) -> String {
    format!("You planned to “{}” by {}. How did it go?", m.text, m.due)
}

/// Checks a reason given for setting something aside: optional, bounded, kept as typed.
pub fn check_reason(reason: String) -> Result<String, DomainError> {
    check_length("reason", reason, MAX_TEXT_CHARS)
}

/// Where the person left a slump notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum NoticeStatus {
    /// Shown, no answer yet.
    Shown,
    /// "Not now": quiet until this day (shown again once it has passed).
    Snoozed { until: NaiveDate },
    /// Set aside for good, with the person's reason (may be empty).
    SetAside { reason: String },
    /// A reflection was started from it.
    ReflectionStarted {
        #[cfg_attr(feature = "ts", ts(type = "number"))]
        reflection_id: ReflectionId,
    },
}

impl NoticeStatus {
    /// Whether the notice stays quiet on `today`.
    pub fn is_quiet(&self, today: NaiveDate) -> bool {
        match self {
            NoticeStatus::Shown => false,
            NoticeStatus::Snoozed { until } => *until > today,
            NoticeStatus::SetAside { .. } | NoticeStatus::ReflectionStarted { .. } => true,
        }
    }
}

/// The stored state of the notice for one slump (scope and the day it was raised).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NoticeState {
    pub scope: String,
    pub detected_on: NaiveDate,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub status: NoticeStatus,
}

/// A slump that ended, and the moves done before it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Recovery {
    pub scope: String,
    pub detected_on: NaiveDate,
    pub ended_on: NaiveDate,
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub move_ids: Vec<MoveId>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn says(lens: Lens, applies: bool) -> LensAnswer {
        LensAnswer {
            lens,
            text: String::new(),
            applies: Some(applies),
        }
    }

    fn mv(id: MoveId, reflection: ReflectionId, strategy: Strategy, done: Option<&str>) -> Move {
        let t = DateTime::<Utc>::from_timestamp(0, 0).unwrap();
        Move {
            id,
            reflection_id: reflection,
            strategy,
            text: format!("move {id}"),
            due: d("2026-01-01"),
            done_on: done.map(d),
            outcome: String::new(),
            created_at: t,
            updated_at: t,
        }
    }

    #[test]
    fn without_answers_every_strategy_is_offered_in_the_usual_order() {
        let s = suggest(&[]);
        assert_eq!(
            s.strategies.iter().map(|s| s.strategy).collect::<Vec<_>>(),
            Strategy::ALL
        );
        assert!(!s.offer_replan);
        assert!(s.strategies.iter().all(|s| s.because.is_empty()));
    }

    #[test]
    fn outside_forces_lead_to_the_network_and_own_work_to_learning_then_a_mentor() {
        let order = suggest_strategies(&[says(Lens::OutsideForces, true)]);
        assert_eq!(order[0], Strategy::WiderNetwork);
        assert_eq!(order[4], Strategy::Exit);
        let order = suggest_strategies(&[says(Lens::OwnWork, true)]);
        assert_eq!(
            &order[..2],
            &[Strategy::LearnOrResponsibility, Strategy::MentorOrPartner]
        );
        let s = suggest(&[says(Lens::OwnWork, true), says(Lens::OutsideForces, false)]);
        assert_eq!(s.strategies[0].because, vec![Lens::OwnWork]);
    }

    #[test]
    fn exit_is_never_first_whatever_the_answers() {
        let lenses = Lens::ALL;
        for mask in 0..81u32 {
            let answers: Vec<LensAnswer> = lenses
                .iter()
                .enumerate()
                .filter_map(|(i, lens)| match (mask / 3u32.pow(i as u32)) % 3 {
                    0 => None,
                    1 => Some(says(*lens, true)),
                    _ => Some(says(*lens, false)),
                })
                .collect();
            let order = suggest_strategies(&answers);
            assert_eq!(order.len(), 5, "every strategy is offered");
            assert_eq!(order.last(), Some(&Strategy::Exit), "mask {mask}");
        }
    }

    #[test]
    fn an_unrealistic_timeline_or_an_ordinary_gap_offers_a_replan() {
        assert!(suggest(&[says(Lens::Timeline, true)]).offer_replan);
        assert!(suggest(&[says(Lens::UnusualGap, false)]).offer_replan);
        assert!(
            !suggest(&[says(Lens::UnusualGap, true), says(Lens::Timeline, false)]).offer_replan
        );
    }

    #[test]
    fn answers_are_checked_against_their_step() {
        let a =
            ValidAnswer::new(ReflectionStep::Accept, "feeling", "  flat, tired  ".into()).unwrap();
        assert_eq!(a.text(), "  flat, tired  ", "kept as typed");
        assert_eq!(
            ValidAnswer::new(ReflectionStep::Accept, "own_work", "x".into())
                .unwrap_err()
                .code(),
            ErrorCode::UnknownField
        );
        let yes =
            ValidAnswer::new(ReflectionStep::RootCause, "own_work_applies", " Yes".into()).unwrap();
        assert_eq!(yes.text(), "yes");
        assert_eq!(
            ValidAnswer::new(
                ReflectionStep::RootCause,
                "own_work_applies",
                "maybe".into()
            )
            .unwrap_err()
            .code(),
            ErrorCode::InvalidAnswer
        );
        assert_eq!(
            ValidAnswer::new(
                ReflectionStep::Accept,
                "feeling",
                "x".repeat(MAX_TEXT_CHARS + 1)
            )
            .unwrap_err()
            .code(),
            ErrorCode::TextTooLong
        );
    }

    #[test]
    fn every_step_has_wording_and_each_lens_has_its_two_fields() {
        for g in guides() {
            assert!(!g.title.is_empty() && !g.intro.is_empty(), "{:?}", g.step);
            assert!(!g.fields.is_empty());
        }
        let root = ReflectionStep::RootCause.guide();
        for lens in Lens::ALL {
            assert!(root.fields.iter().any(|f| f.field == lens.as_str()));
            assert!(
                root.fields
                    .iter()
                    .any(|f| f.field == lens.applies_field() && f.kind == FieldKind::YesNo)
            );
        }
        for s in ReflectionStep::ALL {
            assert_eq!(ReflectionStep::parse(s.as_str()), Ok(s));
        }
        for s in Strategy::ALL {
            assert_eq!(Strategy::parse(s.as_str()), Ok(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
    }

    #[test]
    fn a_move_needs_text_and_a_due_date_not_in_the_past() {
        let today = d("2026-03-14");
        let draft = |text: &str, due: &str| MoveDraft {
            strategy: Strategy::NewProject,
            text: text.into(),
            due: due.into(),
        };
        let ok = draft("Pitch the tooling idea", "2026-03-14")
            .validate(today, None)
            .unwrap();
        assert_eq!(ok.due(), today);
        let code = |r: Result<ValidMove, DomainError>| r.unwrap_err().code();
        assert_eq!(
            code(draft(" ", "2026-04-01").validate(today, None)),
            ErrorCode::EmptyMove
        );
        assert_eq!(
            code(draft("x", "").validate(today, None)),
            ErrorCode::DueRequired
        );
        assert_eq!(
            code(draft("x", "2026-02-30").validate(today, None)),
            ErrorCode::InvalidDate
        );
        assert_eq!(
            code(draft("x", "2026-03-13").validate(today, None)),
            ErrorCode::DueInPast
        );
        assert_eq!(
            code(draft(&"x".repeat(MAX_MOVE_CHARS + 1), "2026-04-01").validate(today, None)),
            ErrorCode::TextTooLong
        );
        assert!(
            draft("x", "2026-03-01")
                .validate(today, Some(d("2026-03-01")))
                .is_ok(),
            "an overdue move can still be edited without moving its date"
        );
    }

    #[test]
    fn one_to_three_moves_per_chosen_strategy() {
        let chosen = [Strategy::NewProject];
        assert_eq!(
            check_move_room(Strategy::Exit, &chosen, &[])
                .unwrap_err()
                .code(),
            ErrorCode::StrategyNotChosen
        );
        let three: Vec<Move> = (1..=3)
            .map(|i| mv(i, 1, Strategy::NewProject, None))
            .collect();
        assert!(check_move_room(Strategy::NewProject, &chosen, &three[..2]).is_ok());
        assert_eq!(
            check_move_room(Strategy::NewProject, &chosen, &three)
                .unwrap_err()
                .code(),
            ErrorCode::TooManyMoves
        );
        let both = [Strategy::NewProject, Strategy::WiderNetwork];
        assert_eq!(
            check_commitments(&both, &three).unwrap_err().code(),
            ErrorCode::MovesMissing
        );
        assert!(check_commitments(&chosen, &three).is_ok());
    }

    #[test]
    fn a_snoozed_notice_is_quiet_until_its_day_has_come() {
        let snoozed = NoticeStatus::Snoozed {
            until: d("2026-03-21"),
        };
        assert!(snoozed.is_quiet(d("2026-03-20")));
        assert!(!snoozed.is_quiet(d("2026-03-21")));
        assert!(!NoticeStatus::Shown.is_quiet(d("2026-03-21")));
        assert!(
            NoticeStatus::SetAside {
                reason: String::new()
            }
            .is_quiet(d("2030-01-01"))
        );
    }

    #[test]
    fn done_dates_default_to_today_and_cannot_be_in_the_future() {
        let today = d("2026-03-14");
        assert_eq!(check_done_on(None, today), Ok(today));
        assert_eq!(check_done_on(Some(""), today), Ok(today));
        assert_eq!(
            check_done_on(Some("2026-03-01"), today),
            Ok(d("2026-03-01"))
        );
        assert_eq!(
            check_done_on(Some("2026-03-15"), today).unwrap_err().code(),
            ErrorCode::DoneInFuture
        );
    }

    #[test]
    fn what_has_worked_counts_moves_done_before_the_slump_ended() {
        let moves = vec![
            mv(1, 10, Strategy::WiderNetwork, Some("2026-02-01")),
            mv(2, 10, Strategy::WiderNetwork, Some("2026-05-01")), // after the end
            mv(3, 10, Strategy::LearnOrResponsibility, None),
            mv(4, 11, Strategy::WiderNetwork, Some("2026-08-01")),
            mv(5, 11, Strategy::NewProject, Some("2026-08-01")),
            mv(6, 12, Strategy::Exit, Some("2026-09-01")), // its slump has not ended
        ];
        let ends = [(10, d("2026-03-01")), (11, d("2026-08-01"))];
        let worked = what_has_worked(&moves, &ends);
        let get = |s: Strategy| worked.iter().find(|r| r.strategy == s).unwrap();
        let net = get(Strategy::WiderNetwork);
        assert_eq!(
            (
                net.moves,
                net.done,
                net.done_before_recovery,
                net.recoveries
            ),
            (3, 3, 2, 2)
        );
        assert_eq!(worked[0].strategy, Strategy::WiderNetwork, "best first");
        let learn = get(Strategy::LearnOrResponsibility);
        assert_eq!((learn.done, learn.recoveries), (0, 0));
        let exit = get(Strategy::Exit);
        assert_eq!((exit.done, exit.done_before_recovery), (1, 0));
        assert!(
            !worked
                .iter()
                .any(|r| r.strategy == Strategy::MentorOrPartner),
            "strategies never tried are left out"
        );
        assert_eq!(
            moves_before(&moves, d("2026-03-01"))
                .iter()
                .map(|m| m.id)
                .collect::<Vec<_>>(),
            vec![1]
        );
    }
}
