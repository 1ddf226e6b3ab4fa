/**
 * The queries every small per-region table answers (deployment sets, HPC clusters): one row by id
 * within an account and region, the account's rows in a region newest first (`created_at`), a
 * change of some columns, a delete. The table keeps `id`, `account_id`, `region_id` and `created_at`.
 */
import type Database from 'better-sqlite3';
import type { Row } from './rows.js';

/** Where a handler works: its database, account and region (a HandlerContext has them). */
export interface TableScope {
  db: Database.Database;
  account: { accountId: number };
  regionId: string;
}

export interface RegionalTable<R> {
  /** The row of the scope's account and region, or the error `notFound` makes. */
  need(scope: TableScope, id: string, notFound: () => Error): R;
  /** Throws the error `full` makes when the scope's account already has `quota` rows in the region. */
  checkQuota(scope: TableScope, quota: number, full: () => Error): void;
  find(db: Database.Database, accountId: number, regionId: string, id: string): R | undefined;
  /** The account's rows in the region, newest first. */
  list(db: Database.Database, accountId: number, regionId: string): R[];
  /** Set the given columns (an undefined value leaves its column as it is). */
  update(db: Database.Database, id: string, columns: Readonly<Record<string, string | number | undefined>>): void;
  remove(db: Database.Database, id: string): void;
}

export function regionalTable<R>(name: string, toRecord: (row: Row) => R): RegionalTable<R> {
  const table: RegionalTable<R> = {
    need(scope, id, notFound) {
      const row = table.find(scope.db, scope.account.accountId, scope.regionId, id);
      if (row === undefined) throw notFound();
      return row;
    },
    checkQuota(scope, quota, full) {
      if (table.list(scope.db, scope.account.accountId, scope.regionId).length >= quota) throw full();
    },
    find(db, accountId, regionId, id) {
      const row = db.prepare(`SELECT * FROM ${name} WHERE id = ? AND account_id = ? AND region_id = ?`).get(id, accountId, regionId);
      return row === undefined ? undefined : toRecord(row as Row);
    },
    list(db, accountId, regionId) {
      const rows = db
        .prepare(`SELECT * FROM ${name} WHERE account_id = ? AND region_id = ? ORDER BY created_at DESC, id`)
        .all(accountId, regionId);
      return (rows as Row[]).map(toRecord);
    },
    update(db, id, columns) {
      const set = Object.entries(columns).filter((e): e is [string, string | number] => e[1] !== undefined);
      if (set.length === 0) return;
      db.prepare(`UPDATE ${name} SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...set.map(([, v]) => v), id);
    },
    remove(db, id) {
      db.prepare(`DELETE FROM ${name} WHERE id = ?`).run(id);
    },
  };
  return table;
}
