/**
 * Resource groups of an account (the Resource Manager view ECS relies on). Other families call
 * these functions: the resource-manager family lists groups, and handlers that create resources
 * resolve their `ResourceGroupId` with {@link resolveResourceGroup}. Resources join groups through
 * ECS JoinResourceGroup with their family's `groupMembers`.
 */
import type Database from 'better-sqlite3';
import { apiError, type HandlerContext } from '../context.js';

export interface ResourceGroupRecord {
  id: string;
  accountId: number;
  /** Unique name within the account (`default`, `dev`, `prod`). */
  name: string;
  displayName: string;
  status: 'OK';
  isDefault: boolean;
  /** ISO-8601 UTC, `yyyy-MM-ddTHH:mm:ssZ`. */
  createDate: string;
}

interface Row {
  id: string;
  account_id: number;
  name: string;
  display_name: string;
  status: 'OK';
  is_default: number;
  create_date: string;
}

const toRecord = (r: Row): ResourceGroupRecord => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  displayName: r.display_name,
  status: r.status,
  isDefault: r.is_default === 1,
  createDate: r.create_date,
});

/** The group with this id in the account, or undefined (other accounts' groups are invisible). */
export function findResourceGroup(db: Database.Database, accountId: number, id: string): ResourceGroupRecord | undefined {
  const row = db.prepare('SELECT * FROM resource_groups WHERE account_id = ? AND id = ?').get(accountId, id) as Row | undefined;
  return row && toRecord(row);
}

/** The account's default group (seeded with every account). Throws if the seed is missing. */
export function defaultResourceGroup(db: Database.Database, accountId: number): ResourceGroupRecord {
  const row = db.prepare('SELECT * FROM resource_groups WHERE account_id = ? AND is_default = 1').get(accountId) as Row | undefined;
  if (!row) throw new Error(`emulator bug: account ${accountId} has no default resource group`);
  return toRecord(row);
}

/** Every group of the account, default first, then by creation date and id. */
export function listResourceGroups(db: Database.Database, accountId: number): ResourceGroupRecord[] {
  const rows = db
    .prepare('SELECT * FROM resource_groups WHERE account_id = ? ORDER BY is_default DESC, create_date, id')
    .all(accountId) as Row[];
  return rows.map(toRecord);
}

/** Insert a group; ignored when the id already exists (seeds run again after restarts). */
export function insertResourceGroup(db: Database.Database, g: ResourceGroupRecord): void {
  db.prepare(
    'INSERT OR IGNORE INTO resource_groups (id, account_id, name, display_name, status, is_default, create_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(g.id, g.accountId, g.name, g.displayName, g.status, g.isDefault ? 1 : 0, g.createDate);
}

/**
 * The group of a new resource: the given id when it exists in the account, else the account's
 * default group; an unknown id answers `notFoundCode` (each API spells it its own way).
 */
export function resolveResourceGroup(
  ctx: HandlerContext,
  id: string | undefined,
  notFoundCode: string,
  message = `The specified ResourceGroupId "${id}" does not exist in this account.`,
): string {
  if (id === undefined || id === '') return defaultResourceGroup(ctx.db, ctx.account.accountId).id;
  if (!findResourceGroup(ctx.db, ctx.account.accountId, id)) throw apiError(notFoundCode, message);
  return id;
}
