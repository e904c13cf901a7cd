//! The Markdown folder export: one file per entry with YAML front matter (date, tags, mood,
//! progress), one per goal and one per milestone, and an index — names safe on every OS.

use std::collections::HashMap;
use std::path::Path;

use trajectory_core::{Snapshot, SnapshotEntry, SnapshotGoal, SnapshotMilestone};

use crate::error::ExchangeError;

/// One file of an export, its path relative to the export folder (`/`-separated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub contents: String,
}

/// A file-name part from free text: lowercase ASCII letters and digits joined by `-`, at most
/// 40 characters, never empty. With the date or number in front of it, no name can be a
/// reserved one (`CON`, `NUL`…) or end in a dot or space.
pub fn slug(text: &str, fallback: &str) -> String {
    let first_line = text
        .lines()
        .map(|l| l.trim_start_matches(['#', '>', '-', '*', ' ']))
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let mut out = String::new();
    for c in first_line.chars() {
        if out.len() >= 40 {
            break;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out
    }
}

/// A YAML scalar for any text: a JSON string, which YAML reads as a double-quoted scalar.
fn yaml_text(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// Text for one line of Markdown (a heading, a list item, a link's words): line breaks become
/// spaces and the characters that would open a link or markup are escaped.
pub(crate) fn inline_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '[' | ']' | '*' | '_' | '`' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out.trim().to_owned()
}

pub(crate) fn entry_path(e: &SnapshotEntry) -> String {
    format!(
        "entries/{}-{:05}-{}.md",
        e.entry_date,
        e.id,
        slug(&e.body, "entry")
    )
}

fn goal_path(g: &SnapshotGoal) -> String {
    format!("goals/{:04}-{}.md", g.id, slug(&g.title, "goal"))
}

fn milestone_path(m: &SnapshotMilestone) -> String {
    format!("milestones/{:05}-{}.md", m.id, slug(&m.title, "milestone"))
}

/// One line naming an entry: its date and first words.
pub(crate) fn entry_label(e: &SnapshotEntry) -> String {
    let first = e
        .body
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_start_matches(['#', ' ']);
    let words: String = first.chars().take(60).collect();
    format!("{} — {}", e.entry_date, inline_text(&words))
}

fn entry_file(e: &SnapshotEntry, milestones: &[&SnapshotMilestone]) -> OutputFile {
    let mut text = String::from("---\n");
    text.push_str(&format!("date: {}\n", e.entry_date));
    let tags: Vec<String> = e.tags.iter().map(|t| yaml_text(t)).collect();
    text.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    if let Some(mood) = e.mood {
        text.push_str(&format!("mood: {mood}\n"));
    }
    if let Some(progress) = e.progress {
        text.push_str(&format!("progress: {progress}\n"));
    }
    text.push_str(&format!(
        "created: {}\n",
        yaml_text(&e.created_at.to_rfc3339())
    ));
    text.push_str(&format!(
        "updated: {}\n",
        yaml_text(&e.updated_at.to_rfc3339())
    ));
    if !milestones.is_empty() {
        let titles: Vec<String> = milestones.iter().map(|m| yaml_text(&m.title)).collect();
        text.push_str(&format!("milestones: [{}]\n", titles.join(", ")));
    }
    text.push_str("---\n\n");
    text.push_str(&e.body);
    if !e.body.ends_with('\n') {
        text.push('\n');
    }
    OutputFile {
        path: entry_path(e),
        contents: text,
    }
}

fn milestone_line(m: &SnapshotMilestone) -> String {
    let state = match m.achieved_date {
        Some(d) => format!("achieved {d}"),
        None => match m.planned_date {
            Some(p) => format!("planned for {p}"),
            None => "open".to_owned(),
        },
    };
    format!(
        "- [{}] [{}](../{}) — {}, weight {}, {}",
        if m.achieved_date.is_some() { "x" } else { " " },
        inline_text(&m.title),
        milestone_path(m),
        m.kind,
        m.weight,
        state
    )
}

fn goal_file(g: &SnapshotGoal, milestones: &[&SnapshotMilestone]) -> OutputFile {
    let mut text = String::from("---\n");
    text.push_str(&format!("title: {}\n", yaml_text(&g.title)));
    text.push_str(&format!("status: {}\n", g.status));
    text.push_str(&format!("start: {}\n", g.start_date));
    text.push_str(&format!("target: {}\n", g.target_date));
    if let Some(weeks) = g.cadence_weeks {
        text.push_str(&format!("cadence_weeks: {weeks}\n"));
    }
    text.push_str("---\n\n");
    text.push_str(&format!("# {}\n\n", inline_text(&g.title)));
    text.push_str(&format!("## Here\n\n{}\n\n", g.here.trim_end()));
    text.push_str(&format!("## There\n\n{}\n\n", g.there.trim_end()));
    text.push_str("## Milestones\n\n");
    if milestones.is_empty() {
        text.push_str("None yet.\n");
    }
    for m in milestones {
        text.push_str(&milestone_line(m));
        text.push('\n');
    }
    OutputFile {
        path: goal_path(g),
        contents: text,
    }
}

fn milestone_file(
    m: &SnapshotMilestone,
    goal: Option<&SnapshotGoal>,
    entries: &HashMap<i64, &SnapshotEntry>,
) -> OutputFile {
    let mut text = String::from("---\n");
    text.push_str(&format!("title: {}\n", yaml_text(&m.title)));
    if let Some(g) = goal {
        text.push_str(&format!("goal: {}\n", yaml_text(&g.title)));
    }
    text.push_str(&format!("kind: {}\n", m.kind));
    text.push_str(&format!("weight: {}\n", m.weight));
    if let Some(p) = m.planned_date {
        text.push_str(&format!("planned: {p}\n"));
    }
    if let Some(a) = m.achieved_date {
        text.push_str(&format!("achieved: {a}\n"));
    }
    text.push_str("---\n\n");
    text.push_str(&format!("# {}\n\n", inline_text(&m.title)));
    if let Some(g) = goal {
        text.push_str(&format!(
            "Goal: [{}](../{})\n\n",
            inline_text(&g.title),
            goal_path(g)
        ));
    }
    if !m.notes.trim().is_empty() {
        text.push_str(&format!("{}\n\n", m.notes.trim_end()));
    }
    let linked: Vec<&SnapshotEntry> = m
        .entries
        .iter()
        .filter_map(|l| entries.get(&l.entry_id).copied())
        .collect();
    if !linked.is_empty() {
        text.push_str("## Journal entries\n\n");
        for e in linked {
            text.push_str(&format!("- [{}](../{})\n", entry_label(e), entry_path(e)));
        }
    }
    OutputFile {
        path: milestone_path(m),
        contents: text,
    }
}

/// Every file of the Markdown export of `snapshot`. Entries in the trash and removed pauses
/// are left out (the JSON export keeps them).
pub fn folder(snapshot: &Snapshot) -> Vec<OutputFile> {
    let live: Vec<&SnapshotEntry> = snapshot
        .entries
        .iter()
        .filter(|e| e.deleted_at.is_none())
        .collect();
    let by_id: HashMap<i64, &SnapshotEntry> = live.iter().map(|e| (e.id, *e)).collect();
    let mut milestones_of_entry: HashMap<i64, Vec<&SnapshotMilestone>> = HashMap::new();
    for m in &snapshot.milestones {
        for l in &m.entries {
            milestones_of_entry.entry(l.entry_id).or_default().push(m);
        }
    }
    let mut files = Vec::new();
    for e in &live {
        let ms = milestones_of_entry
            .get(&e.id)
            .map_or(&[][..], Vec::as_slice);
        files.push(entry_file(e, ms));
    }
    let goals: HashMap<i64, &SnapshotGoal> = snapshot.goals.iter().map(|g| (g.id, g)).collect();
    for g in &snapshot.goals {
        let ms: Vec<&SnapshotMilestone> = snapshot
            .milestones
            .iter()
            .filter(|m| m.goal_id == g.id)
            .collect();
        files.push(goal_file(g, &ms));
    }
    for m in &snapshot.milestones {
        files.push(milestone_file(m, goals.get(&m.goal_id).copied(), &by_id));
    }
    let mut index = String::from("# Trajectory journal\n\n");
    index.push_str(&format!(
        "Exported {}. {} entries, {} goals, {} milestones.\n\n",
        snapshot.exported_at.to_rfc3339(),
        live.len(),
        snapshot.goals.len(),
        snapshot.milestones.len()
    ));
    if !snapshot.goals.is_empty() {
        index.push_str("## Goals\n\n");
        for g in &snapshot.goals {
            index.push_str(&format!(
                "- [{}]({}) — {}, {} → {}\n",
                inline_text(&g.title),
                goal_path(g),
                g.status,
                g.start_date,
                g.target_date
            ));
        }
        index.push('\n');
    }
    let pauses: Vec<_> = snapshot
        .paused_periods
        .iter()
        .filter(|p| p.deleted_at.is_none())
        .collect();
    if !pauses.is_empty() {
        index.push_str("## Paused periods\n\n");
        for p in pauses {
            let end = p
                .end
                .map_or_else(|| "ongoing".to_owned(), |e| e.to_string());
            index.push_str(&format!(
                "- {} → {}: {}\n",
                p.start,
                end,
                inline_text(&p.reason)
            ));
        }
        index.push('\n');
    }
    files.push(OutputFile {
        path: "index.md".into(),
        contents: index,
    });
    files
}

/// Writes `files` under `dir`, which must be new or empty (an export never overwrites what
/// is already there).
pub fn write_folder(files: &[OutputFile], dir: &Path) -> Result<(), ExchangeError> {
    if dir.exists() {
        let mut listing = std::fs::read_dir(dir).map_err(ExchangeError::io(dir))?;
        if listing.next().is_some() {
            return Err(ExchangeError::Io {
                path: dir.display().to_string(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "the folder is not empty; choose a new or empty folder",
                ),
            });
        }
    }
    for file in files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(ExchangeError::io(parent))?;
        }
        std::fs::write(&path, &file.contents).map_err(ExchangeError::io(&path))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_everywhere() {
        assert_eq!(
            slug("# Shipped the canary deploys!", "entry"),
            "shipped-the-canary-deploys"
        );
        assert_eq!(slug("CON", "entry"), "con");
        assert_eq!(slug("../../etc/passwd", "entry"), "etc-passwd");
        assert_eq!(slug("日本語だけ", "entry"), "entry");
        assert_eq!(slug("", "goal"), "goal");
        assert!(slug(&"word ".repeat(40), "x").len() <= 40);
        let s = slug("a: b / c \\ d * e ? f \" g < h > i | j", "x");
        assert_eq!(s, "a-b-c-d-e-f-g-h-i-j");
    }

    #[test]
    fn yaml_text_quotes_anything() {
        assert_eq!(yaml_text("a \"b\": c\n- d"), r#""a \"b\": c\n- d""#);
    }

    #[test]
    fn inline_text_cannot_open_a_link_or_heading() {
        assert_eq!(
            inline_text("# [x](javascript:y)\nz"),
            r"\# \[x\](javascript:y) z"
        );
    }
}
