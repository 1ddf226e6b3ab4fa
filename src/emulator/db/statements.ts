/**
 * Prepared-statement cache per database: hot read paths (Describe* pages) reuse their
 * statements instead of compiling the SQL on every request.
 */
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** Bound on distinct SQL texts kept per database (dynamic filter shapes stay few in practice). */
const MAX_STATEMENTS = 500;

/** The prepared statement for `sql` on `db`, compiled once and reused. */
export function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    st = db.prepare(sql);
    cache.set(sql, st);
  }
  return st;
}
