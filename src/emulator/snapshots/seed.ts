/**
 * Per-account seed snapshots (see SEED.md), ids `s-<role>-<accountId>`: system-disk snapshots of
 * the running and stopped instances, a data-disk snapshot of the running instance, and a
 * system-disk snapshot dated 2013-07-01 (too old to make images).
 */
import type Database from 'better-sqlite3';
import type { Account, EmulatorSettings } from '../context.js';
import { seedDiskId, seedInstanceId } from '../instances/seed-ids.js';
import { seededGroupId } from '../resource-groups/seed.js';
import { insertSnapshot } from './repository.js';

export type SeedSnapshotRole = 'running-system' | 'running-data' | 'stopped-system' | 'stopped-data' | 'old-system';
export const seedSnapshotId = (accountId: number, role: SeedSnapshotRole) => `s-${role}-${accountId}`;

export function seedSnapshots(db: Database.Database, account: Account | null, settings: EmulatorSettings): void {
  if (!account) return;
  const a = account.accountId;
  const rows: [SeedSnapshotRole, 'running' | 'stopped', 'system' | 'data', number, string][] = [
    ['running-system', 'running', 'system', 40, '2024-01-03T00:00:00Z'],
    ['running-data', 'running', 'data', 100, '2024-01-03T00:00:01Z'],
    ['stopped-system', 'stopped', 'system', 40, '2024-01-03T00:00:02Z'],
    ['stopped-data', 'stopped', 'data', 100, '2024-01-03T00:00:03Z'],
    ['old-system', 'running', 'system', 40, '2013-07-01T00:00:00Z'],
  ];
  for (const [role, inst, type, size, at] of rows) {
    const t = Date.parse(at);
    insertSnapshot(db, {
      id: seedSnapshotId(a, role),
      accountId: a,
      regionId: settings.defaultRegionId,
      name: `seed-${role}`,
      description: `Seeded ${role} snapshot`,
      sourceDiskId: seedDiskId(a, inst, type),
      sourceDiskSizeGiB: size,
      sourceDiskType: type,
      sourceStorageType: 'cloud_essd',
      instanceId: seedInstanceId(a, inst),
      createdAt: t,
      readyAt: t,
      resourceGroupId: seededGroupId(a, 'default'),
      snapshotType: 'user',
      category: 'standard',
      encrypted: false,
      retentionDays: 0,
    });
  }
}
