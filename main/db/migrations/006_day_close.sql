-- The end of the day: blind cash counts, shift and day closes (the day close sealed in a hash
-- chain), incidents (lost / damaged), and two running aggregates kept in step by triggers so the
-- X / Z reports and the reports upward read a few hundred rows instead of millions. A closed day
-- stays closed: the triggers at the end refuse anything dated on it.

-- Every count is kept (a recount does not erase the first): what the clerk counted, when, and
-- what the ledger expected at that moment (shown only after the count was recorded).
CREATE TABLE cash_count (
  id                  INTEGER PRIMARY KEY,
  scope               TEXT NOT NULL CHECK (scope IN ('shift', 'day')),
  -- shift: the Vietnam day of the count; day: the day counted.
  day                 TEXT NOT NULL,
  at                  TEXT NOT NULL,
  user_id             INTEGER NOT NULL REFERENCES app_user (id),
  denominations       TEXT NOT NULL,   -- JSON [[value, count], …], biggest note first
  cash_counted        INTEGER NOT NULL CHECK (cash_counted >= 0),
  transfer_confirmed  INTEGER NOT NULL,
  cash_expected       INTEGER NOT NULL,
  transfer_expected   INTEGER NOT NULL,
  -- The ledger lines expected: shift, the clerk's lines with after_ledger_id < id <= last_ledger_id;
  -- day, the day's lines up to last_ledger_id. A line added after the count makes it stale.
  after_ledger_id     INTEGER NOT NULL,
  last_ledger_id      INTEGER NOT NULL,
  line_count          INTEGER NOT NULL,
  idempotency_key     TEXT NOT NULL UNIQUE
);
CREATE INDEX cash_count_user ON cash_count (scope, user_id, id);
CREATE INDEX cash_count_day ON cash_count (scope, day, id);
CREATE TRIGGER cash_count_no_update BEFORE UPDATE ON cash_count
BEGIN
  SELECT RAISE(ABORT, 'cash_count is append-only');
END;
CREATE TRIGGER cash_count_no_delete BEFORE DELETE ON cash_count
BEGIN
  SELECT RAISE(ABORT, 'cash_count is append-only');
END;

-- A clerk's shift: their ledger lines since their previous shift close.
CREATE TABLE shift_close (
  id                  INTEGER PRIMARY KEY,
  clerk_id            INTEGER NOT NULL REFERENCES app_user (id),
  day                 TEXT NOT NULL,
  opened_at           TEXT,            -- the first line's time (NULL: no line in the shift)
  closed_at           TEXT NOT NULL,
  after_ledger_id     INTEGER NOT NULL,
  last_ledger_id      INTEGER NOT NULL,
  line_count          INTEGER NOT NULL,
  count_id            INTEGER NOT NULL UNIQUE REFERENCES cash_count (id),
  cash_expected       INTEGER NOT NULL,
  cash_counted        INTEGER NOT NULL,
  transfer_expected   INTEGER NOT NULL,
  transfer_confirmed  INTEGER NOT NULL,
  reason              TEXT,
  approved_by         INTEGER REFERENCES app_user (id),
  money               TEXT NOT NULL,   -- JSON [{kind, paymentMethod, lines, amount}] as closed
  idempotency_key     TEXT NOT NULL UNIQUE
);
CREATE INDEX shift_close_clerk ON shift_close (clerk_id, id);
CREATE INDEX shift_close_day ON shift_close (day);
CREATE TRIGGER shift_close_no_update BEFORE UPDATE ON shift_close
BEGIN
  SELECT RAISE(ABORT, 'shift_close is append-only');
END;
CREATE TRIGGER shift_close_no_delete BEFORE DELETE ON shift_close
BEGIN
  SELECT RAISE(ABORT, 'shift_close is append-only');
END;

-- The manager's close of a day. `report` is the Z report exactly as sealed (reprints show it);
-- the digests are sha256 of the canonical serialization of the day's ledger lines, dossier events,
-- guidance slips and counts (the close's own columns, the remittance among them, are in the count
-- digest); hash = sha256(prev_hash, the four digests and the digest of the stored report), chained
-- by sequence (main/services/dayClose/seal.ts). cash_remitted: the cash counted that leaves the
-- office at the close (to the bank or the provincial post, slip in remittance_note); the next day's
-- opening float is cash_counted - cash_remitted.
CREATE TABLE day_close (
  id                  INTEGER PRIMARY KEY,
  sequence            INTEGER NOT NULL UNIQUE,
  point_code          TEXT NOT NULL,
  day                 TEXT NOT NULL UNIQUE,
  closed_at           TEXT NOT NULL,
  closed_by           INTEGER NOT NULL REFERENCES app_user (id),
  count_id            INTEGER NOT NULL UNIQUE REFERENCES cash_count (id),
  cash_expected       INTEGER NOT NULL,
  cash_counted        INTEGER NOT NULL,
  transfer_expected   INTEGER NOT NULL,
  transfer_confirmed  INTEGER NOT NULL,
  reason              TEXT,
  approved_by         INTEGER REFERENCES app_user (id),
  override_reason     TEXT,
  cash_remitted       INTEGER NOT NULL DEFAULT 0 CHECK (cash_remitted >= 0),
  remittance_note     TEXT,
  report              TEXT NOT NULL,
  ledger_digest       TEXT NOT NULL,
  events_digest       TEXT NOT NULL,
  slips_digest        TEXT NOT NULL,
  count_digest        TEXT NOT NULL,
  prev_hash           TEXT NOT NULL,
  hash                TEXT NOT NULL UNIQUE,
  idempotency_key     TEXT NOT NULL UNIQUE
);
CREATE TRIGGER day_close_no_update BEFORE UPDATE ON day_close
BEGIN
  SELECT RAISE(ABORT, 'day_close is append-only');
END;
CREATE TRIGGER day_close_no_delete BEFORE DELETE ON day_close
BEGIN
  SELECT RAISE(ABORT, 'day_close is append-only');
END;

-- A dossier or result lost or damaged in the post's hands (quality indicator: safety).
CREATE TABLE incident (
  id               INTEGER PRIMARY KEY,
  dossier_id       INTEGER NOT NULL REFERENCES dossier (id),
  kind             TEXT NOT NULL CHECK (kind IN ('lost', 'damaged')),
  note             TEXT NOT NULL,
  at               TEXT NOT NULL,
  day              TEXT NOT NULL,
  user_id          INTEGER NOT NULL REFERENCES app_user (id),
  idempotency_key  TEXT NOT NULL UNIQUE
);
CREATE INDEX incident_day ON incident (day);
CREATE INDEX incident_dossier ON incident (dossier_id);
CREATE TRIGGER incident_no_update BEFORE UPDATE ON incident
BEGIN
  SELECT RAISE(ABORT, 'incident is append-only');
END;
CREATE TRIGGER incident_no_delete BEFORE DELETE ON incident
BEGIN
  SELECT RAISE(ABORT, 'incident is append-only');
END;

-- ── Indexes the reports and the seal read by ──
-- The seal reads a day's events by time; shifts read a clerk's lines after a given line.
CREATE INDEX dossier_event_at ON dossier_event (at);
CREATE INDEX ledger_entry_user ON ledger_entry (user_id, id);
-- Print jobs still to print (a few), and reprints by time (few), out of millions of jobs.
CREATE INDEX print_job_open ON print_job (created_at) WHERE state NOT IN ('printed', 'cancelled', 'sent_unconfirmed');
CREATE INDEX print_job_reprint ON print_job (created_at) WHERE reprint_of IS NOT NULL;

-- ── Running aggregates (derived; `db check` recomputes them) ──

-- Per Vietnam day, metric and procedure row: metric = a dossier event type, 'guided' (supplement
-- slip), 'delivered_on_time' / 'delivered_late' (delivered vs the promised result date).
CREATE TABLE dossier_activity (
  day           TEXT NOT NULL,
  metric        TEXT NOT NULL,
  procedure_id  INTEGER NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (day, metric, procedure_id)
) WITHOUT ROWID;

INSERT INTO dossier_activity (day, metric, procedure_id, n)
  SELECT date(e.at, '+7 hours'), e.type, d.procedure_id, count(*)
  FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
  GROUP BY 1, 2, 3;
INSERT INTO dossier_activity (day, metric, procedure_id, n)
  SELECT date(e.at, '+7 hours'),
         CASE WHEN date(e.at, '+7 hours') <= d.result_date THEN 'delivered_on_time' ELSE 'delivered_late' END,
         d.procedure_id, count(*)
  FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
  WHERE e.type = 'delivered' AND d.result_date IS NOT NULL
  GROUP BY 1, 2, 3;
INSERT INTO dossier_activity (day, metric, procedure_id, n)
  SELECT day, 'guided', procedure_id, count(*) FROM guidance_slip GROUP BY 1, 3;

CREATE TRIGGER dossier_event_activity AFTER INSERT ON dossier_event
BEGIN
  INSERT INTO dossier_activity (day, metric, procedure_id, n)
    SELECT date(NEW.at, '+7 hours'), NEW.type, procedure_id, 1 FROM dossier WHERE id = NEW.dossier_id
    ON CONFLICT (day, metric, procedure_id) DO UPDATE SET n = n + 1;
  INSERT INTO dossier_activity (day, metric, procedure_id, n)
    SELECT date(NEW.at, '+7 hours'),
           CASE WHEN date(NEW.at, '+7 hours') <= result_date THEN 'delivered_on_time' ELSE 'delivered_late' END,
           procedure_id, 1
    FROM dossier WHERE id = NEW.dossier_id AND NEW.type = 'delivered' AND result_date IS NOT NULL
    ON CONFLICT (day, metric, procedure_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER guidance_slip_activity AFTER INSERT ON guidance_slip
BEGIN
  INSERT INTO dossier_activity (day, metric, procedure_id, n) VALUES (NEW.day, 'guided', NEW.procedure_id, 1)
    ON CONFLICT (day, metric, procedure_id) DO UPDATE SET n = n + 1;
END;

-- Fees collected on an agency's behalf and handed over to it, since the first line: what is still
-- owed is collected - handed_over. Reversals count with the kind of the line they reverse.
CREATE TABLE agency_fee_balance (
  agency       TEXT PRIMARY KEY,
  collected    INTEGER NOT NULL,
  handed_over  INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO agency_fee_balance (agency, collected, handed_over)
  SELECT l.agency,
         sum(CASE WHEN coalesce(o.kind, l.kind) IN ('phi', 'le_phi') THEN l.amount ELSE 0 END),
         sum(CASE WHEN coalesce(o.kind, l.kind) = 'agency_handover' THEN -l.amount ELSE 0 END)
  FROM ledger_entry l LEFT JOIN ledger_entry o ON l.kind = 'reversal' AND o.id = l.reverses
  WHERE l.agency IS NOT NULL AND coalesce(o.kind, l.kind) IN ('phi', 'le_phi', 'agency_handover')
  GROUP BY l.agency;

CREATE TRIGGER ledger_entry_agency_balance AFTER INSERT ON ledger_entry
WHEN NEW.agency IS NOT NULL
  AND (CASE WHEN NEW.kind = 'reversal' THEN (SELECT kind FROM ledger_entry WHERE id = NEW.reverses) ELSE NEW.kind END) IN ('phi', 'le_phi', 'agency_handover')
BEGIN
  INSERT INTO agency_fee_balance (agency, collected, handed_over)
    SELECT NEW.agency, CASE WHEN k IN ('phi', 'le_phi') THEN NEW.amount ELSE 0 END, CASE WHEN k = 'agency_handover' THEN -NEW.amount ELSE 0 END
    FROM (SELECT CASE WHEN NEW.kind = 'reversal' THEN (SELECT kind FROM ledger_entry WHERE id = NEW.reverses) ELSE NEW.kind END AS k) WHERE true
    ON CONFLICT (agency) DO UPDATE SET collected = collected + excluded.collected, handed_over = handed_over + excluded.handed_over;
END;

-- ── A closed day stays closed ──
-- Nothing dated on a closed day can be added (updates and deletes are refused already): the
-- message carries the day; main maps it to the clerk's Vietnamese message in one place.
CREATE TRIGGER ledger_entry_day_closed BEFORE INSERT ON ledger_entry
WHEN EXISTS (SELECT 1 FROM day_close WHERE day = NEW.day)
BEGIN
  SELECT RAISE(ABORT, 'DAY_CLOSED:' || NEW.day);
END;
CREATE TRIGGER dossier_event_day_closed BEFORE INSERT ON dossier_event
WHEN EXISTS (SELECT 1 FROM day_close WHERE day = date(NEW.at, '+7 hours'))
BEGIN
  SELECT RAISE(ABORT, 'DAY_CLOSED:' || date(NEW.at, '+7 hours'));
END;
CREATE TRIGGER guidance_slip_day_closed BEFORE INSERT ON guidance_slip
WHEN EXISTS (SELECT 1 FROM day_close WHERE day = NEW.day)
BEGIN
  SELECT RAISE(ABORT, 'DAY_CLOSED:' || NEW.day);
END;
CREATE TRIGGER dossier_day_closed BEFORE INSERT ON dossier
WHEN EXISTS (SELECT 1 FROM day_close WHERE day = NEW.received_day)
BEGIN
  SELECT RAISE(ABORT, 'DAY_CLOSED:' || NEW.received_day);
END;
CREATE TRIGGER cash_count_day_closed BEFORE INSERT ON cash_count
WHEN EXISTS (SELECT 1 FROM day_close WHERE day = NEW.day)
BEGIN
  SELECT RAISE(ABORT, 'DAY_CLOSED:' || NEW.day);
END;
CREATE TRIGGER shift_close_day_closed BEFORE INSERT ON shift_close
WHEN EXISTS (SELECT 1 FROM day_close WHERE day = NEW.day)
BEGIN
  SELECT RAISE(ABORT, 'DAY_CLOSED:' || NEW.day);
END;
CREATE TRIGGER incident_day_closed BEFORE INSERT ON incident
WHEN EXISTS (SELECT 1 FROM day_close WHERE day = NEW.day)
BEGIN
  SELECT RAISE(ABORT, 'DAY_CLOSED:' || NEW.day);
END;
