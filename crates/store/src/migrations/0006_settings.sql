-- The person's settings, one JSON document (missing fields read as their defaults).
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;
