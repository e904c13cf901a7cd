-- Journal entries, their tags, and every earlier version of an entry.
CREATE TABLE entries (
    id          INTEGER PRIMARY KEY,
    entry_date  TEXT NOT NULL CHECK (entry_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX entries_timeline ON entries (entry_date DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX entries_trash ON entries (deleted_at DESC) WHERE deleted_at IS NOT NULL;

CREATE TABLE tags (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE
) STRICT;

CREATE TABLE entry_tags (
    entry_id  INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    tag_id    INTEGER NOT NULL REFERENCES tags (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (entry_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX entry_tags_by_tag ON entry_tags (tag_id, entry_id);

-- The version an update replaced, kept so no saved word is ever lost.
CREATE TABLE entry_revisions (
    id          INTEGER PRIMARY KEY,
    entry_id    INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    entry_date  TEXT NOT NULL,
    body        TEXT NOT NULL,
    tags_json   TEXT NOT NULL,
    saved_at    TEXT NOT NULL
) STRICT;

CREATE INDEX entry_revisions_by_entry ON entry_revisions (entry_id, id);
