-- After reception: handover manifests to agencies, postmen's delivery lists, money due on
-- delivery, and the indexes tracking needs. The history itself stays in dossier_event (one
-- append-only log); these tables are the working documents the events point at.

-- Bảng kê giao nhận: one per agency per trip. Open while the clerk scans envelopes into it;
-- dispatched when the carrier takes it; received when the agency signed for it.
CREATE TABLE manifest (
  id                  INTEGER PRIMARY KEY,
  number              TEXT NOT NULL UNIQUE,
  agency              TEXT NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('open', 'dispatched', 'received')),
  created_at          TEXT NOT NULL,
  created_by          INTEGER NOT NULL REFERENCES app_user (id),
  dispatched_at       TEXT,
  dispatched_by       INTEGER REFERENCES app_user (id),
  dispatch_key        TEXT UNIQUE,
  carrier             TEXT,
  agency_received_at  TEXT,
  agency_receiver     TEXT,
  agency_recorded_by  INTEGER REFERENCES app_user (id),
  -- Fees handed over with it (đồng), NULL until the agency receipt says whether they were.
  fees_handed_over    INTEGER
);
CREATE INDEX manifest_agency ON manifest (agency, status);
CREATE INDEX manifest_status ON manifest (status, id);

-- A manifest moves forward only, and its number and agency never change.
CREATE TRIGGER manifest_forward_only BEFORE UPDATE ON manifest
WHEN NEW.number <> OLD.number OR NEW.agency <> OLD.agency
  OR (OLD.status = 'dispatched' AND NEW.status = 'open')
  OR (OLD.status = 'received' AND NEW.status <> 'received')
BEGIN
  SELECT RAISE(ABORT, 'manifest moves forward only');
END;
CREATE TRIGGER manifest_no_delete BEFORE DELETE ON manifest
BEGIN
  SELECT RAISE(ABORT, 'manifests are never deleted');
END;

CREATE TABLE manifest_item (
  manifest_id  INTEGER NOT NULL REFERENCES manifest (id),
  dossier_id   INTEGER NOT NULL REFERENCES dossier (id),
  added_at     TEXT NOT NULL,
  added_by     INTEGER NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (manifest_id, dossier_id)
) WITHOUT ROWID;
CREATE INDEX manifest_item_dossier ON manifest_item (dossier_id);
-- Lines change only while the manifest is open; after dispatch it is a signed paper.
CREATE TRIGGER manifest_item_insert_open BEFORE INSERT ON manifest_item
WHEN (SELECT status FROM manifest WHERE id = NEW.manifest_id) <> 'open'
BEGIN
  SELECT RAISE(ABORT, 'manifest is no longer open');
END;
CREATE TRIGGER manifest_item_delete_open BEFORE DELETE ON manifest_item
WHEN (SELECT status FROM manifest WHERE id = OLD.manifest_id) <> 'open'
BEGIN
  SELECT RAISE(ABORT, 'manifest is no longer open');
END;
CREATE TRIGGER manifest_item_no_update BEFORE UPDATE ON manifest_item
BEGIN
  SELECT RAISE(ABORT, 'manifest lines are added or removed, not changed');
END;

-- Danh sách phát: the results a postman takes out on one round, with a signature column.
CREATE TABLE delivery_list (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,
  postman     TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES app_user (id),
  idempotency_key TEXT NOT NULL UNIQUE
);
CREATE TABLE delivery_list_item (
  list_id     INTEGER NOT NULL REFERENCES delivery_list (id),
  dossier_id  INTEGER NOT NULL REFERENCES dossier (id),
  position    INTEGER NOT NULL,
  PRIMARY KEY (list_id, dossier_id)
) WITHOUT ROWID;
CREATE INDEX delivery_list_item_dossier ON delivery_list_item (dossier_id);
CREATE TRIGGER delivery_list_no_update BEFORE UPDATE ON delivery_list
BEGIN
  SELECT RAISE(ABORT, 'delivery lists are printed papers: append-only');
END;
CREATE TRIGGER delivery_list_no_delete BEFORE DELETE ON delivery_list
BEGIN
  SELECT RAISE(ABORT, 'delivery lists are printed papers: append-only');
END;
CREATE TRIGGER delivery_list_item_no_update BEFORE UPDATE ON delivery_list_item
BEGIN
  SELECT RAISE(ABORT, 'delivery lists are printed papers: append-only');
END;
CREATE TRIGGER delivery_list_item_no_delete BEFORE DELETE ON delivery_list_item
BEGIN
  SELECT RAISE(ABORT, 'delivery lists are printed papers: append-only');
END;

-- Money to collect when the result is handed over: the return charge of a result registered for
-- a citizen who asked only for return by post. Collected → a 'cod' ledger line.
CREATE TABLE dossier_due (
  dossier_id  INTEGER PRIMARY KEY REFERENCES dossier (id),
  amount      INTEGER NOT NULL CHECK (amount >= 0),
  label       TEXT NOT NULL,
  agency_dossier_code TEXT
);
CREATE TRIGGER dossier_due_no_update BEFORE UPDATE ON dossier_due
BEGIN
  SELECT RAISE(ABORT, 'dossier_due is fixed when the result is registered');
END;
CREATE TRIGGER dossier_due_no_delete BEFORE DELETE ON dossier_due
BEGIN
  SELECT RAISE(ABORT, 'dossier_due is fixed when the result is registered');
END;

-- The status is derived from the history: it moves only in the transaction that appends the event
-- it comes from (same dossier, same instant). A bare UPDATE of the status is refused.
CREATE TRIGGER dossier_status_needs_event BEFORE UPDATE OF status, status_at ON dossier
WHEN NOT EXISTS (SELECT 1 FROM dossier_event WHERE dossier_id = NEW.id AND at = NEW.status_at)
BEGIN
  SELECT RAISE(ABORT, 'a dossier status moves only with its event');
END;

-- Dashboard: open dossiers per state, by result date (overdue) and by last move (stuck).
CREATE INDEX dossier_status_result ON dossier (status, result_date);
CREATE INDEX dossier_status_at ON dossier (status, status_at);
DROP INDEX dossier_status;

-- Search by name without diacritics, any word, prefix of the last word: an FTS5 index over the
-- folded name. Contentless: the text is in dossier.applicant_folded, the index keeps only the
-- tokens (rowid = dossier.id). Names never change (immutable-facts trigger), so insert is enough.
-- A prefix index for every length a Vietnamese syllable folds to (1–7 letters, "nghieng"): a
-- half-typed last word is one posting list, read newest first up to the limit (measured at 1M
-- names: "nguyen"* 0.13–0.19 ms against 25–80 ms with prefix = '2 3'; index 16 MB against 9.5 MB).
CREATE VIRTUAL TABLE dossier_name_fts USING fts5 (name, content = '', detail = none, prefix = '1 2 3 4 5 6 7');
INSERT INTO dossier_name_fts (rowid, name) SELECT id, applicant_folded FROM dossier;
CREATE TRIGGER dossier_name_fts_insert AFTER INSERT ON dossier
BEGIN
  INSERT INTO dossier_name_fts (rowid, name) VALUES (NEW.id, NEW.applicant_folded);
END;
