//! `traj goal …`: add, list, show goals and change their status.

use chrono::NaiveDate;
use clap::Subcommand;
use trajectory_core::{Goal, GoalDraft, GoalStatus};
use trajectory_insights::{GoalSummary, goal_summary};
use trajectory_store::{Store, StoreError};

use crate::milestone_cmd::milestone_line;
use crate::velocity_cmd::{parse_day, today};
use crate::{Failure, json};

#[derive(Subcommand)]
pub(crate) enum GoalCommand {
    /// Add a goal. Prints the new id (or, with --json, the goal).
    Add {
        /// A short name, e.g. "Staff engineer".
        #[arg(long)]
        title: String,
        /// Where you are now, in your words.
        #[arg(long, default_value = "")]
        here: String,
        /// Where you want to be, in your words.
        #[arg(long, default_value = "")]
        there: String,
        /// When you would like to be there, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        target: String,
        /// When the goal began, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        start: Option<String>,
        /// "A milestone about every N weeks", if you expect a pace.
        #[arg(long, value_name = "WEEKS", allow_negative_numbers = true)]
        cadence: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// List every goal, including those achieved or let go.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show a goal with its milestones, pace and forecast.
    Show {
        id: i64,
        /// The day to measure the pace on (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Set a goal's status: active, achieved, paused or let_go (nothing is deleted).
    Status {
        id: i64,
        status: String,
        #[arg(long)]
        json: bool,
    },
}

fn cadence_text(goal: &Goal) -> String {
    goal.cadence_weeks
        .map(|w| format!("a milestone about every {w} weeks"))
        .unwrap_or_else(|| "no expected cadence".to_owned())
}

fn show(store: &Store, id: i64, as_of: NaiveDate, as_json: bool) -> Result<(), Failure> {
    let GoalSummary {
        goal,
        milestones,
        velocity,
        baseline,
        forecast,
        ..
    } = goal_summary(store, id, as_of)?;
    if as_json {
        let value = serde_json::json!({
            "goal": goal,
            "milestones": milestones,
            "as_of": as_of,
            "velocity": velocity,
            "baseline": baseline.map(|b| b.velocity),
            "forecast": forecast,
        });
        println!("{}", json(&value)?);
        return Ok(());
    }
    println!(
        "goal {}  {}  [{}]",
        goal.id,
        goal.title,
        goal.status.as_str()
    );
    println!(
        "from {} to {}; {}",
        goal.start_date,
        goal.target_date,
        cadence_text(&goal)
    );
    if !goal.here.is_empty() {
        println!("here:  {}", goal.here);
    }
    if !goal.there.is_empty() {
        println!("there: {}", goal.there);
    }
    println!();
    for m in &milestones {
        println!("{}", milestone_line(m, false));
    }
    println!();
    print!("Pace on {as_of}: {velocity:.2} milestones per 30 days");
    match baseline {
        Some(b) => println!(" (usual: {:.2})", b.velocity),
        None => println!(),
    }
    match forecast {
        Some(f) => {
            for item in &f.items {
                let versus = match item.days_late {
                    Some(0) => ", on plan".to_owned(),
                    Some(d) if d > 0 => format!(", {d} days after the plan"),
                    Some(d) => format!(", {} days before the plan", -d),
                    None => String::new(),
                };
                println!(
                    "  expected {}  {}{}",
                    item.expected_date, item.title, versus
                );
            }
        }
        None => println!("No forecast yet: there is no pace or expected cadence to go on."),
    }
    Ok(())
}

pub(crate) fn run(
    cmd: GoalCommand,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    match cmd {
        GoalCommand::Add {
            title,
            here,
            there,
            target,
            start,
            cadence,
            json: as_json,
        } => {
            let draft = GoalDraft {
                title,
                here,
                there,
                start_date: start,
                target_date: target,
                cadence_weeks: cadence,
            };
            // Validate before opening the database: bad input never touches it.
            let valid = draft.validate(today())?;
            let goal = open()?.create_goal(&valid)?;
            if as_json {
                println!("{}", json(&goal)?);
            } else {
                println!("{}", goal.id);
            }
        }
        GoalCommand::List { json: as_json } => {
            let goals = open()?.goals()?;
            if as_json {
                println!("{}", json(&goals)?);
            } else {
                for g in &goals {
                    println!(
                        "{:>6}  {:<8}  {} → {}  {}",
                        g.id,
                        g.status.as_str(),
                        g.start_date,
                        g.target_date,
                        g.title
                    );
                }
            }
        }
        GoalCommand::Show {
            id,
            as_of,
            json: as_json,
        } => {
            let as_of = parse_day(as_of)?;
            show(&open()?, id, as_of, as_json)?;
        }
        GoalCommand::Status {
            id,
            status,
            json: as_json,
        } => {
            let status = GoalStatus::parse(&status)?;
            let goal = open()?.set_goal_status(id, status)?;
            if as_json {
                println!("{}", json(&goal)?);
            } else {
                println!("Goal {id} is now {}.", goal.status.as_str());
            }
        }
    }
    Ok(())
}
