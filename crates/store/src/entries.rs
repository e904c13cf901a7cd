//! Journal entries in SQLite: create, read, the paged timeline, update with revisions, trash.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};
use trajectory_core::{Entry, EntryId, EntryPage, PageCursor, Revision, TagCount, ValidEntry};

use crate::db::Store;
use crate::error::StoreError;

/// The most entries one timeline page returns.
pub const MAX_PAGE: u32 = 500;

pub(crate) const SELECT_ENTRY: &str =
    "SELECT e.id, e.entry_date, e.body, e.created_at, e.updated_at, e.deleted_at,
        (SELECT json_group_array(t.name ORDER BY et.position)
           FROM entry_tags et JOIN tags t ON t.id = et.tag_id
          WHERE et.entry_id = e.id) AS tags,
        e.mood, e.progress
   FROM entries e";

pub(crate) fn timestamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn parse_timestamp(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::Corrupt(format!("timestamp {text:?}: {e}")))
}

/// The raw columns of one entry row, converted outside rusqlite's row callback so a bad
/// value becomes a typed error rather than a panic.
pub(crate) struct EntryRow {
    id: i64,
    entry_date: String,
    body: String,
    created_at: String,
    updated_at: String,
    deleted_at: Option<String>,
    tags: String,
    mood: Option<u8>,
    progress: Option<u8>,
}

impl EntryRow {
    pub(crate) fn read(row: &Row<'_>) -> rusqlite::Result<EntryRow> {
        Ok(EntryRow {
            id: row.get(0)?,
            entry_date: row.get(1)?,
            body: row.get(2)?,
            created_at: row.get(3)?,
            updated_at: row.get(4)?,
            deleted_at: row.get(5)?,
            tags: row.get(6)?,
            mood: row.get(7)?,
            progress: row.get(8)?,
        })
    }

    pub(crate) fn into_entry(self) -> Result<Entry, StoreError> {
        let entry_date = NaiveDate::parse_from_str(&self.entry_date, "%Y-%m-%d")
            .map_err(|e| StoreError::Corrupt(format!("entry date {:?}: {e}", self.entry_date)))?;
        let tags: Vec<String> = serde_json::from_str(&self.tags)
            .map_err(|e| StoreError::Corrupt(format!("tags of entry {}: {e}", self.id)))?;
        Ok(Entry {
            id: self.id,
            entry_date,
            body: self.body,
            tags,
            mood: self.mood,
            progress: self.progress,
            created_at: parse_timestamp(&self.created_at)?,
            updated_at: parse_timestamp(&self.updated_at)?,
            deleted_at: self
                .deleted_at
                .as_deref()
                .map(parse_timestamp)
                .transpose()?,
        })
    }
}

pub(crate) fn load_entry(conn: &rusqlite::Connection, id: EntryId) -> Result<Entry, StoreError> {
    conn.query_row(
        &format!("{SELECT_ENTRY} WHERE e.id = ?1"),
        [id],
        EntryRow::read,
    )
    .optional()?
    .ok_or(StoreError::EntryNotFound { id })?
    .into_entry()
}

pub(crate) fn write_tags(
    tx: &Transaction<'_>,
    id: EntryId,
    tags: &[String],
) -> Result<(), StoreError> {
    tx.execute("DELETE FROM entry_tags WHERE entry_id = ?1", [id])?;
    let mut upsert =
        tx.prepare_cached("INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")?;
    let mut find = tx.prepare_cached("SELECT id FROM tags WHERE name = ?1")?;
    let mut link = tx.prepare_cached(
        "INSERT INTO entry_tags (entry_id, tag_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, name) in tags.iter().enumerate() {
        upsert.execute([name])?;
        let tag_id: i64 = find.query_row([name], |r| r.get(0))?;
        link.execute(params![id, tag_id, position as i64])?;
    }
    Ok(())
}

impl Store {
    /// Stores a new entry; returns it once the transaction has committed.
    pub fn create_entry(&mut self, entry: &ValidEntry) -> Result<Entry, StoreError> {
        let now = timestamp(Utc::now());
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO entries (entry_date, body, created_at, updated_at, mood, progress)
             VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
            params![
                entry.entry_date().format("%Y-%m-%d").to_string(),
                entry.body(),
                now,
                entry.mood(),
                entry.progress()
            ],
        )?;
        let id = tx.last_insert_rowid();
        write_tags(&tx, id, entry.tags())?;
        // The new entry holds the text now: its crash-recovery draft is no longer needed.
        crate::drafts::clear_slot(&tx, None)?;
        tx.commit()?;
        load_entry(&self.conn, id)
    }

    /// Replaces an entry's date, body, tags and ratings, keeping the replaced version as a
    /// revision. Saving identical content adds no revision.
    pub fn update_entry(&mut self, id: EntryId, entry: &ValidEntry) -> Result<Entry, StoreError> {
        let tx = self.conn.transaction()?;
        let current = load_entry(&tx, id)?;
        if current.deleted_at.is_some() {
            return Err(StoreError::EntryInTrash { id });
        }
        let unchanged = current.entry_date == entry.entry_date()
            && current.body == entry.body()
            && current.tags == entry.tags()
            && current.mood == entry.mood()
            && current.progress == entry.progress();
        if !unchanged {
            let old_tags = serde_json::to_string(&current.tags)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            tx.execute(
                "INSERT INTO entry_revisions
                    (entry_id, entry_date, body, tags_json, saved_at, mood, progress)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    current.entry_date.format("%Y-%m-%d").to_string(),
                    current.body,
                    old_tags,
                    timestamp(current.updated_at),
                    current.mood,
                    current.progress
                ],
            )?;
            tx.execute(
                "UPDATE entries SET entry_date = ?2, body = ?3, updated_at = ?4, mood = ?5,
                        progress = ?6
                  WHERE id = ?1",
                params![
                    id,
                    entry.entry_date().format("%Y-%m-%d").to_string(),
                    entry.body(),
                    timestamp(Utc::now()),
                    entry.mood(),
                    entry.progress()
                ],
            )?;
            write_tags(&tx, id, entry.tags())?;
        }
        // The saved text is now the entry: its crash-recovery draft is no longer needed.
        crate::drafts::clear_slot(&tx, Some(id))?;
        tx.commit()?;
        load_entry(&self.conn, id)
    }

    /// One entry, in the trash or not.
    pub fn entry(&self, id: EntryId) -> Result<Entry, StoreError> {
        load_entry(&self.conn, id)
    }

    /// A page of the timeline (entries not in the trash), newest entry date first, then
    /// newest id; `after` is the cursor the previous page returned.
    pub fn timeline(&self, after: Option<PageCursor>, limit: u32) -> Result<EntryPage, StoreError> {
        let limit = limit.clamp(1, MAX_PAGE);
        let (date, id) = match after {
            Some(c) => (c.entry_date.format("%Y-%m-%d").to_string(), c.id),
            None => ("9999-12-31".to_owned(), i64::MAX),
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_ENTRY}
              WHERE e.deleted_at IS NULL AND (e.entry_date, e.id) < (?1, ?2)
              ORDER BY e.entry_date DESC, e.id DESC
              LIMIT ?3"
        ))?;
        let rows = stmt
            .query_map(params![date, id, i64::from(limit) + 1], EntryRow::read)?
            .collect::<Result<Vec<_>, _>>()?;
        let mut entries = rows
            .into_iter()
            .map(EntryRow::into_entry)
            .collect::<Result<Vec<_>, _>>()?;
        let next = if entries.len() > limit as usize {
            entries.truncate(limit as usize);
            entries.last().map(|e| PageCursor {
                entry_date: e.entry_date,
                id: e.id,
            })
        } else {
            None
        };
        Ok(EntryPage { entries, next })
    }

    /// Moves an entry to the trash; it can be restored until the trash is emptied.
    pub fn trash_entry(&mut self, id: EntryId) -> Result<Entry, StoreError> {
        let tx = self.conn.transaction()?;
        let current = load_entry(&tx, id)?;
        if current.deleted_at.is_none() {
            tx.execute(
                "UPDATE entries SET deleted_at = ?2 WHERE id = ?1",
                params![id, timestamp(Utc::now())],
            )?;
        }
        tx.commit()?;
        load_entry(&self.conn, id)
    }

    /// Takes an entry back out of the trash.
    pub fn restore_entry(&mut self, id: EntryId) -> Result<Entry, StoreError> {
        let tx = self.conn.transaction()?;
        load_entry(&tx, id)?;
        tx.execute("UPDATE entries SET deleted_at = NULL WHERE id = ?1", [id])?;
        tx.commit()?;
        load_entry(&self.conn, id)
    }

    /// Entries in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<Entry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_ENTRY} WHERE e.deleted_at IS NOT NULL ORDER BY e.deleted_at DESC, e.id DESC"
        ))?;
        let rows = stmt
            .query_map([], EntryRow::read)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(EntryRow::into_entry).collect()
    }

    /// How many earlier versions of an entry are kept.
    pub fn revision_count(&self, id: EntryId) -> Result<i64, StoreError> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM entry_revisions WHERE entry_id = ?1",
            [id],
            |r| r.get(0),
        )?)
    }
}

/// Revisions, the trash's permanent end, and tags.
impl Store {
    /// Every earlier version of an entry, newest first.
    pub fn revisions(&self, id: EntryId) -> Result<Vec<Revision>, StoreError> {
        load_entry(&self.conn, id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, entry_id, entry_date, body, tags_json, mood, progress, saved_at
               FROM entry_revisions WHERE entry_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<u8>>(5)?,
                    r.get::<_, Option<u8>>(6)?,
                    r.get::<_, String>(7)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(
                |(id, entry_id, date, body, tags, mood, progress, saved_at)| {
                    Ok(Revision {
                        id,
                        entry_id,
                        entry_date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|e| {
                            StoreError::Corrupt(format!("revision date {date:?}: {e}"))
                        })?,
                        body,
                        tags: serde_json::from_str(&tags)
                            .map_err(|e| StoreError::Corrupt(format!("revision tags: {e}")))?,
                        mood,
                        progress,
                        saved_at: parse_timestamp(&saved_at)?,
                    })
                },
            )
            .collect()
    }

    /// Makes an earlier version current again. The version it replaces is itself kept as a
    /// revision, so restoring can be undone.
    pub fn restore_revision(&mut self, revision_id: i64) -> Result<Entry, StoreError> {
        let (entry_id, date, body, tags, mood, progress): (
            i64,
            String,
            String,
            String,
            Option<u8>,
            Option<u8>,
        ) = self
            .conn
            .query_row(
                "SELECT entry_id, entry_date, body, tags_json, mood, progress
                   FROM entry_revisions WHERE id = ?1",
                [revision_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .optional()?
            .ok_or(StoreError::RevisionNotFound { id: revision_id })?;
        let tags: Vec<String> = serde_json::from_str(&tags)
            .map_err(|e| StoreError::Corrupt(format!("revision tags: {e}")))?;
        let valid = trajectory_core::EntryDraft {
            entry_date: date,
            body,
            tags,
            mood,
            progress,
        }
        .validate()?;
        self.update_entry(entry_id, &valid)
    }

    /// Deletes every entry in the trash for good, with its revisions and draft. Returns how
    /// many entries were removed.
    pub fn empty_trash(&mut self) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM drafts WHERE slot IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)",
            [],
        )?;
        let removed = tx.execute("DELETE FROM entries WHERE deleted_at IS NOT NULL", [])?;
        tx.execute(
            "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags)",
            [],
        )?;
        tx.commit()?;
        Ok(removed)
    }

    /// When an entry outside the trash was last written or changed, if any (the weekly nudge
    /// asks). Timestamps are stored in one UTC format, so the greatest text is the latest.
    pub fn last_written_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let text: Option<String> = self.conn.query_row(
            "SELECT max(updated_at) FROM entries WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        text.as_deref().map(parse_timestamp).transpose()
    }

    /// Tags in use outside the trash, most used first, for autocomplete.
    pub fn tags(&self) -> Result<Vec<TagCount>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.name, count(*) AS n
               FROM tags t
               JOIN entry_tags et ON et.tag_id = t.id
               JOIN entries e ON e.id = et.entry_id AND e.deleted_at IS NULL
              GROUP BY t.id
              ORDER BY n DESC, t.name COLLATE NOCASE",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(TagCount {
                    name: r.get(0)?,
                    count: r.get(1)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trajectory_core::EntryDraft;

    fn valid(date: &str, body: &str, tags: &[&str]) -> ValidEntry {
        EntryDraft {
            entry_date: date.into(),
            body: body.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            mood: None,
            progress: None,
        }
        .validate()
        .unwrap()
    }

    fn store() -> (tempfile::TempDir, Store) {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path(), None).unwrap();
        (tmp, store)
    }

    #[test]
    fn last_written_is_the_latest_change_outside_the_trash() {
        let (_tmp, mut store) = store();
        assert_eq!(store.last_written_at().unwrap(), None);
        let old = store
            .create_entry(&valid("2026-01-01", "old", &[]))
            .unwrap();
        let new = store
            .create_entry(&valid("2025-06-01", "new", &[]))
            .unwrap();
        assert_eq!(store.last_written_at().unwrap(), Some(new.updated_at));
        let edited = store
            .update_entry(old.id, &valid("2026-01-01", "old, edited", &[]))
            .unwrap();
        assert_eq!(store.last_written_at().unwrap(), Some(edited.updated_at));
        store.trash_entry(old.id).unwrap();
        assert_eq!(store.last_written_at().unwrap(), Some(new.updated_at));
    }

    #[test]
    fn a_created_entry_reads_back_verbatim() {
        let (_tmp, mut store) = store();
        let body = "<img src=x onerror=\"window.__pwned=1\"> '; DROP TABLE entries; --";
        let created = store
            .create_entry(&valid("2026-03-14", body, &["work", "Team lead"]))
            .unwrap();
        let read = store.entry(created.id).unwrap();
        assert_eq!(read, created);
        assert_eq!(read.body, body);
        assert_eq!(read.tags, ["work", "Team lead"]);
        assert_eq!(read.entry_date.to_string(), "2026-03-14");
        assert!(read.deleted_at.is_none());
    }

    #[test]
    fn the_timeline_is_newest_first_and_pages_without_gaps() {
        let (_tmp, mut store) = store();
        let mut ids = Vec::new();
        for day in 1..=9 {
            for n in 0..3 {
                let e = store
                    .create_entry(&valid(
                        &format!("2026-01-0{day}"),
                        &format!("d{day} n{n}"),
                        &[],
                    ))
                    .unwrap();
                ids.push(e.id);
            }
        }
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = store.timeline(cursor, 4).unwrap();
            assert!(page.entries.len() <= 4);
            seen.extend(page.entries.iter().map(|e| (e.entry_date, e.id)));
            match page.next {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        assert_eq!(seen.len(), ids.len());
        let mut sorted = seen.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(seen, sorted, "newest date first, then newest id");
    }

    #[test]
    fn updating_keeps_the_old_version_as_a_revision() {
        let (_tmp, mut store) = store();
        let e = store
            .create_entry(&valid("2026-03-14", "first", &["a"]))
            .unwrap();
        let u = store
            .update_entry(e.id, &valid("2026-03-15", "second", &["b"]))
            .unwrap();
        assert_eq!(u.body, "second");
        assert_eq!(u.tags, ["b"]);
        assert_eq!(u.created_at, e.created_at);
        assert_eq!(store.revision_count(e.id).unwrap(), 1);
        // Saving the same content again writes nothing.
        store
            .update_entry(e.id, &valid("2026-03-15", "second", &["b"]))
            .unwrap();
        assert_eq!(store.revision_count(e.id).unwrap(), 1);
    }

    #[test]
    fn revisions_list_newest_first_and_restore_keeps_the_current_version() {
        let (_tmp, mut store) = store();
        let e = store
            .create_entry(&valid("2026-03-14", "one", &["a"]))
            .unwrap();
        store
            .update_entry(e.id, &valid("2026-03-14", "two", &["a"]))
            .unwrap();
        store
            .update_entry(e.id, &valid("2026-03-14", "three", &["b"]))
            .unwrap();
        let revs = store.revisions(e.id).unwrap();
        let bodies: Vec<&str> = revs.iter().map(|r| r.body.as_str()).collect();
        assert_eq!(bodies, ["two", "one"]);
        let oldest = revs.last().unwrap();
        let restored = store.restore_revision(oldest.id).unwrap();
        assert_eq!(restored.body, "one");
        assert_eq!(restored.tags, ["a"]);
        let bodies: Vec<String> = store
            .revisions(e.id)
            .unwrap()
            .into_iter()
            .map(|r| r.body)
            .collect();
        assert_eq!(
            bodies,
            ["three", "two", "one"],
            "restoring kept what it replaced"
        );
        assert!(matches!(
            store.restore_revision(9999),
            Err(StoreError::RevisionNotFound { .. })
        ));
    }

    #[test]
    fn emptying_the_trash_removes_only_trashed_entries() {
        let (_tmp, mut store) = store();
        let keep = store
            .create_entry(&valid("2026-03-14", "keep", &["kept"]))
            .unwrap();
        let gone = store
            .create_entry(&valid("2026-03-15", "gone", &["only-here"]))
            .unwrap();
        store
            .update_entry(gone.id, &valid("2026-03-15", "gone 2", &["only-here"]))
            .unwrap();
        store.trash_entry(gone.id).unwrap();
        assert_eq!(store.empty_trash().unwrap(), 1);
        assert!(matches!(
            store.entry(gone.id),
            Err(StoreError::EntryNotFound { .. })
        ));
        assert_eq!(store.entry(keep.id).unwrap().body, "keep");
        let tags: Vec<String> = store.tags().unwrap().into_iter().map(|t| t.name).collect();
        assert_eq!(tags, ["kept"]);
    }

    #[test]
    fn tags_are_counted_outside_the_trash() {
        let (_tmp, mut store) = store();
        store
            .create_entry(&valid("2026-03-14", "x", &["work", "growth"]))
            .unwrap();
        store
            .create_entry(&valid("2026-03-15", "y", &["Work"]))
            .unwrap();
        let trashed = store
            .create_entry(&valid("2026-03-16", "z", &["growth"]))
            .unwrap();
        store.trash_entry(trashed.id).unwrap();
        let tags: Vec<(String, i64)> = store
            .tags()
            .unwrap()
            .into_iter()
            .map(|t| (t.name, t.count))
            .collect();
        assert_eq!(tags, [("work".to_owned(), 2), ("growth".to_owned(), 1)]);
    }

    #[test]
    fn ratings_are_stored_and_revised() {
        let (_tmp, mut store) = store();
        let mut d = EntryDraft {
            entry_date: "2026-03-14".into(),
            body: "x".into(),
            tags: vec![],
            mood: Some(2),
            progress: Some(4),
        };
        let e = store.create_entry(&d.clone().validate().unwrap()).unwrap();
        assert_eq!((e.mood, e.progress), (Some(2), Some(4)));
        d.mood = Some(5);
        let u = store.update_entry(e.id, &d.validate().unwrap()).unwrap();
        assert_eq!(u.mood, Some(5));
        assert_eq!(store.revisions(e.id).unwrap()[0].mood, Some(2));
    }

    #[test]
    fn trash_hides_an_entry_until_restored() {
        let (_tmp, mut store) = store();
        let keep = store
            .create_entry(&valid("2026-03-14", "keep", &[]))
            .unwrap();
        let gone = store
            .create_entry(&valid("2026-03-15", "gone", &[]))
            .unwrap();
        let trashed = store.trash_entry(gone.id).unwrap();
        assert!(trashed.deleted_at.is_some());
        let page = store.timeline(None, 50).unwrap();
        assert_eq!(
            page.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
            [keep.id]
        );
        assert_eq!(store.trash().unwrap().len(), 1);
        assert!(matches!(
            store.update_entry(gone.id, &valid("2026-03-15", "edit", &[])),
            Err(StoreError::EntryInTrash { .. })
        ));
        store.restore_entry(gone.id).unwrap();
        assert_eq!(store.timeline(None, 50).unwrap().entries.len(), 2);
        assert!(store.trash().unwrap().is_empty());
    }

    #[test]
    fn unknown_ids_are_a_typed_not_found() {
        let (_tmp, mut store) = store();
        for err in [
            store.entry(42).unwrap_err(),
            store.trash_entry(42).unwrap_err(),
            store.restore_entry(42).unwrap_err(),
            store
                .update_entry(42, &valid("2026-03-14", "x", &[]))
                .unwrap_err(),
        ] {
            assert_eq!(err.code(), trajectory_core::ErrorCode::NotFound, "{err:?}");
        }
    }

    #[test]
    fn a_failed_update_writes_nothing() {
        let (_tmp, mut store) = store();
        let e = store
            .create_entry(&valid("2026-03-14", "first", &[]))
            .unwrap();
        // A tag that breaks inside the transaction: simulate by dropping the tags table.
        store
            .conn
            .execute_batch("DROP INDEX entry_tags_by_tag; DROP TABLE entry_tags; DROP TABLE tags;")
            .unwrap();
        assert!(
            store
                .update_entry(e.id, &valid("2026-03-14", "second", &["x"]))
                .is_err()
        );
        let body: String = store
            .conn
            .query_row("SELECT body FROM entries WHERE id = ?1", [e.id], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(body, "first");
        assert_eq!(store.revision_count(e.id).unwrap(), 0);
    }

    #[test]
    fn two_connections_share_one_data_dir() {
        let tmp = tempfile::tempdir().unwrap();
        let mut app = Store::open(tmp.path(), None).unwrap();
        let mut cli = Store::open(tmp.path(), None).unwrap();
        app.create_entry(&valid("2026-03-14", "from the app", &[]))
            .unwrap();
        cli.create_entry(&valid("2026-03-15", "from traj", &[]))
            .unwrap();
        let bodies: Vec<String> = app
            .timeline(None, 10)
            .unwrap()
            .entries
            .into_iter()
            .map(|e| e.body)
            .collect();
        assert_eq!(bodies, ["from traj", "from the app"]);
    }
}
