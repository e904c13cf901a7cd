//! Journal entries: what one is, and the rules a draft must pass before it may be stored.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::DomainError;

/// The largest body accepted, in bytes of UTF-8.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// The most tags one entry may carry.
pub const MAX_TAGS: usize = 32;
/// The longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 64;

/// The identifier of a stored entry.
pub type EntryId = i64;

/// A stored journal entry, exactly as the person wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Entry {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: EntryId,
    /// The day the entry is about (not necessarily the day it was written).
    pub entry_date: NaiveDate,
    /// Markdown text, stored verbatim.
    pub body: String,
    pub tags: Vec<String>,
    /// How the day felt, 1 (low) to 5 (high), if the person said.
    pub mood: Option<u8>,
    /// "Did I move forward?", 1 (not at all) to 5 (clearly), if the person said.
    pub progress: Option<u8>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set while the entry is in the trash.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Where the next page of the timeline starts: just after this entry (newest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PageCursor {
    pub entry_date: NaiveDate,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: EntryId,
}

/// One page of the timeline, newest first, and where the next page starts (if any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EntryPage {
    pub entries: Vec<Entry>,
    pub next: Option<PageCursor>,
}

/// What a front end sends to create or replace an entry: raw, unchecked input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EntryDraft {
    /// The entry's day as `YYYY-MM-DD`.
    pub entry_date: String,
    pub body: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub mood: Option<u8>,
    #[serde(default)]
    pub progress: Option<u8>,
}

/// A draft that passed every rule; the only thing the store accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEntry {
    entry_date: NaiveDate,
    body: String,
    tags: Vec<String>,
    mood: Option<u8>,
    progress: Option<u8>,
}

impl ValidEntry {
    pub fn entry_date(&self) -> NaiveDate {
        self.entry_date
    }
    pub fn body(&self) -> &str {
        &self.body
    }
    pub fn tags(&self) -> &[String] {
        &self.tags
    }
    pub fn mood(&self) -> Option<u8> {
        self.mood
    }
    pub fn progress(&self) -> Option<u8> {
        self.progress
    }
}

impl EntryDraft {
    /// Checks the draft. The body is kept byte for byte; tags are trimmed, a leading `#` is
    /// dropped, and repeats (ignoring case) are removed, first spelling kept.
    pub fn validate(self) -> Result<ValidEntry, DomainError> {
        let entry_date = parse_date(&self.entry_date)?;
        if self.body.trim().is_empty() {
            return Err(DomainError::EmptyBody);
        }
        if self.body.len() > MAX_BODY_BYTES {
            return Err(DomainError::BodyTooLarge {
                size: self.body.len(),
                limit: MAX_BODY_BYTES,
            });
        }
        let tags = normalise_tags(self.tags)?;
        let mood = check_rating("mood", self.mood)?;
        let progress = check_rating("felt progress", self.progress)?;
        Ok(ValidEntry {
            entry_date,
            body: self.body,
            tags,
            mood,
            progress,
        })
    }
}

/// Parses a calendar date written `YYYY-MM-DD`, refusing impossible ones (2026-02-30) and
/// years outside 1000–9999.
pub fn parse_date(input: &str) -> Result<NaiveDate, DomainError> {
    let invalid = || DomainError::InvalidDate {
        input: input.to_owned(),
    };
    let trimmed = input.trim();
    let well_formed = trimmed.len() == 10
        && trimmed.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err(invalid());
    }
    let date = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").map_err(|_| invalid())?;
    if !(1000..=9999).contains(&date.year()) {
        return Err(invalid());
    }
    Ok(date)
}

/// A rating is 1–5 or absent.
pub fn check_rating(field: &'static str, value: Option<u8>) -> Result<Option<u8>, DomainError> {
    match value {
        Some(v) if !(1..=5).contains(&v) => Err(DomainError::InvalidRating { field, value: v }),
        other => Ok(other),
    }
}

/// A tag and how many entries (outside the trash) carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TagCount {
    pub name: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub count: i64,
}

fn normalise_tags(raw: Vec<String>) -> Result<Vec<String>, DomainError> {
    let mut tags: Vec<String> = Vec::new();
    for tag in raw {
        let cleaned = tag.trim();
        let cleaned = cleaned.strip_prefix('#').unwrap_or(cleaned).trim();
        if cleaned.is_empty() {
            continue;
        }
        if cleaned.chars().count() > MAX_TAG_CHARS {
            return Err(DomainError::InvalidTag {
                tag: cleaned.to_owned(),
                reason: "tags are at most 64 characters",
            });
        }
        if cleaned.chars().any(|c| c.is_control() || c == ',') {
            return Err(DomainError::InvalidTag {
                tag: cleaned.to_owned(),
                reason: "tags cannot contain commas or line breaks",
            });
        }
        if !tags
            .iter()
            .any(|t| t.to_lowercase() == cleaned.to_lowercase())
        {
            tags.push(cleaned.to_owned());
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(DomainError::TooManyTags { limit: MAX_TAGS });
    }
    Ok(tags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn draft(date: &str, body: &str, tags: &[&str]) -> EntryDraft {
        EntryDraft {
            entry_date: date.into(),
            body: body.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            mood: None,
            progress: None,
        }
    }

    #[test]
    fn ratings_are_one_to_five_or_absent() {
        let mut d = draft("2026-03-14", "x", &[]);
        d.mood = Some(5);
        d.progress = Some(1);
        let v = d.clone().validate().unwrap();
        assert_eq!((v.mood(), v.progress()), (Some(5), Some(1)));
        for bad in [0, 6, 255] {
            let mut d = d.clone();
            d.mood = Some(bad);
            assert_eq!(
                d.validate().unwrap_err().code(),
                crate::ErrorCode::InvalidRating
            );
        }
    }

    #[test]
    fn accepts_a_plain_entry() {
        let valid = draft("2026-03-14", "Shipped the importer.", &["work"])
            .validate()
            .unwrap();
        assert_eq!(
            valid.entry_date(),
            NaiveDate::from_ymd_opt(2026, 3, 14).unwrap()
        );
        assert_eq!(valid.body(), "Shipped the importer.");
        assert_eq!(valid.tags(), ["work"]);
    }

    #[test]
    fn refuses_an_empty_or_blank_body() {
        assert_eq!(
            draft("2026-03-14", "", &[]).validate(),
            Err(DomainError::EmptyBody)
        );
        assert_eq!(
            draft("2026-03-14", " \n\t ", &[]).validate(),
            Err(DomainError::EmptyBody)
        );
    }

    #[test]
    fn refuses_a_body_over_one_mebibyte() {
        let body = "x".repeat(MAX_BODY_BYTES + 1);
        let err = draft("2026-03-14", &body, &[]).validate().unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::BodyTooLarge);
        let exactly = "x".repeat(MAX_BODY_BYTES);
        assert!(draft("2026-03-14", &exactly, &[]).validate().is_ok());
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        for bad in [
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "26-03-14",
            "2026/03/14",
            "2026-3-14",
            "",
            "0999-12-31",
            "tomorrow",
            "2026-03-14T10:00",
        ] {
            let err = draft(bad, "text", &[]).validate().unwrap_err();
            assert_eq!(err.code(), crate::ErrorCode::InvalidDate, "{bad:?}");
        }
        assert!(draft("2024-02-29", "leap day", &[]).validate().is_ok());
    }

    #[test]
    fn keeps_markup_and_sql_metacharacters_verbatim() {
        let body = "<script>alert(1)</script> '; DROP TABLE entries; -- \"quoted\" %_\\";
        let valid = draft("2026-03-14", body, &[]).validate().unwrap();
        assert_eq!(valid.body(), body);
    }

    #[test]
    fn tidies_tags_without_losing_their_spelling() {
        let valid = draft("2026-03-14", "x", &[" #Growth ", "growth", "", "team lead"])
            .validate()
            .unwrap();
        assert_eq!(valid.tags(), ["Growth", "team lead"]);
    }

    #[test]
    fn refuses_bad_tags() {
        let long = "t".repeat(MAX_TAG_CHARS + 1);
        for bad in [long.as_str(), "a,b", "line\nbreak"] {
            let err = draft("2026-03-14", "x", &[bad]).validate().unwrap_err();
            assert_eq!(err.code(), crate::ErrorCode::InvalidTag, "{bad:?}");
        }
        let many: Vec<String> = (0..=MAX_TAGS).map(|i| format!("t{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let err = draft("2026-03-14", "x", &many).validate().unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::TooManyTags);
    }

    #[test]
    fn error_codes_serialise_in_snake_case() {
        let json = serde_json::to_string(&crate::ErrorCode::BodyTooLarge).unwrap();
        assert_eq!(json, "\"body_too_large\"");
    }

    proptest! {
        #[test]
        fn any_real_date_round_trips(days in 0i64..3_000_000) {
            let date = NaiveDate::from_ymd_opt(1000, 1, 1).unwrap() + chrono::Days::new(days as u64);
            prop_assume!(date.year() <= 9999);
            prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
        }

        #[test]
        fn a_non_blank_body_is_stored_byte_for_byte(body in "\\PC{1,200}") {
            prop_assume!(!body.trim().is_empty());
            let valid = draft("2026-01-01", &body, &[]).validate().unwrap();
            prop_assert_eq!(valid.body(), body.as_str());
        }

        #[test]
        fn tags_never_repeat_ignoring_case(tags in proptest::collection::vec("[a-zA-Z ]{0,10}", 0..20)) {
            let refs: Vec<&str> = tags.iter().map(String::as_str).collect();
            let valid = draft("2026-01-01", "x", &refs).validate().unwrap();
            let lower: std::collections::HashSet<String> =
                valid.tags().iter().map(|t| t.to_lowercase()).collect();
            prop_assert_eq!(lower.len(), valid.tags().len());
        }
    }
}
