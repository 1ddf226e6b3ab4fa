/**
 * Resource groups of an account (the Resource Manager view ECS relies on). Other families call
 * these functions: the resource-manager family lists groups, image/instance handlers validate
 * `ResourceGroupId`, and {@link registerGroupMember} lets any family's resources join groups
 * through ECS JoinResourceGroup.
 */
import type Database from 'better-sqlite3';

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
 * Moves one resource of a family into a group. Returns false when the resource does not exist
 * in that account and region (JoinResourceGroup then answers InvalidResourceId.NotFound).
 */
export type GroupMove = (
  db: Database.Database,
  accountId: number,
  regionId: string,
  resourceId: string,
  resourceGroupId: string,
) => boolean;

const members = new Map<string, GroupMove>();

/** Let resources of `resourceType` (JoinResourceGroup spelling: `image`, `securitygroup`, ...) join groups. */
export function registerGroupMember(resourceType: string, move: GroupMove): void {
  members.set(resourceType, move);
}

/** The mover registered for a resource type, if any. */
export function groupMember(resourceType: string): GroupMove | undefined {
  return members.get(resourceType);
}
