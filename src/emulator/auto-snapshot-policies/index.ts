/**
 * The auto-snapshot-policies family (product Ecs 2014-05-26): automatic snapshot policies per
 * region in SQLite (Create/DescribeEx/ModifyEx/Delete) and the disks each applies to
 * (Apply/Cancel; RunInstances SystemDisk/DataDisk.N.AutoSnapshotPolicyId through the queries).
 * The disks family asks this one which policy a disk follows (DescribeDisks). No snapshot is taken
 * on the schedule.
 */
import type Database from 'better-sqlite3';
import { type Family } from '../context.js';
import { autoSnapshotPolicyActions, autoSnapshotPolicyErrors } from '../../spec/ecs/auto-snapshot-policies.js';
import * as handlers from './handlers.js';
import { applyToDisk, autoSnapshotPolicies, autoSnapshotPolicyMigrations, insertAutoSnapshotPolicy, policyOfDisk } from './repository.js';

declare module '../context.js' {
  interface FamilyQueries {
    autoSnapshotPolicies: AutoSnapshotPolicyQueries;
  }
}

export interface AutoSnapshotPolicyQueries {
  /** True when the account has the policy in the region. */
  exists(db: Database.Database, accountId: number, regionId: string, id: string): boolean;
  /** The policy the disk follows, or ''. */
  ofDisk(db: Database.Database, diskId: string): string;
  /** The disk follows the policy from now on. */
  apply(db: Database.Database, policyId: string, diskId: string): void;
}

/** The automatic snapshot policy every account starts with in its default region. */
export const seededAutoSnapshotPolicyId = (accountId: number) => `sp-default-${accountId}`;

export const autoSnapshotPoliciesFamily: Family = {
  name: 'auto-snapshot-policies',
  product: 'Ecs',
  specs: autoSnapshotPolicyActions,
  handlers,
  errors: autoSnapshotPolicyErrors,
  migrations: autoSnapshotPolicyMigrations,
  queries: {
    autoSnapshotPolicies: {
      exists: (db, accountId, regionId, id) => autoSnapshotPolicies.find(db, accountId, regionId, id) !== undefined,
      ofDisk: policyOfDisk,
      apply: applyToDisk,
    },
  },
  seed(db, account, settings) {
    // Idempotent: account seeds run at every start.
    if (!account) return;
    const id = seededAutoSnapshotPolicyId(account.accountId);
    if (autoSnapshotPolicies.find(db, account.accountId, settings.defaultRegionId, id)) return;
    insertAutoSnapshotPolicy(db, {
      id,
      accountId: account.accountId,
      regionId: settings.defaultRegionId,
      name: 'default-policy',
      timePoints: '["1"]',
      repeatWeekdays: '["1","2","3","4","5","6","7"]',
      retentionDays: 7,
      resourceGroupId: '',
      createdAt: Date.parse('2024-01-01T00:00:00Z'),
    });
  },
};
