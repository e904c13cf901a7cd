//! jrnl journals: the plain-text file (`[YYYY-MM-DD HH:MM] Title. body…`) and the
//! `jrnl --export json` file. Both give the same source keys, so importing one after the
//! other does not duplicate entries.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use trajectory_core::{EntryDraft, ImportedEntry, parse_date};

use crate::ParsedEntries;
use crate::error::ExchangeError;

/// The tag given to entries starred in jrnl or Day One.
pub const STARRED_TAG: &str = "starred";

/// Gives each entry a key from its date, time and words (whitespace-insensitive, so the text
/// file and the JSON export of one journal agree), numbered when a file repeats an entry.
#[derive(Default)]
struct Keys {
    seen: HashMap<String, u32>,
}

impl Keys {
    fn key(&mut self, date: NaiveDate, time: NaiveTime, title: &str, body: &str) -> String {
        let words: Vec<&str> = title
            .split_whitespace()
            .chain(body.split_whitespace())
            .collect();
        let mut hash = Sha256::new();
        hash.update(format!("{date} {}\n", time.format("%H:%M")));
        hash.update(words.join(" "));
        let digest = hash.finalize();
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        let n = self.seen.entry(hex.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            format!("jrnl:{hex}")
        } else {
            format!("jrnl:{hex}#{n}")
        }
    }
}

/// Tags written in the text: `@word` or `#word` at the start or after whitespace, the word
/// starting with a letter, digit or `_` and going on with those or `-+*#/` (so `@tag.` is
/// `tag`, and a Markdown heading `## Title` is no tag). Returned without the symbol, in order
/// of first appearance.
pub fn tags_in(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    // Lowercased tags already taken: a set, so an entry of many distinct tags is read in
    // linear time (a hostile file could otherwise stall the import).
    let mut seen: HashSet<String> = HashSet::new();
    let mut prev_space = true;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if prev_space && (c == '@' || c == '#') {
            let starts = chars
                .get(i + 1)
                .is_some_and(|n| n.is_alphanumeric() || *n == '_');
            if starts {
                let mut j = i + 1;
                while j < chars.len() && (chars[j].is_alphanumeric() || "_-+*#/".contains(chars[j]))
                {
                    j += 1;
                }
                let tag: String = chars[i + 1..j].iter().collect();
                if seen.insert(tag.to_lowercase()) {
                    tags.push(tag);
                }
                prev_space = false;
                i = j;
                continue;
            }
        }
        prev_space = c.is_whitespace();
        i += 1;
    }
    tags
}

/// The date and time of an entry line's brackets, and whether the day (or month) had to be
/// filled in.
struct Stamp {
    date: NaiveDate,
    time: NaiveTime,
    approximate: bool,
}

/// Reads what is between an entry line's brackets. `Ok(None)`: not a date at all (the line is
/// body text, like `[1] a footnote`); `Err`: shaped like a date but not a real one.
fn read_stamp(inside: &str) -> Result<Option<Stamp>, String> {
    let inside = inside.trim();
    let (day_part, time_part) = match inside.split_once(' ') {
        Some((d, t)) => (d, Some(t.trim())),
        None => (inside, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let pieces: Vec<&str> = day_part.split('-').collect();
    let (date_text, approximate) = match pieces.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            if !(digits(y) && digits(m) && digits(d)) {
                return Ok(None);
            }
            (day_part.to_owned(), false)
        }
        // A month without a day, as in `[2019-07 14:23]`: the first of the month, which is
        // also what jrnl's own export gives for it.
        [y, m] if y.len() == 4 && m.len() == 2 && digits(y) && digits(m) => {
            (format!("{y}-{m}-01"), true)
        }
        _ => return Ok(None),
    };
    let date = parse_date(&date_text).map_err(|e| e.to_string())?;
    let time = match time_part {
        None | Some("") => NaiveTime::MIN,
        Some(t) => ["%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M:%S %p", "%I:%M%p"]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(&t.to_uppercase(), f).ok())
            .ok_or_else(|| format!("\"{t}\" is not a time of day (use HH:MM)"))?,
    };
    Ok(Some(Stamp {
        date,
        time,
        approximate,
    }))
}

/// An entry line: `[stamp] rest`. `Ok(None)` if the line is body text.
fn entry_line(line: &str) -> Result<Option<(Stamp, &str)>, String> {
    let Some(rest) = line.strip_prefix('[') else {
        return Ok(None);
    };
    let Some(close) = rest.find(']') else {
        return Ok(None);
    };
    let after = &rest[close + 1..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return Ok(None);
    }
    Ok(read_stamp(&rest[..close])?.map(|s| (s, after.trim_start_matches(' '))))
}

/// The text with its first valid-UTF-8 error placed at a line.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, ExchangeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        ExchangeError::malformed(format!("line {line}"), "the text is not valid UTF-8")
    })
}

/// Reads a jrnl plain-text journal.
///
/// An entry starts with a line `[YYYY-MM-DD HH:MM] Title…` (seconds and `AM`/`PM` times are
/// read too; a bracket that holds no date, like `[1]`, is body text). The entry is the rest of
/// that line and every line up to the next entry, kept as written; a trailing ` *` on the
/// first line marks it starred (tag `starred`), and `@tags` become tags. A month without a
/// day (`[2019-07 14:23]`) is read as the first of the month and counted as approximate.
pub fn parse_text(bytes: &[u8]) -> Result<ParsedEntries, ExchangeError> {
    let text = utf8(bytes)?;
    struct Open {
        line: usize,
        stamp: Stamp,
        first: String,
        rest: Vec<String>,
    }
    let mut parsed = ParsedEntries::default();
    let mut keys = Keys::default();
    let mut current: Option<Open> = None;
    let mut finish = |open: Open, parsed: &mut ParsedEntries| {
        let title_line = open.first.trim_end();
        let starred = title_line.ends_with('*')
            && (title_line.len() == 1 || title_line[..title_line.len() - 1].ends_with(' '));
        let title = if starred {
            title_line.trim_end_matches('*').trim_end()
        } else {
            title_line
        };
        let rest = open.rest.join("\n");
        let body_rest = rest.trim_matches(|c| c == '\n' || c == '\r');
        let body = if body_rest.trim().is_empty() {
            title.to_owned()
        } else if title.is_empty() {
            body_rest.trim_end().to_owned()
        } else {
            format!("{title}\n{}", body_rest.trim_end())
        };
        let mut tags = tags_in(&body);
        if starred {
            tags.push(STARRED_TAG.to_owned());
        }
        if open.stamp.approximate {
            parsed.approximate_dates += 1;
        }
        parsed.entries.push(ImportedEntry {
            source_key: keys.key(open.stamp.date, open.stamp.time, title, body_rest),
            at: format!("line {} ({} entry)", open.line, open.stamp.date),
            draft: EntryDraft {
                entry_date: open.stamp.date.format("%Y-%m-%d").to_string(),
                body,
                tags,
                mood: None,
                progress: None,
            },
            created_at: None,
            updated_at: None,
        });
    };
    for (n, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let number = n + 1;
        match entry_line(line).map_err(|e| ExchangeError::malformed(format!("line {number}"), e))? {
            Some((stamp, first)) => {
                if let Some(open) = current.take() {
                    finish(open, &mut parsed);
                }
                current = Some(Open {
                    line: number,
                    stamp,
                    first: first.to_owned(),
                    rest: Vec::new(),
                });
            }
            None => match current.as_mut() {
                Some(open) => open.rest.push(line.to_owned()),
                None if line.trim().is_empty() => {}
                None => {
                    return Err(ExchangeError::malformed(
                        format!("line {number}"),
                        "a jrnl journal starts with an entry line such as \"[2026-03-14 09:30] Title\"",
                    ));
                }
            },
        }
    }
    if let Some(open) = current.take() {
        finish(open, &mut parsed);
    }
    Ok(parsed)
}

#[derive(Deserialize)]
struct JsonJournal {
    entries: Vec<JsonEntry>,
}

#[derive(Deserialize)]
struct JsonEntry {
    title: String,
    #[serde(default)]
    body: String,
    date: String,
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

/// Reads a `jrnl --export json` file. The entry's text is its title, then a line break and
/// its body; tags lose their `@`; starred entries get the tag `starred`. Times carry no time
/// zone, so only the date is used (the time goes into the source key).
pub fn parse_json(bytes: &[u8]) -> Result<ParsedEntries, ExchangeError> {
    let text = utf8(bytes)?;
    let journal: JsonJournal = serde_json::from_str(text).map_err(|e| ExchangeError::json(&e))?;
    let mut parsed = ParsedEntries::default();
    let mut keys = Keys::default();
    for (i, e) in journal.entries.into_iter().enumerate() {
        let at = format!("entry {} ({} {})", i + 1, e.date, e.title);
        let date = parse_date(&e.date).map_err(|err| ExchangeError::malformed(&at, err))?;
        let time = match e.time.as_deref().map(str::trim) {
            None | Some("") => NaiveTime::MIN,
            Some(t) => NaiveTime::parse_from_str(t, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
                .map_err(|_| {
                    ExchangeError::malformed(&at, format!("\"{t}\" is not a time of day"))
                })?,
        };
        let title = e.title.trim_end();
        let body_text = e.body.trim_matches(|c| c == '\n' || c == '\r').trim_end();
        let body = match (title.is_empty(), body_text.trim().is_empty()) {
            (_, true) => title.to_owned(),
            (true, false) => body_text.to_owned(),
            (false, false) => format!("{title}\n{body_text}"),
        };
        let mut tags: Vec<String> = e
            .tags
            .iter()
            .map(|t| t.trim().trim_start_matches(['@', '#']).to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        if e.starred {
            tags.push(STARRED_TAG.to_owned());
        }
        parsed.entries.push(ImportedEntry {
            source_key: keys.key(date, time, title, body_text),
            at,
            draft: EntryDraft {
                entry_date: date.format("%Y-%m-%d").to_string(),
                body,
                tags,
                mood: None,
                progress: None,
            },
            created_at: None,
            updated_at: None,
        });
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const JOURNAL: &str = "\
[2024-05-02 09:15] Kick-off with the platform team. *
We agreed on @migration scope; @Priya leads.

Next: draft the RFC. #rfc

[2024-05-03 18:40] Quiet day
[1] a footnote, not an entry
## Notes, not a tag
[2024-05 08:00] Month without a day
Only the month was written.
";

    #[test]
    fn reads_entries_titles_stars_and_tags() {
        let parsed = parse_text(JOURNAL.as_bytes()).unwrap();
        assert_eq!(parsed.entries.len(), 3);
        let first = &parsed.entries[0];
        assert_eq!(first.draft.entry_date, "2024-05-02");
        assert_eq!(
            first.draft.body,
            "Kick-off with the platform team.\nWe agreed on @migration scope; @Priya leads.\n\nNext: draft the RFC. #rfc"
        );
        assert_eq!(first.draft.tags, ["migration", "Priya", "rfc", "starred"]);
        assert_eq!(first.at, "line 1 (2024-05-02 entry)");
        let second = &parsed.entries[1];
        assert_eq!(
            second.draft.body,
            "Quiet day\n[1] a footnote, not an entry\n## Notes, not a tag"
        );
        assert!(second.draft.tags.is_empty());
        let third = &parsed.entries[2];
        assert_eq!(third.draft.entry_date, "2024-05-01");
        assert_eq!(parsed.approximate_dates, 1);
    }

    #[test]
    fn the_text_and_json_of_one_journal_give_the_same_keys() {
        let json = r#"{"tags": {"@migration": 1}, "entries": [
            {"title": "Kick-off with the platform team.", "body": "We agreed on @migration scope; @Priya leads.\n\nNext: draft the RFC. #rfc",
             "date": "2024-05-02", "time": "09:15", "tags": ["@migration", "@priya"], "starred": true},
            {"title": "Quiet day", "body": "[1] a footnote, not an entry\n## Notes, not a tag", "date": "2024-05-03", "time": "18:40", "tags": [], "starred": false},
            {"title": "Month without a day", "body": "Only the month was written.", "date": "2024-05-01", "time": "08:00", "tags": [], "starred": false}
        ]}"#;
        let from_json = parse_json(json.as_bytes()).unwrap();
        let from_text = parse_text(JOURNAL.as_bytes()).unwrap();
        let keys = |p: &ParsedEntries| {
            p.entries
                .iter()
                .map(|e| e.source_key.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&from_json), keys(&from_text));
        assert_eq!(
            from_json.entries[0].draft.body,
            from_text.entries[0].draft.body
        );
        assert_eq!(
            from_json.entries[0].draft.tags,
            ["migration", "priya", "starred"]
        );
    }

    #[test]
    fn repeated_entries_get_numbered_keys() {
        let text = "[2024-01-01 10:00] Same.\n[2024-01-01 10:00] Same.\n";
        let parsed = parse_text(text.as_bytes()).unwrap();
        assert_eq!(parsed.entries.len(), 2);
        assert_ne!(parsed.entries[0].source_key, parsed.entries[1].source_key);
        assert!(parsed.entries[1].source_key.ends_with("#2"));
    }

    #[test]
    fn times_with_seconds_or_am_pm_are_read() {
        let text = "[2024-01-01 10:00:30] A\n[2024-01-02 09:05 PM] B\n[2024-01-03] C\n";
        let parsed = parse_text(text.as_bytes()).unwrap();
        let dates: Vec<&str> = parsed
            .entries
            .iter()
            .map(|e| e.draft.entry_date.as_str())
            .collect();
        assert_eq!(dates, ["2024-01-01", "2024-01-02", "2024-01-03"]);
    }

    #[test]
    fn malformed_journals_name_the_line() {
        for (text, line, needle) in [
            (
                "Just some notes\n[2024-01-01 10:00] x",
                "line 1",
                "starts with an entry line",
            ),
            (
                "[2024-01-01 10:00] ok\n\n[2024-02-30 10:00] bad",
                "line 3",
                "not a real date",
            ),
            ("[2024-01-01 25:99] bad time", "line 1", "not a time of day"),
        ] {
            let err = parse_text(text.as_bytes()).unwrap_err();
            let message = err.to_string();
            assert!(message.contains(line), "{message}");
            assert!(message.contains(needle), "{message}");
        }
        let err = parse_text(b"[2024-01-01 10:00] ok\n\xff\xfe").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }

    #[test]
    fn malformed_json_names_the_line_or_entry() {
        let err = parse_json(b"{\"entries\": [\n{\"title\": 1}]}").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err =
            parse_json(br#"{"entries": [{"title": "t", "date": "2024-13-01"}]}"#).unwrap_err();
        assert!(err.to_string().contains("entry 1 (2024-13-01 t)"), "{err}");
        let err = parse_json(b"{\"entries\": [").unwrap_err();
        assert!(err.to_string().contains("ends in the middle"), "{err}");
    }

    #[test]
    fn repeated_tags_keep_their_first_spelling() {
        assert_eq!(
            tags_in("@Work @work #WORK @play @Play_2 @play_2"),
            ["Work", "play", "Play_2"]
        );
    }

    #[test]
    fn tags_need_a_word() {
        assert_eq!(
            tags_in("@a, #b. me@mail.com ## h @ x #_c"),
            ["a", "b", "_c"]
        );
    }
}
