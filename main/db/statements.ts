import type Database from 'better-sqlite3';
import type { Db } from './database';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * better-sqlite3 compiles SQL on every `prepare`; the hot paths (confirm, the print
 * queue) reuse one compiled statement per SQL text and connection instead.
 */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}
