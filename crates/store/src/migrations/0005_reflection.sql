-- The guided reflection (docs/decisions/0021-guided-reflection.md): reflections, their answers
-- (one row per step and field, upserted as typed), chosen strategies, moves with due dates,
-- check-ins on those dates, what became of each slump notice, and recoveries with the moves
-- that preceded them. The CHECKs mirror trajectory_core::reflection. Nothing is deleted.
CREATE TABLE reflections (
    id                 INTEGER PRIMARY KEY,
    trigger_kind       TEXT NOT NULL CHECK (trigger_kind IN ('slump', 'by_hand')),
    slump_scope        TEXT,
    slump_detected_on  TEXT CHECK (slump_detected_on IS NULL
                                   OR slump_detected_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status             TEXT NOT NULL DEFAULT 'in_progress'
                       CHECK (status IN ('in_progress', 'done', 'set_aside')),
    step               TEXT NOT NULL DEFAULT 'accept'
                       CHECK (step IN ('accept', 'root_cause', 'moves', 'commit', 'follow_up')),
    set_aside_reason   TEXT CHECK (set_aside_reason IS NULL OR length(set_aside_reason) <= 20000),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    closed_at          TEXT,
    CHECK ((trigger_kind = 'slump') = (slump_scope IS NOT NULL AND slump_detected_on IS NOT NULL)),
    CHECK ((status = 'in_progress') = (closed_at IS NULL))
) STRICT;

CREATE INDEX reflections_by_slump ON reflections (slump_scope, slump_detected_on)
    WHERE trigger_kind = 'slump';

CREATE TABLE reflection_answers (
    reflection_id  INTEGER NOT NULL REFERENCES reflections (id),
    step           TEXT NOT NULL
                   CHECK (step IN ('accept', 'root_cause', 'moves', 'commit', 'follow_up')),
    field          TEXT NOT NULL CHECK (length(field) BETWEEN 1 AND 64),
    text           TEXT NOT NULL CHECK (length(text) <= 20000),
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (reflection_id, step, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE reflection_strategies (
    reflection_id  INTEGER NOT NULL REFERENCES reflections (id),
    strategy       TEXT NOT NULL CHECK (strategy IN ('new_project', 'mentor_or_partner',
                        'wider_network', 'learn_or_responsibility', 'exit')),
    position       INTEGER NOT NULL,
    PRIMARY KEY (reflection_id, strategy)
) STRICT, WITHOUT ROWID;

CREATE TABLE moves (
    id             INTEGER PRIMARY KEY,
    reflection_id  INTEGER NOT NULL REFERENCES reflections (id),
    strategy       TEXT NOT NULL CHECK (strategy IN ('new_project', 'mentor_or_partner',
                        'wider_network', 'learn_or_responsibility', 'exit')),
    text           TEXT NOT NULL CHECK (length(trim(text)) > 0 AND length(text) <= 500),
    due_date       TEXT NOT NULL
                   CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    done_on        TEXT CHECK (done_on IS NULL
                               OR done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    outcome        TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 20000),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE INDEX moves_by_reflection ON moves (reflection_id, strategy);

-- One row per time Trajectory asks about a move; answering "not yet" adds the next one.
CREATE TABLE check_ins (
    id           INTEGER PRIMARY KEY,
    move_id      INTEGER NOT NULL REFERENCES moves (id),
    due_date     TEXT NOT NULL
                 CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    answered_at  TEXT,
    outcome      TEXT CHECK (outcome IS NULL OR outcome IN ('done', 'not_yet', 'dropped')),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
    CHECK ((answered_at IS NULL) = (outcome IS NULL))
) STRICT;

CREATE INDEX check_ins_open_by_due ON check_ins (due_date) WHERE answered_at IS NULL;

-- What the person did with the notice of one slump (its scope and the day it was raised).
CREATE TABLE slump_notices (
    scope          TEXT NOT NULL,
    detected_on    TEXT NOT NULL
                   CHECK (detected_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status         TEXT NOT NULL
                   CHECK (status IN ('shown', 'snoozed', 'set_aside', 'reflection_started')),
    snoozed_until  TEXT,
    reason         TEXT CHECK (reason IS NULL OR length(reason) <= 20000),
    reflection_id  INTEGER REFERENCES reflections (id),
    first_shown_at TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((status = 'snoozed') = (snoozed_until IS NOT NULL)),
    CHECK ((status = 'set_aside') = (reason IS NOT NULL)),
    CHECK ((status = 'reflection_started') = (reflection_id IS NOT NULL)),
    PRIMARY KEY (scope, detected_on)
) STRICT, WITHOUT ROWID;

-- A slump that ended, recorded once, and the moves done on or before its end.
CREATE TABLE recoveries (
    scope        TEXT NOT NULL,
    detected_on  TEXT NOT NULL,
    ended_on     TEXT NOT NULL
                 CHECK (ended_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (scope, detected_on)
) STRICT, WITHOUT ROWID;

CREATE TABLE recovery_moves (
    scope        TEXT NOT NULL,
    detected_on  TEXT NOT NULL,
    move_id      INTEGER NOT NULL REFERENCES moves (id),
    PRIMARY KEY (scope, detected_on, move_id),
    FOREIGN KEY (scope, detected_on) REFERENCES recoveries (scope, detected_on)
) STRICT, WITHOUT ROWID;
