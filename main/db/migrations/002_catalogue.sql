-- The procedure catalogue, versioned: every import writes a complete new
-- version; rows of a version never change, so a dossier can point at the exact
-- procedure row it was checked against. Levels, fields and agencies are data.

CREATE TABLE catalogue_version (
  id               INTEGER PRIMARY KEY,
  imported_at      TEXT NOT NULL,
  imported_by      INTEGER REFERENCES app_user (id),
  source_name      TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('sample', 'replace', 'merge')),
  title            TEXT,
  note             TEXT,
  procedure_count  INTEGER NOT NULL
);

CREATE TABLE catalogue_level  (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE catalogue_field  (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE catalogue_agency (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);

CREATE TABLE procedure (
  id               INTEGER PRIMARY KEY,
  version_id       INTEGER NOT NULL REFERENCES catalogue_version (id),
  code             TEXT NOT NULL,
  name             TEXT NOT NULL,
  field_id         INTEGER NOT NULL REFERENCES catalogue_field (id),
  level_id         INTEGER NOT NULL REFERENCES catalogue_level (id),
  agency_id        INTEGER NOT NULL REFERENCES catalogue_agency (id),
  bcci_receive     INTEGER NOT NULL CHECK (bcci_receive IN (0, 1)),
  bcci_return      INTEGER NOT NULL CHECK (bcci_return IN (0, 1)),
  processing_days  REAL NOT NULL CHECK (processing_days >= 0),
  processing_note  TEXT,
  phi              TEXT NOT NULL,  -- JSON: {"kind":"fixed","amount":N} | {"kind":"tiers","tiers":[…]}
  le_phi           TEXT NOT NULL,
  fee_note         TEXT,
  source_name      TEXT,
  source_url       TEXT,
  source_date      TEXT,
  source_note      TEXT,
  UNIQUE (version_id, code)
);

CREATE TABLE required_document (
  id                  INTEGER PRIMARY KEY,
  procedure_id        INTEGER NOT NULL REFERENCES procedure (id),
  seq                 INTEGER NOT NULL,
  name                TEXT NOT NULL,
  form                TEXT NOT NULL CHECK (form IN ('original', 'certified_copy', 'copy', 'copy_with_original')),
  originals           INTEGER NOT NULL CHECK (originals >= 0),
  copies              INTEGER NOT NULL CHECK (copies >= 0),
  kind                TEXT NOT NULL CHECK (kind IN ('mandatory', 'conditional', 'alternative', 'optional')),
  condition_question  TEXT,
  group_name          TEXT,
  template_code       TEXT,
  note                TEXT,
  UNIQUE (procedure_id, seq)
);

CREATE TRIGGER procedure_immutable BEFORE UPDATE ON procedure
BEGIN
  SELECT RAISE(ABORT, 'catalogue versions are immutable: import a new version');
END;
CREATE TRIGGER procedure_no_delete BEFORE DELETE ON procedure
BEGIN
  SELECT RAISE(ABORT, 'catalogue versions are immutable: import a new version');
END;
CREATE TRIGGER required_document_immutable BEFORE UPDATE ON required_document
BEGIN
  SELECT RAISE(ABORT, 'catalogue versions are immutable: import a new version');
END;
CREATE TRIGGER required_document_no_delete BEFORE DELETE ON required_document
BEGIN
  SELECT RAISE(ABORT, 'catalogue versions are immutable: import a new version');
END;
