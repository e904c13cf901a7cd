//! Day One JSON exports, alone or in the `.zip` Day One makes (the JSON beside `photos/`,
//! `videos/`, `audios/`, `pdfs/`). Text, dates in the entry's own time zone, tags and stars
//! come over; media is counted and reported, not copied.

use std::io::Read;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use serde_json::Value;
use trajectory_core::{EntryDraft, ImportedEntry};

use crate::ParsedEntries;
use crate::error::ExchangeError;
use crate::jrnl::{STARRED_TAG, utf8};

/// The largest JSON file read out of a zip (a guard against a zip that inflates without end).
const MAX_JSON_IN_ZIP: u64 = 512 * 1024 * 1024;

/// What stands in the text where a photo, video, audio or PDF was.
pub const MEDIA_PLACEHOLDER: &str = "*(media not imported)*";

#[derive(Deserialize)]
struct Export {
    #[allow(dead_code)]
    metadata: Value,
    entries: Vec<DayOneEntry>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DayOneEntry {
    uuid: String,
    creation_date: String,
    #[serde(default)]
    modified_date: Option<String>,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
    #[serde(default)]
    photos: Vec<Value>,
    #[serde(default)]
    videos: Vec<Value>,
    #[serde(default)]
    audios: Vec<Value>,
    #[serde(default)]
    pdf_attachments: Vec<Value>,
}

/// Reads a Day One export: the JSON itself, or a zip holding one or more journals' JSON
/// files (told apart by the zip's signature, whatever the file is called).
pub fn parse(bytes: &[u8]) -> Result<ParsedEntries, ExchangeError> {
    if bytes.starts_with(b"PK\x03\x04") {
        parse_zip(bytes)
    } else {
        parse_json(bytes, "")
    }
}

fn parse_zip(bytes: &[u8]) -> Result<ParsedEntries, ExchangeError> {
    let bad_zip = |e: zip::result::ZipError| ExchangeError::malformed("the zip file", e);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(bad_zip)?;
    let mut parsed = ParsedEntries::default();
    let mut journals = 0;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(bad_zip)?;
        let name = file.name().map_err(bad_zip)?.into_owned();
        // Journals sit at the top of the zip; media folders hold no JSON of ours.
        if !file.is_file() || name.contains('/') || !name.to_lowercase().ends_with(".json") {
            continue;
        }
        let mut json = Vec::new();
        (&mut file)
            .take(MAX_JSON_IN_ZIP + 1)
            .read_to_end(&mut json)
            .map_err(|e| ExchangeError::malformed(format!("{name} in the zip"), e))?;
        if json.len() as u64 > MAX_JSON_IN_ZIP {
            return Err(ExchangeError::malformed(
                format!("{name} in the zip"),
                "it is larger than 512 MiB",
            ));
        }
        let one = parse_json(&json, &format!("{name}: "))?;
        parsed.entries.extend(one.entries);
        parsed.media_not_imported += one.media_not_imported;
        journals += 1;
    }
    if journals == 0 {
        return Err(ExchangeError::malformed(
            "the zip file",
            "it holds no Day One journal (a .json file at its top level)",
        ));
    }
    Ok(parsed)
}

/// Reads one journal's JSON; `place` prefixes error locations (the file name in a zip).
fn parse_json(bytes: &[u8], place: &str) -> Result<ParsedEntries, ExchangeError> {
    let text = utf8(bytes)?;
    let export: Export = serde_json::from_str(text).map_err(|e| match ExchangeError::json(&e) {
        ExchangeError::Malformed { at, reason } => ExchangeError::Malformed {
            at: format!("{place}{at}"),
            reason,
        },
        other => other,
    })?;
    let mut parsed = ParsedEntries::default();
    for (i, e) in export.entries.into_iter().enumerate() {
        let at = format!("{place}entry {} (uuid {})", i + 1, e.uuid);
        let bad = |reason: String| ExchangeError::malformed(&at, reason);
        let created = read_time(&e.creation_date)
            .ok_or_else(|| bad(format!("\"{}\" is not a date and time", e.creation_date)))?;
        let modified = match e.modified_date.as_deref() {
            None => None,
            Some(m) => {
                Some(read_time(m).ok_or_else(|| bad(format!("\"{m}\" is not a date and time")))?)
            }
        };
        let zone: Tz = match e.time_zone.as_deref().map(str::trim) {
            None | Some("") => Tz::UTC,
            Some(name) => name
                .parse()
                .map_err(|_| bad(format!("\"{name}\" is not a time zone this version knows")))?,
        };
        let local_date = created.with_timezone(&zone).date_naive();
        let media = e.photos.len() + e.videos.len() + e.audios.len() + e.pdf_attachments.len();
        parsed.media_not_imported += media as u64;
        let body = unescape(&replace_media_links(e.text.as_deref().unwrap_or("")));
        let body = body.trim_end().to_owned();
        let mut tags: Vec<String> = e.tags.iter().map(|t| t.trim().to_owned()).collect();
        if e.starred {
            tags.push(STARRED_TAG.to_owned());
        }
        parsed.entries.push(ImportedEntry {
            source_key: format!("dayone:{}", e.uuid),
            at,
            draft: EntryDraft {
                entry_date: local_date.format("%Y-%m-%d").to_string(),
                body,
                tags,
                mood: None,
                progress: None,
            },
            created_at: Some(created),
            updated_at: modified,
        });
    }
    Ok(parsed)
}

fn read_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Day One writes its media into the text as `![](dayone-moment://ID)` (and
/// `dayone-moment:/video/ID`, `/audio/`, `/pdfAttachment/`). The files are not brought over,
/// so each such image becomes a short visible note instead of a link to nowhere.
pub fn replace_media_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Each pattern's next place is remembered, so the text is searched once, however many
    // `![` lead nowhere.
    let mut closes = NextPlace::new(text, "](");
    let mut parens = NextPlace::new(text, ")");
    let mut copied = 0;
    let mut from = 0;
    while let Some(found) = text[from..].find("![") {
        let start = from + found;
        let end = closes
            .at_or_after(start)
            .filter(|close| text[close + 2..].starts_with("dayone-moment:"))
            .and_then(|close| parens.at_or_after(close + 2));
        match end {
            Some(paren) => {
                out.push_str(&text[copied..start]);
                out.push_str(MEDIA_PLACEHOLDER);
                copied = paren + 1;
                from = paren + 1;
            }
            None => from = start + 2,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Where `pattern` next occurs in `text` at or after a position, for positions that never go
/// back: a search resumes from the last one, so every byte is looked at about once.
struct NextPlace<'a> {
    text: &'a str,
    pattern: &'a str,
    /// The last search: where it started and what it found.
    last: Option<(usize, Option<usize>)>,
}

impl<'a> NextPlace<'a> {
    fn new(text: &'a str, pattern: &'a str) -> Self {
        NextPlace {
            text,
            pattern,
            last: None,
        }
    }

    fn at_or_after(&mut self, from: usize) -> Option<usize> {
        match self.last {
            Some((searched, None)) if searched <= from => return None,
            Some((searched, Some(place))) if searched <= from && from <= place => {
                return Some(place);
            }
            _ => {}
        }
        let place = self.text[from..].find(self.pattern).map(|p| from + p);
        self.last = Some((from, place));
        place
    }
}

/// What the current line of unescaped text holds so far: all that decides whether a `\#`,
/// `\-` or `\.` must keep its backslash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineSoFar {
    /// Nothing, or only spaces and tabs.
    Indent,
    /// Only whitespace, some of it other than spaces and tabs.
    Blank,
    /// Whitespace, then one or more ASCII digits.
    Digits,
    /// Anything else.
    Text,
}

impl LineSoFar {
    fn then(self, c: char) -> LineSoFar {
        match (self, c) {
            (_, '\n') => LineSoFar::Indent,
            (LineSoFar::Indent, ' ' | '\t') => LineSoFar::Indent,
            (LineSoFar::Indent | LineSoFar::Blank, c) if c.is_whitespace() => LineSoFar::Blank,
            (LineSoFar::Indent | LineSoFar::Blank | LineSoFar::Digits, c) if c.is_ascii_digit() => {
                LineSoFar::Digits
            }
            _ => LineSoFar::Text,
        }
    }
}

/// Removes the backslashes Day One puts before punctuation where Markdown does not need
/// them (`Hello\.`, `\(note\)`, `well\-known`, `5\+`, `Wow\!`), and keeps those that stop the
/// character from meaning something: `\*`, `\_`, `` \` ``, `\[`, `\]`, `\\`, `\<`, `\|`, `\~`
/// always; `\#`, `\>`, `\-`, `\+` at the start of a line; `\.` after a line's leading
/// digits (`1\.` is not a list item); `\!` before `[` (not an image). One pass: what the
/// line holds so far is carried along, never searched again.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line = LineSoFar::Indent;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(next) = chars.next()
        {
            let keep = match next {
                '*' | '_' | '`' | '[' | ']' | '\\' | '<' | '|' | '~' => true,
                '#' | '>' | '-' | '+' | '=' => line == LineSoFar::Indent,
                '.' | ')' => line == LineSoFar::Digits,
                '!' => chars.peek() == Some(&'['),
                '(' | '{' | '}' | '\'' | '"' | ':' | ',' | ';' | '?' | '/' | '&' | '%' | '$'
                | '@' | '^' => false,
                _ => true,
            };
            if keep {
                out.push('\\');
                line = line.then('\\');
            }
            out.push(next);
            line = line.then(next);
            continue;
        }
        out.push(c);
        line = line.then(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The straightforward forms of `unescape` and `replace_media_links`, which looked back
    /// over the line (or searched ahead) at every backslash or `![`: right, but slow on hostile
    /// text. The one difference kept on purpose: an escaped line break (`\` at a line's end)
    /// now starts a line too, so a `\#` after it keeps its backslash.
    fn unescape_by_looking_back(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let chars: Vec<char> = text.chars().collect();
        let mut line_start = 0;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '\\'
                && let Some(&next) = chars.get(i + 1)
            {
                let before = &out[line_start..];
                let at_line_start = before.trim_start_matches([' ', '\t']).is_empty();
                let after_digits = !before.trim_start().is_empty()
                    && before.trim_start().chars().all(|d| d.is_ascii_digit());
                let keep = match next {
                    '*' | '_' | '`' | '[' | ']' | '\\' | '<' | '|' | '~' => true,
                    '#' | '>' | '-' | '+' | '=' => at_line_start,
                    '.' | ')' => after_digits,
                    '!' => chars.get(i + 2) == Some(&'['),
                    '(' | '{' | '}' | '\'' | '"' | ':' | ',' | ';' | '?' | '/' | '&' | '%'
                    | '$' | '@' | '^' => false,
                    _ => true,
                };
                if keep {
                    out.push('\\');
                }
                out.push(next);
                if next == '\n' {
                    line_start = out.len();
                }
                i += 2;
                continue;
            }
            out.push(c);
            if c == '\n' {
                line_start = out.len();
            }
            i += 1;
        }
        out
    }

    fn replace_media_links_by_searching_ahead(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find("![") {
            out.push_str(&rest[..start]);
            let candidate = &rest[start..];
            let replaced = candidate.find("](").and_then(|close| {
                let target = &candidate[close + 2..];
                if !target.starts_with("dayone-moment:") {
                    return None;
                }
                let end = target.find(')')?;
                Some(close + 2 + end + 1)
            });
            match replaced {
                Some(len) => {
                    out.push_str(MEDIA_PLACEHOLDER);
                    rest = &candidate[len..];
                }
                None => {
                    out.push_str("![");
                    rest = &candidate[2..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Text made of the pieces that decide an escape or a media link.
    fn markdownish() -> impl Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "\\",
            " ",
            "\t",
            "\n",
            "\r",
            "\u{a0}",
            "1",
            "42",
            "a",
            "é",
            "#",
            ">",
            "-",
            "+",
            "=",
            ".",
            ")",
            "(",
            "!",
            "[",
            "]",
            "*",
            "_",
            "`",
            "<",
            "|",
            "~",
            "{",
            ":",
            "@",
            "^",
            "![",
            "](",
            "dayone-moment:",
            "dayone-moment://P1)",
        ];
        proptest::collection::vec(proptest::sample::select(PIECES), 0..48).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn one_pass_unescape_agrees_with_looking_back(text in markdownish()) {
            prop_assert_eq!(unescape(&text), unescape_by_looking_back(&text));
        }

        #[test]
        fn one_pass_media_links_agree_with_searching_ahead(text in markdownish()) {
            prop_assert_eq!(
                replace_media_links(&text),
                replace_media_links_by_searching_ahead(&text)
            );
        }
    }

    #[test]
    fn an_escaped_line_break_starts_a_line() {
        assert_eq!(unescape("one\\\n\\# two"), "one\\\n\\# two");
        assert_eq!(unescape("one\\\n2\\. two"), "one\\\n2\\. two");
    }

    #[test]
    fn hostile_text_keeps_its_meaning() {
        // The shapes the hostile-input bench times (benches/hostile.rs), small.
        assert_eq!(unescape("   \\#\\#"), "   \\##");
        assert_eq!(unescape("12\\!\\."), "12!.");
        assert_eq!(unescape("12\\.\\."), "12\\..");
        assert_eq!(replace_media_links("![![![x"), "![![![x");
        assert_eq!(
            replace_media_links("![![](dayone-moment:x"),
            "![![](dayone-moment:x"
        );
        assert_eq!(
            replace_media_links("![![](dayone-moment:x)"),
            MEDIA_PLACEHOLDER,
            "the first `![` takes the link, as it always did"
        );
    }

    #[test]
    fn unescapes_only_what_markdown_does_not_need() {
        assert_eq!(
            unescape(r"Hello\. Wow\! \(aside\) well\-known 5\+"),
            "Hello. Wow! (aside) well-known 5+"
        );
        assert_eq!(
            unescape(r"keep \*stars\* and \_under\_ and \[brackets\]"),
            r"keep \*stars\* and \_under\_ and \[brackets\]"
        );
        assert_eq!(
            unescape("\\# not a heading\n\\- not a list\n1\\. not a list"),
            "\\# not a heading\n\\- not a list\n1\\. not a list"
        );
        assert_eq!(
            unescape(r"C\# and a \- dash, \!\[not an image\]"),
            r"C# and a - dash, !\[not an image\]"
        );
        assert_eq!(unescape(r"\![image](x)"), r"\![image](x)");
        assert_eq!(unescape(r"ends with \\ and \ "), r"ends with \\ and \ ");
        assert_eq!(unescape("trailing\\"), "trailing\\");
    }

    #[test]
    fn media_links_become_a_note() {
        assert_eq!(
            replace_media_links(
                "Before ![](dayone-moment://ABC) after ![a cat](https://x/c.png) ![](dayone-moment:/video/D)"
            ),
            format!(
                "Before {MEDIA_PLACEHOLDER} after ![a cat](https://x/c.png) {MEDIA_PLACEHOLDER}"
            )
        );
        assert_eq!(replace_media_links("![unclosed"), "![unclosed");
    }

    const EXPORT: &str = r##"{
      "metadata": {"version": "1.0"},
      "entries": [
        {"uuid": "A1", "creationDate": "2024-03-09T23:30:00Z", "modifiedDate": "2024-03-10T08:00:00Z",
         "timeZone": "Asia/Tokyo", "text": "# Offsite\n\nWe planned Q2\\. ![](dayone-moment://P1)",
         "tags": ["work", "planning"], "starred": true,
         "photos": [{"identifier": "P1", "md5": "x", "type": "jpeg"}], "videos": [{}]},
        {"uuid": "A2", "creationDate": "2024-03-10T03:00:00Z", "timeZone": "America/Los_Angeles",
         "text": "Late call with the team\\."},
        {"uuid": "A3", "creationDate": "2024-03-11T12:00:00Z", "photos": [{}]}
      ]
    }"##;

    #[test]
    fn reads_entries_in_their_own_time_zone() {
        let parsed = parse(EXPORT.as_bytes()).unwrap();
        let e = &parsed.entries;
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].draft.entry_date, "2024-03-10", "08:30 in Tokyo");
        assert_eq!(
            e[0].draft.body,
            format!("# Offsite\n\nWe planned Q2. {MEDIA_PLACEHOLDER}")
        );
        assert_eq!(e[0].draft.tags, ["work", "planning", "starred"]);
        assert_eq!(e[0].source_key, "dayone:A1");
        assert_eq!(
            e[0].updated_at.unwrap().to_rfc3339(),
            "2024-03-10T08:00:00+00:00"
        );
        assert_eq!(
            e[1].draft.entry_date, "2024-03-09",
            "19:00 the day before in Los Angeles"
        );
        assert_eq!(e[2].draft.body, "", "media only: no text");
        assert_eq!(parsed.media_not_imported, 3);
    }

    #[test]
    fn a_malformed_export_names_the_place() {
        let err = parse(b"{\"metadata\": {}, \"entries\":\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err =
            parse(br#"{"metadata": {}, "entries": [{"uuid": "U", "creationDate": "yesterday"}]}"#)
                .unwrap_err();
        assert!(err.to_string().contains("entry 1 (uuid U)"), "{err}");
        let err = parse(br#"{"metadata": {}, "entries": [{"uuid": "U", "creationDate": "2024-01-01T00:00:00Z", "timeZone": "Mars/Olympus"}]}"#).unwrap_err();
        assert!(err.to_string().contains("Mars/Olympus"), "{err}");
        let err = parse(br#"{"tags": {}, "entries": []}"#).unwrap_err();
        assert!(
            err.to_string().contains("metadata"),
            "a jrnl file is not a Day One export: {err}"
        );
        let err = parse(b"PK\x03\x04 not really a zip").unwrap_err();
        assert!(err.to_string().contains("zip"), "{err}");
    }
}
