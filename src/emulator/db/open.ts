/**
 * Opening the emulator database.
 *
 * Durability choice: WAL with `synchronous=FULL`. WAL+NORMAL already survives a
 * `kill -9` of the process once a commit returned (the WAL frames are in the OS cache),
 * but FULL also fsyncs the WAL on every commit, so an answered request survives a
 * machine crash too; the cost (one fsync per mutating request) is small at emulator scale.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Open (creating folders as needed) a database file, or `:memory:`. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
