/**
 * One emulator per database file. Two emulators writing one file would serve two diverging
 * views and fail writes with SQLITE_BUSY_SNAPSHOT, so the second refuses to start.
 *
 * The holder is a row in `_emulator_lock` (pid, host name, process start time, address),
 * claimed inside `BEGIN IMMEDIATE`, so two starting emulators cannot both win. A row whose
 * process is gone (crash, `kill -9`) is stale and taken over: the pid must be alive on this
 * host and, where `/proc` tells, have the same start time (a reused pid is not the holder).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { DatabaseOpenError, type Db } from './open.js';

export const LOCK_TABLE = '_emulator_lock';

/** Who holds a database. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** `/proc/<pid>/stat` start time, '' where unknown. */
  procStart: string;
  /** `http://127.0.0.1:PORT` once listening, '' before. */
  address: string;
  startedAt: string;
}

/** Another live emulator holds the database; the message names it. */
export class DatabaseInUseError extends DatabaseOpenError {
  override name = 'DatabaseInUseError';
  constructor(
    readonly path: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.address ? ` serving ${holder.address}` : ' (still starting, no address yet)';
    const host = holder.hostname === hostname() ? '' : ` on host ${holder.hostname}`;
    super(
      `the database "${path}" is in use by another emulator: pid ${holder.pid}${host}${where}, started ${holder.startedAt}; ` +
        `stop it first, use it instead, or choose another --db`,
    );
  }
}

export interface DatabaseLock {
  /** Record the address once the server listens (shown to a second emulator). */
  setAddress(address: string): void;
  /** Give the database up (idempotent). */
  release(): void;
}

// Locks held by emulators of this process (a row with our own pid is live only if listed here).
const heldHere = new Set<string>();

/** Start time of a process from /proc (Linux); undefined where unavailable. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); fields after the parenthesised command name start at field 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** True while process `pid` exists (EPERM means it exists but belongs to another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderAlive(h: LockHolder & { token: string }): boolean {
  // Another host's process cannot be checked from here: treat it as alive.
  if (h.hostname !== hostname()) return true;
  if (h.pid === process.pid) return heldHere.has(h.token);
  if (!pidAlive(h.pid)) return false;
  const start = processStartTime(h.pid);
  return !(h.procStart && start !== undefined && start !== h.procStart);
}

/**
 * Claim `db` (opened from `path`) for this emulator, or throw {@link DatabaseInUseError}
 * naming the live holder. `:memory:` databases are private and need no lock.
 */
export function acquireLock(db: Db, path: string): DatabaseLock {
  if (db.memory) return { setAddress() {}, release() {} };
  const token = randomUUID();
  db.exec(`CREATE TABLE IF NOT EXISTS ${LOCK_TABLE} (
    id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT NOT NULL, pid INTEGER NOT NULL, hostname TEXT NOT NULL,
    proc_start TEXT NOT NULL, address TEXT NOT NULL, started_at TEXT NOT NULL)`);
  db.transaction(() => {
    const row = db
      .prepare(`SELECT token, pid, hostname, proc_start AS procStart, address, started_at AS startedAt FROM ${LOCK_TABLE} WHERE id = 1`)
      .get() as (LockHolder & { token: string }) | undefined;
    if (row && holderAlive(row)) throw new DatabaseInUseError(path, row);
    db.prepare(
      `INSERT OR REPLACE INTO ${LOCK_TABLE} (id, token, pid, hostname, proc_start, address, started_at) VALUES (1, ?, ?, ?, ?, '', ?)`,
    ).run(token, process.pid, hostname(), processStartTime(process.pid) ?? '', new Date().toISOString());
  }).immediate();
  heldHere.add(token);
  return {
    setAddress(address) {
      if (db.open) db.prepare(`UPDATE ${LOCK_TABLE} SET address = ? WHERE token = ?`).run(address, token);
    },
    release() {
      if (!heldHere.delete(token)) return;
      if (db.open) db.prepare(`DELETE FROM ${LOCK_TABLE} WHERE token = ?`).run(token);
    },
  };
}
