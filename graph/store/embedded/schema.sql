-- Schema of the embedded store (graph/store/embedded/store.py). Idempotent: run at every open.
-- Version 2: one `facts` row per EVENT (graph/store/events.py): the same (source, type,
-- target) may have several rows, each with its own event_id. Each article's report is
-- one fact_support row, under the event it belongs to (graph/store/embedded/recut.py).
-- A version-1 file (one row per (source, type, target)) is migrated on open by
-- graph/store/embedded/migrate.py. Version 3 adds the change log (changes,
-- change_entities, change_facts: graph/store/embedded/changes.py), empty in a migrated
-- file. Version 4 adds review_decisions (graph/store/embedded/review.py), empty in a
-- migrated file. Version 6 adds each fact's support summary (n_sources, best_conf),
-- kept by the triggers below and filled in a migrated file. Comments here must not
-- contain semicolons.

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', 0), ('schema_version', 6);

CREATE TABLE IF NOT EXISTS articles (
  id          TEXT PRIMARY KEY,
  url         TEXT,
  title       TEXT,
  publisher   TEXT,
  published   TEXT,
  text        TEXT NOT NULL DEFAULT '',
  source_path TEXT
);
-- `articles` pages newest first: read in this order, never sorted whole
CREATE INDEX IF NOT EXISTS articles_newest ON articles (published IS NULL, published DESC, id);

CREATE TABLE IF NOT EXISTS entities (
  id          TEXT PRIMARY KEY,
  type        TEXT NOT NULL,
  name        TEXT NOT NULL,
  norm        TEXT NOT NULL,   -- graph.ids.normalize_name(name): find_entity, search
  key         TEXT NOT NULL,   -- graph.identity.match_key(name): identity
  unnamed     INTEGER NOT NULL DEFAULT 0,
  cnt         INTEGER,
  description TEXT,
  qid         TEXT,
  properties  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS entities_norm ON entities (norm);
CREATE INDEX IF NOT EXISTS entities_key ON entities (key);
CREATE INDEX IF NOT EXISTS entities_qid ON entities (qid) WHERE qid IS NOT NULL;
CREATE INDEX IF NOT EXISTS entities_type ON entities (type);

-- Words of named entities' match keys, for fuzzy identity candidates.
CREATE TABLE IF NOT EXISTS name_words (
  word      TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (word, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS name_words_entity ON name_words (entity_id);

CREATE TABLE IF NOT EXISTS aliases (
  entity_id   TEXT NOT NULL,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,   -- fixed when the alias is first stored
  lang        TEXT,
  norm        TEXT NOT NULL,
  key         TEXT NOT NULL,
  identifying INTEGER NOT NULL,
  PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases (norm);
CREATE INDEX IF NOT EXISTS aliases_key ON aliases (key) WHERE identifying = 1;

CREATE TABLE IF NOT EXISTS alias_sources (
  entity_id  TEXT NOT NULL,
  name       TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (entity_id, name, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS alias_sources_article ON alias_sources (article_id);

CREATE TABLE IF NOT EXISTS mentions (
  entity_id  TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);

CREATE TABLE IF NOT EXISTS facts (
  id        INTEGER PRIMARY KEY,
  event_id  TEXT NOT NULL UNIQUE,  -- graph/store/events.py event_id: stable across re-ingests
  source    TEXT NOT NULL,
  type      TEXT NOT NULL,
  target    TEXT NOT NULL,
  -- What the event's reports say together, kept for filters (the records are rebuilt
  -- from fact_support): its date "YYYY[-MM[-DD]]", status, and the ISO days it came
  -- into force and stopped being in force (NULL while active).
  date      TEXT,
  status    TEXT NOT NULL DEFAULT 'active',
  start_day TEXT,
  end_day   TEXT,
  -- The summary of its fact_support rows: how many articles report it and the best
  -- report's confidence (0 with none). Kept by the fact_support_* triggers below on
  -- every write path, so a capped read ranks and filters facts without reading their
  -- reports (graph/store/embedded/hub_cut.py). The batch path inserts a new event row
  -- after its reports, with the summary they give (graph/store/embedded/working.py
  -- `_write_facts_and_reports`): the triggers, finding no row, change nothing then.
  n_sources INTEGER NOT NULL DEFAULT 0,
  best_conf REAL NOT NULL DEFAULT 0
);
-- No index of its own for a relation key (source, type, target): `facts_order` (its
-- first three columns) answers a key's equality and `facts_out_rank` a source's facts,
-- so the facts_key (source, type, target) of files before session 29 only cost every
-- insert one more B-tree: it is dropped on open. facts_target stays: a target's relation
-- counts (graph/store/embedded/read.py) read it, and read `facts_in_rank`, whose entries
-- are wider, they took 6-8% longer.
DROP INDEX IF EXISTS facts_key;
CREATE INDEX IF NOT EXISTS facts_target ON facts (target, type);
CREATE INDEX IF NOT EXISTS facts_type ON facts (type, start_day);
-- the iterators' keyset order (`record_order` within a type)
CREATE INDEX IF NOT EXISTS facts_order ON facts (type, source, target, event_id);
-- a node's facts of one type and direction best supported first, newest, then the other
-- end and event id: the rank of a capped neighbourhood (graph/store/hubs.py `_rank`), so
-- its top k are the first k entries, and the counts are index-only
CREATE INDEX IF NOT EXISTS facts_out_rank
  ON facts (source, type, n_sources DESC, start_day DESC, target, event_id, best_conf);
CREATE INDEX IF NOT EXISTS facts_in_rank
  ON facts (target, type, n_sources DESC, start_day DESC, source, event_id, best_conf);

CREATE TABLE IF NOT EXISTS fact_support (
  fact_id    INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  evidence   TEXT,
  seen       TEXT,             -- the article's published date (ISO) or NULL
  confidence REAL NOT NULL,
  date       TEXT,             -- the action's date as this article gives it, "YYYY[-MM[-DD]]"
  properties TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (fact_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS fact_support_article ON fact_support (article_id);

-- facts.n_sources and facts.best_conf follow every change of fact_support, whichever
-- write path makes it (one-by-one, batch, retraction, re-cut, judgement replay). An
-- INSERT OR REPLACE deletes the row it replaces without firing a delete trigger (unless
-- recursive_triggers is on), so the BEFORE INSERT trigger takes that row out first
-- (which is why no path writes fact_support with INSERT OR IGNORE: an ignored row
-- would be taken out and not put back).
-- A removed report that was the best is replaced by a look at the fact's other reports,
-- the only case that reads them.
CREATE TRIGGER IF NOT EXISTS fact_support_replaced BEFORE INSERT ON fact_support
WHEN EXISTS (SELECT 1 FROM fact_support WHERE fact_id = NEW.fact_id AND article_id = NEW.article_id)
BEGIN
  UPDATE facts SET n_sources = n_sources - 1,
    best_conf = coalesce((SELECT max(confidence) FROM fact_support
      WHERE fact_id = NEW.fact_id AND article_id != NEW.article_id), 0)
  WHERE id = NEW.fact_id;
END;
CREATE TRIGGER IF NOT EXISTS fact_support_added AFTER INSERT ON fact_support
BEGIN
  UPDATE facts SET n_sources = n_sources + 1,
    best_conf = CASE WHEN n_sources = 0 THEN NEW.confidence
      ELSE max(best_conf, NEW.confidence) END
  WHERE id = NEW.fact_id;
END;
CREATE TRIGGER IF NOT EXISTS fact_support_removed AFTER DELETE ON fact_support
BEGIN
  UPDATE facts SET n_sources = n_sources - 1,
    best_conf = CASE WHEN OLD.confidence < best_conf THEN best_conf
      ELSE coalesce((SELECT max(confidence) FROM fact_support WHERE fact_id = OLD.fact_id), 0)
      END
  WHERE id = OLD.fact_id;
END;
CREATE TRIGGER IF NOT EXISTS fact_support_moved AFTER UPDATE OF fact_id, confidence ON fact_support
BEGIN
  UPDATE facts SET n_sources = n_sources - 1,
    best_conf = CASE WHEN OLD.confidence < best_conf THEN best_conf
      ELSE coalesce((SELECT max(confidence) FROM fact_support WHERE fact_id = OLD.fact_id), 0)
      END
  WHERE id = OLD.fact_id;
  UPDATE facts SET n_sources = n_sources + 1,
    best_conf = CASE WHEN n_sources = 0 THEN NEW.confidence
      ELSE max(best_conf, NEW.confidence) END
  WHERE id = NEW.fact_id;
END;

-- The change log: one row per write that changed an article's contribution, numbered in
-- commit order (AUTOINCREMENT: a number is never reused), `at` an ISO UTC time that never
-- goes back, `body` the change as JSON (graph/store/changes.py ChangeBody).
CREATE TABLE IF NOT EXISTS changes (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  kind       TEXT NOT NULL,
  article_id TEXT,
  body       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_at ON changes (at);

-- The entities each change names (its entities and the ends of its facts).
CREATE TABLE IF NOT EXISTS change_entities (
  entity_id TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  PRIMARY KEY (entity_id, seq)
) WITHOUT ROWID;

-- The (type, source, target) of each change's facts: the action type and jurisdiction filters.
CREATE TABLE IF NOT EXISTS change_facts (
  seq    INTEGER NOT NULL,
  type   TEXT NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  PRIMARY KEY (seq, type, source, target)
) WITHOUT ROWID;

-- A reviewer's decision on one action event (graph/store/review.py), keyed by the event's
-- stable id and kept apart from the facts, so retracting or re-ingesting its articles
-- leaves it: `decision` is 'accepted' or 'rejected', `body` the ReviewDecision as JSON.
CREATE TABLE IF NOT EXISTS review_decisions (
  event_id TEXT PRIMARY KEY,
  decision TEXT NOT NULL,
  body     TEXT NOT NULL
) WITHOUT ROWID;

-- Version 5: judgements (graph/store/judgements.py, graph/store/embedded/judgements.py)
-- and each article's extraction as it arrived, before judgements, so that recording or
-- undoing a judgement replays the articles it touches (no article of a migrated file has
-- one until it is ingested again). `extraction_ids` are the entity ids it gave.
CREATE TABLE IF NOT EXISTS judgements (
  id     INTEGER PRIMARY KEY AUTOINCREMENT,
  kind   TEXT NOT NULL,
  entity TEXT NOT NULL,
  other  TEXT,
  name   TEXT,
  note   TEXT,
  at     TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS extractions (
  article_id TEXT PRIMARY KEY,
  body       TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS extraction_ids (
  entity_id  TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS extraction_ids_article ON extraction_ids (article_id);
