//! Paused periods in SQLite: add, list, remove (recoverably) and bring back.

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Row, params};
use trajectory_core::{PausedPeriod, PausedPeriodId, ValidPause};

use crate::db::Store;
use crate::entries::{parse_timestamp, timestamp};
use crate::error::StoreError;
use crate::goals::{day_text, parse_day};

const SELECT_PAUSE: &str =
    "SELECT id, start_date, end_date, reason, created_at FROM paused_periods";

struct PauseRow {
    id: i64,
    start: String,
    end: Option<String>,
    reason: String,
    created_at: String,
}

impl PauseRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<PauseRow> {
        Ok(PauseRow {
            id: row.get(0)?,
            start: row.get(1)?,
            end: row.get(2)?,
            reason: row.get(3)?,
            created_at: row.get(4)?,
        })
    }

    fn into_period(self) -> Result<PausedPeriod, StoreError> {
        Ok(PausedPeriod {
            id: self.id,
            start: parse_day("pause start", &self.start)?,
            end: self
                .end
                .as_deref()
                .map(|e| parse_day("pause end", e))
                .transpose()?,
            reason: self.reason,
            created_at: parse_timestamp(&self.created_at)?,
        })
    }
}

fn load_pause(conn: &Connection, id: PausedPeriodId) -> Result<PausedPeriod, StoreError> {
    conn.query_row(
        &format!("{SELECT_PAUSE} WHERE id = ?1 AND deleted_at IS NULL"),
        [id],
        PauseRow::read,
    )
    .optional()?
    .ok_or(StoreError::PausedPeriodNotFound { id })?
    .into_period()
}

impl Store {
    /// Records a paused period; returns it once the transaction has committed.
    pub fn add_paused_period(&mut self, pause: &ValidPause) -> Result<PausedPeriod, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO paused_periods (start_date, end_date, reason, created_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                day_text(pause.start()),
                pause.end().map(day_text),
                pause.reason(),
                timestamp(Utc::now())
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        load_pause(&self.conn, id)
    }

    /// The paused periods in force, oldest first.
    pub fn paused_periods(&self) -> Result<Vec<PausedPeriod>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_PAUSE} WHERE deleted_at IS NULL ORDER BY start_date, id"
        ))?;
        let rows = stmt
            .query_map([], PauseRow::read)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(PauseRow::into_period).collect()
    }

    /// Removes a paused period from the calculations. It is kept on disk, marked removed, and
    /// [`Store::restore_paused_period`] brings it back.
    pub fn delete_paused_period(&mut self, id: PausedPeriodId) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        load_pause(&tx, id)?;
        tx.execute(
            "UPDATE paused_periods SET deleted_at = ?2 WHERE id = ?1",
            params![id, timestamp(Utc::now())],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Brings back a removed paused period.
    pub fn restore_paused_period(
        &mut self,
        id: PausedPeriodId,
    ) -> Result<PausedPeriod, StoreError> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE paused_periods SET deleted_at = NULL WHERE id = ?1",
            [id],
        )?;
        if changed == 0 {
            return Err(StoreError::PausedPeriodNotFound { id });
        }
        tx.commit()?;
        load_pause(&self.conn, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trajectory_core::{ErrorCode, PausedDraft};

    fn pause(start: &str, end: Option<&str>, reason: &str) -> ValidPause {
        PausedDraft {
            start: start.into(),
            end: end.map(str::to_owned),
            reason: reason.into(),
        }
        .validate()
        .unwrap()
    }

    #[test]
    fn pauses_are_listed_oldest_first_and_removal_can_be_undone() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        let later = store
            .add_paused_period(&pause("2026-05-01", None, "parental leave"))
            .unwrap();
        let earlier = store
            .add_paused_period(&pause("2026-01-10", Some("2026-02-10"), "reorganisation"))
            .unwrap();
        assert_eq!(later.end, None);
        assert_eq!(later.reason, "parental leave");
        let ids = |s: &Store| {
            s.paused_periods()
                .unwrap()
                .iter()
                .map(|p| p.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&store), [earlier.id, later.id]);
        store.delete_paused_period(earlier.id).unwrap();
        assert_eq!(ids(&store), [later.id]);
        assert_eq!(
            store.delete_paused_period(earlier.id).unwrap_err().code(),
            ErrorCode::NotFound
        );
        let back = store.restore_paused_period(earlier.id).unwrap();
        assert_eq!(back, earlier);
        assert_eq!(ids(&store), [earlier.id, later.id]);
        assert_eq!(
            store.restore_paused_period(99).unwrap_err().code(),
            ErrorCode::NotFound
        );
    }

    #[test]
    fn the_table_refuses_an_end_before_the_start() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path(), None).unwrap();
        let err = store.conn.execute(
            "INSERT INTO paused_periods (start_date, end_date, created_at)
             VALUES ('2026-03-10', '2026-03-01', 'x')",
            [],
        );
        assert!(err.is_err());
    }
}
