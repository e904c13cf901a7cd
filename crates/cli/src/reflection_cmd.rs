//! `traj reflection list|show`: read guided reflections, with their answers and moves.

use clap::Subcommand;
use trajectory_core::{Reflection, ReflectionStep, ReflectionTrigger};
use trajectory_store::{Store, StoreError};

use crate::{Failure, json};

#[derive(Subcommand)]
pub(crate) enum ReflectionCommand {
    /// List every reflection, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one reflection: its answers step by step, chosen ways forward and moves.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

fn trigger_text(t: &ReflectionTrigger) -> String {
    match t {
        ReflectionTrigger::Slump { scope, detected_on } => {
            format!("slump in {scope} noticed {detected_on}")
        }
        ReflectionTrigger::ByHand => "started by hand".to_owned(),
    }
}

fn summary_line(r: &Reflection) -> String {
    format!(
        "{:>4}  {}  {:<11}  step {:<10}  {}",
        r.id,
        r.created_at.date_naive(),
        r.status.as_str(),
        r.step.as_str(),
        trigger_text(&r.trigger)
    )
}

fn print_reflection(r: &Reflection) {
    println!("{}", summary_line(r));
    if let Some(reason) = r.set_aside_reason.as_deref().filter(|x| !x.is_empty()) {
        println!("      set aside: {reason}");
    }
    for step in ReflectionStep::ALL {
        let guide = step.guide();
        let answered: Vec<_> = guide
            .fields
            .iter()
            .filter_map(|f| {
                let text = r.answer(step, f.field);
                (!text.is_empty()).then_some((f.label, text))
            })
            .collect();
        if answered.is_empty() {
            continue;
        }
        println!("\n  {}", guide.title);
        for (label, text) in answered {
            println!("    {label}");
            for line in text.lines() {
                println!("      {line}");
            }
        }
    }
    if !r.strategies.is_empty() {
        println!("\n  Ways forward");
        for s in &r.strategies {
            println!("    {}", s.label());
            for m in r.moves.iter().filter(|m| m.strategy == *s) {
                let state = m
                    .done_on
                    .map_or_else(|| format!("due {}", m.due), |d| format!("done {d}"));
                println!("      [{:>3}] {}  ({state})", m.id, m.text);
                if !m.outcome.is_empty() {
                    println!("            {}", m.outcome);
                }
            }
        }
    }
}

pub(crate) fn run(
    cmd: ReflectionCommand,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    let store = open()?;
    match cmd {
        ReflectionCommand::List { json: as_json } => {
            let all = store.reflections()?;
            if as_json {
                println!("{}", json(&all)?);
            } else if all.is_empty() {
                println!("No reflections yet.");
            } else {
                for r in &all {
                    println!("{}", summary_line(r));
                }
            }
        }
        ReflectionCommand::Show { id, json: as_json } => {
            let r = store.reflection(id)?;
            if as_json {
                println!("{}", json(&r)?);
            } else {
                print_reflection(&r);
            }
        }
    }
    Ok(())
}
