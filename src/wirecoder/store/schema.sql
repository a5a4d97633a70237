-- wirecoder SQLite schema (one file; open it with any SQLite tool).
PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,              -- export document id (Factiva AN, ...) or sha-<content hash>
    content_hash TEXT NOT NULL UNIQUE,
    headline TEXT, byline TEXT, publication_date TEXT, publication_time TEXT,
    source_name TEXT, source_code TEXT, language TEXT, section TEXT, page TEXT,
    copyright TEXT, document_id TEXT, word_count INTEGER, dateline TEXT, url TEXT,
    format TEXT, origin TEXT,
    metadata TEXT,                    -- JSON: layout-specific extras (codes, contributors, ...)
    text TEXT NOT NULL,               -- analysed text; every offset points into it
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(publication_date);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source_name);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    headline, text, content='articles', content_rowid='rowid');
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, headline, text) VALUES (new.rowid, new.headline, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, text)
    VALUES ('delete', old.rowid, old.headline, old.text);
END;

CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,               -- place | actor | date | quantity | attribution | trigger | claim
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT, label TEXT, role TEXT,
    data TEXT                         -- JSON: resolved value
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id, kind);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,              -- <article id>:<n> for events as coded from one article
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_type TEXT NOT NULL, sub_event_type TEXT, plover_type TEXT,
    date TEXT, date_end TEXT, time_precision TEXT,
    actor1 TEXT, actor1_type TEXT, assoc_actor_1 TEXT,
    actor2 TEXT, actor2_type TEXT, assoc_actor_2 TEXT,
    location TEXT, geonameid INTEGER, latitude REAL, longitude REAL,
    country_code TEXT, admin1 TEXT, admin2 TEXT, geo_precision TEXT,
    fatalities INTEGER,
    confidence REAL, salience REAL,
    review_status TEXT NOT NULL DEFAULT 'auto',   -- auto | accepted | edited | rejected
    cluster_id TEXT,                  -- merged event this report belongs to (merge stage)
    record TEXT NOT NULL,             -- JSON: the full Event record (actors, attribution, quantities)
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type, sub_event_type);
CREATE INDEX IF NOT EXISTS events_country ON events(country_code, admin1);
CREATE INDEX IF NOT EXISTS events_actor1 ON events(actor1);
CREATE INDEX IF NOT EXISTS events_actor2 ON events(actor2);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_review ON events(review_status);
CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster_id);

CREATE TABLE IF NOT EXISTS evidence (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    field TEXT NOT NULL,              -- event | actor1 | actor2 | location | date | fatalities | attribution
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT
);
CREATE INDEX IF NOT EXISTS evidence_event ON evidence(event_id);

CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    action TEXT NOT NULL,             -- accept | edit | reject | split | reset
    changes TEXT,                     -- JSON: {field: [old, new]}
    reviewer TEXT,
    note TEXT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX IF NOT EXISTS reviews_event ON reviews(event_id);

CREATE TABLE IF NOT EXISTS ingest_log (
    id INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,             -- path or path#index
    status TEXT NOT NULL,             -- stored | duplicate | skipped | error
    reason TEXT,
    article_id TEXT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS ingest_log_origin ON ingest_log(origin);

-- Merge stage (wirecoder.merge): one row per merged event. events.cluster_id points here; the
-- id is the smallest member event id, so clusters do not depend on ingest order.
CREATE TABLE IF NOT EXISTS clusters (
    id TEXT PRIMARY KEY,
    event_type TEXT, sub_event_type TEXT, plover_type TEXT,
    date TEXT, date_end TEXT, time_precision TEXT,
    actor1 TEXT, actor2 TEXT,
    location TEXT, geonameid INTEGER, latitude REAL, longitude REAL,
    country_code TEXT, admin1 TEXT, admin2 TEXT, geo_precision TEXT,
    fatalities INTEGER, confidence REAL,
    review_status TEXT NOT NULL DEFAULT 'auto',
    article_count INTEGER NOT NULL, event_count INTEGER NOT NULL,
    sources TEXT NOT NULL,            -- JSON: [{article_id, source_name, publication_date, headline, event_id}]
    record TEXT NOT NULL,             -- JSON: merged Event + per-field provenance
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS clusters_date ON clusters(date);
CREATE INDEX IF NOT EXISTS clusters_country ON clusters(country_code, admin1);
CREATE INDEX IF NOT EXISTS clusters_type ON clusters(event_type, sub_event_type);

-- Analyst splits: pairs of reports that must never be merged again (cannot-link).
CREATE TABLE IF NOT EXISTS merge_constraints (
    a TEXT NOT NULL, b TEXT NOT NULL,  -- event ids, a < b
    kind TEXT NOT NULL DEFAULT 'cannot',
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (a, b)
);

-- Web app (issue 6): covering indexes so the map/timeline aggregates read only the index.
CREATE INDEX IF NOT EXISTS events_date_fat ON events(date, fatalities);
CREATE INDEX IF NOT EXISTS events_subtype_fat ON events(sub_event_type, event_type, fatalities);
CREATE INDEX IF NOT EXISTS events_pair ON events(actor1, actor2, fatalities);
-- (filter value, date): one equality filter + newest-first order without a sort or full scan.
CREATE INDEX IF NOT EXISTS events_review_date ON events(review_status, date);
CREATE INDEX IF NOT EXISTS events_type_date ON events(event_type, date);
CREATE INDEX IF NOT EXISTS events_sub_date ON events(sub_event_type, date);
CREATE INDEX IF NOT EXISTS events_country_date ON events(country_code, date);
