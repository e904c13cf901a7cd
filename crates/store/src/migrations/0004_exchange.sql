-- Import, export and backups (issue 6).

-- The journal's identity: random, made once. Trajectory's JSON export carries it, so an
-- export imported back into the journal it came from is recognised, not duplicated.
CREATE TABLE journal_meta (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;
INSERT INTO journal_meta (name, value) VALUES ('journal_id', lower(hex(randomblob(16))));

-- Where an imported item came from: a key stable across re-imports of the same file
-- (`jrnl:<hash>`, `dayone:<uuid>`, `trajectory:<journal>:entry:<id>`, …) and the row it
-- became. Importing a file again skips every key already here whose row still exists.
CREATE TABLE import_sources (
    kind         TEXT NOT NULL CHECK (kind IN ('entry', 'goal', 'milestone', 'paused_period',
                                               'template')),
    source_key   TEXT NOT NULL CHECK (length(source_key) BETWEEN 1 AND 500),
    local_id     INTEGER NOT NULL,
    imported_at  TEXT NOT NULL,
    PRIMARY KEY (kind, source_key)
) STRICT, WITHOUT ROWID;

CREATE INDEX import_sources_by_row ON import_sources (kind, local_id);
