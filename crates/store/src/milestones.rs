//! Milestones in SQLite: add, edit, achieve, list by goal or kind, and link journal entries.

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use trajectory_core::{
    DomainError, EntryId, GoalId, Milestone, MilestoneId, MilestoneKind, ValidMilestone,
    check_achieved_date,
};

use crate::db::Store;
use crate::entries::{parse_timestamp, timestamp};
use crate::error::StoreError;
use crate::goals::{day_text, load_goal, parse_day};

const SELECT_MILESTONE: &str = "SELECT m.id, m.goal_id, m.kind, m.title, m.weight,
        m.planned_date, m.achieved_date, m.notes, m.created_at, m.updated_at,
        (SELECT json_group_array(me.entry_id ORDER BY me.linked_at, me.entry_id)
           FROM milestone_entries me WHERE me.milestone_id = m.id) AS entry_ids
   FROM milestones m";

/// Open milestones sort after achieved ones; within each, by date, then by id.
const MILESTONE_ORDER: &str = "ORDER BY m.achieved_date IS NULL, m.achieved_date,
    m.planned_date IS NULL, m.planned_date, m.id";

/// The raw columns of one milestone row, converted outside rusqlite's row callback.
struct MilestoneRow {
    id: i64,
    goal_id: i64,
    kind: String,
    title: String,
    weight: i64,
    planned_date: Option<String>,
    achieved_date: Option<String>,
    notes: String,
    created_at: String,
    updated_at: String,
    entry_ids: String,
}

impl MilestoneRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<MilestoneRow> {
        Ok(MilestoneRow {
            id: row.get(0)?,
            goal_id: row.get(1)?,
            kind: row.get(2)?,
            title: row.get(3)?,
            weight: row.get(4)?,
            planned_date: row.get(5)?,
            achieved_date: row.get(6)?,
            notes: row.get(7)?,
            created_at: row.get(8)?,
            updated_at: row.get(9)?,
            entry_ids: row.get(10)?,
        })
    }

    fn into_milestone(self) -> Result<Milestone, StoreError> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("{what} of milestone {}", self.id));
        let kind = MilestoneKind::parse(&self.kind).map_err(|_| corrupt("kind"))?;
        let weight = u8::try_from(self.weight).map_err(|_| corrupt("weight"))?;
        let entry_ids: Vec<EntryId> =
            serde_json::from_str(&self.entry_ids).map_err(|_| corrupt("entry links"))?;
        let day =
            |text: &Option<String>, what| text.as_deref().map(|t| parse_day(what, t)).transpose();
        Ok(Milestone {
            id: self.id,
            goal_id: self.goal_id,
            kind,
            planned_date: day(&self.planned_date, "planned date")?,
            achieved_date: day(&self.achieved_date, "achieved date")?,
            title: self.title,
            weight,
            notes: self.notes,
            entry_ids,
            created_at: parse_timestamp(&self.created_at)?,
            updated_at: parse_timestamp(&self.updated_at)?,
        })
    }
}

fn load_milestone(conn: &Connection, id: MilestoneId) -> Result<Milestone, StoreError> {
    conn.query_row(
        &format!("{SELECT_MILESTONE} WHERE m.id = ?1"),
        [id],
        MilestoneRow::read,
    )
    .optional()?
    .ok_or(StoreError::MilestoneNotFound { id })?
    .into_milestone()
}

/// Refuses an achieved date before the goal's start (the core checked it against the start
/// the caller saw; this checks it again against the stored one, inside the transaction).
fn check_against_goal_start(
    conn: &Connection,
    goal_id: GoalId,
    achieved: Option<NaiveDate>,
) -> Result<(), StoreError> {
    let goal = load_goal(conn, goal_id)?;
    if let Some(achieved) = achieved
        && achieved < goal.start_date
    {
        return Err(DomainError::AchievedBeforeStart {
            achieved,
            start: goal.start_date,
        }
        .into());
    }
    Ok(())
}

impl Store {
    /// Adds a milestone to a goal; returns it once the transaction has committed.
    pub fn add_milestone(
        &mut self,
        goal_id: GoalId,
        milestone: &ValidMilestone,
    ) -> Result<Milestone, StoreError> {
        let now = timestamp(Utc::now());
        let tx = self.conn.transaction()?;
        check_against_goal_start(&tx, goal_id, milestone.achieved_date())?;
        tx.execute(
            "INSERT INTO milestones (goal_id, kind, title, weight, planned_date, achieved_date,
                                     notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                goal_id,
                milestone.kind().as_str(),
                milestone.title(),
                milestone.weight(),
                milestone.planned_date().map(day_text),
                milestone.achieved_date().map(day_text),
                milestone.notes(),
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        load_milestone(&self.conn, id)
    }

    /// Replaces a milestone's kind, title, weight, dates and notes (it stays on its goal and
    /// keeps its entry links).
    pub fn update_milestone(
        &mut self,
        id: MilestoneId,
        milestone: &ValidMilestone,
    ) -> Result<Milestone, StoreError> {
        let tx = self.conn.transaction()?;
        let current = load_milestone(&tx, id)?;
        check_against_goal_start(&tx, current.goal_id, milestone.achieved_date())?;
        tx.execute(
            "UPDATE milestones SET kind = ?2, title = ?3, weight = ?4, planned_date = ?5,
                                   achieved_date = ?6, notes = ?7, updated_at = ?8
              WHERE id = ?1",
            params![
                id,
                milestone.kind().as_str(),
                milestone.title(),
                milestone.weight(),
                milestone.planned_date().map(day_text),
                milestone.achieved_date().map(day_text),
                milestone.notes(),
                timestamp(Utc::now())
            ],
        )?;
        tx.commit()?;
        load_milestone(&self.conn, id)
    }

    /// Marks a milestone achieved on `date`, which must lie between its goal's start and
    /// `today` (the person's current day, given by the caller).
    pub fn achieve_milestone(
        &mut self,
        id: MilestoneId,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<Milestone, StoreError> {
        let tx = self.conn.transaction()?;
        let current = load_milestone(&tx, id)?;
        let goal = load_goal(&tx, current.goal_id)?;
        check_achieved_date(date, goal.start_date, today)?;
        if current.achieved_date != Some(date) {
            tx.execute(
                "UPDATE milestones SET achieved_date = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, day_text(date), timestamp(Utc::now())],
            )?;
        }
        tx.commit()?;
        load_milestone(&self.conn, id)
    }

    /// One milestone.
    pub fn milestone(&self, id: MilestoneId) -> Result<Milestone, StoreError> {
        load_milestone(&self.conn, id)
    }

    fn query_milestones(
        &self,
        filter: &str,
        param: &dyn rusqlite::ToSql,
    ) -> Result<Vec<Milestone>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_MILESTONE} WHERE {filter} {MILESTONE_ORDER}"
        ))?;
        let rows = stmt
            .query_map([param], MilestoneRow::read)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(MilestoneRow::into_milestone).collect()
    }

    /// A goal's milestones: achieved ones first (oldest first), then open ones by plan.
    pub fn milestones_of_goal(&self, goal_id: GoalId) -> Result<Vec<Milestone>, StoreError> {
        load_goal(&self.conn, goal_id)?;
        self.query_milestones("m.goal_id = ?1", &goal_id)
    }

    /// Milestones of one kind across every goal, in the same order.
    pub fn milestones_of_kind(&self, kind: MilestoneKind) -> Result<Vec<Milestone>, StoreError> {
        self.query_milestones("m.kind = ?1", &kind.as_str())
    }

    /// Every milestone of every goal, in the same order.
    pub fn milestones(&self) -> Result<Vec<Milestone>, StoreError> {
        self.query_milestones("?1", &1)
    }

    /// Links a journal entry to a milestone (linking twice changes nothing). An entry in the
    /// trash cannot be linked.
    pub fn link_milestone_entry(
        &mut self,
        id: MilestoneId,
        entry_id: EntryId,
    ) -> Result<Milestone, StoreError> {
        let tx = self.conn.transaction()?;
        load_milestone(&tx, id)?;
        let deleted: Option<Option<String>> = tx
            .query_row(
                "SELECT deleted_at FROM entries WHERE id = ?1",
                [entry_id],
                |r| r.get(0),
            )
            .optional()?;
        match deleted {
            None => return Err(StoreError::EntryNotFound { id: entry_id }),
            Some(Some(_)) => return Err(StoreError::EntryInTrash { id: entry_id }),
            Some(None) => {}
        }
        tx.execute(
            "INSERT INTO milestone_entries (milestone_id, entry_id, linked_at) VALUES (?1, ?2, ?3)
             ON CONFLICT DO NOTHING",
            params![id, entry_id, timestamp(Utc::now())],
        )?;
        tx.commit()?;
        load_milestone(&self.conn, id)
    }

    /// Removes the link between a journal entry and a milestone (the entry itself stays).
    pub fn unlink_milestone_entry(
        &mut self,
        id: MilestoneId,
        entry_id: EntryId,
    ) -> Result<Milestone, StoreError> {
        let tx = self.conn.transaction()?;
        load_milestone(&tx, id)?;
        tx.execute(
            "DELETE FROM milestone_entries WHERE milestone_id = ?1 AND entry_id = ?2",
            params![id, entry_id],
        )?;
        tx.commit()?;
        load_milestone(&self.conn, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trajectory_core::{EntryDraft, ErrorCode, GoalDraft, MilestoneDraft};

    fn d(s: &str) -> NaiveDate {
        trajectory_core::parse_date(s).unwrap()
    }

    const TODAY: &str = "2026-06-01";

    fn store_with_goal() -> (tempfile::TempDir, Store, GoalId) {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        let goal = GoalDraft {
            title: "Staff engineer".into(),
            here: String::new(),
            there: String::new(),
            start_date: Some("2026-01-01".into()),
            target_date: "2027-12-31".into(),
            cadence_weeks: Some(6),
        }
        .validate(d(TODAY))
        .unwrap();
        let id = store.create_goal(&goal).unwrap().id;
        (tmp, store, id)
    }

    fn valid(
        kind: &str,
        title: &str,
        planned: Option<&str>,
        achieved: Option<&str>,
    ) -> ValidMilestone {
        MilestoneDraft {
            kind: kind.into(),
            title: title.into(),
            weight: None,
            planned_date: planned.map(str::to_owned),
            achieved_date: achieved.map(str::to_owned),
            notes: "notes, kept verbatim: <b>'; --".into(),
        }
        .validate(d("2026-01-01"), d(TODAY))
        .unwrap()
    }

    #[test]
    fn a_milestone_reads_back_with_its_default_weight() {
        let (_tmp, mut store, goal) = store_with_goal();
        let m = store
            .add_milestone(goal, &valid("promotion", "Staff", Some("2027-06-01"), None))
            .unwrap();
        assert_eq!(m.goal_id, goal);
        assert_eq!(m.weight, 3);
        assert_eq!(m.kind, MilestoneKind::Promotion);
        assert_eq!(m.planned_date, Some(d("2027-06-01")));
        assert!(!m.is_achieved());
        assert_eq!(m.notes, "notes, kept verbatim: <b>'; --");
        assert!(m.entry_ids.is_empty());
        assert_eq!(store.milestone(m.id).unwrap(), m);
    }

    #[test]
    fn achieving_checks_the_goal_start_and_today() {
        let (_tmp, mut store, goal) = store_with_goal();
        let m = store
            .add_milestone(goal, &valid("skill", "Rust", None, None))
            .unwrap();
        let today = d(TODAY);
        let err = store
            .achieve_milestone(m.id, d("2025-12-31"), today)
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::AchievedBeforeStart);
        let err = store
            .achieve_milestone(m.id, d("2026-06-02"), today)
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::AchievedInFuture);
        assert_eq!(
            store.milestone(m.id).unwrap().achieved_date,
            None,
            "nothing written"
        );
        let done = store
            .achieve_milestone(m.id, d("2026-05-01"), today)
            .unwrap();
        assert_eq!(done.achieved_date, Some(d("2026-05-01")));
    }

    #[test]
    fn listing_by_goal_and_by_kind() {
        let (_tmp, mut store, goal) = store_with_goal();
        let other = store
            .create_goal(
                &GoalDraft {
                    title: "Speak at a conference".into(),
                    here: String::new(),
                    there: String::new(),
                    start_date: Some("2026-01-01".into()),
                    target_date: "2026-12-31".into(),
                    cadence_weeks: None,
                }
                .validate(d(TODAY))
                .unwrap(),
            )
            .unwrap()
            .id;
        let open = store
            .add_milestone(goal, &valid("skill", "open", Some("2026-09-01"), None))
            .unwrap();
        let late = store
            .add_milestone(goal, &valid("skill", "late", None, Some("2026-04-01")))
            .unwrap();
        let early = store
            .add_milestone(goal, &valid("raise", "early", None, Some("2026-02-01")))
            .unwrap();
        let talk = store
            .add_milestone(other, &valid("skill", "talk", None, Some("2026-03-01")))
            .unwrap();
        let ids = |ms: Vec<Milestone>| ms.iter().map(|m| m.id).collect::<Vec<_>>();
        assert_eq!(
            ids(store.milestones_of_goal(goal).unwrap()),
            [early.id, late.id, open.id]
        );
        assert_eq!(
            ids(store.milestones_of_kind(MilestoneKind::Skill).unwrap()),
            [talk.id, late.id, open.id]
        );
        assert_eq!(store.milestones().unwrap().len(), 4);
        assert_eq!(
            store.milestones_of_goal(999).unwrap_err().code(),
            ErrorCode::NotFound
        );
    }

    #[test]
    fn updating_keeps_goal_and_links() {
        let (_tmp, mut store, goal) = store_with_goal();
        let entry = store
            .create_entry(
                &EntryDraft {
                    entry_date: "2026-03-01".into(),
                    body: "Finished the course".into(),
                    tags: vec![],
                    mood: None,
                    progress: None,
                }
                .validate()
                .unwrap(),
            )
            .unwrap();
        let m = store
            .add_milestone(goal, &valid("skill", "Rust", None, None))
            .unwrap();
        store.link_milestone_entry(m.id, entry.id).unwrap();
        let linked = store.link_milestone_entry(m.id, entry.id).unwrap();
        assert_eq!(
            linked.entry_ids,
            [entry.id],
            "linking twice changes nothing"
        );
        let u = store
            .update_milestone(
                m.id,
                &valid("project", "Rust service", None, Some("2026-03-01")),
            )
            .unwrap();
        assert_eq!(u.goal_id, goal);
        assert_eq!(u.entry_ids, [entry.id]);
        assert_eq!(u.kind, MilestoneKind::Project);
        assert_eq!(u.weight, 2);
        let unlinked = store.unlink_milestone_entry(m.id, entry.id).unwrap();
        assert!(unlinked.entry_ids.is_empty());
        assert_eq!(store.entry(entry.id).unwrap().body, "Finished the course");
    }

    #[test]
    fn links_need_a_live_entry() {
        let (_tmp, mut store, goal) = store_with_goal();
        let m = store
            .add_milestone(goal, &valid("skill", "Rust", None, None))
            .unwrap();
        assert_eq!(
            store.link_milestone_entry(m.id, 42).unwrap_err().code(),
            ErrorCode::NotFound
        );
        let entry = store
            .create_entry(
                &EntryDraft {
                    entry_date: "2026-03-01".into(),
                    body: "x".into(),
                    tags: vec![],
                    mood: None,
                    progress: None,
                }
                .validate()
                .unwrap(),
            )
            .unwrap();
        store.trash_entry(entry.id).unwrap();
        assert_eq!(
            store
                .link_milestone_entry(m.id, entry.id)
                .unwrap_err()
                .code(),
            ErrorCode::InTrash
        );
        assert!(store.milestone(m.id).unwrap().entry_ids.is_empty());
    }

    #[test]
    fn a_goal_cannot_start_after_its_achievements() {
        let (_tmp, mut store, goal) = store_with_goal();
        store
            .add_milestone(goal, &valid("skill", "Rust", None, Some("2026-02-01")))
            .unwrap();
        let moved = GoalDraft {
            title: "Staff engineer".into(),
            here: String::new(),
            there: String::new(),
            start_date: Some("2026-03-01".into()),
            target_date: "2027-12-31".into(),
            cadence_weeks: Some(6),
        }
        .validate(d(TODAY))
        .unwrap();
        let err = store.update_goal(goal, &moved).unwrap_err();
        assert_eq!(err.code(), ErrorCode::AchievedBeforeStart);
        assert_eq!(store.goal(goal).unwrap().start_date, d("2026-01-01"));
        // The database itself guards the rule too.
        assert!(
            store
                .conn
                .execute(
                    "UPDATE goals SET start_date = '2026-03-01' WHERE id = ?1",
                    [goal]
                )
                .is_err()
        );
    }

    #[test]
    fn a_milestone_achieved_before_the_stored_start_is_refused_and_not_written() {
        let (_tmp, mut store, goal) = store_with_goal();
        // Validated against an earlier start than the stored one.
        let early = MilestoneDraft {
            kind: "skill".into(),
            title: "early".into(),
            weight: Some(2),
            planned_date: None,
            achieved_date: Some("2025-06-01".into()),
            notes: String::new(),
        }
        .validate(d("2025-01-01"), d(TODAY))
        .unwrap();
        let err = store.add_milestone(goal, &early).unwrap_err();
        assert_eq!(err.code(), ErrorCode::AchievedBeforeStart);
        assert!(store.milestones().unwrap().is_empty());
        let err = store.add_milestone(999, &early).unwrap_err();
        assert_eq!(err.code(), ErrorCode::NotFound);
    }

    #[test]
    fn the_table_refuses_what_the_core_refuses() {
        let (_tmp, store, goal) = store_with_goal();
        let insert = |kind: &str, weight: i64, achieved: Option<&str>| {
            store.conn.execute(
                "INSERT INTO milestones (goal_id, kind, title, weight, achieved_date,
                                         created_at, updated_at)
                 VALUES (?1, ?2, 't', ?3, ?4, 'x', 'x')",
                params![goal, kind, weight, achieved],
            )
        };
        assert!(insert("skill", 1, Some("2026-02-01")).is_ok());
        assert!(insert("vacation", 1, None).is_err());
        assert!(insert("skill", 0, None).is_err());
        assert!(insert("skill", 4, None).is_err());
        assert!(
            insert("skill", 1, Some("2025-12-31")).is_err(),
            "before the start"
        );
        assert!(
            store
                .conn
                .execute(
                    "INSERT INTO milestones (goal_id, kind, title, weight, created_at, updated_at)
                     VALUES (999, 'skill', 't', 1, 'x', 'x')",
                    [],
                )
                .is_err(),
            "foreign key"
        );
    }
}
