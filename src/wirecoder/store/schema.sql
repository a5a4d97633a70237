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
-- actor filters: each side walked newest first, merged by a UNION (web/queries.py)
CREATE INDEX IF NOT EXISTS events_actor1_date ON events(actor1, date);
CREATE INDEX IF NOT EXISTS events_actor2_date ON events(actor2, date);

-- Web app rollups (generated by wirecoder.web.rollups.ddl(); keep the two in step): event counts and
-- fatalities summed over a few dimensions, kept current by triggers, so that stats, actors and
-- network answers on large databases read thousands of rows instead of the whole events table.
CREATE TABLE IF NOT EXISTS rollup_actor (actor TEXT NOT NULL, role INTEGER NOT NULL, n INTEGER NOT NULL, fatalities INTEGER NOT NULL, PRIMARY KEY (actor, role)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_type_month (date TEXT NOT NULL, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, review_status TEXT NOT NULL, n INTEGER NOT NULL, fatalities INTEGER NOT NULL, PRIMARY KEY (date, event_type, sub_event_type, review_status)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_pair (actor1 TEXT NOT NULL, actor2 TEXT NOT NULL, n INTEGER NOT NULL, fatalities INTEGER NOT NULL, PRIMARY KEY (actor1, actor2)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_day (date TEXT NOT NULL, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, review_status TEXT NOT NULL, n INTEGER NOT NULL, fatalities INTEGER NOT NULL, PRIMARY KEY (date, event_type, sub_event_type, review_status)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_country_month (country_code TEXT NOT NULL, date TEXT NOT NULL, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, review_status TEXT NOT NULL, n INTEGER NOT NULL, fatalities INTEGER NOT NULL, PRIMARY KEY (country_code, date, event_type, sub_event_type, review_status)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_actor_month (actor TEXT NOT NULL, role INTEGER NOT NULL, date TEXT NOT NULL, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, review_status TEXT NOT NULL, n INTEGER NOT NULL, fatalities INTEGER NOT NULL, PRIMARY KEY (actor, role, date, event_type, sub_event_type, review_status)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_pair_type (event_type TEXT NOT NULL, actor1 TEXT NOT NULL, actor2 TEXT NOT NULL, sub_event_type TEXT NOT NULL, review_status TEXT NOT NULL, n INTEGER NOT NULL, fatalities INTEGER NOT NULL, PRIMARY KEY (event_type, actor1, actor2, sub_event_type, review_status)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rollup_pair_n ON rollup_pair(n);
CREATE INDEX IF NOT EXISTS rollup_pair_a2 ON rollup_pair(actor2);
CREATE TRIGGER IF NOT EXISTS events_rollup_ai AFTER INSERT ON events BEGIN
    INSERT INTO rollup_actor (actor, role, n, fatalities) SELECT new.actor1, 1, 1, coalesce(new.fatalities, 0) WHERE new.actor1 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_actor (actor, role, n, fatalities) SELECT new.actor2, CASE WHEN new.actor2 = new.actor1 THEN 3 ELSE 2 END, 1, coalesce(new.fatalities, 0) WHERE new.actor2 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_type_month (date, event_type, sub_event_type, review_status, n, fatalities) SELECT coalesce(substr(new.date, 1, 7), ''), coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE 1
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_pair (actor1, actor2, n, fatalities) SELECT coalesce(new.actor1, ''), coalesce(new.actor2, ''), 1, coalesce(new.fatalities, 0) WHERE new.actor1 IS NOT NULL AND new.actor2 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_day (date, event_type, sub_event_type, review_status, n, fatalities) SELECT coalesce(new.date, ''), coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE 1
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_country_month (country_code, date, event_type, sub_event_type, review_status, n, fatalities) SELECT coalesce(new.country_code, ''), coalesce(substr(new.date, 1, 7), ''), coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE 1
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_actor_month (actor, role, date, event_type, sub_event_type, review_status, n, fatalities) SELECT new.actor1, 1, coalesce(substr(new.date, 1, 7), ''), coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE new.actor1 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_actor_month (actor, role, date, event_type, sub_event_type, review_status, n, fatalities) SELECT new.actor2, CASE WHEN new.actor2 = new.actor1 THEN 3 ELSE 2 END, coalesce(substr(new.date, 1, 7), ''), coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE new.actor2 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_pair_type (event_type, actor1, actor2, sub_event_type, review_status, n, fatalities) SELECT coalesce(new.event_type, ''), coalesce(new.actor1, ''), coalesce(new.actor2, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE new.actor1 IS NOT NULL AND new.actor2 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
END;
CREATE TRIGGER IF NOT EXISTS events_rollup_ad AFTER DELETE ON events BEGIN
    UPDATE rollup_actor SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE actor = old.actor1 AND role = 1 AND old.actor1 IS NOT NULL;
    DELETE FROM rollup_actor WHERE actor = old.actor1 AND role = 1 AND n <= 0;
    UPDATE rollup_actor SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE actor = old.actor2 AND role = CASE WHEN old.actor2 = old.actor1 THEN 3 ELSE 2 END AND old.actor2 IS NOT NULL;
    DELETE FROM rollup_actor WHERE actor = old.actor2 AND role = CASE WHEN old.actor2 = old.actor1 THEN 3 ELSE 2 END AND n <= 0;
    UPDATE rollup_type_month SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND 1;
    DELETE FROM rollup_type_month WHERE date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
    UPDATE rollup_pair SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE actor1 = coalesce(old.actor1, '') AND actor2 = coalesce(old.actor2, '') AND old.actor1 IS NOT NULL AND old.actor2 IS NOT NULL;
    DELETE FROM rollup_pair WHERE actor1 = coalesce(old.actor1, '') AND actor2 = coalesce(old.actor2, '') AND n <= 0;
    UPDATE rollup_day SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE date = coalesce(old.date, '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND 1;
    DELETE FROM rollup_day WHERE date = coalesce(old.date, '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
    UPDATE rollup_country_month SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE country_code = coalesce(old.country_code, '') AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND 1;
    DELETE FROM rollup_country_month WHERE country_code = coalesce(old.country_code, '') AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
    UPDATE rollup_actor_month SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE actor = old.actor1 AND role = 1 AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND old.actor1 IS NOT NULL;
    DELETE FROM rollup_actor_month WHERE actor = old.actor1 AND role = 1 AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
    UPDATE rollup_actor_month SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE actor = old.actor2 AND role = CASE WHEN old.actor2 = old.actor1 THEN 3 ELSE 2 END AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND old.actor2 IS NOT NULL;
    DELETE FROM rollup_actor_month WHERE actor = old.actor2 AND role = CASE WHEN old.actor2 = old.actor1 THEN 3 ELSE 2 END AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
    UPDATE rollup_pair_type SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE event_type = coalesce(old.event_type, '') AND actor1 = coalesce(old.actor1, '') AND actor2 = coalesce(old.actor2, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND old.actor1 IS NOT NULL AND old.actor2 IS NOT NULL;
    DELETE FROM rollup_pair_type WHERE event_type = coalesce(old.event_type, '') AND actor1 = coalesce(old.actor1, '') AND actor2 = coalesce(old.actor2, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
END;
CREATE TRIGGER IF NOT EXISTS events_rollup_au AFTER UPDATE OF date, event_type, sub_event_type, review_status, country_code, actor1, actor2, fatalities ON events BEGIN
    UPDATE rollup_actor SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE actor = old.actor1 AND role = 1 AND old.actor1 IS NOT NULL;
    DELETE FROM rollup_actor WHERE actor = old.actor1 AND role = 1 AND n <= 0;
    UPDATE rollup_actor SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE actor = old.actor2 AND role = CASE WHEN old.actor2 = old.actor1 THEN 3 ELSE 2 END AND old.actor2 IS NOT NULL;
    DELETE FROM rollup_actor WHERE actor = old.actor2 AND role = CASE WHEN old.actor2 = old.actor1 THEN 3 ELSE 2 END AND n <= 0;
    UPDATE rollup_type_month SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND 1;
    DELETE FROM rollup_type_month WHERE date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
    UPDATE rollup_pair SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE actor1 = coalesce(old.actor1, '') AND actor2 = coalesce(old.actor2, '') AND old.actor1 IS NOT NULL AND old.actor2 IS NOT NULL;
    DELETE FROM rollup_pair WHERE actor1 = coalesce(old.actor1, '') AND actor2 = coalesce(old.actor2, '') AND n <= 0;
    UPDATE rollup_day SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE date = coalesce(old.date, '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND 1;
    DELETE FROM rollup_day WHERE date = coalesce(old.date, '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
    UPDATE rollup_country_month SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE country_code = coalesce(old.country_code, '') AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND 1;
    DELETE FROM rollup_country_month WHERE country_code = coalesce(old.country_code, '') AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
    UPDATE rollup_actor_month SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE actor = old.actor1 AND role = 1 AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND old.actor1 IS NOT NULL;
    DELETE FROM rollup_actor_month WHERE actor = old.actor1 AND role = 1 AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
    UPDATE rollup_actor_month SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE actor = old.actor2 AND role = CASE WHEN old.actor2 = old.actor1 THEN 3 ELSE 2 END AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND old.actor2 IS NOT NULL;
    DELETE FROM rollup_actor_month WHERE actor = old.actor2 AND role = CASE WHEN old.actor2 = old.actor1 THEN 3 ELSE 2 END AND date = coalesce(substr(old.date, 1, 7), '') AND event_type = coalesce(old.event_type, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
    UPDATE rollup_pair_type SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0) WHERE event_type = coalesce(old.event_type, '') AND actor1 = coalesce(old.actor1, '') AND actor2 = coalesce(old.actor2, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND old.actor1 IS NOT NULL AND old.actor2 IS NOT NULL;
    DELETE FROM rollup_pair_type WHERE event_type = coalesce(old.event_type, '') AND actor1 = coalesce(old.actor1, '') AND actor2 = coalesce(old.actor2, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND review_status = coalesce(old.review_status, '') AND n <= 0;
    INSERT INTO rollup_actor (actor, role, n, fatalities) SELECT new.actor1, 1, 1, coalesce(new.fatalities, 0) WHERE new.actor1 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_actor (actor, role, n, fatalities) SELECT new.actor2, CASE WHEN new.actor2 = new.actor1 THEN 3 ELSE 2 END, 1, coalesce(new.fatalities, 0) WHERE new.actor2 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_type_month (date, event_type, sub_event_type, review_status, n, fatalities) SELECT coalesce(substr(new.date, 1, 7), ''), coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE 1
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_pair (actor1, actor2, n, fatalities) SELECT coalesce(new.actor1, ''), coalesce(new.actor2, ''), 1, coalesce(new.fatalities, 0) WHERE new.actor1 IS NOT NULL AND new.actor2 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_day (date, event_type, sub_event_type, review_status, n, fatalities) SELECT coalesce(new.date, ''), coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE 1
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_country_month (country_code, date, event_type, sub_event_type, review_status, n, fatalities) SELECT coalesce(new.country_code, ''), coalesce(substr(new.date, 1, 7), ''), coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE 1
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_actor_month (actor, role, date, event_type, sub_event_type, review_status, n, fatalities) SELECT new.actor1, 1, coalesce(substr(new.date, 1, 7), ''), coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE new.actor1 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_actor_month (actor, role, date, event_type, sub_event_type, review_status, n, fatalities) SELECT new.actor2, CASE WHEN new.actor2 = new.actor1 THEN 3 ELSE 2 END, coalesce(substr(new.date, 1, 7), ''), coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE new.actor2 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO rollup_pair_type (event_type, actor1, actor2, sub_event_type, review_status, n, fatalities) SELECT coalesce(new.event_type, ''), coalesce(new.actor1, ''), coalesce(new.actor2, ''), coalesce(new.sub_event_type, ''), coalesce(new.review_status, ''), 1, coalesce(new.fatalities, 0) WHERE new.actor1 IS NOT NULL AND new.actor2 IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1, fatalities = fatalities + excluded.fatalities;
END;
