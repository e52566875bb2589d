-- The embedded store's schema. Idempotent: applied at every start.
-- Keys are the stable slugs of the import format; rowids are private to this file.
PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS article (
    key          TEXT PRIMARY KEY NOT NULL,
    title        TEXT,
    url          TEXT,
    publisher    TEXT,
    syndicator   TEXT,
    agencies     TEXT NOT NULL DEFAULT '[]',
    published_at TEXT,    -- UTC, yyyy-MM-ddTHH:mm:ss.fffffffZ, so text order is time order
    published_offset_minutes INTEGER,
    language     TEXT,
    text         TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS article_published_at ON article (published_at);

CREATE TABLE IF NOT EXISTS place (
    key          TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    aliases      TEXT NOT NULL DEFAULT '[]',
    contained_in TEXT REFERENCES place (key)
) STRICT;
CREATE INDEX IF NOT EXISTS place_contained_in ON place (contained_in);
CREATE INDEX IF NOT EXISTS place_name ON place (name);

CREATE TABLE IF NOT EXISTS organisation (
    key         TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]',
    description TEXT,
    country     TEXT REFERENCES place (key),
    part_of     TEXT REFERENCES organisation (key)
) STRICT;
CREATE INDEX IF NOT EXISTS organisation_country ON organisation (country);
CREATE INDEX IF NOT EXISTS organisation_part_of ON organisation (part_of);
CREATE INDEX IF NOT EXISTS organisation_name ON organisation (name);

CREATE TABLE IF NOT EXISTS person (
    key         TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]',
    description TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS person_name ON person (name);

CREATE TABLE IF NOT EXISTS affiliation (
    person       TEXT NOT NULL REFERENCES person (key),
    organisation TEXT NOT NULL REFERENCES organisation (key),
    role         TEXT,
    current      INTEGER,
    ordinal      INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS affiliation_identity ON affiliation (person, organisation, coalesce(role, ''));
CREATE INDEX IF NOT EXISTS affiliation_organisation ON affiliation (organisation, person);
-- A person's affiliations in their order (TableMaps reads them so), without a sort per person.
CREATE INDEX IF NOT EXISTS affiliation_person_ordinal ON affiliation (person, ordinal);

CREATE TABLE IF NOT EXISTS negotiation (
    key    TEXT PRIMARY KEY NOT NULL,
    name   TEXT NOT NULL,
    status TEXT NOT NULL,
    venue  TEXT REFERENCES place (key),
    -- Other names (a database written before this column existed gets it from SqliteGraphStore at start-up).
    aliases TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX IF NOT EXISTS negotiation_venue ON negotiation (venue);

CREATE TABLE IF NOT EXISTS negotiation_party (
    negotiation  TEXT NOT NULL REFERENCES negotiation (key),
    organisation TEXT NOT NULL REFERENCES organisation (key),
    ordinal      INTEGER NOT NULL,
    PRIMARY KEY (negotiation, organisation)
) STRICT;
CREATE INDEX IF NOT EXISTS negotiation_party_organisation ON negotiation_party (organisation);
CREATE INDEX IF NOT EXISTS negotiation_party_ordinal ON negotiation_party (negotiation, ordinal);

CREATE TABLE IF NOT EXISTS negotiation_round (
    negotiation TEXT NOT NULL REFERENCES negotiation (key),
    number      INTEGER,
    date        TEXT,
    venue       TEXT REFERENCES place (key)
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS negotiation_round_identity
    ON negotiation_round (negotiation, coalesce(number, -1), coalesce(date, ''), coalesce(venue, ''));

CREATE TABLE IF NOT EXISTS statement (
    key                  TEXT PRIMARY KEY NOT NULL,
    text                 TEXT NOT NULL,
    kind                 TEXT NOT NULL,
    direct               INTEGER NOT NULL,
    speaker_person       TEXT REFERENCES person (key),
    speaker_organisation TEXT REFERENCES organisation (key),
    said_at              TEXT REFERENCES place (key),
    date                 TEXT,
    negotiation          TEXT REFERENCES negotiation (key),
    responds_to          TEXT REFERENCES statement (key),
    -- Retraction (retractStatement): kept, marked, left out of lists by default. A database
    -- written before these columns existed gets them from SqliteGraphStore at start-up.
    retracted            INTEGER NOT NULL DEFAULT 0,
    retraction_reason    TEXT,
    retracted_at         TEXT,    -- UTC, as article.published_at
    CHECK (speaker_person IS NULL OR speaker_organisation IS NULL)
) STRICT;
CREATE INDEX IF NOT EXISTS statement_speaker_person ON statement (speaker_person, date);
CREATE INDEX IF NOT EXISTS statement_speaker_organisation ON statement (speaker_organisation, date);
CREATE INDEX IF NOT EXISTS statement_said_at ON statement (said_at);
CREATE INDEX IF NOT EXISTS statement_negotiation ON statement (negotiation, date);
CREATE INDEX IF NOT EXISTS statement_responds_to ON statement (responds_to);
CREATE INDEX IF NOT EXISTS statement_date ON statement (date);

CREATE TABLE IF NOT EXISTS statement_about (
    statement TEXT NOT NULL REFERENCES statement (key),
    place     TEXT NOT NULL REFERENCES place (key),
    ordinal   INTEGER NOT NULL,
    PRIMARY KEY (statement, place)
) STRICT;
CREATE INDEX IF NOT EXISTS statement_about_place ON statement_about (place, statement);
CREATE INDEX IF NOT EXISTS statement_about_ordinal ON statement_about (statement, ordinal);

CREATE TABLE IF NOT EXISTS evidence (
    statement TEXT NOT NULL REFERENCES statement (key),
    article   TEXT NOT NULL REFERENCES article (key),
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (statement, article),
    CHECK (start >= 0 AND "end" > start)
) STRICT;
CREATE INDEX IF NOT EXISTS evidence_article ON evidence (article, statement);

-- Keys merged into another node (mergeNodes): the duplicate's row is gone, and its key (by
-- type) names the survivor from then on, for node(id:) and for later imports. A chain of merges
-- is kept flat: survivor is never itself a redirected key.
CREATE TABLE IF NOT EXISTS redirect (
    type     TEXT NOT NULL,
    key      TEXT NOT NULL,
    survivor TEXT NOT NULL,
    PRIMARY KEY (type, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS redirect_survivor ON redirect (type, survivor);

-- Containment, closed: each place with itself and every place containing it, at any depth.
-- Derived from place.contained_in and kept in step by every import (SqliteContainment), so
-- that "statements about a place or anything inside it" is an index range, not a recursive
-- walk over a region's whole subtree on every request.
CREATE TABLE IF NOT EXISTS place_within (
    ancestor TEXT NOT NULL,
    place    TEXT NOT NULL,
    PRIMARY KEY (ancestor, place)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS place_within_place ON place_within (place, ancestor);

-- statement_about closed under containment: a statement about a village is listed for the
-- village, its region and its country. Keyed (place, statement), so the statements about a
-- place, in key order, are one range of this index.
CREATE TABLE IF NOT EXISTS statement_within (
    place     TEXT NOT NULL,
    statement TEXT NOT NULL,
    PRIMARY KEY (place, statement)
) STRICT, WITHOUT ROWID;

-- A database written before these tables existed gets them filled once, here, at start-up;
-- afterwards both are non-empty whenever places exist and these statements change nothing.
INSERT INTO place_within (ancestor, place)
    WITH RECURSIVE up(place, ancestor) AS (
        SELECT key, key FROM place
        UNION
        SELECT up.place, p.contained_in FROM up JOIN place p ON p.key = up.ancestor WHERE p.contained_in IS NOT NULL)
    SELECT ancestor, place FROM up WHERE NOT EXISTS (SELECT 1 FROM place_within);
INSERT OR IGNORE INTO statement_within (place, statement)
    SELECT w.ancestor, a.statement FROM statement_about a JOIN place_within w ON w.place = a.place
    WHERE NOT EXISTS (SELECT 1 FROM statement_within);

-- The change log: one row per write that landed (when, which API key's name, which operation),
-- with the nodes it created or changed, written in the transaction of the write itself. Ids are
-- version 7 UUIDs, so (at, id) orders entries by time. Not part of the graph: no read but the
-- `changes` connection sees it.
CREATE TABLE IF NOT EXISTS change_log (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    at        TEXT NOT NULL,    -- UTC, yyyy-MM-ddTHH:mm:ss.fffffffZ, so text order is time order
    key_name  TEXT NOT NULL,
    operation TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS change_log_at ON change_log (at, id);
CREATE INDEX IF NOT EXISTS change_log_key_name ON change_log (key_name, at, id);

CREATE TABLE IF NOT EXISTS change_node (
    change  INTEGER NOT NULL REFERENCES change_log (seq),
    ordinal INTEGER NOT NULL,
    node    TEXT NOT NULL,      -- Type:key
    outcome TEXT NOT NULL,      -- CREATED, UPDATED or MERGED
    PRIMARY KEY (change, ordinal)
) STRICT;
CREATE INDEX IF NOT EXISTS change_node_node ON change_node (node, change);
-- Full-text search (the search root field): one row per searchable text of a node (a name,
-- each alias, a statement's text, an article's title), kept in step with the node tables by
-- the triggers below, inside the same transaction as every write. The FTS5 index reads its
-- text from search_entry (external content) and folds case and diacritics.
CREATE TABLE IF NOT EXISTS search_entry (
    id    INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL,
    key   TEXT NOT NULL,
    field TEXT NOT NULL,
    text  TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS search_entry_node ON search_entry (kind, key);
CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(
    text, content = 'search_entry', content_rowid = 'id', tokenize = "unicode61 remove_diacritics 2");
CREATE TRIGGER IF NOT EXISTS search_entry_insert AFTER INSERT ON search_entry BEGIN
    INSERT INTO search_text (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS search_entry_delete AFTER DELETE ON search_entry BEGIN
    INSERT INTO search_text (search_text, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER IF NOT EXISTS person_search_insert AFTER INSERT ON person BEGIN
    INSERT INTO search_entry (kind, key, field, text)
        SELECT 'Person', new.key, 'name', new.name
        UNION ALL SELECT 'Person', new.key, 'alias', a.value FROM json_each(new.aliases) a WHERE a.value IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS person_search_update AFTER UPDATE OF key, name, aliases ON person BEGIN
    DELETE FROM search_entry WHERE kind = 'Person' AND key = old.key;
    INSERT INTO search_entry (kind, key, field, text)
        SELECT 'Person', new.key, 'name', new.name
        UNION ALL SELECT 'Person', new.key, 'alias', a.value FROM json_each(new.aliases) a WHERE a.value IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS person_search_delete AFTER DELETE ON person BEGIN
    DELETE FROM search_entry WHERE kind = 'Person' AND key = old.key;
END;
CREATE TRIGGER IF NOT EXISTS organisation_search_insert AFTER INSERT ON organisation BEGIN
    INSERT INTO search_entry (kind, key, field, text)
        SELECT 'Organisation', new.key, 'name', new.name
        UNION ALL SELECT 'Organisation', new.key, 'alias', a.value FROM json_each(new.aliases) a WHERE a.value IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS organisation_search_update AFTER UPDATE OF key, name, aliases ON organisation BEGIN
    DELETE FROM search_entry WHERE kind = 'Organisation' AND key = old.key;
    INSERT INTO search_entry (kind, key, field, text)
        SELECT 'Organisation', new.key, 'name', new.name
        UNION ALL SELECT 'Organisation', new.key, 'alias', a.value FROM json_each(new.aliases) a WHERE a.value IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS organisation_search_delete AFTER DELETE ON organisation BEGIN
    DELETE FROM search_entry WHERE kind = 'Organisation' AND key = old.key;
END;
CREATE TRIGGER IF NOT EXISTS place_search_insert AFTER INSERT ON place BEGIN
    INSERT INTO search_entry (kind, key, field, text)
        SELECT 'Place', new.key, 'name', new.name
        UNION ALL SELECT 'Place', new.key, 'alias', a.value FROM json_each(new.aliases) a WHERE a.value IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS place_search_update AFTER UPDATE OF key, name, aliases ON place BEGIN
    DELETE FROM search_entry WHERE kind = 'Place' AND key = old.key;
    INSERT INTO search_entry (kind, key, field, text)
        SELECT 'Place', new.key, 'name', new.name
        UNION ALL SELECT 'Place', new.key, 'alias', a.value FROM json_each(new.aliases) a WHERE a.value IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS place_search_delete AFTER DELETE ON place BEGIN
    DELETE FROM search_entry WHERE kind = 'Place' AND key = old.key;
END;
CREATE TRIGGER IF NOT EXISTS statement_search_insert AFTER INSERT ON statement BEGIN
    INSERT INTO search_entry (kind, key, field, text)
        SELECT 'Statement', new.key, 'text', new.text;
END;
CREATE TRIGGER IF NOT EXISTS statement_search_update AFTER UPDATE OF key, text ON statement BEGIN
    DELETE FROM search_entry WHERE kind = 'Statement' AND key = old.key;
    INSERT INTO search_entry (kind, key, field, text)
        SELECT 'Statement', new.key, 'text', new.text;
END;
CREATE TRIGGER IF NOT EXISTS statement_search_delete AFTER DELETE ON statement BEGIN
    DELETE FROM search_entry WHERE kind = 'Statement' AND key = old.key;
END;
CREATE TRIGGER IF NOT EXISTS article_search_insert AFTER INSERT ON article BEGIN
    INSERT INTO search_entry (kind, key, field, text)
        SELECT 'Article', new.key, 'title', new.title WHERE new.title IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS article_search_update AFTER UPDATE OF key, title ON article BEGIN
    DELETE FROM search_entry WHERE kind = 'Article' AND key = old.key;
    INSERT INTO search_entry (kind, key, field, text)
        SELECT 'Article', new.key, 'title', new.title WHERE new.title IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS article_search_delete AFTER DELETE ON article BEGIN
    DELETE FROM search_entry WHERE kind = 'Article' AND key = old.key;
END;
-- A database written before search existed gets its entries once, here, at start-up (the
-- SELECT is computed before the first row is inserted, as it reads the table written).
INSERT INTO search_entry (kind, key, field, text)
    SELECT * FROM (
        SELECT 'Person', t.key, 'name', t.name FROM person t
        UNION ALL SELECT 'Person', t.key, 'alias', a.value FROM person t, json_each(t.aliases) a WHERE a.value IS NOT NULL
        UNION ALL SELECT 'Organisation', t.key, 'name', t.name FROM organisation t
        UNION ALL SELECT 'Organisation', t.key, 'alias', a.value FROM organisation t, json_each(t.aliases) a WHERE a.value IS NOT NULL
        UNION ALL SELECT 'Place', t.key, 'name', t.name FROM place t
        UNION ALL SELECT 'Place', t.key, 'alias', a.value FROM place t, json_each(t.aliases) a WHERE a.value IS NOT NULL
        UNION ALL SELECT 'Statement', t.key, 'text', t.text FROM statement t
        UNION ALL SELECT 'Article', t.key, 'title', t.title FROM article t WHERE t.title IS NOT NULL)
    WHERE NOT EXISTS (SELECT 1 FROM search_entry);
