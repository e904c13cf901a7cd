//! Crash-recovery drafts: the editor's unsaved text, one slot per entry (0 = a new entry).

use chrono::Utc;
use rusqlite::{Transaction, params};
use trajectory_core::{Draft, DraftInput, EntryId};

use crate::db::Store;
use crate::entries::{load_entry, parse_timestamp, timestamp};
use crate::error::StoreError;

fn slot(entry_id: Option<EntryId>) -> i64 {
    entry_id.unwrap_or(0)
}

/// Removes the draft of `entry_id` (None = the new-entry draft) inside a save's transaction.
pub(crate) fn clear_slot(
    tx: &Transaction<'_>,
    entry_id: Option<EntryId>,
) -> Result<(), StoreError> {
    tx.execute("DELETE FROM drafts WHERE slot = ?1", [slot(entry_id)])?;
    Ok(())
}

impl Store {
    /// Keeps what the editor holds right now; committed before it returns.
    pub fn save_draft(&mut self, input: &DraftInput) -> Result<Draft, StoreError> {
        input.check()?;
        let tags =
            serde_json::to_string(&input.tags).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let now = Utc::now();
        let tx = self.conn.transaction()?;
        if let Some(id) = input.entry_id {
            load_entry(&tx, id)?;
        }
        tx.execute(
            "INSERT INTO drafts (slot, entry_date, body, tags_json, mood, progress, saved_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (slot) DO UPDATE SET entry_date = excluded.entry_date,
                body = excluded.body, tags_json = excluded.tags_json, mood = excluded.mood,
                progress = excluded.progress, saved_at = excluded.saved_at",
            params![
                slot(input.entry_id),
                input.entry_date,
                input.body,
                tags,
                input.mood,
                input.progress,
                timestamp(now)
            ],
        )?;
        tx.commit()?;
        Ok(Draft {
            entry_id: input.entry_id,
            entry_date: input.entry_date.clone(),
            body: input.body.clone(),
            tags: input.tags.clone(),
            mood: input.mood,
            progress: input.progress,
            saved_at: now,
        })
    }

    /// Forgets a draft the person chose not to keep.
    pub fn discard_draft(&mut self, entry_id: Option<EntryId>) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        clear_slot(&tx, entry_id)?;
        tx.commit()?;
        Ok(())
    }

    /// Drafts worth offering back: text that differs from what is saved (a new-entry draft
    /// with words in it, or an entry's draft that no longer matches the entry).
    pub fn pending_drafts(&self) -> Result<Vec<Draft>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.slot, d.entry_date, d.body, d.tags_json, d.mood, d.progress, d.saved_at
               FROM drafts d
               LEFT JOIN entries e ON e.id = d.slot
              WHERE (d.slot = 0 AND trim(d.body, ' ' || char(9, 10, 13)) <> '')
                 OR (d.slot <> 0 AND e.id IS NOT NULL AND e.deleted_at IS NULL
                     AND (e.body IS NOT d.body OR e.entry_date IS NOT d.entry_date
                          OR e.mood IS NOT d.mood OR e.progress IS NOT d.progress
                          OR d.tags_json IS NOT (SELECT json_group_array(t.name ORDER BY et.position)
                                                  FROM entry_tags et JOIN tags t ON t.id = et.tag_id
                                                 WHERE et.entry_id = e.id)))
              ORDER BY d.saved_at DESC",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<u8>>(4)?,
                    r.get::<_, Option<u8>>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(slot, entry_date, body, tags, mood, progress, saved_at)| {
                Ok(Draft {
                    entry_id: (slot != 0).then_some(slot),
                    entry_date,
                    body,
                    tags: serde_json::from_str(&tags)
                        .map_err(|e| StoreError::Corrupt(format!("draft tags: {e}")))?,
                    mood,
                    progress,
                    saved_at: parse_timestamp(&saved_at)?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trajectory_core::EntryDraft;

    fn input(entry_id: Option<i64>, body: &str) -> DraftInput {
        DraftInput {
            entry_id,
            entry_date: "2026-03-14".into(),
            body: body.into(),
            tags: vec![],
            mood: None,
            progress: None,
        }
    }

    fn valid(body: &str) -> trajectory_core::ValidEntry {
        EntryDraft {
            entry_date: "2026-03-14".into(),
            body: body.into(),
            tags: vec![],
            mood: None,
            progress: None,
        }
        .validate()
        .unwrap()
    }

    #[test]
    fn a_new_entry_draft_is_offered_until_the_entry_is_saved() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        store.save_draft(&input(None, "half a thought")).unwrap();
        // Reopen, as after a crash.
        drop(store);
        let mut store = Store::open(tmp.path(), None).unwrap();
        let pending = store.pending_drafts().unwrap();
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].body, "half a thought");
        assert_eq!(pending[0].entry_id, None);
        store
            .create_entry(&valid("half a thought, finished"))
            .unwrap();
        assert!(store.pending_drafts().unwrap().is_empty());
    }

    #[test]
    fn an_entry_draft_is_offered_only_while_it_differs() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        let e = store.create_entry(&valid("saved text")).unwrap();
        store.save_draft(&input(Some(e.id), "saved text")).unwrap();
        assert!(store.pending_drafts().unwrap().is_empty(), "same as saved");
        store
            .save_draft(&input(Some(e.id), "saved text and more"))
            .unwrap();
        assert_eq!(store.pending_drafts().unwrap()[0].entry_id, Some(e.id));
        store
            .update_entry(e.id, &valid("saved text and more"))
            .unwrap();
        assert!(
            store.pending_drafts().unwrap().is_empty(),
            "cleared by the save"
        );
        store
            .save_draft(&input(Some(e.id), "another change"))
            .unwrap();
        store.discard_draft(Some(e.id)).unwrap();
        assert!(store.pending_drafts().unwrap().is_empty(), "discarded");
    }

    #[test]
    fn blank_new_drafts_are_not_offered() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        store.save_draft(&input(None, "  \n")).unwrap();
        assert!(store.pending_drafts().unwrap().is_empty());
    }
}
