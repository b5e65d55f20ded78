import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, openDatabase, schemaVersion } from '../../main/db/database';
import { tempDir } from '../support/temp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dbFile(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'test.sqlite');
}
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('are numbered without gaps and the last one is the schema version', () => {
    const all = loadMigrations();
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
    const db = openDatabase(dbFile());
    expect(schemaVersion(db)).toBe(all.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('001 creates the point, users, settings and an append-only audit log', () => {
    const db = openDatabase(dbFile(), { targetVersion: 1 });
    expect(tables(db)).toEqual(expect.arrayContaining(['transaction_point', 'app_user', 'setting', 'audit_log']));
    db.prepare("INSERT INTO audit_log (at, action) VALUES ('2026-01-01', 'x')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO app_user (username, full_name, role, password_hash, created_at) VALUES ('a','A','boss','h','t')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO transaction_point (id, code, name, province, commune, kind, created_at) VALUES (2,'a','b','c','d','transaction_point','t')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('002 creates the versioned catalogue whose rows never change', () => {
    const db = openDatabase(dbFile(), { targetVersion: 2 });
    expect(tables(db)).toEqual(expect.arrayContaining(['catalogue_version', 'procedure', 'required_document', 'catalogue_field']));
    db.prepare("INSERT INTO catalogue_version (imported_at, source_name, mode, procedure_count) VALUES ('t','s','sample',1)").run();
    db.prepare("INSERT INTO catalogue_field (name) VALUES ('Hộ tịch')").run();
    db.prepare("INSERT INTO catalogue_level (name) VALUES ('Cấp Xã')").run();
    db.prepare("INSERT INTO catalogue_agency (name) VALUES ('UBND')").run();
    db.prepare(
      `INSERT INTO procedure (version_id, code, name, field_id, level_id, agency_id, bcci_receive, bcci_return, processing_days, phi, le_phi)
       VALUES (1, '1.001193', 'Khai sinh', 1, 1, 1, 1, 1, 0, '{}', '{}')`,
    ).run();
    expect(() => db.prepare("UPDATE procedure SET name = 'x'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM procedure').run()).toThrow(/immutable/);
    expect(() =>
      db.prepare(`INSERT INTO procedure (version_id, code, name, field_id, level_id, agency_id, bcci_receive, bcci_return, processing_days, phi, le_phi)
       VALUES (1, '1.001193', 'Trùng', 1, 1, 1, 1, 1, 0, '{}', '{}')`).run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare(`INSERT INTO procedure (version_id, code, name, field_id, level_id, agency_id, bcci_receive, bcci_return, processing_days, phi, le_phi)
       VALUES (9, '1.000001', 'Không có phiên bản', 1, 1, 1, 1, 1, 0, '{}', '{}')`).run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('003 creates devices with their emulated twins as defaults, and a print queue whose history is append-only', () => {
    const db = openDatabase(dbFile(), { targetVersion: 3 });
    const devices = db.prepare('SELECT kind, is_default, builtin, transport FROM device ORDER BY id').all() as { kind: string; is_default: number; builtin: number; transport: string }[];
    expect(devices.map((d) => [d.kind, d.is_default, d.builtin, JSON.parse(d.transport).kind])).toEqual([
      ['receipt_printer', 1, 1, 'emulated'],
      ['label_printer', 1, 1, 'emulated'],
      ['scanner', 1, 1, 'emulated'],
    ]);
    expect(() => db.prepare("INSERT INTO device (name, kind, transport, is_default, created_at, updated_at) VALUES ('x', 'scanner', '{}', 1, 't', 't')").run()).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO print_job (idempotency_key, device_id, kind, title, document, state, created_at, updated_at) VALUES ('k', 1, 'receipt', 'r', '{}', 'queued', 't', 't')").run();
    expect(() => db.prepare("INSERT INTO print_job (idempotency_key, device_id, kind, title, document, state, created_at, updated_at) VALUES ('k', 1, 'receipt', 'r', '{}', 'queued', 't', 't')").run()).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO print_job_event (job_id, at, state) VALUES (1, 't', 'queued')").run();
    expect(() => db.prepare("UPDATE print_job_event SET state = 'printed'").run()).toThrow(/append-only/);
    db.close();
  });

  it('004 creates dossiers whose facts never change, and an append-only ledger, history and guidance record', () => {
    const db = openDatabase(dbFile(), { targetVersion: 4 });
    expect(tables(db)).toEqual(expect.arrayContaining(['dossier', 'dossier_event', 'ledger_entry', 'guidance_slip', 'reception_draft', 's10_range', 'dossier_sequence']));
    expect(() => db.prepare("INSERT INTO s10_range (prefix, country, start_serial, end_serial, created_at) VALUES ('EA', 'VN', 10, 5, 't')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO app_user (username, full_name, role, password_hash, created_at) VALUES ('a', 'A', 'clerk', 'h', 't')").run();
    db.prepare("INSERT INTO ledger_entry (at, day, user_id, kind, label, amount, payment_method) VALUES ('t', '2026-11-21', 1, 'phi', 'Phí', 50000, 'cash')").run();
    expect(() => db.prepare('UPDATE ledger_entry SET amount = 0').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ledger_entry').run()).toThrow(/append-only/);
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name);
    expect(triggers).toEqual(
      expect.arrayContaining(['dossier_facts_immutable', 'dossier_no_delete', 'ledger_entry_no_update', 'ledger_entry_no_delete', 'dossier_event_no_update', 'guidance_slip_no_update']),
    );
    db.close();
  });

  it('upgrades an older database in place, keeping its rows', () => {
    const file = dbFile();
    const old = openDatabase(file, { targetVersion: 1 });
    old.prepare("INSERT INTO setting (key, value) VALUES ('idleLockMinutes', '7')").run();
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    expect(db.prepare('SELECT value FROM setting').get()).toEqual({ value: '7' });
    db.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = dbFile();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/phiên bản mới hơn/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    expect(tables(check)).toEqual([]);
    check.close();
  });
});
