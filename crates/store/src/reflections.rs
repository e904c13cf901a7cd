//! Reflections in SQLite: start, answers saved as typed, steps, chosen strategies, moves and
//! their check-ins, slump notices (snoozed, set aside, reflected on) and recoveries. Each call
//! is one transaction, committed before it returns; a refused call writes nothing.

use chrono::{Days, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use trajectory_core::reflection::{
    CHECK_IN_AGAIN_DAYS, SNOOZE_DAYS, check_commitments, check_move_room, moves_before,
};
use trajectory_core::{
    Answer, CheckIn, CheckInId, CheckInOutcome, DomainError, Move, MoveId, NoticeState,
    NoticeStatus, Recovery, Reflection, ReflectionId, ReflectionStatus, ReflectionStep,
    ReflectionTrigger, Strategy, ValidAnswer, ValidMove,
};

use crate::db::Store;
use crate::entries::{parse_timestamp, timestamp};
use crate::error::StoreError;
use crate::goals::{day_text, parse_day};

const SELECT_REFLECTION: &str = "SELECT id, trigger_kind, slump_scope, slump_detected_on, status,
        step, set_aside_reason, created_at, updated_at, closed_at
   FROM reflections";

const SELECT_MOVE: &str = "SELECT id, reflection_id, strategy, text, due_date, done_on, outcome,
        created_at, updated_at
   FROM moves";

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

fn parse_step(text: &str) -> Result<ReflectionStep, StoreError> {
    ReflectionStep::parse(text).map_err(|_| corrupt("reflection step", text))
}

fn parse_strategy(text: &str) -> Result<Strategy, StoreError> {
    Strategy::parse(text).map_err(|_| corrupt("strategy", text))
}

struct ReflectionRow {
    id: i64,
    trigger_kind: String,
    scope: Option<String>,
    detected_on: Option<String>,
    status: String,
    step: String,
    set_aside_reason: Option<String>,
    created_at: String,
    updated_at: String,
    closed_at: Option<String>,
}

impl ReflectionRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<ReflectionRow> {
        Ok(ReflectionRow {
            id: row.get(0)?,
            trigger_kind: row.get(1)?,
            scope: row.get(2)?,
            detected_on: row.get(3)?,
            status: row.get(4)?,
            step: row.get(5)?,
            set_aside_reason: row.get(6)?,
            created_at: row.get(7)?,
            updated_at: row.get(8)?,
            closed_at: row.get(9)?,
        })
    }
}

struct MoveRow {
    id: i64,
    reflection_id: i64,
    strategy: String,
    text: String,
    due: String,
    done_on: Option<String>,
    outcome: String,
    created_at: String,
    updated_at: String,
}

impl MoveRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<MoveRow> {
        Ok(MoveRow {
            id: row.get(0)?,
            reflection_id: row.get(1)?,
            strategy: row.get(2)?,
            text: row.get(3)?,
            due: row.get(4)?,
            done_on: row.get(5)?,
            outcome: row.get(6)?,
            created_at: row.get(7)?,
            updated_at: row.get(8)?,
        })
    }

    fn into_move(self) -> Result<Move, StoreError> {
        Ok(Move {
            id: self.id,
            reflection_id: self.reflection_id,
            strategy: parse_strategy(&self.strategy)?,
            text: self.text,
            due: parse_day("move due date", &self.due)?,
            done_on: self
                .done_on
                .as_deref()
                .map(|d| parse_day("move done date", d))
                .transpose()?,
            outcome: self.outcome,
            created_at: parse_timestamp(&self.created_at)?,
            updated_at: parse_timestamp(&self.updated_at)?,
        })
    }
}

fn query_moves(conn: &Connection, filter: &str, id: i64) -> Result<Vec<Move>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT_MOVE} {filter}"))?;
    let rows = stmt
        .query_map([id], MoveRow::read)?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(MoveRow::into_move).collect()
}

fn load_move(conn: &Connection, id: MoveId) -> Result<Move, StoreError> {
    query_moves(conn, "WHERE id = ?1", id)?
        .pop()
        .ok_or(StoreError::MoveNotFound { id })
}

fn load_strategies(conn: &Connection, id: ReflectionId) -> Result<Vec<Strategy>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT strategy FROM reflection_strategies WHERE reflection_id = ?1 ORDER BY position",
    )?;
    let names = stmt
        .query_map([id], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    names.iter().map(|n| parse_strategy(n)).collect()
}

fn load_answers(conn: &Connection, id: ReflectionId) -> Result<Vec<Answer>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT step, field, text, updated_at FROM reflection_answers WHERE reflection_id = ?1",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut answers = rows
        .into_iter()
        .map(|(step, field, text, at)| {
            Ok(Answer {
                step: parse_step(&step)?,
                field,
                text,
                updated_at: parse_timestamp(&at)?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    answers.sort_by(|a, b| a.step.cmp(&b.step).then(a.field.cmp(&b.field)));
    Ok(answers)
}

fn assemble(conn: &Connection, row: ReflectionRow) -> Result<Reflection, StoreError> {
    let trigger = match (row.trigger_kind.as_str(), row.scope, row.detected_on) {
        ("slump", Some(scope), Some(day)) => ReflectionTrigger::Slump {
            scope,
            detected_on: parse_day("slump detected on", &day)?,
        },
        ("by_hand", _, _) => ReflectionTrigger::ByHand,
        (other, _, _) => return Err(corrupt("reflection trigger", other)),
    };
    Ok(Reflection {
        id: row.id,
        trigger,
        status: ReflectionStatus::parse(&row.status)
            .ok_or_else(|| corrupt("reflection status", &row.status))?,
        step: parse_step(&row.step)?,
        answers: load_answers(conn, row.id)?,
        strategies: load_strategies(conn, row.id)?,
        moves: query_moves(
            conn,
            "WHERE reflection_id = ?1 ORDER BY due_date, id",
            row.id,
        )?,
        set_aside_reason: row.set_aside_reason,
        created_at: parse_timestamp(&row.created_at)?,
        updated_at: parse_timestamp(&row.updated_at)?,
        closed_at: row.closed_at.as_deref().map(parse_timestamp).transpose()?,
    })
}

fn load_reflection(conn: &Connection, id: ReflectionId) -> Result<Reflection, StoreError> {
    let row = conn
        .query_row(
            &format!("{SELECT_REFLECTION} WHERE id = ?1"),
            [id],
            ReflectionRow::read,
        )
        .optional()?
        .ok_or(StoreError::ReflectionNotFound { id })?;
    assemble(conn, row)
}

/// Refuses changes to a reflection that is no longer in progress.
fn require_in_progress(r: &Reflection) -> Result<(), StoreError> {
    if r.status != ReflectionStatus::InProgress {
        return Err(DomainError::ReflectionClosed {
            status: r.status.as_str(),
        }
        .into());
    }
    Ok(())
}

/// Moves and check-ins may still change once a reflection is done (that is the follow-up),
/// but not once it was set aside.
fn require_not_set_aside(r: &Reflection) -> Result<(), StoreError> {
    if r.status == ReflectionStatus::SetAside {
        return Err(DomainError::ReflectionClosed {
            status: r.status.as_str(),
        }
        .into());
    }
    Ok(())
}

fn touch(conn: &Connection, id: ReflectionId) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE reflections SET updated_at = ?2 WHERE id = ?1",
        params![id, timestamp(Utc::now())],
    )?;
    Ok(())
}

fn upsert_notice(
    conn: &Connection,
    scope: &str,
    detected_on: NaiveDate,
    status: &NoticeStatus,
) -> Result<(), StoreError> {
    let (name, until, reason, reflection) = match status {
        NoticeStatus::Shown => ("shown", None, None, None),
        NoticeStatus::Snoozed { until } => ("snoozed", Some(day_text(*until)), None, None),
        NoticeStatus::SetAside { reason } => ("set_aside", None, Some(reason.as_str()), None),
        NoticeStatus::ReflectionStarted { reflection_id } => {
            ("reflection_started", None, None, Some(*reflection_id))
        }
    };
    conn.execute(
        "INSERT INTO slump_notices (scope, detected_on, status, snoozed_until, reason,
                                    reflection_id, first_shown_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
         ON CONFLICT (scope, detected_on) DO UPDATE SET
             status = excluded.status, snoozed_until = excluded.snoozed_until,
             reason = excluded.reason, reflection_id = excluded.reflection_id,
             updated_at = excluded.updated_at",
        params![
            scope,
            day_text(detected_on),
            name,
            until,
            reason,
            reflection,
            timestamp(Utc::now())
        ],
    )?;
    Ok(())
}

fn load_notice(
    conn: &Connection,
    scope: &str,
    detected_on: NaiveDate,
) -> Result<Option<NoticeState>, StoreError> {
    let row = conn
        .query_row(
            "SELECT status, snoozed_until, reason, reflection_id FROM slump_notices
              WHERE scope = ?1 AND detected_on = ?2",
            params![scope, day_text(detected_on)],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                ))
            },
        )
        .optional()?;
    row.map(|(status, until, reason, reflection)| {
        notice_state(
            scope.to_owned(),
            detected_on,
            &status,
            until,
            reason,
            reflection,
        )
    })
    .transpose()
}

fn notice_state(
    scope: String,
    detected_on: NaiveDate,
    status: &str,
    until: Option<String>,
    reason: Option<String>,
    reflection: Option<i64>,
) -> Result<NoticeState, StoreError> {
    let status = match (status, until, reason, reflection) {
        ("shown", ..) => NoticeStatus::Shown,
        ("snoozed", Some(until), ..) => NoticeStatus::Snoozed {
            until: parse_day("snoozed until", &until)?,
        },
        ("set_aside", _, Some(reason), _) => NoticeStatus::SetAside { reason },
        ("reflection_started", _, _, Some(reflection_id)) => {
            NoticeStatus::ReflectionStarted { reflection_id }
        }
        (other, ..) => return Err(corrupt("notice status", other)),
    };
    Ok(NoticeState {
        scope,
        detected_on,
        status,
    })
}

fn insert_check_in(conn: &Connection, move_id: MoveId, due: NaiveDate) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO check_ins (move_id, due_date) VALUES (?1, ?2)",
        params![move_id, day_text(due)],
    )?;
    Ok(())
}

struct CheckInRow {
    id: i64,
    move_id: i64,
    due: String,
    answered_at: Option<String>,
    outcome: Option<String>,
    note: String,
}

const SELECT_CHECK_IN: &str =
    "SELECT id, move_id, due_date, answered_at, outcome, note FROM check_ins";

impl CheckInRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<CheckInRow> {
        Ok(CheckInRow {
            id: row.get(0)?,
            move_id: row.get(1)?,
            due: row.get(2)?,
            answered_at: row.get(3)?,
            outcome: row.get(4)?,
            note: row.get(5)?,
        })
    }

    fn into_check_in(self, conn: &Connection) -> Result<CheckIn, StoreError> {
        Ok(CheckIn {
            id: self.id,
            due: parse_day("check-in due date", &self.due)?,
            answered_at: self
                .answered_at
                .as_deref()
                .map(parse_timestamp)
                .transpose()?,
            outcome: self
                .outcome
                .as_deref()
                .map(|o| CheckInOutcome::parse(o).ok_or_else(|| corrupt("check-in outcome", o)))
                .transpose()?,
            note: self.note,
            move_: load_move(conn, self.move_id)?,
        })
    }
}

fn load_check_in(conn: &Connection, id: CheckInId) -> Result<CheckIn, StoreError> {
    conn.query_row(
        &format!("{SELECT_CHECK_IN} WHERE id = ?1"),
        [id],
        CheckInRow::read,
    )
    .optional()?
    .ok_or(StoreError::CheckInNotFound { id })?
    .into_check_in(conn)
}

/// Closes a move's open check-ins with `outcome`.
fn close_check_ins(
    conn: &Connection,
    move_id: MoveId,
    outcome: CheckInOutcome,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE check_ins SET answered_at = ?2, outcome = ?3
          WHERE move_id = ?1 AND answered_at IS NULL",
        params![move_id, timestamp(Utc::now()), outcome.as_str()],
    )?;
    Ok(())
}

impl Store {
    /// Starts a reflection. From a slump notice, the notice is marked as reflected on in the
    /// same transaction, and a second start from the same slump returns the reflection already
    /// begun (unless that one was set aside).
    pub fn start_reflection(
        &mut self,
        trigger: &ReflectionTrigger,
    ) -> Result<Reflection, StoreError> {
        let tx = self.conn.transaction()?;
        let now = timestamp(Utc::now());
        let id = match trigger {
            ReflectionTrigger::ByHand => {
                tx.execute(
                    "INSERT INTO reflections (trigger_kind, created_at, updated_at)
                     VALUES ('by_hand', ?1, ?1)",
                    [&now],
                )?;
                tx.last_insert_rowid()
            }
            ReflectionTrigger::Slump { scope, detected_on } => {
                let existing: Option<i64> = tx
                    .query_row(
                        "SELECT id FROM reflections
                          WHERE trigger_kind = 'slump' AND slump_scope = ?1
                            AND slump_detected_on = ?2 AND status <> 'set_aside'
                          ORDER BY id DESC LIMIT 1",
                        params![scope, day_text(*detected_on)],
                        |r| r.get(0),
                    )
                    .optional()?;
                let id = match existing {
                    Some(id) => id,
                    None => {
                        tx.execute(
                            "INSERT INTO reflections (trigger_kind, slump_scope, slump_detected_on,
                                                      created_at, updated_at)
                             VALUES ('slump', ?1, ?2, ?3, ?3)",
                            params![scope, day_text(*detected_on), now],
                        )?;
                        tx.last_insert_rowid()
                    }
                };
                upsert_notice(
                    &tx,
                    scope,
                    *detected_on,
                    &NoticeStatus::ReflectionStarted { reflection_id: id },
                )?;
                id
            }
        };
        tx.commit()?;
        load_reflection(&self.conn, id)
    }

    /// One reflection with its answers, strategies and moves.
    pub fn reflection(&self, id: ReflectionId) -> Result<Reflection, StoreError> {
        load_reflection(&self.conn, id)
    }

    /// Every reflection, newest first.
    pub fn reflections(&self) -> Result<Vec<Reflection>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_REFLECTION} ORDER BY created_at DESC, id DESC"
        ))?;
        let rows = stmt
            .query_map([], ReflectionRow::read)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(|r| assemble(&self.conn, r)).collect()
    }

    /// Saves one answer exactly as typed (replacing the field's previous text). Allowed while
    /// the reflection is in progress, and for the follow-up step once it is done.
    pub fn save_reflection_answer(
        &mut self,
        id: ReflectionId,
        answer: &ValidAnswer,
    ) -> Result<Answer, StoreError> {
        let tx = self.conn.transaction()?;
        let r = load_reflection(&tx, id)?;
        let follow_up_after_done =
            r.status == ReflectionStatus::Done && answer.step() == ReflectionStep::FollowUp;
        if !follow_up_after_done {
            require_in_progress(&r)?;
        }
        let now = timestamp(Utc::now());
        tx.execute(
            "INSERT INTO reflection_answers (reflection_id, step, field, text, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (reflection_id, step, field) DO UPDATE SET
                 text = excluded.text, updated_at = excluded.updated_at",
            params![
                id,
                answer.step().as_str(),
                answer.field(),
                answer.text(),
                now
            ],
        )?;
        touch(&tx, id)?;
        tx.commit()?;
        Ok(Answer {
            step: answer.step(),
            field: answer.field().to_owned(),
            text: answer.text().to_owned(),
            updated_at: parse_timestamp(&now)?,
        })
    }

    /// Moves to a step (back or forward). Following up needs a move under every chosen
    /// strategy.
    pub fn set_reflection_step(
        &mut self,
        id: ReflectionId,
        step: ReflectionStep,
    ) -> Result<Reflection, StoreError> {
        let tx = self.conn.transaction()?;
        let r = load_reflection(&tx, id)?;
        require_in_progress(&r)?;
        if step == ReflectionStep::FollowUp {
            check_commitments(&r.strategies, &r.moves)?;
        }
        tx.execute(
            "UPDATE reflections SET step = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, step.as_str(), timestamp(Utc::now())],
        )?;
        tx.commit()?;
        load_reflection(&self.conn, id)
    }

    /// Replaces the chosen strategies (duplicates ignored, order kept). A strategy that still
    /// has moves cannot be unchosen.
    pub fn choose_strategies(
        &mut self,
        id: ReflectionId,
        strategies: &[Strategy],
    ) -> Result<Reflection, StoreError> {
        let tx = self.conn.transaction()?;
        let r = load_reflection(&tx, id)?;
        require_in_progress(&r)?;
        let mut chosen: Vec<Strategy> = Vec::new();
        for s in strategies {
            if !chosen.contains(s) {
                chosen.push(*s);
            }
        }
        if let Some(m) = r.moves.iter().find(|m| !chosen.contains(&m.strategy)) {
            return Err(DomainError::StrategyHasMoves {
                strategy: m.strategy.as_str(),
            }
            .into());
        }
        tx.execute(
            "DELETE FROM reflection_strategies WHERE reflection_id = ?1",
            [id],
        )?;
        for (position, s) in chosen.iter().enumerate() {
            tx.execute(
                "INSERT INTO reflection_strategies (reflection_id, strategy, position)
                 VALUES (?1, ?2, ?3)",
                params![id, s.as_str(), position as i64],
            )?;
        }
        touch(&tx, id)?;
        tx.commit()?;
        load_reflection(&self.conn, id)
    }

    /// Adds a move under a chosen strategy (at most three each), with a check-in on its due
    /// date.
    pub fn add_move(&mut self, id: ReflectionId, m: &ValidMove) -> Result<Move, StoreError> {
        let tx = self.conn.transaction()?;
        let r = load_reflection(&tx, id)?;
        require_in_progress(&r)?;
        check_move_room(m.strategy(), &r.strategies, &r.moves)?;
        let now = timestamp(Utc::now());
        tx.execute(
            "INSERT INTO moves (reflection_id, strategy, text, due_date, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![id, m.strategy().as_str(), m.text(), day_text(m.due()), now],
        )?;
        let move_id = tx.last_insert_rowid();
        insert_check_in(&tx, move_id, m.due())?;
        touch(&tx, id)?;
        tx.commit()?;
        load_move(&self.conn, move_id)
    }

    /// The move as stored (for a front end to validate an edit against its current due date).
    pub fn reflection_move(&self, id: MoveId) -> Result<Move, StoreError> {
        load_move(&self.conn, id)
    }

    /// Rewrites a move's strategy, text and due date; its open check-in follows the new date.
    pub fn update_move(&mut self, move_id: MoveId, m: &ValidMove) -> Result<Move, StoreError> {
        let tx = self.conn.transaction()?;
        let current = load_move(&tx, move_id)?;
        let r = load_reflection(&tx, current.reflection_id)?;
        require_not_set_aside(&r)?;
        if m.strategy() != current.strategy {
            let others: Vec<Move> = r.moves.into_iter().filter(|x| x.id != move_id).collect();
            check_move_room(m.strategy(), &r.strategies, &others)?;
        }
        tx.execute(
            "UPDATE moves SET strategy = ?2, text = ?3, due_date = ?4, updated_at = ?5
              WHERE id = ?1",
            params![
                move_id,
                m.strategy().as_str(),
                m.text(),
                day_text(m.due()),
                timestamp(Utc::now())
            ],
        )?;
        if m.due() != current.due {
            tx.execute(
                "UPDATE check_ins SET due_date = ?2 WHERE move_id = ?1 AND answered_at IS NULL",
                params![move_id, day_text(m.due())],
            )?;
        }
        touch(&tx, current.reflection_id)?;
        tx.commit()?;
        load_move(&self.conn, move_id)
    }

    /// Marks a move done on `done_on` with a note on how it went; its open check-ins close.
    pub fn complete_move(
        &mut self,
        move_id: MoveId,
        done_on: NaiveDate,
        outcome: &str,
    ) -> Result<Move, StoreError> {
        let outcome = trajectory_core::reflection::check_reason(outcome.to_owned())?;
        let tx = self.conn.transaction()?;
        let current = load_move(&tx, move_id)?;
        require_not_set_aside(&load_reflection(&tx, current.reflection_id)?)?;
        tx.execute(
            "UPDATE moves SET done_on = ?2, outcome = ?3, updated_at = ?4 WHERE id = ?1",
            params![move_id, day_text(done_on), outcome, timestamp(Utc::now())],
        )?;
        close_check_ins(&tx, move_id, CheckInOutcome::Done)?;
        touch(&tx, current.reflection_id)?;
        tx.commit()?;
        load_move(&self.conn, move_id)
    }

    /// Unanswered check-ins due on or before `today`, of reflections not set aside, oldest
    /// first.
    pub fn due_check_ins(&self, today: NaiveDate) -> Result<Vec<CheckIn>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.move_id, c.due_date, c.answered_at, c.outcome, c.note
               FROM check_ins c
               JOIN moves m ON m.id = c.move_id
               JOIN reflections r ON r.id = m.reflection_id
              WHERE c.answered_at IS NULL AND c.due_date <= ?1 AND r.status <> 'set_aside'
              ORDER BY c.due_date, c.id",
        )?;
        let rows = stmt
            .query_map([day_text(today)], CheckInRow::read)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|r| r.into_check_in(&self.conn))
            .collect()
    }

    /// Answers a check-in. "Done" marks the move done today (the note becomes its outcome);
    /// "not yet" asks again [`CHECK_IN_AGAIN_DAYS`] later; "dropped" stops asking.
    pub fn answer_check_in(
        &mut self,
        id: CheckInId,
        outcome: CheckInOutcome,
        note: &str,
        today: NaiveDate,
    ) -> Result<CheckIn, StoreError> {
        let note = trajectory_core::reflection::check_reason(note.to_owned())?;
        let tx = self.conn.transaction()?;
        let check_in = load_check_in(&tx, id)?;
        require_not_set_aside(&load_reflection(&tx, check_in.move_.reflection_id)?)?;
        if check_in.answered_at.is_some() {
            tx.commit()?;
            return load_check_in(&self.conn, id);
        }
        let now = timestamp(Utc::now());
        tx.execute(
            "UPDATE check_ins SET answered_at = ?2, outcome = ?3, note = ?4 WHERE id = ?1",
            params![id, now, outcome.as_str(), note],
        )?;
        let move_id = check_in.move_.id;
        match outcome {
            CheckInOutcome::Done => {
                if check_in.move_.done_on.is_none() {
                    tx.execute(
                        "UPDATE moves SET done_on = ?2, outcome = ?3, updated_at = ?4
                          WHERE id = ?1",
                        params![move_id, day_text(today), note, now],
                    )?;
                }
                close_check_ins(&tx, move_id, CheckInOutcome::Done)?;
            }
            CheckInOutcome::NotYet => {
                let next = today
                    .checked_add_days(Days::new(CHECK_IN_AGAIN_DAYS))
                    .unwrap_or(today);
                insert_check_in(&tx, move_id, next)?;
            }
            CheckInOutcome::Dropped => close_check_ins(&tx, move_id, CheckInOutcome::Dropped)?,
        }
        tx.commit()?;
        load_check_in(&self.conn, id)
    }

    /// Finishes a reflection: every chosen strategy needs a move. Check-ins go on afterwards.
    pub fn finish_reflection(&mut self, id: ReflectionId) -> Result<Reflection, StoreError> {
        let tx = self.conn.transaction()?;
        let r = load_reflection(&tx, id)?;
        require_in_progress(&r)?;
        check_commitments(&r.strategies, &r.moves)?;
        let now = timestamp(Utc::now());
        tx.execute(
            "UPDATE reflections SET status = 'done', step = 'follow_up', updated_at = ?2,
                                    closed_at = ?2
              WHERE id = ?1",
            params![id, now],
        )?;
        tx.commit()?;
        load_reflection(&self.conn, id)
    }

    /// Sets a reflection aside with the person's reason (may be empty); it stays readable,
    /// and its check-ins stop.
    pub fn set_aside_reflection(
        &mut self,
        id: ReflectionId,
        reason: &str,
    ) -> Result<Reflection, StoreError> {
        let reason = trajectory_core::reflection::check_reason(reason.to_owned())?;
        let tx = self.conn.transaction()?;
        let r = load_reflection(&tx, id)?;
        require_in_progress(&r)?;
        let now = timestamp(Utc::now());
        tx.execute(
            "UPDATE reflections SET status = 'set_aside', set_aside_reason = ?2,
                                    updated_at = ?3, closed_at = ?3
              WHERE id = ?1",
            params![id, reason, now],
        )?;
        tx.commit()?;
        load_reflection(&self.conn, id)
    }

    /// What became of every slump notice so far.
    pub fn slump_notices(&self) -> Result<Vec<NoticeState>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT scope, detected_on, status, snoozed_until, reason, reflection_id
               FROM slump_notices ORDER BY detected_on, scope",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<i64>>(5)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(scope, day, status, until, reason, reflection)| {
                let day = parse_day("notice detected on", &day)?;
                notice_state(scope, day, &status, until, reason, reflection)
            })
            .collect()
    }

    /// Records that a notice was shown, the first time only (a later answer is kept).
    pub fn record_notice_shown(
        &mut self,
        scope: &str,
        detected_on: NaiveDate,
    ) -> Result<NoticeState, StoreError> {
        let tx = self.conn.transaction()?;
        if load_notice(&tx, scope, detected_on)?.is_none() {
            upsert_notice(&tx, scope, detected_on, &NoticeStatus::Shown)?;
        }
        let state = load_notice(&tx, scope, detected_on)?;
        tx.commit()?;
        state.ok_or_else(|| corrupt("notice", scope))
    }

    /// "Not now": the notice stays quiet for [`SNOOZE_DAYS`] days from `today`.
    pub fn snooze_slump_notice(
        &mut self,
        scope: &str,
        detected_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<NoticeState, StoreError> {
        let until = today
            .checked_add_days(Days::new(SNOOZE_DAYS))
            .unwrap_or(today);
        self.put_notice(scope, detected_on, NoticeStatus::Snoozed { until })
    }

    /// Sets a notice aside for good, with the person's reason (may be empty).
    pub fn set_aside_slump_notice(
        &mut self,
        scope: &str,
        detected_on: NaiveDate,
        reason: &str,
    ) -> Result<NoticeState, StoreError> {
        let reason = trajectory_core::reflection::check_reason(reason.to_owned())?;
        self.put_notice(scope, detected_on, NoticeStatus::SetAside { reason })
    }

    fn put_notice(
        &mut self,
        scope: &str,
        detected_on: NaiveDate,
        status: NoticeStatus,
    ) -> Result<NoticeState, StoreError> {
        let tx = self.conn.transaction()?;
        upsert_notice(&tx, scope, detected_on, &status)?;
        tx.commit()?;
        Ok(NoticeState {
            scope: scope.to_owned(),
            detected_on,
            status,
        })
    }

    /// Records, once, that the slump raised on `detected_on` in `scope` ended on `ended_on`,
    /// with the moves of its reflections done on or before that day. None when no reflection
    /// answered that slump; the existing record when it was recorded before.
    pub fn record_recovery(
        &mut self,
        scope: &str,
        detected_on: NaiveDate,
        ended_on: NaiveDate,
    ) -> Result<Option<Recovery>, StoreError> {
        let tx = self.conn.transaction()?;
        if let Some(existing) = load_recovery(&tx, scope, detected_on)? {
            tx.commit()?;
            return Ok(Some(existing));
        }
        let mut stmt = tx.prepare_cached(
            "SELECT id FROM reflections
              WHERE trigger_kind = 'slump' AND slump_scope = ?1 AND slump_detected_on = ?2",
        )?;
        let reflections = stmt
            .query_map(params![scope, day_text(detected_on)], |r| {
                r.get::<_, i64>(0)
            })?
            .collect::<Result<Vec<_>, _>>()?;
        drop(stmt);
        if reflections.is_empty() {
            tx.commit()?;
            return Ok(None);
        }
        let mut moves = Vec::new();
        for r in reflections {
            moves.extend(query_moves(&tx, "WHERE reflection_id = ?1", r)?);
        }
        tx.execute(
            "INSERT INTO recoveries (scope, detected_on, ended_on, recorded_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                scope,
                day_text(detected_on),
                day_text(ended_on),
                timestamp(Utc::now())
            ],
        )?;
        for m in moves_before(&moves, ended_on) {
            tx.execute(
                "INSERT INTO recovery_moves (scope, detected_on, move_id) VALUES (?1, ?2, ?3)",
                params![scope, day_text(detected_on), m.id],
            )?;
        }
        let recovery = load_recovery(&tx, scope, detected_on)?;
        tx.commit()?;
        Ok(recovery)
    }

    /// Every recorded recovery, oldest first.
    pub fn recoveries(&self) -> Result<Vec<Recovery>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT scope, detected_on FROM recoveries ORDER BY ended_on")?;
        let keys = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        let mut out = Vec::with_capacity(keys.len());
        for (scope, day) in keys {
            let day = parse_day("recovery detected on", &day)?;
            out.extend(load_recovery(&self.conn, &scope, day)?);
        }
        Ok(out)
    }

    /// Every move of every reflection not set aside, oldest first.
    pub fn moves(&self) -> Result<Vec<Move>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.reflection_id, m.strategy, m.text, m.due_date, m.done_on, m.outcome,
                    m.created_at, m.updated_at
               FROM moves m JOIN reflections r ON r.id = m.reflection_id
              WHERE r.status <> 'set_aside' ORDER BY m.id",
        )?;
        let rows = stmt
            .query_map([], MoveRow::read)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(MoveRow::into_move).collect()
    }

    /// For each reflection that answered a slump which has since ended: the end day.
    pub fn recovery_ends(&self) -> Result<Vec<(ReflectionId, NaiveDate)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, v.ended_on FROM reflections r
               JOIN recoveries v ON v.scope = r.slump_scope AND v.detected_on = r.slump_detected_on
              ORDER BY r.id",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, day)| Ok((id, parse_day("recovery end", &day)?)))
            .collect()
    }
}

fn load_recovery(
    conn: &Connection,
    scope: &str,
    detected_on: NaiveDate,
) -> Result<Option<Recovery>, StoreError> {
    let ended: Option<String> = conn
        .query_row(
            "SELECT ended_on FROM recoveries WHERE scope = ?1 AND detected_on = ?2",
            params![scope, day_text(detected_on)],
            |r| r.get(0),
        )
        .optional()?;
    let Some(ended) = ended else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT move_id FROM recovery_moves WHERE scope = ?1 AND detected_on = ?2
          ORDER BY move_id",
    )?;
    let move_ids = stmt
        .query_map(params![scope, day_text(detected_on)], |r| {
            r.get::<_, i64>(0)
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(Recovery {
        scope: scope.to_owned(),
        detected_on,
        ended_on: parse_day("recovery end", &ended)?,
        move_ids,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use trajectory_core::{ErrorCode, MoveDraft, parse_date};

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    const TODAY: &str = "2026-03-14";

    fn answer(step: ReflectionStep, field: &str, text: &str) -> ValidAnswer {
        ValidAnswer::new(step, field, text.into()).unwrap()
    }

    fn valid_move(strategy: Strategy, text: &str, due: &str) -> ValidMove {
        MoveDraft {
            strategy,
            text: text.into(),
            due: due.into(),
        }
        .validate(d(TODAY), None)
        .unwrap()
    }

    fn slump() -> ReflectionTrigger {
        ReflectionTrigger::Slump {
            scope: "all".into(),
            detected_on: d("2026-03-01"),
        }
    }

    fn code(e: StoreError) -> ErrorCode {
        e.code()
    }

    #[test]
    fn answers_survive_reopening_the_store_and_are_kept_as_typed() {
        let dir = tempfile::tempdir().unwrap();
        let id = {
            let mut store = Store::open(dir.path(), None).unwrap();
            let r = store.start_reflection(&slump()).unwrap();
            assert_eq!(r.step, ReflectionStep::Accept);
            assert_eq!(r.status, ReflectionStatus::InProgress);
            store
                .save_reflection_answer(r.id, &answer(ReflectionStep::Accept, "feeling", "fl"))
                .unwrap();
            store
                .save_reflection_answer(
                    r.id,
                    &answer(ReflectionStep::Accept, "feeling", "flat, but calm  "),
                )
                .unwrap();
            store
                .set_reflection_step(r.id, ReflectionStep::RootCause)
                .unwrap();
            store
                .save_reflection_answer(
                    r.id,
                    &answer(ReflectionStep::RootCause, "outside_forces", "hiring freeze"),
                )
                .unwrap();
            store
                .save_reflection_answer(
                    r.id,
                    &answer(ReflectionStep::RootCause, "outside_forces_applies", "yes"),
                )
                .unwrap();
            r.id
        };
        let store = Store::open(dir.path(), None).unwrap();
        let r = store.reflection(id).unwrap();
        assert_eq!(
            r.step,
            ReflectionStep::RootCause,
            "resumes where it was left"
        );
        assert_eq!(
            r.answer(ReflectionStep::Accept, "feeling"),
            "flat, but calm  "
        );
        assert_eq!(r.answers.len(), 3, "one row per field, replaced as typed");
        assert_eq!(r.trigger, slump());
        assert_eq!(
            r.suggestions().strategies[0].strategy,
            Strategy::WiderNetwork
        );
        assert_eq!(store.reflections().unwrap().len(), 1);
        let notices = store.slump_notices().unwrap();
        assert_eq!(
            notices[0].status,
            NoticeStatus::ReflectionStarted { reflection_id: id }
        );
    }

    #[test]
    fn starting_twice_from_the_same_slump_resumes_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), None).unwrap();
        let a = store.start_reflection(&slump()).unwrap();
        let b = store.start_reflection(&slump()).unwrap();
        assert_eq!(a.id, b.id);
        let c = store.start_reflection(&ReflectionTrigger::ByHand).unwrap();
        assert_ne!(c.id, a.id);
        assert_eq!(store.reflections().unwrap()[0].id, c.id, "newest first");
    }

    #[test]
    fn moves_need_a_chosen_strategy_at_most_three_and_nothing_is_written_on_refusal() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), None).unwrap();
        let r = store.start_reflection(&ReflectionTrigger::ByHand).unwrap();
        let net = valid_move(
            Strategy::WiderNetwork,
            "Coffee with two ex-colleagues",
            "2026-03-20",
        );
        assert_eq!(
            code(store.add_move(r.id, &net).unwrap_err()),
            ErrorCode::StrategyNotChosen
        );
        store
            .choose_strategies(
                r.id,
                &[
                    Strategy::WiderNetwork,
                    Strategy::NewProject,
                    Strategy::WiderNetwork,
                ],
            )
            .unwrap();
        assert_eq!(
            store.reflection(r.id).unwrap().strategies,
            vec![Strategy::WiderNetwork, Strategy::NewProject]
        );
        for _ in 0..3 {
            store.add_move(r.id, &net).unwrap();
        }
        assert_eq!(
            code(store.add_move(r.id, &net).unwrap_err()),
            ErrorCode::TooManyMoves
        );
        assert_eq!(store.reflection(r.id).unwrap().moves.len(), 3);
        assert_eq!(
            code(store.finish_reflection(r.id).unwrap_err()),
            ErrorCode::MovesMissing,
            "the new project has no move yet"
        );
        assert_eq!(
            code(
                store
                    .set_reflection_step(r.id, ReflectionStep::FollowUp)
                    .unwrap_err()
            ),
            ErrorCode::MovesMissing
        );
        assert_eq!(
            code(
                store
                    .choose_strategies(r.id, &[Strategy::NewProject])
                    .unwrap_err()
            ),
            ErrorCode::StrategyHasMoves
        );
        let after = store.reflection(r.id).unwrap();
        assert_eq!(after.status, ReflectionStatus::InProgress);
        assert_eq!(after.strategies.len(), 2);
        store
            .add_move(
                r.id,
                &valid_move(Strategy::NewProject, "Draft the proposal", "2026-03-30"),
            )
            .unwrap();
        let done = store.finish_reflection(r.id).unwrap();
        assert_eq!(done.status, ReflectionStatus::Done);
        assert!(done.closed_at.is_some());
        assert_eq!(
            code(
                store
                    .save_reflection_answer(r.id, &answer(ReflectionStep::Accept, "feeling", "x"))
                    .unwrap_err()
            ),
            ErrorCode::ReflectionClosed
        );
        store
            .save_reflection_answer(
                r.id,
                &answer(ReflectionStep::FollowUp, "looking_back", "people helped"),
            )
            .unwrap();
    }

    #[test]
    fn check_ins_come_on_their_day_and_their_answers_move_things_on() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), None).unwrap();
        let r = store.start_reflection(&ReflectionTrigger::ByHand).unwrap();
        store
            .choose_strategies(r.id, &[Strategy::LearnOrResponsibility])
            .unwrap();
        let a = store
            .add_move(
                r.id,
                &valid_move(
                    Strategy::LearnOrResponsibility,
                    "Finish the course",
                    "2026-03-20",
                ),
            )
            .unwrap();
        let b = store
            .add_move(
                r.id,
                &valid_move(
                    Strategy::LearnOrResponsibility,
                    "Offer to run on-call",
                    "2026-03-25",
                ),
            )
            .unwrap();
        assert!(store.due_check_ins(d("2026-03-19")).unwrap().is_empty());
        let due = store.due_check_ins(d("2026-03-20")).unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].move_.id, a.id);
        // Not yet: asked again a week later.
        store
            .answer_check_in(
                due[0].id,
                CheckInOutcome::NotYet,
                "half way",
                d("2026-03-20"),
            )
            .unwrap();
        assert!(
            store
                .due_check_ins(d("2026-03-26"))
                .unwrap()
                .iter()
                .all(|c| c.move_.id == b.id)
        );
        let again = store.due_check_ins(d("2026-03-27")).unwrap();
        assert_eq!(again.len(), 2);
        let for_a = again.iter().find(|c| c.move_.id == a.id).unwrap();
        assert_eq!(for_a.due, d("2026-03-27"));
        let answered = store
            .answer_check_in(for_a.id, CheckInOutcome::Done, "passed", d("2026-03-27"))
            .unwrap();
        assert_eq!(answered.outcome, Some(CheckInOutcome::Done));
        assert_eq!(answered.move_.done_on, Some(d("2026-03-27")));
        assert_eq!(answered.move_.outcome, "passed");
        // Moving b's date moves its check-in; completing it closes the check-in.
        let edited = store
            .update_move(
                b.id,
                &valid_move(Strategy::LearnOrResponsibility, "Run on-call", "2026-04-10"),
            )
            .unwrap();
        assert_eq!(edited.due, d("2026-04-10"));
        assert!(store.due_check_ins(d("2026-04-01")).unwrap().is_empty());
        store
            .complete_move(b.id, d("2026-04-02"), "went well")
            .unwrap();
        assert!(store.due_check_ins(d("2026-05-01")).unwrap().is_empty());
        assert_eq!(
            code(store.complete_move(999, d("2026-04-02"), "").unwrap_err()),
            ErrorCode::NotFound
        );
    }

    #[test]
    fn notices_snooze_for_a_week_or_are_set_aside_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), None).unwrap();
        let day = d("2026-03-01");
        let shown = store.record_notice_shown("goal:1", day).unwrap();
        assert_eq!(shown.status, NoticeStatus::Shown);
        let snoozed = store.snooze_slump_notice("goal:1", day, d(TODAY)).unwrap();
        assert_eq!(
            snoozed.status,
            NoticeStatus::Snoozed {
                until: d("2026-03-21")
            }
        );
        assert_eq!(
            store.record_notice_shown("goal:1", day).unwrap().status,
            snoozed.status,
            "showing again keeps the answer"
        );
        store
            .set_aside_slump_notice("all", day, "Parental leave, not a slump")
            .unwrap();
        let all = store.slump_notices().unwrap();
        assert_eq!(all.len(), 2);
        assert!(all.iter().any(|n| n.status
            == NoticeStatus::SetAside {
                reason: "Parental leave, not a slump".into()
            }));
        let reopened = Store::open(dir.path(), None).unwrap();
        assert_eq!(reopened.slump_notices().unwrap(), all);
    }

    #[test]
    fn a_recovery_records_the_moves_done_before_the_slump_ended() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), None).unwrap();
        let r = store.start_reflection(&slump()).unwrap();
        store
            .choose_strategies(r.id, &[Strategy::WiderNetwork])
            .unwrap();
        let early = store
            .add_move(
                r.id,
                &valid_move(Strategy::WiderNetwork, "Meetup talk", "2026-03-20"),
            )
            .unwrap();
        let late = store
            .add_move(
                r.id,
                &valid_move(Strategy::WiderNetwork, "Conference", "2026-05-20"),
            )
            .unwrap();
        store.complete_move(early.id, d("2026-03-22"), "").unwrap();
        store.complete_move(late.id, d("2026-05-22"), "").unwrap();
        assert_eq!(
            store
                .record_recovery("goal:9", d("2026-03-01"), d("2026-04-01"))
                .unwrap(),
            None,
            "no reflection answered that slump"
        );
        let rec = store
            .record_recovery("all", d("2026-03-01"), d("2026-04-01"))
            .unwrap()
            .unwrap();
        assert_eq!(rec.move_ids, vec![early.id]);
        let again = store
            .record_recovery("all", d("2026-03-01"), d("2026-06-01"))
            .unwrap()
            .unwrap();
        assert_eq!(again, rec, "recorded once");
        assert_eq!(store.recoveries().unwrap(), vec![rec]);
        assert_eq!(
            store.recovery_ends().unwrap(),
            vec![(r.id, d("2026-04-01"))]
        );
        assert_eq!(store.moves().unwrap().len(), 2);
    }

    #[test]
    fn a_set_aside_reflection_is_kept_readable_and_refuses_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), None).unwrap();
        let r = store.start_reflection(&slump()).unwrap();
        let aside = store
            .set_aside_reflection(r.id, "Not the right week")
            .unwrap();
        assert_eq!(aside.status, ReflectionStatus::SetAside);
        assert_eq!(
            aside.set_aside_reason.as_deref(),
            Some("Not the right week")
        );
        assert_eq!(
            code(
                store
                    .choose_strategies(r.id, &[Strategy::Exit])
                    .unwrap_err()
            ),
            ErrorCode::ReflectionClosed
        );
        assert_eq!(code(store.reflection(42).unwrap_err()), ErrorCode::NotFound);
        let fresh = store.start_reflection(&slump()).unwrap();
        assert_ne!(
            fresh.id, r.id,
            "a set-aside reflection is not resumed by a new start"
        );
    }
}
