//! Full-text search as the person types it: parsing into a safe FTS5 expression (so no input
//! can be a syntax error), the filters, and highlighted snippets.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::entry::{Entry, check_rating, parse_date};
use crate::error::DomainError;

/// What the search box and its filters send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchQuery {
    /// Words, `prefix*`, `"exact phrases"`, `OR` between alternatives, `-word` to exclude.
    pub text: String,
    /// Only entries carrying every one of these tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Entry dates from (inclusive), `YYYY-MM-DD`.
    #[serde(default)]
    pub from: Option<String>,
    /// Entry dates to (inclusive), `YYYY-MM-DD`.
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub min_mood: Option<u8>,
    #[serde(default)]
    pub max_mood: Option<u8>,
    #[serde(default)]
    pub min_progress: Option<u8>,
    #[serde(default)]
    pub max_progress: Option<u8>,
    /// How many hits at most (default 50, at most 500).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// A search whose filters are checked and whose text is an FTS5 expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSearch {
    /// The FTS5 MATCH expression, or none when only filters were given.
    pub expression: Option<String>,
    pub tags: Vec<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub mood: (u8, u8),
    pub progress: (u8, u8),
    pub limit: u32,
    /// A friendly note on how the text was read, when it needed mending.
    pub hint: Option<String>,
}

/// One piece of a snippet; `hit` pieces are the matching words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHit {
    pub entry: Entry,
    pub snippet: Vec<SnippetPart>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// True when more hits exist than were returned.
    pub more: bool,
    /// A note on how the query was read (e.g. an unclosed quote), or null.
    pub hint: Option<String>,
}

/// Marks the start and end of a matching word inside an FTS5 snippet. Unicode
/// noncharacters, which text typed by a person does not contain.
pub const HIT_START: char = '\u{FDD0}';
pub const HIT_END: char = '\u{FDD1}';

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 500;

impl SearchQuery {
    pub fn validate(self) -> Result<ValidSearch, DomainError> {
        let from = self
            .from
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(parse_date)
            .transpose()?;
        let to = self
            .to
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(parse_date)
            .transpose()?;
        let range = |field, lo: Option<u8>, hi: Option<u8>| -> Result<(u8, u8), DomainError> {
            Ok((
                check_rating(field, lo)?.unwrap_or(1),
                check_rating(field, hi)?.unwrap_or(5),
            ))
        };
        let mood = range("mood", self.min_mood, self.max_mood)?;
        let progress = range("felt progress", self.min_progress, self.max_progress)?;
        let parsed = parse_text(&self.text);
        let tags = self
            .tags
            .into_iter()
            .map(|t| t.trim().trim_start_matches('#').trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        Ok(ValidSearch {
            expression: parsed.expression,
            tags,
            from,
            to,
            mood,
            progress,
            limit: self.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT),
            hint: parsed.hint,
        })
    }
}

/// The text part of a search, read into an FTS5 expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedText {
    pub expression: Option<String>,
    pub hint: Option<String>,
}

#[derive(Debug, PartialEq)]
enum Token {
    Term {
        text: String,
        prefix: bool,
        negated: bool,
    },
    Or,
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// True when FTS5's unicode61 tokenizer would find at least one word in `text`.
fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Reads what the person typed. Every term becomes a quoted FTS5 string, so operators,
/// stray quotes, brackets or SQL can never be a syntax error; unclosed quotes are closed.
pub fn parse_text(input: &str) -> ParsedText {
    let mut tokens = Vec::new();
    let mut hints: Vec<&str> = Vec::new();
    let cleaned: String = input
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut chars = cleaned.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let negated = c == '-'
            && chars
                .clone()
                .nth(1)
                .is_some_and(|n| n == '"' || n.is_alphanumeric());
        if negated {
            chars.next();
        }
        if chars.peek() == Some(&'"') {
            chars.next();
            let mut phrase = String::new();
            let mut closed = false;
            for ch in chars.by_ref() {
                if ch == '"' {
                    closed = true;
                    break;
                }
                phrase.push(ch);
            }
            if !closed {
                hints.push("an unclosed quote was closed at the end");
            }
            let prefix = chars.peek() == Some(&'*');
            if prefix {
                chars.next();
            }
            if has_word(&phrase) {
                tokens.push(Token::Term {
                    text: phrase.trim().to_owned(),
                    prefix,
                    negated,
                });
            }
            continue;
        }
        let mut word = String::new();
        while let Some(&ch) = chars.peek() {
            if ch.is_whitespace() || ch == '"' {
                break;
            }
            word.push(ch);
            chars.next();
        }
        if word == "OR" {
            tokens.push(Token::Or);
            continue;
        }
        let prefix = word.ends_with('*');
        let core = word.trim_end_matches('*');
        if has_word(core) {
            tokens.push(Token::Term {
                text: core.to_owned(),
                prefix,
                negated,
            });
        }
    }

    // Assemble: positives joined by implicit AND / explicit OR, negatives as NOT at the end.
    let mut positive: Vec<String> = Vec::new();
    let mut negative: Vec<String> = Vec::new();
    let mut pending_or = false;
    let mut dropped_or = false;
    for token in tokens {
        match token {
            Token::Or => pending_or = true,
            Token::Term {
                text,
                prefix,
                negated,
            } => {
                let term = if prefix {
                    format!("{}*", quote(&text))
                } else {
                    quote(&text)
                };
                if negated {
                    negative.push(term);
                } else {
                    if pending_or {
                        if positive.is_empty() {
                            dropped_or = true;
                        } else {
                            positive.push("OR".into());
                        }
                    }
                    positive.push(term);
                }
                pending_or = false;
            }
        }
    }
    if pending_or || dropped_or {
        hints.push("OR needs a word on each side, so it was read as a plain word list");
    }
    if positive.is_empty() && !negative.is_empty() {
        hints.push("a search needs at least one word to look for, not only words to leave out");
        negative.clear();
    }
    let expression = if positive.is_empty() {
        None
    } else if negative.is_empty() {
        Some(positive.join(" "))
    } else {
        Some(format!(
            "({}) NOT ({})",
            positive.join(" "),
            negative.join(" OR ")
        ))
    };
    let hint = (!hints.is_empty()).then(|| {
        let mut text = hints.join("; ");
        if let Some(first) = text.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        format!("{text}.")
    });
    ParsedText { expression, hint }
}

/// Splits an FTS5 snippet written with [`HIT_START`]/[`HIT_END`] into parts.
pub fn snippet_parts(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut in_hit = false;
    for ch in marked.chars() {
        match ch {
            HIT_START | HIT_END => {
                if !current.is_empty() {
                    parts.push(SnippetPart {
                        text: std::mem::take(&mut current),
                        hit: in_hit,
                    });
                }
                in_hit = ch == HIT_START;
            }
            _ => current.push(ch),
        }
    }
    if !current.is_empty() {
        parts.push(SnippetPart {
            text: current,
            hit: in_hit,
        });
    }
    parts
}

/// The opening of a body, for hits found by filters alone (no words to highlight).
pub fn plain_snippet(body: &str, max_chars: usize) -> Vec<SnippetPart> {
    let mut text: String = body.chars().take(max_chars).collect();
    if body.chars().count() > max_chars {
        text.push('…');
    }
    vec![SnippetPart { text, hit: false }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn expr(input: &str) -> Option<String> {
        parse_text(input).expression
    }

    #[test]
    fn words_prefixes_and_phrases() {
        assert_eq!(
            expr("promotion review"),
            Some("\"promotion\" \"review\"".into())
        );
        assert_eq!(expr("promot*"), Some("\"promot\"*".into()));
        assert_eq!(expr("\"new manager\""), Some("\"new manager\"".into()));
        assert_eq!(
            expr("raise OR bonus"),
            Some("\"raise\" OR \"bonus\"".into())
        );
        assert_eq!(
            expr("review -annual"),
            Some("(\"review\") NOT (\"annual\")".into())
        );
    }

    #[test]
    fn malformed_input_is_mended_with_a_hint() {
        let p = parse_text("\"new manager");
        assert_eq!(p.expression, Some("\"new manager\"".into()));
        assert!(p.hint.unwrap().contains("unclosed quote"));
        let p = parse_text("OR raise OR");
        assert_eq!(p.expression, Some("\"raise\"".into()));
        assert!(p.hint.is_some());
        assert_eq!(expr("\"\" ** () ;"), None);
        assert_eq!(
            expr("'; DROP TABLE entries; --"),
            Some("\"DROP\" \"TABLE\" \"entries;\"".into())
        );
        assert_eq!(
            expr("NEAR(a b) AND col:x"),
            Some("\"NEAR(a\" \"b)\" \"AND\" \"col:x\"".into())
        );
    }

    #[test]
    fn only_exclusions_ask_for_a_word() {
        let p = parse_text("-annual");
        assert_eq!(p.expression, None);
        assert!(p.hint.unwrap().contains("at least one word"));
    }

    #[test]
    fn quotes_inside_terms_are_doubled() {
        assert_eq!(expr("say\"hi"), Some("\"say\" \"hi\"".into()));
        assert_eq!(expr("it's"), Some("\"it's\"".into()));
    }

    #[test]
    fn snippets_split_into_hits() {
        let marked = format!("a {HIT_START}raise{HIT_END} came");
        assert_eq!(
            snippet_parts(&marked),
            vec![
                SnippetPart {
                    text: "a ".into(),
                    hit: false
                },
                SnippetPart {
                    text: "raise".into(),
                    hit: true
                },
                SnippetPart {
                    text: " came".into(),
                    hit: false
                },
            ]
        );
    }

    #[test]
    fn filters_are_checked() {
        let q = SearchQuery {
            text: "x".into(),
            from: Some("2026-02-30".into()),
            ..Default::default()
        };
        assert_eq!(
            q.validate().unwrap_err().code(),
            crate::ErrorCode::InvalidDate
        );
        let q = SearchQuery {
            text: "x".into(),
            min_mood: Some(9),
            ..Default::default()
        };
        assert_eq!(
            q.validate().unwrap_err().code(),
            crate::ErrorCode::InvalidRating
        );
        let q = SearchQuery {
            text: "x".into(),
            limit: Some(100_000),
            ..Default::default()
        };
        assert_eq!(q.validate().unwrap().limit, MAX_LIMIT);
    }

    proptest! {
        /// Whatever is typed, every quote in the expression is balanced (FTS5 strings are
        /// closed), so the expression can always be parsed.
        #[test]
        fn any_input_gives_balanced_quotes(input in "\\PC{0,60}") {
            if let Some(e) = parse_text(&input).expression {
                prop_assert_eq!(e.matches('"').count() % 2, 0, "{}", e);
                prop_assert!(!e.contains(char::from(0)), "NUL in expression");
            }
        }
    }
}
