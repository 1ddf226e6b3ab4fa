/**
 * Schema migrations and seeding for every family.
 *
 * `_emulator_migrations(family, id)` records applied migrations; each one runs once, in
 * family order then list order, inside its own transaction. `_emulator_seeds(family)`
 * records the once-per-database shared seed; account seeds run at every start (they are
 * idempotent by contract) so new accounts get their defaults. Every write transaction here is
 * `BEGIN IMMEDIATE`: it takes the write lock up front (waiting the busy timeout), so another
 * connection's commit can never invalidate its snapshot halfway (SQLITE_BUSY_SNAPSHOT).
 */
import { randomUUID } from 'node:crypto';
import type { Account, EmulatorSettings, Family } from '../context.js';
import type { Db } from './open.js';

/**
 * Tables owned by the core; never dumped as family data nor wiped by reset (the lock row and
 * the signature nonces of `db/lock.ts` and `signature/nonce-store.ts` included).
 */
export const coreTables = ['_emulator_migrations', '_emulator_seeds', '_emulator_meta', '_emulator_lock', '_emulator_nonces'] as const;

/**
 * The identity of the data in a database: a random id made when the database is created and
 * again at every reset, so a Terraform state can tell whether it was made against this data.
 */
export interface DatabaseIdentity {
  id: string;
  createdAt: string;
}

function newIdentity(db: Db): void {
  const id = `db-${randomUUID()}`;
  db.prepare("INSERT OR REPLACE INTO _emulator_meta (key, value) VALUES ('database_id', ?), ('database_created_at', ?)").run(
    id,
    new Date().toISOString(),
  );
}

/** The database's identity (see {@link DatabaseIdentity}). */
export function databaseIdentity(db: Db): DatabaseIdentity {
  const rows = db.prepare('SELECT key, value FROM _emulator_meta').all() as { key: string; value: string }[];
  const get = (k: string) => rows.find((r) => r.key === k)?.value ?? '';
  return { id: get('database_id'), createdAt: get('database_created_at') };
}

export function applyMigrations(db: Db, families: readonly Family[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS _emulator_migrations (
    family TEXT NOT NULL, id TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (family, id))`);
  db.exec(`CREATE TABLE IF NOT EXISTS _emulator_seeds (family TEXT PRIMARY KEY, seeded_at TEXT NOT NULL)`);
  db.exec(`CREATE TABLE IF NOT EXISTS _emulator_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  if (!databaseIdentity(db).id) newIdentity(db);
  const applied = db.prepare('SELECT 1 FROM _emulator_migrations WHERE family = ? AND id = ?');
  const record = db.prepare('INSERT INTO _emulator_migrations (family, id, applied_at) VALUES (?, ?, ?)');
  for (const family of families) {
    for (const m of family.migrations) {
      if (applied.get(family.name, m.id)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        record.run(family.name, m.id, new Date().toISOString());
      }).immediate();
    }
  }
}

export interface SeedOptions {
  accounts: readonly Account[];
  settings: EmulatorSettings;
  newId: (prefix: string) => string;
  now: Date;
}

export function applySeeds(db: Db, families: readonly Family[], o: SeedOptions): void {
  const seeded = db.prepare('SELECT 1 FROM _emulator_seeds WHERE family = ?');
  const record = db.prepare('INSERT INTO _emulator_seeds (family, seeded_at) VALUES (?, ?)');
  db.transaction(() => {
    for (const family of families) {
      if (!family.seed) continue;
      if (!seeded.get(family.name)) {
        family.seed(db, null, o.settings, o.newId, o.now);
        record.run(family.name, o.now.toISOString());
      }
      for (const account of o.accounts) family.seed(db, account, o.settings, o.newId, o.now);
    }
  }).immediate();
}

/** Names of the family tables (everything but SQLite's and the core's own). */
export function dataTables(db: Db): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
  }[];
  return rows.map((r) => r.name).filter((n) => !(coreTables as readonly string[]).includes(n));
}

/** Delete every row of every family table and forget the shared seeds (schema stays); the data gets a new identity. */
export function wipeData(db: Db): void {
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const t of dataTables(db)) db.prepare(`DELETE FROM "${t.replace(/"/g, '""')}"`).run();
      db.prepare('DELETE FROM _emulator_seeds').run();
      newIdentity(db);
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
