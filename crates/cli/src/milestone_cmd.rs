//! `traj milestone …`: add, achieve and list milestones, and link them to entries.

use chrono::NaiveDate;
use clap::Subcommand;
use trajectory_core::{Milestone, MilestoneDraft, MilestoneKind};
use trajectory_store::{Store, StoreError};

use crate::velocity_cmd::{parse_day, today};
use crate::{Failure, json};

#[derive(Subcommand)]
pub(crate) enum MilestoneCommand {
    /// Add a milestone to a goal. Prints the new id (or, with --json, the milestone).
    Add {
        /// The goal's id.
        #[arg(long)]
        goal: i64,
        /// promotion, raise, skill, recognition, project, network or custom.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        title: String,
        /// 1 to 3 (default: by kind — promotion 3, raise and project 2, others 1).
        #[arg(long, allow_negative_numbers = true)]
        weight: Option<i64>,
        /// When you plan to reach it, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        planned: Option<String>,
        /// When you reached it, if you already have, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        achieved: Option<String>,
        #[arg(long, default_value = "")]
        notes: String,
        #[arg(long)]
        json: bool,
    },
    /// Mark a milestone achieved (on --date, default today).
    Achieve {
        id: i64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List milestones: all, one goal's (--goal) or one kind's (--kind).
    List {
        #[arg(long, conflicts_with = "kind")]
        goal: Option<i64>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Link a journal entry to a milestone.
    Link {
        id: i64,
        #[arg(long)]
        entry: i64,
    },
}

/// One milestone on one line: id, (goal,) kind, weight, when, title.
pub(crate) fn milestone_line(m: &Milestone, with_goal: bool) -> String {
    let when = match (m.achieved_date, m.planned_date) {
        (Some(a), _) => format!("achieved {a}"),
        (None, Some(p)) => format!("planned {p}"),
        (None, None) => "open".to_owned(),
    };
    let goal = if with_goal {
        format!("goal {:<4} ", m.goal_id)
    } else {
        String::new()
    };
    format!(
        "{:>6}  {goal}{:<11} w{}  {:<20}  {}",
        m.id,
        m.kind.as_str(),
        m.weight,
        when,
        m.title
    )
}

pub(crate) fn run(
    cmd: MilestoneCommand,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    match cmd {
        MilestoneCommand::Add {
            goal,
            kind,
            title,
            weight,
            planned,
            achieved,
            notes,
            json: as_json,
        } => {
            let draft = MilestoneDraft {
                kind,
                title,
                weight,
                planned_date: planned,
                achieved_date: achieved,
                notes,
            };
            let today = today();
            // Every rule that does not need the goal is checked before the database is
            // opened; the goal's start is checked once it is known.
            draft.clone().validate(NaiveDate::MIN, today)?;
            let mut store = open()?;
            let start = store.goal(goal)?.start_date;
            let valid = draft.validate(start, today)?;
            let milestone = store.add_milestone(goal, &valid)?;
            if as_json {
                println!("{}", json(&milestone)?);
            } else {
                println!("{}", milestone.id);
            }
        }
        MilestoneCommand::Achieve {
            id,
            date,
            json: as_json,
        } => {
            let date = parse_day(date)?;
            let milestone = open()?.achieve_milestone(id, date, today())?;
            if as_json {
                println!("{}", json(&milestone)?);
            } else {
                println!("Milestone {id} achieved on {date}.");
            }
        }
        MilestoneCommand::List {
            goal,
            kind,
            json: as_json,
        } => {
            let kind = kind.as_deref().map(MilestoneKind::parse).transpose()?;
            let store = open()?;
            let milestones = match (goal, kind) {
                (Some(g), _) => store.milestones_of_goal(g)?,
                (None, Some(k)) => store.milestones_of_kind(k)?,
                (None, None) => store.milestones()?,
            };
            if as_json {
                println!("{}", json(&milestones)?);
            } else {
                for m in &milestones {
                    println!("{}", milestone_line(m, true));
                }
            }
        }
        MilestoneCommand::Link { id, entry } => {
            open()?.link_milestone_entry(id, entry)?;
            println!("Entry {entry} linked to milestone {id}.");
        }
    }
    Ok(())
}
