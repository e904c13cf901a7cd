//! Full-text search over entries with FTS5: ranked hits, filters, highlighted snippets, and
//! the search index's own check and rebuild.

use std::path::Path;

use rusqlite::OptionalExtension;
use rusqlite::types::Value;
use trajectory_core::search::{HIT_END, HIT_START, plain_snippet, snippet_parts};
use trajectory_core::{Passphrase, SearchHit, SearchResults, ValidSearch};

use crate::DATABASE_FILE;
use crate::db::Store;
use crate::encryption::{Access, open_file};
use crate::entries::{EntryRow, SELECT_ENTRY};
use crate::error::StoreError;

/// How many of the newest matches are ranked by relevance when a search matches more.
pub const RANKED_CANDIDATES: usize = 2000;

/// Words shown around the first match in a snippet.
const SNIPPET_TOKENS: i64 = 18;

/// Whether the search index of the journal in `data_dir` is sound: FTS5's check of its own
/// structure (the part the start-up check leaves out, `backup::check_file`), through a
/// read-only connection of its own, so it takes no lock from the journal's connection and
/// writes nothing. An encrypted journal needs `key`. A missing journal has a sound index.
pub fn search_index_sound(data_dir: &Path, key: Option<&Passphrase>) -> Result<bool, StoreError> {
    let path = data_dir.join(DATABASE_FILE);
    if !path.exists() {
        return Ok(true);
    }
    let conn = open_file(&path, key, Access::ReadOnly)?;
    let answer = (|| {
        let mut stmt = conn.prepare("PRAGMA quick_check(entries_fts)")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
    })();
    match answer {
        Ok(rows) => Ok(rows == ["ok"]),
        // FTS5 may answer a garbled index with the error itself rather than a row.
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

impl Store {
    /// Builds the search index again from the entries, in one transaction (FTS5's `rebuild`).
    /// The entries are only read.
    pub fn rebuild_search_index(&mut self) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Runs a checked search. With words: best matches first (BM25); with filters only:
    /// newest first. Trashed entries are never found.
    pub fn search(&self, query: &ValidSearch) -> Result<SearchResults, StoreError> {
        let mut conditions = vec!["e.deleted_at IS NULL".to_owned()];
        let mut params: Vec<Value> = Vec::new();
        let param = |params: &mut Vec<Value>, v: Value| {
            params.push(v);
            format!("?{}", params.len())
        };
        if let Some(expr) = &query.expression {
            let p = param(&mut params, Value::Text(expr.clone()));
            conditions.push(format!("entries_fts MATCH {p}"));
        }
        if let Some(from) = query.from {
            let p = param(
                &mut params,
                Value::Text(from.format("%Y-%m-%d").to_string()),
            );
            conditions.push(format!("e.entry_date >= {p}"));
        }
        if let Some(to) = query.to {
            let p = param(&mut params, Value::Text(to.format("%Y-%m-%d").to_string()));
            conditions.push(format!("e.entry_date <= {p}"));
        }
        for (column, (lo, hi)) in [("mood", query.mood), ("progress", query.progress)] {
            if (lo, hi) != (1, 5) {
                let a = param(&mut params, Value::Integer(i64::from(lo)));
                let b = param(&mut params, Value::Integer(i64::from(hi)));
                conditions.push(format!("e.{column} BETWEEN {a} AND {b}"));
            }
        }
        for tag in &query.tags {
            // One EXISTS per tag: SQLite can walk the timeline index in order and stop early.
            let p = param(&mut params, Value::Text(tag.clone()));
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM entry_tags et JOIN tags t ON t.id = et.tag_id
                          WHERE et.entry_id = e.id AND t.name = {p})"
            ));
        }
        let mut hint = query.hint.clone();
        let mut capped = false;
        if query.expression.is_some() {
            // Ranking every match of a very common word is what makes a search slow; rank
            // only the newest RANKED_CANDIDATES matches (they are the ones a journal reader
            // wants anyway) and say so.
            let floor_sql = format!(
                "SELECT e.id FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
                  WHERE {} ORDER BY entries_fts.rowid DESC LIMIT 1 OFFSET {}",
                conditions.join(" AND "),
                RANKED_CANDIDATES - 1
            );
            let floor: Option<i64> = self
                .conn
                .prepare_cached(&floor_sql)?
                .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))
                .optional()?;
            if let Some(floor) = floor {
                capped = true;
                let p = param(&mut params, Value::Integer(floor));
                conditions.push(format!("entries_fts.rowid >= {p}"));
                let note = format!(
                    "These words are in many entries: showing the best matches among the {RANKED_CANDIDATES} most recently written."
                );
                hint = Some(match hint {
                    Some(h) => format!("{h} {note}"),
                    None => note,
                });
            }
        }
        let limit = param(&mut params, Value::Integer(i64::from(query.limit) + 1));
        let sql = match query.expression {
            Some(_) => format!(
                "{SELECT_ENTRY}
                   JOIN entries_fts ON entries_fts.rowid = e.id
                  WHERE {}
                  ORDER BY entries_fts.rank
                  LIMIT {limit}",
                conditions.join(" AND ")
            )
            .replacen(
                "   FROM entries e",
                &format!(
                    ", snippet(entries_fts, 0, '{HIT_START}', '{HIT_END}', '…', {SNIPPET_TOKENS}) AS snippet
                   FROM entries e"
                ),
                1,
            ),
            None => format!(
                "{SELECT_ENTRY}
                  WHERE {}
                  ORDER BY e.entry_date DESC, e.id DESC
                  LIMIT {limit}",
                conditions.join(" AND ")
            ),
        };
        let with_snippet = query.expression.is_some();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params.iter()), |r| {
                let snippet: Option<String> = if with_snippet { r.get(9)? } else { None };
                Ok((EntryRow::read(r)?, snippet))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let more = rows.len() > query.limit as usize || capped;
        let hits = rows
            .into_iter()
            .take(query.limit as usize)
            .map(|(row, snippet)| {
                let entry = row.into_entry()?;
                let snippet = match snippet {
                    Some(s) => snippet_parts(&s),
                    None => plain_snippet(&entry.body, 200),
                };
                Ok(SearchHit { entry, snippet })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(SearchResults { hits, more, hint })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use trajectory_core::{EntryDraft, SearchQuery};

    fn add(store: &mut Store, date: &str, body: &str, tags: &[&str], mood: Option<u8>) -> i64 {
        let valid = EntryDraft {
            entry_date: date.into(),
            body: body.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            mood,
            progress: None,
        }
        .validate()
        .unwrap();
        store.create_entry(&valid).unwrap().id
    }

    fn find(store: &Store, q: SearchQuery) -> Vec<i64> {
        store
            .search(&q.validate().unwrap())
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.entry.id)
            .collect()
    }

    fn text(t: &str) -> SearchQuery {
        SearchQuery {
            text: t.into(),
            ..Default::default()
        }
    }

    fn journal() -> (tempfile::TempDir, Store, [i64; 4]) {
        let tmp = tempfile::tempdir().unwrap();
        let mut s = Store::open(tmp.path(), None).unwrap();
        let a = add(
            &mut s,
            "2026-01-05",
            "Talked about a promotion with my new manager.",
            &["career"],
            Some(4),
        );
        let b = add(
            &mut s,
            "2026-02-10",
            "The promoted build failed twice; wrote a fix.",
            &["work"],
            Some(2),
        );
        let c = add(
            &mut s,
            "2026-03-01",
            "My manager is new and kind. Café meeting about the résumé.",
            &["career", "people"],
            Some(5),
        );
        let d = add(&mut s, "2026-03-20", "Quiet day.", &[], None);
        (tmp, s, [a, b, c, d])
    }

    #[test]
    fn words_prefixes_and_phrases() {
        let (_t, s, [a, b, c, _]) = journal();
        assert_eq!(find(&s, text("promotion")), [a]);
        let mut pre = find(&s, text("promot*"));
        pre.sort();
        assert_eq!(pre, [a, b]);
        assert_eq!(find(&s, text("\"new manager\"")), [a]);
        let mut both = find(&s, text("manager new"));
        both.sort();
        assert_eq!(both, [a, c]);
        // Diacritics are folded: "cafe" finds "Café", "resume" finds "résumé".
        assert_eq!(find(&s, text("cafe resume")), [c]);
        assert_eq!(find(&s, text("manager -promotion")), [c]);
    }

    #[test]
    fn filters_by_tag_date_and_mood() {
        let (_t, s, [a, _, c, _]) = journal();
        let q = SearchQuery {
            text: "manager".into(),
            tags: vec!["CAREER".into(), "people".into()],
            ..Default::default()
        };
        assert_eq!(find(&s, q), [c]);
        let q = SearchQuery {
            text: "".into(),
            from: Some("2026-01-01".into()),
            to: Some("2026-01-31".into()),
            ..Default::default()
        };
        assert_eq!(find(&s, q), [a]);
        let q = SearchQuery {
            text: "".into(),
            min_mood: Some(4),
            ..Default::default()
        };
        assert_eq!(find(&s, q), [c, a], "filters alone: newest first");
    }

    #[test]
    fn snippets_mark_the_matching_words() {
        let (_t, s, _) = journal();
        let r = s.search(&text("kind").validate().unwrap()).unwrap();
        let hit: Vec<_> = r.hits[0]
            .snippet
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hit, ["kind"]);
    }

    #[test]
    fn trashed_and_edited_entries_stay_in_sync() {
        let (_t, mut s, [a, _, _, d]) = journal();
        s.trash_entry(a).unwrap();
        assert!(find(&s, text("promotion")).is_empty());
        s.restore_entry(a).unwrap();
        assert_eq!(find(&s, text("promotion")), [a]);
        let edit = EntryDraft {
            entry_date: "2026-03-20".into(),
            body: "A loud day: offsite.".into(),
            tags: vec![],
            mood: None,
            progress: None,
        };
        s.update_entry(d, &edit.validate().unwrap()).unwrap();
        assert!(find(&s, text("quiet")).is_empty());
        assert_eq!(find(&s, text("offsite")), [d]);
        s.trash_entry(d).unwrap();
        s.empty_trash().unwrap();
        assert!(find(&s, text("offsite")).is_empty());
        // FTS5 verifies the index against the entries table; an out-of-sync index errors.
        s.conn
            .execute(
                "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .expect("full-text index matches the entries");
    }

    #[test]
    fn a_damaged_search_index_does_not_keep_the_journal_closed_and_is_rebuilt() {
        let (tmp, s, [a, ..]) = journal();
        assert!(search_index_sound(tmp.path(), None).unwrap());
        // Garble the index's segments (the entries and every page stay sound).
        s.conn
            .execute(
                "UPDATE entries_fts_data SET block = zeroblob(length(block)) WHERE id > 10",
                [],
            )
            .unwrap();
        drop(s);
        // The start-up check is about the file's structure, and the entries are all there;
        // the index is derived from them and rebuilt after the daily check finds it damaged.
        let mut s = Store::open_checked(tmp.path(), None).expect("opens with the index damaged");
        assert!(!search_index_sound(tmp.path(), None).unwrap());
        s.rebuild_search_index().unwrap();
        assert!(search_index_sound(tmp.path(), None).unwrap());
        assert_eq!(find(&s, text("promotion")), [a]);
    }

    #[test]
    fn very_common_words_rank_the_newest_matches_and_say_so() {
        let tmp = tempfile::tempdir().unwrap();
        let mut s = Store::open(tmp.path(), None).unwrap();
        let total = RANKED_CANDIDATES + 5;
        let mut ids = Vec::new();
        for i in 0..total {
            ids.push(add(
                &mut s,
                "2026-01-01",
                &format!("common entry number {i}"),
                &[],
                None,
            ));
        }
        let r = s
            .search(
                &SearchQuery {
                    text: "common".into(),
                    limit: Some(500),
                    ..Default::default()
                }
                .validate()
                .unwrap(),
            )
            .unwrap();
        assert!(r.more);
        assert!(r.hint.unwrap().contains("most recently written"));
        let oldest_allowed = ids[total - RANKED_CANDIDATES];
        assert!(r.hits.iter().all(|h| h.entry.id >= oldest_allowed));
        // A rarer word is ranked over all its matches, with no note.
        let r = s.search(&text("number").validate().unwrap()).unwrap();
        assert!(r.hint.is_some(), "'number' is in every entry too");
        let r = s.search(&text("1234").validate().unwrap()).unwrap();
        assert_eq!(r.hits.len(), 1);
        assert!(r.hint.is_none() && !r.more);
    }

    #[test]
    fn malformed_queries_never_error() {
        let (_t, s, _) = journal();
        for q in [
            "\"unclosed",
            "AND OR NOT",
            "NEAR(",
            "col:x",
            "*",
            "'; DROP TABLE entries; --",
            "(((",
            "-",
            "\"\"",
            "a\"b\"c",
        ] {
            let r = s.search(&text(q).validate().unwrap());
            assert!(r.is_ok(), "{q}: {r:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_typed_text_runs_without_error(q in "\\PC{0,40}") {
            let (_t, s, _) = journal();
            let valid = text(&q).validate().unwrap();
            prop_assert!(s.search(&valid).is_ok(), "{:?} -> {:?}", q, valid.expression);
        }
    }
}
