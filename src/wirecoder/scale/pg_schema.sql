-- wirecoder PostgreSQL schema: the SQLite store's tables, for teams (`wirecoder load --url`).
-- Full-text search uses a generated tsvector column instead of FTS5.
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    headline TEXT, byline TEXT, publication_date TEXT, publication_time TEXT,
    source_name TEXT, source_code TEXT, language TEXT, section TEXT, page TEXT,
    copyright TEXT, document_id TEXT, word_count INTEGER, dateline TEXT, url TEXT,
    format TEXT, origin TEXT,
    metadata JSONB,
    text TEXT NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    fts TSVECTOR GENERATED ALWAYS AS
        (to_tsvector('simple', coalesce(headline, '') || ' ' || text)) STORED
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(publication_date);
CREATE INDEX IF NOT EXISTS articles_fts ON articles USING GIN (fts);

CREATE TABLE IF NOT EXISTS mentions (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT, label TEXT, role TEXT, data JSONB
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id, kind);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_type TEXT NOT NULL, sub_event_type TEXT, plover_type TEXT,
    date TEXT, date_end TEXT, time_precision TEXT,
    actor1 TEXT, actor1_type TEXT, assoc_actor_1 TEXT,
    actor2 TEXT, actor2_type TEXT, assoc_actor_2 TEXT,
    location TEXT, geonameid BIGINT, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION,
    country_code TEXT, admin1 TEXT, admin2 TEXT, geo_precision TEXT,
    fatalities INTEGER, confidence DOUBLE PRECISION, salience DOUBLE PRECISION,
    review_status TEXT NOT NULL DEFAULT 'auto',
    cluster_id TEXT,
    record JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type, sub_event_type);
CREATE INDEX IF NOT EXISTS events_country ON events(country_code, admin1);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);

CREATE TABLE IF NOT EXISTS evidence (
    id BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL, field TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT
);
CREATE INDEX IF NOT EXISTS evidence_event ON evidence(event_id);

CREATE TABLE IF NOT EXISTS ingest_log (
    id BIGSERIAL PRIMARY KEY,
    origin TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, article_id TEXT,
    at TIMESTAMPTZ NOT NULL DEFAULT now()
);
