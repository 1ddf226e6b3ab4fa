/**
 * RAM roles of an account. Role names are unique per account regardless of case (the ARN
 * spells the name in lower case); the record keeps the name as created.
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statements.js';

export interface RoleTag {
  Key: string;
  Value: string;
}

export interface RoleRecord {
  accountId: number;
  roleName: string;
  roleId: string;
  description: string;
  /** The trust policy (AssumeRolePolicyDocument) as given. */
  document: string;
  maxSessionDuration: number;
  createDate: string;
  updateDate: string;
  tags: RoleTag[];
}

interface Row {
  account_id: number;
  role_name: string;
  role_id: string;
  description: string;
  document: string;
  max_session_duration: number;
  create_date: string;
  update_date: string;
  tags: string;
}

const toRecord = (r: Row): RoleRecord => ({
  accountId: r.account_id,
  roleName: r.role_name,
  roleId: r.role_id,
  description: r.description,
  document: r.document,
  maxSessionDuration: r.max_session_duration,
  createDate: r.create_date,
  updateDate: r.update_date,
  tags: JSON.parse(r.tags) as RoleTag[],
});

/** `acs:ram::<accountId>:role/<name in lower case>`. */
export function roleArn(role: Pick<RoleRecord, 'accountId' | 'roleName'>): string {
  return `acs:ram::${role.accountId}:role/${role.roleName.toLowerCase()}`;
}

export function findRole(db: Database.Database, accountId: number, roleName: string): RoleRecord | undefined {
  const row = cachedStatement(db, 'SELECT * FROM ram_roles WHERE account_id = ? AND name_key = ?').get(
    accountId,
    roleName.toLowerCase(),
  ) as Row | undefined;
  return row && toRecord(row);
}

export function listRoles(db: Database.Database, accountId: number): RoleRecord[] {
  return (cachedStatement(db, 'SELECT * FROM ram_roles WHERE account_id = ? ORDER BY name_key').all(accountId) as Row[]).map(toRecord);
}

export function insertRole(db: Database.Database, r: RoleRecord): void {
  cachedStatement(
    db,
    `INSERT INTO ram_roles (account_id, name_key, role_name, role_id, description, document, max_session_duration, create_date, update_date, tags)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.accountId,
    r.roleName.toLowerCase(),
    r.roleName,
    r.roleId,
    r.description,
    r.document,
    r.maxSessionDuration,
    r.createDate,
    r.updateDate,
    JSON.stringify(r.tags),
  );
}

export function updateRole(db: Database.Database, r: RoleRecord): void {
  cachedStatement(
    db,
    `UPDATE ram_roles SET description = ?, document = ?, max_session_duration = ?, update_date = ?, tags = ?
     WHERE account_id = ? AND name_key = ?`,
  ).run(r.description, r.document, r.maxSessionDuration, r.updateDate, JSON.stringify(r.tags), r.accountId, r.roleName.toLowerCase());
}

export function deleteRole(db: Database.Database, accountId: number, roleName: string): void {
  cachedStatement(db, 'DELETE FROM ram_roles WHERE account_id = ? AND name_key = ?').run(accountId, roleName.toLowerCase());
}
