/**
 * The queries every small per-region table answers (deployment sets, HPC clusters): one row by id
 * within an account and region, the account's rows in a region newest first (`created_at`), a
 * change of some columns, a delete. The table keeps `id`, `account_id`, `region_id` and `created_at`.
 */
import type Database from 'better-sqlite3';
import type { Row } from './rows.js';

export interface RegionalTable<R> {
  find(db: Database.Database, accountId: number, regionId: string, id: string): R | undefined;
  /** The account's rows in the region, newest first. */
  list(db: Database.Database, accountId: number, regionId: string): R[];
  /** Set the given columns (an undefined value leaves its column as it is). */
  update(db: Database.Database, id: string, columns: Readonly<Record<string, string | number | undefined>>): void;
  remove(db: Database.Database, id: string): void;
}

export function regionalTable<R>(table: string, toRecord: (row: Row) => R): RegionalTable<R> {
  return {
    find(db, accountId, regionId, id) {
      const row = db.prepare(`SELECT * FROM ${table} WHERE id = ? AND account_id = ? AND region_id = ?`).get(id, accountId, regionId);
      return row === undefined ? undefined : toRecord(row as Row);
    },
    list(db, accountId, regionId) {
      const rows = db
        .prepare(`SELECT * FROM ${table} WHERE account_id = ? AND region_id = ? ORDER BY created_at DESC, id`)
        .all(accountId, regionId);
      return (rows as Row[]).map(toRecord);
    },
    update(db, id, columns) {
      const set = Object.entries(columns).filter((e): e is [string, string | number] => e[1] !== undefined);
      if (set.length === 0) return;
      db.prepare(`UPDATE ${table} SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...set.map(([, v]) => v), id);
    },
    remove(db, id) {
      db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    },
  };
}
