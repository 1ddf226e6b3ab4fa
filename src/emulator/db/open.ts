/**
 * Opening the emulator database.
 *
 * Durability choice: WAL with `synchronous=FULL`. WAL+NORMAL already survives a
 * `kill -9` of the process once a commit returned (the WAL frames are in the OS cache),
 * but FULL also fsyncs the WAL on every commit, so an answered request survives a
 * machine crash too; the cost (one fsync per mutating request) is small at emulator scale.
 * Read-only requests commit only their nonce and use {@link withRelaxedSync}.
 *
 * A bad path never hangs or half-opens: every failure is a {@link DatabaseOpenError}
 * whose message is one line naming the path and the reason.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Milliseconds a connection waits for another one's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** The database cannot be opened or used; the message is one line for the user. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'the file system does not allow creating it',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links',
};

const SQLITE_WORDS: [RegExp, string][] = [
  [/^SQLITE_NOTADB/, 'the file is not an SQLite database (or is encrypted or corrupt): move it away or choose another --db'],
  [/^SQLITE_CORRUPT/, 'the database file is corrupt: move it away (keep a copy) or choose another --db'],
  [/^SQLITE_CANTOPEN/, 'SQLite cannot open the file (check that it and its folder are writable)'],
  [/^SQLITE_READONLY/, 'the file or its folder is read-only (the emulator needs to write the database and its -wal/-shm files)'],
  [/^SQLITE_(IOERR|FULL)/, 'an I/O error occurred (is the disk full or the file system read-only?)'],
  [/^SQLITE_PERM/, 'permission denied'],
];

/** A short reason for a file-system or SQLite error. */
export function describeOpenFailure(err: unknown): string {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (ERRNO_WORDS[code]) return `${ERRNO_WORDS[code]} (${code})`;
  for (const [re, words] of SQLITE_WORDS) if (re.test(code)) return `${words} (${code})`;
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

function fail(path: string, reason: string): never {
  throw new DatabaseOpenError(`cannot open the emulator database "${path}": ${reason}`);
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new Error(`cannot inspect "${path}": ${describeOpenFailure(err)}`, { cause: err });
  }
}

/**
 * Create `folder` and its missing parents one level at a time (a recursive mkdir on /proc loops forever:
 * ENOENT for an existing parent). Throws an Error whose message says which path failed and why.
 */
export function createFolders(folder: string): void {
  const missing: string[] = [];
  let dir = folder;
  for (;;) {
    const st = statOrUndefined(dir);
    if (st) {
      if (!st.isDirectory()) throw new Error(`"${dir}" is a file, not a folder`);
      break;
    }
    missing.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && statSync(d).isDirectory()) continue;
      throw new Error(`cannot create the folder "${d}": ${describeOpenFailure(err)}`, { cause: err });
    }
  }
}

/** Run `fn` and turn any error into a {@link DatabaseOpenError} for `path` (errors already of that kind pass through). */
export function asOpenError<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err;
    return fail(path, describeOpenFailure(err));
  }
}

/**
 * Open (creating folders as needed) a database file, or `:memory:`. Throws
 * {@link DatabaseOpenError} for an empty path, a folder, a path through a file, a folder
 * that cannot be created or written, and a file that is not an SQLite database.
 */
export function openDatabase(path: string): Db {
  if (path.trim() === '') fail(path, 'the path is empty; give a file path, or :memory: to keep nothing');
  if (path !== ':memory:') {
    const full = resolve(path);
    const st = asOpenError(path, () => statOrUndefined(full));
    if (st?.isDirectory()) fail(path, 'it is a folder; give a file path inside it, e.g. ' + `${full.replace(/\/$/, '')}/emulator.db`);
    if (st && !st.isFile()) fail(path, 'it is not a regular file');
    if (!st) asOpenError(path, () => createFolders(dirname(full)));
  }
  return asOpenError(path, () => {
    const db = new Database(path);
    try {
      if (path !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // Reading the schema fails here, not at the first request, for a file that is not a database.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  });
}

/**
 * Run `fn` (a transaction that changes nothing a client was told about, e.g. only records a
 * signature nonce) with `synchronous=NORMAL`: its commit survives a process kill, not a power
 * loss, and costs no fsync. The next FULL commit syncs it too.
 */
export function withRelaxedSync<T>(db: Db, fn: () => T): T {
  if (db.memory) return fn();
  db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

/** True for SQLite's lock-contention errors (another connection holds the lock past the busy timeout). */
export function isBusyError(err: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown } | null)?.code ?? ''));
}
