-- The transaction point this installation serves, its users, settings, and the
-- append-only audit trail of every state change (who and when).

CREATE TABLE transaction_point (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  province    TEXT NOT NULL,
  commune     TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('transaction_point', 'service_center')),
  created_at  TEXT NOT NULL
);

CREATE TABLE app_user (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  full_name      TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('clerk', 'manager', 'admin')),
  password_hash  TEXT NOT NULL,
  disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at     TEXT NOT NULL
);

CREATE TABLE setting (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_id    INTEGER REFERENCES app_user (id),
  action     TEXT NOT NULL,
  entity     TEXT,
  entity_id  TEXT,
  detail     TEXT
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
