-- Counter devices and the print queue. Every print job is written here before a
-- byte is sent, so a job survives a crash and a printer that is off; its history
-- of states is append-only.

CREATE TABLE device (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('receipt_printer', 'label_printer', 'scanner')),
  transport       TEXT NOT NULL,             -- JSON TransportConfig
  profile_id      TEXT,                      -- printers: a built-in profile id
  text_mode       TEXT,                      -- receipt printers: the Vietnamese mode the self-test chose
  options         TEXT,                      -- JSON: scanner framing, label size…
  is_default      INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  builtin         INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX device_one_default_per_kind ON device (kind) WHERE is_default = 1;

-- The emulated twins: always there, the defaults until real devices are configured.
INSERT INTO device (name, kind, transport, profile_id, text_mode, options, is_default, builtin, created_at, updated_at) VALUES
  ('Máy in hóa đơn giả lập', 'receipt_printer', '{"kind":"emulated"}', 'epson-tm-80', 'tcvn3', NULL, 1, 1, '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
  ('Máy in nhãn giả lập',    'label_printer',   '{"kind":"emulated"}', 'zpl-203', NULL, '{"widthMm":100,"heightMm":60}', 1, 1, '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
  ('Máy quét giả lập',       'scanner',         '{"kind":"emulated"}', NULL, NULL, '{"framing":{"mode":"suffix","suffix":"CR"}}', 1, 1, '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z');

CREATE TABLE print_job (
  id               INTEGER PRIMARY KEY,
  -- The same key twice is the same job: a double click or a retried request never prints twice.
  idempotency_key  TEXT NOT NULL UNIQUE,
  device_id        INTEGER NOT NULL REFERENCES device (id),
  kind             TEXT NOT NULL CHECK (kind IN ('receipt', 'label', 'self_test')),
  title            TEXT NOT NULL,
  document         TEXT NOT NULL,            -- JSON PrintDocument, or {"selfTest":true}
  reprint_of       INTEGER REFERENCES print_job (id),
  state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'printed', 'sent_unconfirmed', 'failed', 'held', 'cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  -- Set when the current attempt starts writing the job's bytes: before that a crash lost
  -- nothing on paper and the job is simply resent; after it, the clerk decides.
  transmit_started_at TEXT,
  next_attempt_at  TEXT,
  last_error       TEXT,
  created_by       INTEGER REFERENCES app_user (id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  printed_at       TEXT
);
CREATE INDEX print_job_pending ON print_job (device_id, state, id) WHERE state IN ('queued', 'sending', 'failed');

CREATE TABLE print_job_event (
  id        INTEGER PRIMARY KEY,
  job_id    INTEGER NOT NULL REFERENCES print_job (id),
  at        TEXT NOT NULL,
  state     TEXT NOT NULL,
  detail    TEXT
);
CREATE INDEX print_job_event_job ON print_job_event (job_id, id);

CREATE TRIGGER print_job_event_no_update BEFORE UPDATE ON print_job_event
BEGIN
  SELECT RAISE(ABORT, 'print_job_event is append-only');
END;
CREATE TRIGGER print_job_event_no_delete BEFORE DELETE ON print_job_event
BEGIN
  SELECT RAISE(ABORT, 'print_job_event is append-only');
END;
