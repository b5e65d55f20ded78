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
