/**
 * The hpc-clusters family (product Ecs 2014-05-26): HPC clusters per region in SQLite
 * (Create/Describe/ModifyAttribute/Delete). Their members are SCC instances: the instances family
 * keeps each instance's cluster and asks this family whether it exists (queries); this family asks
 * the instances family who the members are before a delete.
 */
import type Database from 'better-sqlite3';
import { type Family } from '../context.js';
import { hpcClusterActions, hpcClusterErrors } from '../../spec/ecs/hpc-clusters.js';
import * as handlers from './handlers.js';
import { hpcClusterMigrations, hpcClusters, insertHpcCluster } from './repository.js';

declare module '../context.js' {
  interface FamilyQueries {
    hpcClusters: HpcClusterQueries;
  }
}

export interface HpcClusterQueries {
  /** True when the account has the HPC cluster in the region. */
  exists(db: Database.Database, accountId: number, regionId: string, id: string): boolean;
}

/** The HPC cluster every account starts with in its default region (import examples). */
export const seededHpcClusterId = (accountId: number) => `hpc-default-${accountId}`;

export const hpcClustersFamily: Family = {
  name: 'hpc-clusters',
  product: 'Ecs',
  specs: hpcClusterActions,
  handlers,
  errors: hpcClusterErrors,
  migrations: hpcClusterMigrations,
  queries: { hpcClusters: { exists: (db, accountId, regionId, id) => hpcClusters.find(db, accountId, regionId, id) !== undefined } },
  seed(db, account, settings) {
    // Idempotent: account seeds run at every start.
    if (!account) return;
    const id = seededHpcClusterId(account.accountId);
    if (hpcClusters.find(db, account.accountId, settings.defaultRegionId, id)) return;
    insertHpcCluster(db, {
      id,
      accountId: account.accountId,
      regionId: settings.defaultRegionId,
      name: 'default-hpc',
      description: 'Seeded HPC cluster (import examples).',
      createdAt: Date.parse('2024-01-01T00:00:00Z'),
    });
  },
};
