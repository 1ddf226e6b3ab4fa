/**
 * The snapshots family: snapshot storage, DescribeSnapshots, CreateSnapshot, ModifySnapshotAttribute,
 * DeleteSnapshot, seeds, `snapshot` as
 * a taggable resource and resource-group member, and the queries other families ask it.
 */
import { pickErrors, type Family } from '../context.js';
import { disksErrors } from '../../spec/ecs/disks.js';
import { imagesErrors } from '../../spec/ecs/images.js';
import { instanceLifecycleErrors } from '../../spec/ecs/instance-lifecycle.js';
import { snapshotsActions, snapshotsErrors } from '../../spec/ecs/snapshots.js';
import * as handlers from './handlers.js';
import { snapshotsMigrations } from './migrations.js';
import { snapshotQueries } from './queries.js';
import { getSnapshot, setSnapshotResourceGroup } from './repository.js';
import { seedSnapshots } from './seed.js';
import { tagParamErrors } from '../tags/validate.js';

export const snapshotsFamily: Family = {
  name: 'snapshots',
  product: 'Ecs',
  specs: snapshotsActions,
  handlers,
  errors: [
    ...snapshotsErrors,
    ...tagParamErrors,
    ...pickErrors(disksErrors, 'InvalidDiskId.NotFound', 'IncorrectDiskStatus'),
    ...pickErrors(imagesErrors, 'InvalidDescription.Malformed'),
    ...pickErrors(instanceLifecycleErrors, 'InvalidResourceGroup.NotFound'),
  ],
  migrations: snapshotsMigrations,
  seed: (db, account, settings) => seedSnapshots(db, account, settings),
  taggable: { snapshot: (db, accountId, regionId, id) => getSnapshot(db, accountId, regionId, id) !== undefined },
  groupMembers: { snapshot: setSnapshotResourceGroup },
  queries: { snapshots: snapshotQueries },
};
