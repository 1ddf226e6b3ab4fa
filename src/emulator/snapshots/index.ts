/**
 * The snapshots family: snapshot storage, DescribeSnapshots, DeleteSnapshot, seeds, and
 * tag/resource-group hooks for `snapshot`.
 */
import { registerErrors, type Family } from '../context.js';
import { snapshotsActions, snapshotsErrors } from '../../spec/ecs/snapshots.js';
import { registerTaggable } from '../tags/repository.js';
import { registerGroupMember } from '../resource-groups/repository.js';
import { deleteSnapshot } from './delete-snapshot.js';
import { describeSnapshots } from './describe-snapshots.js';
import { snapshotsMigrations } from './migrations.js';
import { getSnapshot, setSnapshotResourceGroup } from './repository.js';
import { seedSnapshots } from './seed.js';

registerErrors(snapshotsErrors);
registerTaggable('snapshot', (db, accountId, regionId, id) => getSnapshot(db, accountId, regionId, id) !== undefined);
registerGroupMember('snapshot', setSnapshotResourceGroup);

export const snapshotsFamily: Family = {
  name: 'snapshots',
  product: 'Ecs',
  specs: snapshotsActions,
  handlers: { describeSnapshots, deleteSnapshot },
  migrations: snapshotsMigrations,
  seed: (db, account, settings) => seedSnapshots(db, account, settings),
};
