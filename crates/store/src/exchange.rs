//! Imports and the whole-journal snapshot: each import is one transaction that either writes
//! everything or nothing, and re-importing a file skips what an earlier import brought in.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use trajectory_core::{
    EntryDraft, GoalDraft, GoalStatus, ImportReport, ImportedEntry, MilestoneDraft, PausedDraft,
    SNAPSHOT_FORMAT, SNAPSHOT_VERSION, Snapshot, SnapshotEntry, SnapshotGoal, SnapshotLink,
    SnapshotMilestone, SnapshotPause, SnapshotRevision, SnapshotTemplate, TemplateDraft,
    ValidEntry,
};

use crate::db::Store;
use crate::entries::{EntryRow, SELECT_ENTRY, parse_timestamp, timestamp, write_tags};
use crate::error::StoreError;
use crate::goals::{day_text, parse_day};

/// How often (in items) an import reports its progress.
const PROGRESS_EVERY: u64 = 1000;

/// The kinds of row an import can create, as stored in `import_sources.kind`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Entry,
    Goal,
    Milestone,
    PausedPeriod,
    Template,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Entry => "entry",
            Kind::Goal => "goal",
            Kind::Milestone => "milestone",
            Kind::PausedPeriod => "paused_period",
            Kind::Template => "template",
        }
    }

    fn table(self) -> &'static str {
        match self {
            Kind::Entry => "entries",
            Kind::Goal => "goals",
            Kind::Milestone => "milestones",
            Kind::PausedPeriod => "paused_periods",
            Kind::Template => "templates",
        }
    }
}

/// The key a journal's own item has in its exports: `trajectory:<journal>:<kind>:<id>`.
fn native_key(journal_id: &str, kind: Kind, id: i64) -> String {
    format!("trajectory:{journal_id}:{}:{id}", kind.as_str())
}

fn rejected(at: String, reason: impl std::fmt::Display) -> StoreError {
    StoreError::ImportRejected {
        at,
        reason: reason.to_string(),
    }
}

fn journal_id(conn: &Connection) -> Result<String, StoreError> {
    Ok(conn.query_row(
        "SELECT value FROM journal_meta WHERE name = 'journal_id'",
        [],
        |r| r.get(0),
    )?)
}

/// Reports progress every [`PROGRESS_EVERY`] items and at the end.
struct Ticker<'a> {
    done: u64,
    total: u64,
    report: &'a mut dyn FnMut(u64, u64),
}

impl Ticker<'_> {
    fn tick(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(PROGRESS_EVERY) || self.done == self.total {
            (self.report)(self.done, self.total);
        }
    }
}

/// Looks up and records import keys inside one import's transaction.
struct Sources<'t> {
    tx: &'t Transaction<'t>,
    now: String,
    journal_id: String,
}

impl Sources<'_> {
    /// The local row an item with `key` already became, if it still exists: an earlier import
    /// recorded it, or the key names an item of this very journal.
    fn find(&self, kind: Kind, key: &str) -> Result<Option<i64>, StoreError> {
        let table = kind.table();
        let recorded: Option<i64> = self
            .tx
            .prepare_cached(&format!(
                "SELECT s.local_id FROM import_sources s JOIN {table} t ON t.id = s.local_id
                  WHERE s.kind = ?1 AND s.source_key = ?2"
            ))?
            .query_row(params![kind.as_str(), key], |r| r.get(0))
            .optional()?;
        if recorded.is_some() {
            return Ok(recorded);
        }
        let own_prefix = format!("trajectory:{}:{}:", self.journal_id, kind.as_str());
        let Some(id) = key
            .strip_prefix(&own_prefix)
            .and_then(|id| id.parse::<i64>().ok())
        else {
            return Ok(None);
        };
        Ok(self
            .tx
            .prepare_cached(&format!("SELECT id FROM {table} WHERE id = ?1"))?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    fn record(&self, kind: Kind, key: &str, local_id: i64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO import_sources (kind, source_key, local_id, imported_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (kind, source_key)
                 DO UPDATE SET local_id = excluded.local_id, imported_at = excluded.imported_at",
            )?
            .execute(params![kind.as_str(), key, local_id, self.now])?;
        Ok(())
    }
}

/// Inserts one validated entry with the given id (or a new one) and times; returns its id.
fn insert_entry(
    tx: &Transaction<'_>,
    id: Option<i64>,
    entry: &ValidEntry,
    created_at: &str,
    updated_at: &str,
    deleted_at: Option<&str>,
) -> Result<i64, StoreError> {
    tx.prepare_cached(
        "INSERT INTO entries (id, entry_date, body, created_at, updated_at, deleted_at, mood,
                              progress)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id,
        day_text(entry.entry_date()),
        entry.body(),
        created_at,
        updated_at,
        deleted_at,
        entry.mood(),
        entry.progress()
    ])?;
    let id = tx.last_insert_rowid();
    write_tags(tx, id, entry.tags())?;
    Ok(id)
}

impl Store {
    /// This journal's identity, carried by its JSON exports.
    pub fn journal_id(&self) -> Result<String, StoreError> {
        journal_id(&self.conn)
    }

    /// Writes entries read from another tool in one transaction. An entry whose source key an
    /// earlier import recorded (and whose row still exists) is skipped; an entry with no text
    /// is skipped and counted; any other entry that breaks a rule refuses the whole import,
    /// naming where it is, and nothing is written. `progress(done, total)` is called every
    /// thousand entries and at the end.
    pub fn import_entries(
        &mut self,
        items: &[ImportedEntry],
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportReport, StoreError> {
        let now = timestamp(Utc::now());
        let tx = self.conn.transaction()?;
        let sources = Sources {
            tx: &tx,
            now: now.clone(),
            journal_id: journal_id(&tx)?,
        };
        let mut ticker = Ticker {
            done: 0,
            total: items.len() as u64,
            report: progress,
        };
        let mut report = ImportReport::default();
        for item in items {
            if sources.find(Kind::Entry, &item.source_key)?.is_some() {
                report.already_present += 1;
            } else if item.draft.body.trim().is_empty() {
                report.empty += 1;
            } else {
                let valid = item
                    .draft
                    .clone()
                    .validate()
                    .map_err(|e| rejected(item.at.clone(), e))?;
                let created = item.created_at.map_or_else(|| now.clone(), timestamp);
                let updated = item
                    .updated_at
                    .or(item.created_at)
                    .map_or_else(|| now.clone(), timestamp);
                let id = insert_entry(&tx, None, &valid, &created, &updated, None)?;
                sources.record(Kind::Entry, &item.source_key, id)?;
                report.imported += 1;
            }
            ticker.tick();
        }
        if items.is_empty() {
            (ticker.report)(0, 0);
        }
        drop(sources);
        tx.commit()?;
        Ok(report)
    }

    /// The whole journal — entries with their revisions (the trash included), goals,
    /// milestones with their entry links, paused periods (removed ones included) and the
    /// person's templates — read in one transaction, so it is consistent.
    pub fn snapshot(&self, exported_at: DateTime<Utc>) -> Result<Snapshot, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let keys = read_keys(&tx)?;
        let key = |kind: Kind, id: i64| keys.get(&(kind.as_str(), id)).cloned();
        let snapshot = Snapshot {
            format: SNAPSHOT_FORMAT.to_owned(),
            version: SNAPSHOT_VERSION,
            journal_id: journal_id(&tx)?,
            exported_at,
            entries: read_entries(&tx, &|id| key(Kind::Entry, id))?,
            goals: read_goals(&tx, &|id| key(Kind::Goal, id))?,
            milestones: read_milestones(&tx, &|id| key(Kind::Milestone, id))?,
            paused_periods: read_pauses(&tx, &|id| key(Kind::PausedPeriod, id))?,
            templates: read_templates(&tx, &|id| key(Kind::Template, id))?,
        };
        tx.commit()?;
        Ok(snapshot)
    }

    /// Imports a Trajectory JSON snapshot in one transaction.
    ///
    /// Into an empty journal, everything keeps its id and the journal takes the snapshot's
    /// identity, so exporting again gives the same file. Into a journal with content, items
    /// get new ids (links follow them) and their keys are recorded. Either way an item that is
    /// already here — recorded by an earlier import, or from this very journal — is skipped.
    /// Any item that breaks a rule refuses the whole import, naming it.
    pub fn import_snapshot(
        &mut self,
        snapshot: &Snapshot,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportReport, StoreError> {
        if snapshot.format != SNAPSHOT_FORMAT {
            return Err(rejected(
                "format".into(),
                format!(
                    "this is not a Trajectory export (format {:?})",
                    snapshot.format
                ),
            ));
        }
        if snapshot.version == 0 || snapshot.version > SNAPSHOT_VERSION {
            return Err(StoreError::UnsupportedExport {
                found: snapshot.version,
                supported: SNAPSHOT_VERSION,
            });
        }
        let now = timestamp(Utc::now());
        let tx = self.conn.transaction()?;
        let empty: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM goals)
                  + (SELECT count(*) FROM milestones) + (SELECT count(*) FROM paused_periods)
                  + (SELECT count(*) FROM templates)",
            [],
            |r| r.get(0),
        )?;
        let keep_ids = empty == 0;
        if keep_ids {
            tx.execute(
                "UPDATE journal_meta SET value = ?1 WHERE name = 'journal_id'",
                [&snapshot.journal_id],
            )?;
        }
        let sources = Sources {
            tx: &tx,
            now: now.clone(),
            journal_id: journal_id(&tx)?,
        };
        let total = (snapshot.entries.len()
            + snapshot.goals.len()
            + snapshot.milestones.len()
            + snapshot.paused_periods.len()
            + snapshot.templates.len()) as u64;
        let mut ticker = Ticker {
            done: 0,
            total,
            report: progress,
        };
        let mut writer = SnapshotWriter {
            tx: &tx,
            sources: &sources,
            file_journal: &snapshot.journal_id,
            keep_ids,
            report: ImportReport::default(),
            entry_ids: HashMap::new(),
            goal_ids: HashMap::new(),
        };
        for entry in &snapshot.entries {
            writer.entry(entry)?;
            ticker.tick();
        }
        for goal in &snapshot.goals {
            writer.goal(goal)?;
            ticker.tick();
        }
        for milestone in &snapshot.milestones {
            writer.milestone(milestone)?;
            ticker.tick();
        }
        for pause in &snapshot.paused_periods {
            writer.pause(pause)?;
            ticker.tick();
        }
        for template in &snapshot.templates {
            writer.template(template)?;
            ticker.tick();
        }
        if total == 0 {
            (ticker.report)(0, 0);
        }
        let report = writer.report;
        drop(sources);
        tx.commit()?;
        Ok(report)
    }
}

/// Writes one snapshot's items, mapping the file's ids to this journal's.
struct SnapshotWriter<'a> {
    tx: &'a Transaction<'a>,
    sources: &'a Sources<'a>,
    file_journal: &'a str,
    keep_ids: bool,
    report: ImportReport,
    entry_ids: HashMap<i64, i64>,
    goal_ids: HashMap<i64, i64>,
}

impl SnapshotWriter<'_> {
    /// The key an item is known by, and whether it is here already. `None` when it is new.
    fn existing(
        &mut self,
        kind: Kind,
        id: i64,
        source_key: &Option<String>,
    ) -> Result<(String, Option<i64>), StoreError> {
        let key = source_key
            .clone()
            .unwrap_or_else(|| native_key(self.file_journal, kind, id));
        let found = self.sources.find(kind, &key)?;
        if found.is_some() {
            self.report.already_present += 1;
        }
        Ok((key, found))
    }

    /// Records where a new item came from. A native item imported with its id into an empty
    /// journal needs no record: the journal took the snapshot's identity, so its key still
    /// names it.
    fn record(
        &self,
        kind: Kind,
        key: &str,
        source_key: &Option<String>,
        id: i64,
    ) -> Result<(), StoreError> {
        if self.keep_ids && source_key.is_none() {
            return Ok(());
        }
        self.sources.record(kind, key, id)
    }

    fn id(&self, id: i64) -> Option<i64> {
        self.keep_ids.then_some(id)
    }

    fn entry(&mut self, e: &SnapshotEntry) -> Result<(), StoreError> {
        let at = || format!("entry {}", e.id);
        let (key, found) = self.existing(Kind::Entry, e.id, &e.source_key)?;
        if let Some(local) = found {
            self.entry_ids.insert(e.id, local);
            return Ok(());
        }
        let valid = EntryDraft {
            entry_date: day_text(e.entry_date),
            body: e.body.clone(),
            tags: e.tags.clone(),
            mood: e.mood,
            progress: e.progress,
        }
        .validate()
        .map_err(|err| rejected(at(), err))?;
        let local = insert_entry(
            self.tx,
            self.id(e.id),
            &valid,
            &timestamp(e.created_at),
            &timestamp(e.updated_at),
            e.deleted_at.map(timestamp).as_deref(),
        )?;
        for (n, r) in e.revisions.iter().enumerate() {
            let valid = EntryDraft {
                entry_date: day_text(r.entry_date),
                body: r.body.clone(),
                tags: r.tags.clone(),
                mood: r.mood,
                progress: r.progress,
            }
            .validate()
            .map_err(|err| rejected(format!("entry {}, revision {}", e.id, n + 1), err))?;
            let tags = serde_json::to_string(valid.tags())
                .map_err(|err| StoreError::Corrupt(err.to_string()))?;
            self.tx
                .prepare_cached(
                    "INSERT INTO entry_revisions
                        (entry_id, entry_date, body, tags_json, saved_at, mood, progress)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    local,
                    day_text(valid.entry_date()),
                    valid.body(),
                    tags,
                    timestamp(r.saved_at),
                    valid.mood(),
                    valid.progress()
                ])?;
        }
        self.record(Kind::Entry, &key, &e.source_key, local)?;
        self.entry_ids.insert(e.id, local);
        self.report.imported += 1;
        Ok(())
    }

    fn goal(&mut self, g: &SnapshotGoal) -> Result<(), StoreError> {
        let at = || format!("goal {}", g.id);
        let (key, found) = self.existing(Kind::Goal, g.id, &g.source_key)?;
        if let Some(local) = found {
            self.goal_ids.insert(g.id, local);
            return Ok(());
        }
        let valid = GoalDraft {
            title: g.title.clone(),
            here: g.here.clone(),
            there: g.there.clone(),
            start_date: Some(day_text(g.start_date)),
            target_date: day_text(g.target_date),
            cadence_weeks: g.cadence_weeks.map(i64::from),
        }
        .validate(g.start_date)
        .map_err(|err| rejected(at(), err))?;
        let status = GoalStatus::parse(&g.status).map_err(|err| rejected(at(), err))?;
        self.tx
            .prepare_cached(
                "INSERT INTO goals (id, title, here, there, start_date, target_date,
                                    cadence_weeks, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                self.id(g.id),
                valid.title(),
                valid.here(),
                valid.there(),
                day_text(valid.start_date()),
                day_text(valid.target_date()),
                valid.cadence_weeks(),
                status.as_str(),
                timestamp(g.created_at),
                timestamp(g.updated_at)
            ])?;
        let local = self.tx.last_insert_rowid();
        self.record(Kind::Goal, &key, &g.source_key, local)?;
        self.goal_ids.insert(g.id, local);
        self.report.other_items += 1;
        Ok(())
    }

    fn milestone(&mut self, m: &SnapshotMilestone) -> Result<(), StoreError> {
        let at = || format!("milestone {}", m.id);
        let (key, found) = self.existing(Kind::Milestone, m.id, &m.source_key)?;
        if found.is_some() {
            return Ok(());
        }
        let goal = *self
            .goal_ids
            .get(&m.goal_id)
            .ok_or_else(|| rejected(at(), format!("its goal {} is not in the file", m.goal_id)))?;
        let goal_start: String =
            self.tx
                .query_row("SELECT start_date FROM goals WHERE id = ?1", [goal], |r| {
                    r.get(0)
                })?;
        let valid = MilestoneDraft {
            kind: m.kind.clone(),
            title: m.title.clone(),
            weight: Some(i64::from(m.weight)),
            planned_date: m.planned_date.map(day_text),
            achieved_date: m.achieved_date.map(day_text),
            notes: m.notes.clone(),
        }
        // An exported milestone was achieved on or before the day it was exported: the
        // "not in the future" rule is the app's, at the time of achieving.
        .validate(parse_day("goal start", &goal_start)?, NaiveDate::MAX)
        .map_err(|err| rejected(at(), err))?;
        self.tx
            .prepare_cached(
                "INSERT INTO milestones (id, goal_id, kind, title, weight, planned_date,
                                         achieved_date, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                self.id(m.id),
                goal,
                valid.kind().as_str(),
                valid.title(),
                valid.weight(),
                valid.planned_date().map(day_text),
                valid.achieved_date().map(day_text),
                valid.notes(),
                timestamp(m.created_at),
                timestamp(m.updated_at)
            ])?;
        let local = self.tx.last_insert_rowid();
        for link in &m.entries {
            let entry = *self.entry_ids.get(&link.entry_id).ok_or_else(|| {
                rejected(
                    at(),
                    format!("its linked entry {} is not in the file", link.entry_id),
                )
            })?;
            self.tx
                .prepare_cached(
                    "INSERT INTO milestone_entries (milestone_id, entry_id, linked_at)
                     VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                )?
                .execute(params![local, entry, timestamp(link.linked_at)])?;
        }
        self.record(Kind::Milestone, &key, &m.source_key, local)?;
        self.report.other_items += 1;
        Ok(())
    }

    fn pause(&mut self, p: &SnapshotPause) -> Result<(), StoreError> {
        let (key, found) = self.existing(Kind::PausedPeriod, p.id, &p.source_key)?;
        if found.is_some() {
            return Ok(());
        }
        let valid = PausedDraft {
            start: day_text(p.start),
            end: p.end.map(day_text),
            reason: p.reason.clone(),
        }
        .validate()
        .map_err(|err| rejected(format!("paused period {}", p.id), err))?;
        self.tx
            .prepare_cached(
                "INSERT INTO paused_periods (id, start_date, end_date, reason, created_at,
                                             deleted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                self.id(p.id),
                day_text(valid.start()),
                valid.end().map(day_text),
                valid.reason(),
                timestamp(p.created_at),
                p.deleted_at.map(timestamp)
            ])?;
        let local = self.tx.last_insert_rowid();
        self.record(Kind::PausedPeriod, &key, &p.source_key, local)?;
        self.report.other_items += 1;
        Ok(())
    }

    fn template(&mut self, t: &SnapshotTemplate) -> Result<(), StoreError> {
        let (key, found) = self.existing(Kind::Template, t.id, &t.source_key)?;
        if found.is_some() {
            return Ok(());
        }
        let valid = TemplateDraft {
            name: t.name.clone(),
            body: t.body.clone(),
        }
        .validate()
        .map_err(|err| rejected(format!("template {}", t.id), err))?;
        self.tx
            .prepare_cached(
                "INSERT INTO templates (id, name, body, created_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                self.id(t.id),
                valid.name,
                valid.body,
                timestamp(t.created_at)
            ])?;
        let local = self.tx.last_insert_rowid();
        self.record(Kind::Template, &key, &t.source_key, local)?;
        self.report.other_items += 1;
        Ok(())
    }
}

/// What could be read of a damaged journal: each part read on its own, so one damaged table
/// does not cost the others; entries that cannot be read together are read one by one.
pub(crate) fn salvage_snapshot(
    conn: &Connection,
    exported_at: DateTime<Utc>,
) -> (Snapshot, Vec<String>) {
    let mut problems = Vec::new();
    let mut keep = |part: &str, result: Result<(), StoreError>| {
        if let Err(e) = result {
            problems.push(format!("{part}: {e}"));
        }
    };
    let mut keys = HashMap::new();
    keep("import keys", read_keys(conn).map(|k| keys = k));
    let key = |kind: Kind, id: i64| keys.get(&(kind.as_str(), id)).cloned();
    let mut snapshot = Snapshot {
        format: SNAPSHOT_FORMAT.to_owned(),
        version: SNAPSHOT_VERSION,
        journal_id: String::new(),
        exported_at,
        entries: Vec::new(),
        goals: Vec::new(),
        milestones: Vec::new(),
        paused_periods: Vec::new(),
        templates: Vec::new(),
    };
    keep(
        "journal identity",
        journal_id(conn).map(|id| snapshot.journal_id = id),
    );
    match read_entries(conn, &|id| key(Kind::Entry, id)) {
        Ok(entries) => snapshot.entries = entries,
        Err(e) => {
            problems.push(format!(
                "entries read together: {e}; reading them one by one"
            ));
            let last: i64 = conn
                .query_row("SELECT max(id) FROM entries", [], |r| {
                    r.get::<_, Option<i64>>(0)
                })
                .ok()
                .flatten()
                .or_else(|| {
                    conn.query_row(
                        "SELECT seq FROM sqlite_sequence WHERE name = 'entries'",
                        [],
                        |r| r.get(0),
                    )
                    .ok()
                })
                .unwrap_or(0);
            let mut unreadable = 0;
            for id in 1..=last {
                match crate::entries::load_entry(conn, id) {
                    Ok(e) => snapshot.entries.push(SnapshotEntry {
                        id: e.id,
                        source_key: key(Kind::Entry, e.id),
                        entry_date: e.entry_date,
                        body: e.body,
                        tags: e.tags,
                        mood: e.mood,
                        progress: e.progress,
                        created_at: e.created_at,
                        updated_at: e.updated_at,
                        deleted_at: e.deleted_at,
                        revisions: Vec::new(),
                    }),
                    Err(StoreError::EntryNotFound { .. }) => {}
                    Err(_) => unreadable += 1,
                }
            }
            if unreadable > 0 {
                problems.push(format!("{unreadable} entries could not be read at all"));
            }
        }
    }
    let mut keep = |part: &str, result: Result<(), StoreError>| {
        if let Err(e) = result {
            problems.push(format!("{part}: {e}"));
        }
    };
    keep(
        "goals",
        read_goals(conn, &|id| key(Kind::Goal, id)).map(|g| snapshot.goals = g),
    );
    keep(
        "milestones",
        read_milestones(conn, &|id| key(Kind::Milestone, id)).map(|m| snapshot.milestones = m),
    );
    keep(
        "paused periods",
        read_pauses(conn, &|id| key(Kind::PausedPeriod, id)).map(|p| snapshot.paused_periods = p),
    );
    keep(
        "templates",
        read_templates(conn, &|id| key(Kind::Template, id)).map(|t| snapshot.templates = t),
    );
    (snapshot, problems)
}

type KeyOf<'a> = &'a dyn Fn(i64) -> Option<String>;

/// Every recorded source key, by (kind, local id).
fn read_keys(conn: &Connection) -> Result<HashMap<(&'static str, i64), String>, StoreError> {
    let mut stmt = conn.prepare("SELECT kind, local_id, source_key FROM import_sources")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let kinds = [
        Kind::Entry,
        Kind::Goal,
        Kind::Milestone,
        Kind::PausedPeriod,
        Kind::Template,
    ];
    let mut keys = HashMap::new();
    for (kind, id, key) in rows {
        if let Some(k) = kinds.iter().find(|k| k.as_str() == kind) {
            keys.insert((k.as_str(), id), key);
        }
    }
    Ok(keys)
}

fn read_entries(conn: &Connection, key: KeyOf<'_>) -> Result<Vec<SnapshotEntry>, StoreError> {
    let mut revisions: HashMap<i64, Vec<SnapshotRevision>> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT entry_id, entry_date, body, tags_json, mood, progress, saved_at
               FROM entry_revisions ORDER BY entry_id, id",
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
        for (entry_id, date, body, tags, mood, progress, saved_at) in rows {
            revisions
                .entry(entry_id)
                .or_default()
                .push(SnapshotRevision {
                    entry_date: parse_day("revision date", &date)?,
                    body,
                    tags: serde_json::from_str(&tags)
                        .map_err(|e| StoreError::Corrupt(format!("revision tags: {e}")))?,
                    mood,
                    progress,
                    saved_at: parse_timestamp(&saved_at)?,
                });
        }
    }
    let mut stmt = conn.prepare(&format!("{SELECT_ENTRY} ORDER BY e.id"))?;
    let rows = stmt
        .query_map([], EntryRow::read)?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|row| {
            let e = row.into_entry()?;
            Ok(SnapshotEntry {
                id: e.id,
                source_key: key(e.id),
                entry_date: e.entry_date,
                body: e.body,
                tags: e.tags,
                mood: e.mood,
                progress: e.progress,
                created_at: e.created_at,
                updated_at: e.updated_at,
                deleted_at: e.deleted_at,
                revisions: revisions.remove(&e.id).unwrap_or_default(),
            })
        })
        .collect()
}

fn read_goals(conn: &Connection, key: KeyOf<'_>) -> Result<Vec<SnapshotGoal>, StoreError> {
    let mut stmt = conn.prepare("SELECT id FROM goals ORDER BY id")?;
    let ids = stmt
        .query_map([], |r| r.get::<_, i64>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    ids.into_iter()
        .map(|id| {
            let g = crate::goals::load_goal(conn, id)?;
            Ok(SnapshotGoal {
                id: g.id,
                source_key: key(g.id),
                title: g.title,
                here: g.here,
                there: g.there,
                start_date: g.start_date,
                target_date: g.target_date,
                cadence_weeks: g.cadence_weeks,
                status: g.status.as_str().to_owned(),
                created_at: g.created_at,
                updated_at: g.updated_at,
            })
        })
        .collect()
}

fn read_milestones(
    conn: &Connection,
    key: KeyOf<'_>,
) -> Result<Vec<SnapshotMilestone>, StoreError> {
    let mut links: HashMap<i64, Vec<SnapshotLink>> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT milestone_id, entry_id, linked_at FROM milestone_entries
              ORDER BY milestone_id, linked_at, entry_id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        for (milestone, entry_id, linked_at) in rows {
            links.entry(milestone).or_default().push(SnapshotLink {
                entry_id,
                linked_at: parse_timestamp(&linked_at)?,
            });
        }
    }
    let mut stmt = conn.prepare(
        "SELECT id, goal_id, kind, title, weight, planned_date, achieved_date, notes,
                created_at, updated_at
           FROM milestones ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, u8>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, String>(9)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(
            |(id, goal_id, kind, title, weight, planned, achieved, notes, created, updated)| {
                let day =
                    |t: Option<String>, what| t.as_deref().map(|t| parse_day(what, t)).transpose();
                Ok(SnapshotMilestone {
                    id,
                    source_key: key(id),
                    goal_id,
                    kind,
                    title,
                    weight,
                    planned_date: day(planned, "planned date")?,
                    achieved_date: day(achieved, "achieved date")?,
                    notes,
                    entries: links.remove(&id).unwrap_or_default(),
                    created_at: parse_timestamp(&created)?,
                    updated_at: parse_timestamp(&updated)?,
                })
            },
        )
        .collect()
}

fn read_pauses(conn: &Connection, key: KeyOf<'_>) -> Result<Vec<SnapshotPause>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, start_date, end_date, reason, created_at, deleted_at
           FROM paused_periods ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(id, start, end, reason, created, deleted)| {
            Ok(SnapshotPause {
                id,
                source_key: key(id),
                start: parse_day("pause start", &start)?,
                end: end
                    .as_deref()
                    .map(|e| parse_day("pause end", e))
                    .transpose()?,
                reason,
                created_at: parse_timestamp(&created)?,
                deleted_at: deleted.as_deref().map(parse_timestamp).transpose()?,
            })
        })
        .collect()
}

fn read_templates(conn: &Connection, key: KeyOf<'_>) -> Result<Vec<SnapshotTemplate>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, name, body, created_at FROM templates ORDER BY id")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(id, name, body, created)| {
            Ok(SnapshotTemplate {
                id,
                source_key: key(id),
                name,
                body,
                created_at: parse_timestamp(&created)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use trajectory_core::{ErrorCode, MilestoneDraft, PausedDraft};

    fn item(key: &str, date: &str, body: &str, tags: &[&str]) -> ImportedEntry {
        ImportedEntry {
            source_key: key.into(),
            at: format!("item {key}"),
            draft: EntryDraft {
                entry_date: date.into(),
                body: body.into(),
                tags: tags.iter().map(|t| t.to_string()).collect(),
                mood: None,
                progress: None,
            },
            created_at: None,
            updated_at: None,
        }
    }

    fn open() -> (tempfile::TempDir, Store) {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path(), None).unwrap();
        (tmp, store)
    }

    fn count(store: &Store, table: &str) -> i64 {
        store
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn reimporting_the_same_items_adds_nothing() {
        let (_tmp, mut store) = open();
        let items = [
            item("t:1", "2026-01-01", "one", &["a"]),
            item("t:2", "2026-01-02", "two", &[]),
            item("t:2", "2026-01-02", "two again, same key", &[]),
            item("t:3", "2026-01-03", "  \n", &[]),
        ];
        let mut calls = Vec::new();
        let report = store
            .import_entries(&items, &mut |done, total| calls.push((done, total)))
            .unwrap();
        assert_eq!(
            (report.imported, report.already_present, report.empty),
            (2, 1, 1)
        );
        assert_eq!(calls.last(), Some(&(4, 4)));
        let again = store.import_entries(&items, &mut |_, _| {}).unwrap();
        assert_eq!((again.imported, again.already_present), (0, 3));
        assert_eq!(count(&store, "entries"), 2);
    }

    #[test]
    fn a_purged_entry_comes_back_on_reimport() {
        let (_tmp, mut store) = open();
        let items = [item("t:1", "2026-01-01", "one", &[])];
        store.import_entries(&items, &mut |_, _| {}).unwrap();
        let id = store.timeline(None, 1).unwrap().entries[0].id;
        store.trash_entry(id).unwrap();
        store.empty_trash().unwrap();
        let report = store.import_entries(&items, &mut |_, _| {}).unwrap();
        assert_eq!(report.imported, 1);
    }

    #[test]
    fn one_bad_entry_refuses_the_whole_import_naming_it() {
        let (_tmp, mut store) = open();
        let items = [
            item("t:1", "2026-01-01", "fine", &[]),
            item("t:2", "2026-02-30", "impossible day", &[]),
        ];
        let err = store.import_entries(&items, &mut |_, _| {}).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidImport);
        assert!(err.to_string().contains("item t:2"), "{err}");
        assert!(err.to_string().contains("2026-02-30"), "{err}");
        assert_eq!(count(&store, "entries"), 0);
        assert_eq!(count(&store, "import_sources"), 0);
    }

    /// A journal with a bit of everything: edited and trashed entries, a goal with an
    /// achieved milestone linked to an entry, a removed pause and a template.
    fn filled() -> (tempfile::TempDir, Store) {
        let (tmp, mut store) = open();
        let valid = |date: &str, body: &str| {
            EntryDraft {
                entry_date: date.into(),
                body: body.into(),
                tags: vec!["work".into()],
                mood: Some(4),
                progress: Some(2),
            }
            .validate()
            .unwrap()
        };
        let a = store.create_entry(&valid("2026-01-05", "first")).unwrap();
        store
            .update_entry(a.id, &valid("2026-01-05", "first, edited"))
            .unwrap();
        let b = store.create_entry(&valid("2026-01-06", "second")).unwrap();
        store.trash_entry(b.id).unwrap();
        store
            .import_entries(
                &[item("jrnl:x", "2025-12-31", "from jrnl", &["starred"])],
                &mut |_, _| {},
            )
            .unwrap();
        let today = trajectory_core::parse_date("2026-03-01").unwrap();
        let goal = store
            .create_goal(
                &GoalDraft {
                    title: "Staff".into(),
                    here: "here".into(),
                    there: "there".into(),
                    start_date: Some("2026-01-01".into()),
                    target_date: "2027-01-01".into(),
                    cadence_weeks: Some(6),
                }
                .validate(today)
                .unwrap(),
            )
            .unwrap();
        let m = store
            .add_milestone(
                goal.id,
                &MilestoneDraft {
                    kind: "project".into(),
                    title: "Shipped".into(),
                    weight: None,
                    planned_date: None,
                    achieved_date: Some("2026-01-05".into()),
                    notes: "notes".into(),
                }
                .validate(goal.start_date, today)
                .unwrap(),
            )
            .unwrap();
        store.link_milestone_entry(m.id, a.id).unwrap();
        let p = store
            .add_paused_period(
                &PausedDraft {
                    start: "2026-02-01".into(),
                    end: Some("2026-02-10".into()),
                    reason: "leave".into(),
                }
                .validate()
                .unwrap(),
            )
            .unwrap();
        store.delete_paused_period(p.id).unwrap();
        store
            .save_template(TemplateDraft {
                name: "1:1".into(),
                body: "## Topics".into(),
            })
            .unwrap();
        (tmp, store)
    }

    fn at() -> DateTime<Utc> {
        parse_timestamp("2026-03-01T10:00:00.000Z").unwrap()
    }

    #[test]
    fn a_snapshot_imported_into_an_empty_journal_exports_the_same() {
        let (_a, source) = filled();
        let first = source.snapshot(at()).unwrap();
        assert_eq!(first.entries.len(), 3);
        assert_eq!(first.entries[0].revisions.len(), 1);
        assert!(first.entries[1].deleted_at.is_some());
        assert_eq!(first.entries[2].source_key.as_deref(), Some("jrnl:x"));
        assert_eq!(first.milestones[0].entries.len(), 1);
        assert!(first.paused_periods[0].deleted_at.is_some());

        let (_b, mut copy) = open();
        let report = copy.import_snapshot(&first, &mut |_, _| {}).unwrap();
        assert_eq!((report.imported, report.other_items), (3, 4));
        assert_eq!(copy.snapshot(at()).unwrap(), first);
        // Importing it again, or into the journal it came from, adds nothing.
        let again = copy.import_snapshot(&first, &mut |_, _| {}).unwrap();
        assert_eq!(
            (again.imported, again.other_items, again.already_present),
            (0, 0, 7)
        );
        let (_a2, mut source) = (_a, source);
        let home = source.import_snapshot(&first, &mut |_, _| {}).unwrap();
        assert_eq!((home.imported, home.already_present), (0, 7));
    }

    #[test]
    fn a_snapshot_merged_into_a_journal_with_content_gets_new_ids_and_keeps_links() {
        let (_a, source) = filled();
        let snap = source.snapshot(at()).unwrap();
        let (_b, mut other) = open();
        let own = other
            .create_entry(
                &EntryDraft {
                    entry_date: "2026-01-01".into(),
                    body: "already here".into(),
                    tags: vec![],
                    mood: None,
                    progress: None,
                }
                .validate()
                .unwrap(),
            )
            .unwrap();
        let report = other.import_snapshot(&snap, &mut |_, _| {}).unwrap();
        assert_eq!(report.imported, 3);
        assert_ne!(other.journal_id().unwrap(), snap.journal_id);
        let merged = other.snapshot(at()).unwrap();
        assert_eq!(merged.entries.len(), 4);
        assert_eq!(merged.entries[0].id, own.id);
        let linked = merged.milestones[0].entries[0].entry_id;
        let linked = merged.entries.iter().find(|e| e.id == linked).unwrap();
        assert_eq!(linked.body, "first, edited");
        assert_eq!(linked.revisions[0].body, "first");
        // A second merge of the same file adds nothing; nor does the merged journal's own
        // export imported back into the source.
        let again = other.import_snapshot(&snap, &mut |_, _| {}).unwrap();
        assert_eq!(again.imported + again.other_items, 0);
        let (_a2, mut source) = (_a, source);
        let back = source.import_snapshot(&merged, &mut |_, _| {}).unwrap();
        assert_eq!(
            (back.imported, back.other_items),
            (1, 0),
            "only 'already here' is new"
        );
    }

    #[test]
    fn a_newer_or_foreign_snapshot_is_refused_and_nothing_written() {
        let (_a, source) = filled();
        let mut snap = source.snapshot(at()).unwrap();
        let (_b, mut copy) = open();
        snap.version = SNAPSHOT_VERSION + 1;
        let err = copy.import_snapshot(&snap, &mut |_, _| {}).unwrap_err();
        assert!(
            matches!(err, StoreError::UnsupportedExport { .. }),
            "{err:?}"
        );
        snap.version = SNAPSHOT_VERSION;
        snap.milestones[0].goal_id = 999;
        let err = copy.import_snapshot(&snap, &mut |_, _| {}).unwrap_err();
        assert!(err.to_string().contains("goal 999"), "{err}");
        assert_eq!(count(&copy, "entries"), 0);
        assert_eq!(count(&copy, "goals"), 0);
        assert_ne!(copy.journal_id().unwrap(), snap.journal_id, "identity kept");
    }
}
