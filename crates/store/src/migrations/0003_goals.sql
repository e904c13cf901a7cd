-- Goals, their milestones, links from milestones to journal entries, and paused periods.
-- The CHECKs mirror the core's rules (trajectory_core::goal, ::milestone, ::paused) so that
-- nothing that slips past them can be stored. Goals are never deleted: letting go is a status.
CREATE TABLE goals (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0 AND length(title) <= 200),
    here           TEXT NOT NULL DEFAULT '' CHECK (length(here) <= 20000),
    there          TEXT NOT NULL DEFAULT '' CHECK (length(there) <= 20000),
    start_date     TEXT NOT NULL
                   CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    target_date    TEXT NOT NULL
                   CHECK (target_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                          AND target_date >= start_date),
    cadence_weeks  INTEGER CHECK (cadence_weeks IS NULL OR cadence_weeks BETWEEN 1 AND 520),
    status         TEXT NOT NULL DEFAULT 'active'
                   CHECK (status IN ('active', 'achieved', 'paused', 'let_go')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE milestones (
    id             INTEGER PRIMARY KEY,
    goal_id        INTEGER NOT NULL REFERENCES goals (id),
    kind           TEXT NOT NULL CHECK (kind IN ('promotion', 'raise', 'skill', 'recognition',
                                                 'project', 'network', 'custom')),
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0 AND length(title) <= 200),
    weight         INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 3),
    planned_date   TEXT CHECK (planned_date IS NULL
                               OR planned_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    achieved_date  TEXT CHECK (achieved_date IS NULL
                               OR achieved_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    notes          TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE INDEX milestones_by_goal ON milestones (goal_id, achieved_date);
CREATE INDEX milestones_by_kind ON milestones (kind, achieved_date);

-- A milestone cannot be achieved before its goal started (a CHECK cannot look at another
-- table, so triggers guard both sides).
CREATE TRIGGER milestones_achieved_after_start_insert
BEFORE INSERT ON milestones
WHEN NEW.achieved_date IS NOT NULL
 AND NEW.achieved_date < (SELECT start_date FROM goals WHERE id = NEW.goal_id)
BEGIN
    SELECT RAISE(ABORT, 'achieved_before_start');
END;

CREATE TRIGGER milestones_achieved_after_start_update
BEFORE UPDATE OF achieved_date, goal_id ON milestones
WHEN NEW.achieved_date IS NOT NULL
 AND NEW.achieved_date < (SELECT start_date FROM goals WHERE id = NEW.goal_id)
BEGIN
    SELECT RAISE(ABORT, 'achieved_before_start');
END;

CREATE TRIGGER goals_start_before_achievements
BEFORE UPDATE OF start_date ON goals
WHEN EXISTS (SELECT 1 FROM milestones
              WHERE goal_id = NEW.id AND achieved_date < NEW.start_date)
BEGIN
    SELECT RAISE(ABORT, 'achieved_before_start');
END;

CREATE TABLE milestone_entries (
    milestone_id  INTEGER NOT NULL REFERENCES milestones (id),
    entry_id      INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    linked_at     TEXT NOT NULL,
    PRIMARY KEY (milestone_id, entry_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX milestone_entries_by_entry ON milestone_entries (entry_id, milestone_id);

-- Days that freeze the clock. An empty end_date means the pause is still going on; removing
-- a pause sets deleted_at, so it can be brought back.
CREATE TABLE paused_periods (
    id          INTEGER PRIMARY KEY,
    start_date  TEXT NOT NULL
                CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_date    TEXT CHECK (end_date IS NULL
                            OR (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                                AND end_date >= start_date)),
    reason      TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 20000),
    created_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX paused_periods_by_start ON paused_periods (start_date) WHERE deleted_at IS NULL;
