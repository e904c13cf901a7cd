//! Goals in SQLite: create, edit, read, list, and change status (letting go is a status).

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use trajectory_core::{DomainError, Goal, GoalId, GoalStatus, ValidGoal};

use crate::db::Store;
use crate::entries::{parse_timestamp, timestamp};
use crate::error::StoreError;

const SELECT_GOAL: &str = "SELECT id, title, here, there, start_date, target_date, cadence_weeks,
        status, created_at, updated_at
   FROM goals";

/// A date column written `YYYY-MM-DD`.
pub(crate) fn day_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Reads a `YYYY-MM-DD` column back; a malformed one is a typed error, not a panic.
pub(crate) fn parse_day(what: &str, text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| StoreError::Corrupt(format!("{what} {text:?}: {e}")))
}

/// The raw columns of one goal row, converted outside rusqlite's row callback.
struct GoalRow {
    id: i64,
    title: String,
    here: String,
    there: String,
    start_date: String,
    target_date: String,
    cadence_weeks: Option<i64>,
    status: String,
    created_at: String,
    updated_at: String,
}

impl GoalRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<GoalRow> {
        Ok(GoalRow {
            id: row.get(0)?,
            title: row.get(1)?,
            here: row.get(2)?,
            there: row.get(3)?,
            start_date: row.get(4)?,
            target_date: row.get(5)?,
            cadence_weeks: row.get(6)?,
            status: row.get(7)?,
            created_at: row.get(8)?,
            updated_at: row.get(9)?,
        })
    }

    fn into_goal(self) -> Result<Goal, StoreError> {
        let cadence_weeks = self
            .cadence_weeks
            .map(|w| {
                u32::try_from(w)
                    .map_err(|_| StoreError::Corrupt(format!("cadence of goal {}: {w}", self.id)))
            })
            .transpose()?;
        let status = GoalStatus::parse(&self.status)
            .map_err(|_| StoreError::Corrupt(format!("status of goal {}", self.id)))?;
        Ok(Goal {
            id: self.id,
            title: self.title,
            here: self.here,
            there: self.there,
            start_date: parse_day("goal start", &self.start_date)?,
            target_date: parse_day("goal target", &self.target_date)?,
            cadence_weeks,
            status,
            created_at: parse_timestamp(&self.created_at)?,
            updated_at: parse_timestamp(&self.updated_at)?,
        })
    }
}

pub(crate) fn load_goal(conn: &Connection, id: GoalId) -> Result<Goal, StoreError> {
    conn.query_row(&format!("{SELECT_GOAL} WHERE id = ?1"), [id], GoalRow::read)
        .optional()?
        .ok_or(StoreError::GoalNotFound { id })?
        .into_goal()
}

impl Store {
    /// Stores a new, active goal; returns it once the transaction has committed.
    pub fn create_goal(&mut self, goal: &ValidGoal) -> Result<Goal, StoreError> {
        let now = timestamp(Utc::now());
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO goals (title, here, there, start_date, target_date, cadence_weeks,
                                status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'active', ?7, ?7)",
            params![
                goal.title(),
                goal.here(),
                goal.there(),
                day_text(goal.start_date()),
                day_text(goal.target_date()),
                goal.cadence_weeks(),
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        load_goal(&self.conn, id)
    }

    /// Replaces a goal's title, here, there, dates and cadence (its status is kept). A new
    /// start after one of its achieved milestones is refused: move that milestone first.
    pub fn update_goal(&mut self, id: GoalId, goal: &ValidGoal) -> Result<Goal, StoreError> {
        let tx = self.conn.transaction()?;
        load_goal(&tx, id)?;
        let earliest: Option<String> = tx.query_row(
            "SELECT min(achieved_date) FROM milestones WHERE goal_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if let Some(earliest) = earliest {
            let achieved = parse_day("achieved date", &earliest)?;
            if achieved < goal.start_date() {
                return Err(DomainError::AchievedBeforeStart {
                    achieved,
                    start: goal.start_date(),
                }
                .into());
            }
        }
        tx.execute(
            "UPDATE goals SET title = ?2, here = ?3, there = ?4, start_date = ?5,
                              target_date = ?6, cadence_weeks = ?7, updated_at = ?8
              WHERE id = ?1",
            params![
                id,
                goal.title(),
                goal.here(),
                goal.there(),
                day_text(goal.start_date()),
                day_text(goal.target_date()),
                goal.cadence_weeks(),
                timestamp(Utc::now())
            ],
        )?;
        tx.commit()?;
        load_goal(&self.conn, id)
    }

    /// One goal, whatever its status.
    pub fn goal(&self, id: GoalId) -> Result<Goal, StoreError> {
        load_goal(&self.conn, id)
    }

    /// Every goal, including those achieved or let go, in the order they started.
    pub fn goals(&self) -> Result<Vec<Goal>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_GOAL} ORDER BY start_date, id"))?;
        let rows = stmt
            .query_map([], GoalRow::read)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(GoalRow::into_goal).collect()
    }

    /// Sets a goal's status. Letting a goal go keeps it and all its milestones.
    pub fn set_goal_status(&mut self, id: GoalId, status: GoalStatus) -> Result<Goal, StoreError> {
        let tx = self.conn.transaction()?;
        let current = load_goal(&tx, id)?;
        if current.status != status {
            tx.execute(
                "UPDATE goals SET status = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, status.as_str(), timestamp(Utc::now())],
            )?;
        }
        tx.commit()?;
        load_goal(&self.conn, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trajectory_core::{ErrorCode, GoalDraft};

    pub(crate) fn d(s: &str) -> NaiveDate {
        trajectory_core::parse_date(s).unwrap()
    }

    fn valid(title: &str, start: &str, target: &str, cadence: Option<i64>) -> ValidGoal {
        GoalDraft {
            title: title.into(),
            here: "Senior engineer".into(),
            there: "Staff engineer".into(),
            start_date: Some(start.into()),
            target_date: target.into(),
            cadence_weeks: cadence,
        }
        .validate(d("2026-01-01"))
        .unwrap()
    }

    fn store() -> (tempfile::TempDir, Store) {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path(), None).unwrap();
        (tmp, store)
    }

    #[test]
    fn a_created_goal_reads_back_and_is_active() {
        let (_tmp, mut store) = store();
        let g = store
            .create_goal(&valid("Staff", "2026-01-01", "2027-12-31", Some(6)))
            .unwrap();
        assert_eq!(g.status, GoalStatus::Active);
        assert_eq!(g.cadence_weeks, Some(6));
        assert_eq!(g.start_date, d("2026-01-01"));
        assert_eq!(g.here, "Senior engineer");
        assert_eq!(store.goal(g.id).unwrap(), g);
    }

    #[test]
    fn updating_keeps_the_status_and_creation_time() {
        let (_tmp, mut store) = store();
        let g = store
            .create_goal(&valid("Staff", "2026-01-01", "2027-12-31", Some(6)))
            .unwrap();
        store.set_goal_status(g.id, GoalStatus::Paused).unwrap();
        let u = store
            .update_goal(g.id, &valid("Principal", "2026-02-01", "2029-01-01", None))
            .unwrap();
        assert_eq!(u.title, "Principal");
        assert_eq!(u.cadence_weeks, None);
        assert_eq!(u.status, GoalStatus::Paused);
        assert_eq!(u.created_at, g.created_at);
    }

    #[test]
    fn letting_go_is_a_status_and_the_goal_stays_listed() {
        let (_tmp, mut store) = store();
        let a = store
            .create_goal(&valid("B", "2026-02-01", "2027-01-01", None))
            .unwrap();
        let b = store
            .create_goal(&valid("A", "2026-01-01", "2027-01-01", None))
            .unwrap();
        let gone = store.set_goal_status(a.id, GoalStatus::LetGo).unwrap();
        assert_eq!(gone.status, GoalStatus::LetGo);
        let ids: Vec<i64> = store.goals().unwrap().iter().map(|g| g.id).collect();
        assert_eq!(ids, [b.id, a.id], "ordered by start date");
    }

    #[test]
    fn unknown_goals_are_a_typed_not_found() {
        let (_tmp, mut store) = store();
        for err in [
            store.goal(7).unwrap_err(),
            store.set_goal_status(7, GoalStatus::Achieved).unwrap_err(),
            store
                .update_goal(7, &valid("x", "2026-01-01", "2027-01-01", None))
                .unwrap_err(),
        ] {
            assert_eq!(err.code(), ErrorCode::NotFound, "{err:?}");
        }
    }

    #[test]
    fn the_table_refuses_what_the_core_refuses() {
        let (_tmp, store) = store();
        let insert = |title: &str, start: &str, target: &str, cadence: i64, status: &str| {
            store.conn.execute(
                "INSERT INTO goals (title, start_date, target_date, cadence_weeks, status,
                                    created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'x', 'x')",
                params![title, start, target, cadence, status],
            )
        };
        assert!(insert("ok", "2026-01-01", "2026-01-01", 1, "active").is_ok());
        assert!(insert(" ", "2026-01-01", "2027-01-01", 1, "active").is_err());
        assert!(insert("t", "2026-01-01", "2025-01-01", 1, "active").is_err());
        assert!(insert("t", "2026-01-01", "2027-01-01", 0, "active").is_err());
        assert!(insert("t", "2026-01-01", "2027-01-01", 1, "deleted").is_err());
        assert!(insert("t", "2026/01/01", "2027-01-01", 1, "active").is_err());
    }
}
