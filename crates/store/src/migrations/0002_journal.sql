-- The journal grows: ratings, full-text search, crash-recovery drafts, templates.
ALTER TABLE entries ADD COLUMN mood INTEGER CHECK (mood BETWEEN 1 AND 5);
ALTER TABLE entries ADD COLUMN progress INTEGER CHECK (progress BETWEEN 1 AND 5);
ALTER TABLE entry_revisions ADD COLUMN mood INTEGER;
ALTER TABLE entry_revisions ADD COLUMN progress INTEGER;

-- Full-text index over entry bodies, kept in sync by triggers (external content: the text is
-- stored once, in entries).
CREATE VIRTUAL TABLE entries_fts USING fts5 (
    body,
    content = 'entries',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6'
);
INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');

CREATE TRIGGER entries_fts_after_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER entries_fts_after_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER entries_fts_after_update AFTER UPDATE OF body ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO entries_fts (rowid, body) VALUES (new.id, new.body);
END;

-- Unsaved editor text: one slot per entry being edited (0 = a new entry).
CREATE TABLE drafts (
    slot        INTEGER PRIMARY KEY,
    entry_date  TEXT NOT NULL,
    body        TEXT NOT NULL,
    tags_json   TEXT NOT NULL,
    mood        INTEGER,
    progress    INTEGER,
    saved_at    TEXT NOT NULL
) STRICT;

CREATE TABLE templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
