-- Reception: dossiers received at the counter, their append-only history, the
-- money ledger, supplement guidance slips, drafts that survive a crash, and the
-- sequences and item-number ranges a confirmed dossier draws from.

-- Postal item numbers (UPU S10) Vietnam Post allocated to this point.
CREATE TABLE s10_range (
  id            INTEGER PRIMARY KEY,
  prefix        TEXT NOT NULL CHECK (length(prefix) = 2),
  country       TEXT NOT NULL CHECK (length(country) = 2),
  start_serial  INTEGER NOT NULL CHECK (start_serial BETWEEN 0 AND 99999999),
  end_serial    INTEGER NOT NULL CHECK (end_serial >= start_serial AND end_serial <= 99999999),
  last_used     INTEGER,
  created_at    TEXT NOT NULL,
  created_by    INTEGER REFERENCES app_user (id)
);

-- One sequence per point per day: <point>-<yymmdd>-<NNNN>.
CREATE TABLE dossier_sequence (
  point_code  TEXT NOT NULL,
  day         TEXT NOT NULL,
  last        INTEGER NOT NULL,
  PRIMARY KEY (point_code, day)
) WITHOUT ROWID;

CREATE TABLE dossier (
  id                 INTEGER PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  -- The same confirm request twice is the same dossier.
  idempotency_key    TEXT NOT NULL UNIQUE,
  item_number        TEXT UNIQUE,
  procedure_id       INTEGER NOT NULL REFERENCES procedure (id),
  procedure_code     TEXT NOT NULL,
  procedure_name     TEXT NOT NULL,
  agency             TEXT NOT NULL,
  service            TEXT NOT NULL CHECK (service IN ('send', 'return', 'both')),
  applicant          TEXT NOT NULL,   -- JSON: idNumber, fullName, dateOfBirth, sex, address, phone, email
  applicant_id       TEXT,            -- for lookups: the 12-digit ID number
  applicant_name     TEXT NOT NULL,
  applicant_folded   TEXT NOT NULL,   -- name without diacritics, lower case: search
  applicant_phone    TEXT,
  representative     TEXT,            -- JSON, when an authorised person hands the dossier in
  delivery           TEXT NOT NULL,   -- JSON: address / pickup here / pickup at another point
  checklist          TEXT NOT NULL,   -- JSON snapshot: questions, items as checked, against procedure_id's version
  originals          INTEGER NOT NULL DEFAULT 0,
  copies             INTEGER NOT NULL DEFAULT 0,
  received_at        TEXT NOT NULL,
  received_day       TEXT NOT NULL,
  received_by        INTEGER NOT NULL REFERENCES app_user (id),
  agency_receives_on TEXT,
  result_date        TEXT,
  payment_method     TEXT NOT NULL CHECK (payment_method IN ('cash', 'transfer', 'none')),
  total_amount       INTEGER NOT NULL,
  log_book_number    TEXT NOT NULL,    -- "0123/2026": a running number per point per year (sổ theo dõi)
  status             TEXT NOT NULL,
  status_at          TEXT NOT NULL
);
CREATE INDEX dossier_applicant_id ON dossier (applicant_id);
CREATE INDEX dossier_applicant_phone ON dossier (applicant_phone);
CREATE INDEX dossier_status ON dossier (status, received_day);
CREATE INDEX dossier_received_day ON dossier (received_day);

-- What was received, from whom, for how much is fixed once confirmed; only the derived
-- status moves (with its events), and corrections are new ledger lines.
CREATE TRIGGER dossier_facts_immutable
BEFORE UPDATE OF code, idempotency_key, item_number, procedure_id, procedure_code, procedure_name, agency, service,
  applicant, applicant_id, applicant_name, applicant_folded, applicant_phone, representative, delivery, checklist,
  originals, copies, received_at, received_day, received_by, payment_method, total_amount, log_book_number ON dossier
BEGIN
  SELECT RAISE(ABORT, 'dossier facts are immutable: record an event or a reversal');
END;
CREATE TRIGGER dossier_no_delete BEFORE DELETE ON dossier
BEGIN
  SELECT RAISE(ABORT, 'dossiers are never deleted');
END;

CREATE TABLE dossier_event (
  id          INTEGER PRIMARY KEY,
  dossier_id  INTEGER NOT NULL REFERENCES dossier (id),
  at          TEXT NOT NULL,
  type        TEXT NOT NULL,
  user_id     INTEGER REFERENCES app_user (id),
  detail      TEXT
);
CREATE INDEX dossier_event_dossier ON dossier_event (dossier_id, id);
CREATE TRIGGER dossier_event_no_update BEFORE UPDATE ON dossier_event
BEGIN
  SELECT RAISE(ABORT, 'dossier_event is append-only');
END;
CREATE TRIGGER dossier_event_no_delete BEFORE DELETE ON dossier_event
BEGIN
  SELECT RAISE(ABORT, 'dossier_event is append-only');
END;

-- Every money movement is a line; corrections are reversal lines that point at the original.
CREATE TABLE ledger_entry (
  id              INTEGER PRIMARY KEY,
  at              TEXT NOT NULL,
  day             TEXT NOT NULL,
  user_id         INTEGER NOT NULL REFERENCES app_user (id),
  dossier_id      INTEGER REFERENCES dossier (id),
  kind            TEXT NOT NULL CHECK (kind IN ('phi', 'le_phi', 'postal_send', 'postal_return', 'cod', 'reversal', 'agency_handover', 'transfer_received')),
  label           TEXT NOT NULL,
  agency          TEXT,           -- fees collected on this agency's behalf
  amount          INTEGER NOT NULL,
  payment_method  TEXT NOT NULL CHECK (payment_method IN ('cash', 'transfer', 'none')),
  reverses        INTEGER REFERENCES ledger_entry (id),
  note            TEXT
);
CREATE INDEX ledger_entry_day ON ledger_entry (day, kind);
CREATE INDEX ledger_entry_dossier ON ledger_entry (dossier_id);
CREATE INDEX ledger_entry_reverses ON ledger_entry (reverses) WHERE reverses IS NOT NULL;
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
BEGIN
  SELECT RAISE(ABORT, 'ledger_entry is append-only: post a reversal');
END;
CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
BEGIN
  SELECT RAISE(ABORT, 'ledger_entry is append-only: post a reversal');
END;

-- "Guided, not received": a supplement slip handed to a citizen whose dossier was incomplete.
CREATE TABLE guidance_slip (
  id              INTEGER PRIMARY KEY,
  at              TEXT NOT NULL,
  day             TEXT NOT NULL,
  user_id         INTEGER NOT NULL REFERENCES app_user (id),
  procedure_id    INTEGER NOT NULL REFERENCES procedure (id),
  applicant_name  TEXT,
  missing         TEXT NOT NULL,   -- JSON lines as printed
  -- A retried request is the same slip (counted once in "guided, not received").
  idempotency_key TEXT NOT NULL UNIQUE
);
CREATE INDEX guidance_slip_day ON guidance_slip (day);
CREATE TRIGGER guidance_slip_no_update BEFORE UPDATE ON guidance_slip
BEGIN
  SELECT RAISE(ABORT, 'guidance_slip is append-only');
END;
CREATE TRIGGER guidance_slip_no_delete BEFORE DELETE ON guidance_slip
BEGIN
  SELECT RAISE(ABORT, 'guidance_slip is append-only');
END;

-- A half-done reception, saved as the clerk works, offered back after a crash or restart.
CREATE TABLE reception_draft (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES app_user (id),
  updated_at  TEXT NOT NULL,
  data        TEXT NOT NULL
);
CREATE INDEX reception_draft_user ON reception_draft (user_id, updated_at);
