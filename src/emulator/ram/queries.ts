/** What the RAM family answers for the others: STS looks roles up, ECS checks the role it attaches to an instance. */
import type Database from 'better-sqlite3';
import { findRole, roleArn, type RoleRecord } from './repository.js';

export type { RoleRecord } from './repository.js';

declare module '../context.js' {
  interface FamilyQueries {
    ram: RamQueries;
  }
}

export interface RamQueries {
  /** The account's role by name (any case), or undefined. */
  findRole(db: Database.Database, accountId: number, roleName: string): RoleRecord | undefined;
  /** The role's ARN. */
  roleArn(role: RoleRecord): string;
}

export const ramQueries: RamQueries = { findRole, roleArn };
