//! `traj entry …`: add, list, show, delete and restore journal entries.

use std::io::{IsTerminal, Read};

use chrono::Local;
use clap::Subcommand;
use trajectory_core::{Entry, EntryDraft};
use trajectory_store::{Store, StoreError};

use crate::{Failure, json};

#[derive(Subcommand)]
pub(crate) enum EntryCommand {
    /// Add an entry; the text comes from --text or standard input. Prints the new id.
    Add {
        /// The day the entry is about, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// A tag; repeat for several.
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// The entry's Markdown text (default: read standard input).
        #[arg(long)]
        text: Option<String>,
        /// How the day felt, 1 (low) to 5 (high).
        #[arg(long)]
        mood: Option<u8>,
        /// Did I move forward? 1 (not at all) to 5 (clearly).
        #[arg(long)]
        progress: Option<u8>,
        /// Print the created entry as JSON instead of its id.
        #[arg(long)]
        json: bool,
    },
    /// List entries, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one entry.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Change an entry. Fields not given stay as they are; the text comes from --text,
    /// standard input, or (on a terminal) $VISUAL / $EDITOR.
    Edit {
        id: i64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Replace the tags with these (repeat for several).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Remove every tag.
        #[arg(long, conflicts_with = "tags")]
        clear_tags: bool,
        #[arg(long)]
        text: Option<String>,
        #[arg(long)]
        mood: Option<u8>,
        #[arg(long)]
        progress: Option<u8>,
        #[arg(long)]
        json: bool,
    },
    /// Move an entry to the trash (restore it with `traj entry restore`).
    Delete { id: i64 },
    /// Take an entry back out of the trash.
    Restore { id: i64 },
}

fn read_stdin() -> Result<String, Failure> {
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("Write the entry, then press Ctrl-D:");
    }
    let mut text = String::new();
    stdin
        .read_to_string(&mut text)
        .map_err(|e| Failure(format!("could not read standard input: {e}")))?;
    Ok(text)
}

/// Lets the person edit `body` in $VISUAL or $EDITOR; returns the edited text.
fn edit_in_editor(body: &str) -> Result<String, Failure> {
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .map_err(|_| {
            Failure("no text given: pass --text, pipe the text in, or set $EDITOR".into())
        })?;
    let path = std::env::temp_dir().join(format!("traj-entry-{}.md", std::process::id()));
    std::fs::write(&path, body)
        .map_err(|e| Failure(format!("could not write {}: {e}", path.display())))?;
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("traj-editor")
        .arg(&path)
        .status()
        .map_err(|e| Failure(format!("could not start {editor}: {e}")));
    let text = std::fs::read_to_string(&path);
    let _ = std::fs::remove_file(&path);
    match status? {
        s if s.success() => {
            text.map_err(|e| Failure(format!("could not read the edited text: {e}")))
        }
        s => Err(Failure(format!(
            "{editor} exited with {s}; nothing was saved"
        ))),
    }
}

fn first_line(body: &str, width: usize) -> String {
    let line = body
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if line.chars().count() > width {
        let cut: String = line.chars().take(width - 1).collect();
        format!("{cut}…")
    } else {
        line.to_owned()
    }
}

fn print_entry(e: &Entry) {
    println!("entry {}  {}", e.id, e.entry_date);
    if let Some(m) = e.mood {
        println!("mood: {m}/5");
    }
    if let Some(p) = e.progress {
        println!("felt progress: {p}/5");
    }
    if !e.tags.is_empty() {
        println!("tags: {}", e.tags.join(", "));
    }
    if e.deleted_at.is_some() {
        println!("(in the trash)");
    }
    println!();
    println!("{}", e.body);
}

pub(crate) fn run(
    cmd: EntryCommand,
    open: impl FnOnce() -> Result<Store, StoreError>,
) -> Result<(), Failure> {
    match cmd {
        EntryCommand::Add {
            date,
            tags,
            text,
            mood,
            progress,
            json: as_json,
        } => {
            let body = match text {
                Some(t) => t,
                None => read_stdin()?,
            };
            let draft = EntryDraft {
                entry_date: date.unwrap_or_else(|| Local::now().date_naive().to_string()),
                body,
                tags,
                mood,
                progress,
            };
            // Validate before opening the database: bad input never touches it.
            let valid = draft.validate()?;
            let entry = open()?.create_entry(&valid)?;
            if as_json {
                println!("{}", json(&entry)?);
            } else {
                println!("{}", entry.id);
            }
        }
        EntryCommand::List { json: as_json } => {
            let store = open()?;
            let mut all = Vec::new();
            let mut cursor = None;
            loop {
                let page = store.timeline(cursor, 500)?;
                all.extend(page.entries);
                match page.next {
                    Some(c) => cursor = Some(c),
                    None => break,
                }
            }
            if as_json {
                println!("{}", json(&all)?);
            } else {
                for e in &all {
                    let tags = if e.tags.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", e.tags.join(", "))
                    };
                    println!(
                        "{:>6}  {}{}  {}",
                        e.id,
                        e.entry_date,
                        tags,
                        first_line(&e.body, 60)
                    );
                }
            }
        }
        EntryCommand::Show { id, json: as_json } => {
            let entry = open()?.entry(id)?;
            if as_json {
                println!("{}", json(&entry)?);
            } else {
                print_entry(&entry);
            }
        }
        EntryCommand::Edit {
            id,
            date,
            tags,
            clear_tags,
            text,
            mood,
            progress,
            json: as_json,
        } => {
            let mut store = open()?;
            let current = store.entry(id)?;
            let changes_fields = date.is_some()
                || !tags.is_empty()
                || clear_tags
                || mood.is_some()
                || progress.is_some();
            let body = match text {
                Some(t) => t,
                // Only fields were given: the text stays as it is.
                None if changes_fields => current.body.clone(),
                None if !std::io::stdin().is_terminal() => read_stdin()?,
                None => edit_in_editor(&current.body)?,
            };
            let draft = EntryDraft {
                entry_date: date.unwrap_or_else(|| current.entry_date.to_string()),
                body,
                tags: if clear_tags {
                    Vec::new()
                } else if tags.is_empty() {
                    current.tags.clone()
                } else {
                    tags
                },
                mood: mood.or(current.mood),
                progress: progress.or(current.progress),
            };
            let valid = draft.validate()?;
            let updated = store.update_entry(id, &valid)?;
            if as_json {
                println!("{}", json(&updated)?);
            } else if updated.updated_at == current.updated_at {
                println!("Entry {id} unchanged.");
            } else {
                println!("Entry {id} saved (the previous version is kept in its history).");
            }
        }
        EntryCommand::Delete { id } => {
            open()?.trash_entry(id)?;
            println!("Entry {id} moved to the trash (undo with: traj entry restore {id}).");
        }
        EntryCommand::Restore { id } => {
            open()?.restore_entry(id)?;
            println!("Entry {id} restored.");
        }
    }
    Ok(())
}
