import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../../shared/api/errors';
import { verifySeals, type SealCheck } from '../services/dayClose/seal';
import { verifyDossierStatus, type DossierStatusCheck } from '../services/dayClose/statusCheck';

export type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Numbered `NNN_name.sql` files, in order; a gap or a duplicate number is a packaging error. */
export function loadMigrations(dir = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering broken at ${m.version}_${m.name} (expected ${i + 1})`);
  });
  return migrations;
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron); default: the one next to the package. */
  nativeBinding?: string;
  migrationsDir?: string;
  /** Apply migrations up to this version only (migration tests). */
  targetVersion?: number;
  readonly?: boolean;
}

/**
 * Opens the one connection main owns. WAL + synchronous=FULL: a dossier confirmed
 * to the clerk survives a power cut. Refuses a database written by a newer app.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    migrate(db, loadMigrations(options.migrationsDir), options.targetVersion);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: Migration[], target = migrations.length): void {
  const current = schemaVersion(db);
  const supported = migrations.length;
  if (current > supported) throw ApiError.of('DB_NEWER', { found: current, supported });
  if (current >= target) return;
  if (db.readonly) throw new Error(`database needs migrations ${current + 1}..${target} but is open read-only`);
  // All pending migrations in one transaction: a crash mid-way leaves the old schema intact.
  db.transaction(() => {
    for (const m of migrations.slice(current, target)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

export interface DbCheck {
  integrity: string[];
  foreignKeyViolations: number;
  schemaVersion: number;
  latestVersion: number;
  journalMode: string;
  /** Every closed day recomputed against its seal (hash chain), and the running fee balances. */
  seals: SealCheck;
  /** Every dossier's stored status against the fold of its history (`deriveState`). */
  dossierStatus: DossierStatusCheck;
}

export function checkDatabase(db: Db, migrationsDir?: string): DbCheck {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const fk = db.pragma('foreign_key_check') as unknown[];
  return {
    integrity,
    foreignKeyViolations: fk.length,
    schemaVersion: schemaVersion(db),
    latestVersion: loadMigrations(migrationsDir).length,
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    seals: verifySeals(db),
    dossierStatus: verifyDossierStatus(db),
  };
}
