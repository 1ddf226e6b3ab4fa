/**
 * The snapshots family: snapshot storage, DescribeSnapshots, DeleteSnapshot, seeds, `snapshot` as
 * a taggable resource and resource-group member, and the queries other families ask it.
 */
import type { Family } from '../context.js';
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
  errors: [...snapshotsErrors, ...tagParamErrors],
  migrations: snapshotsMigrations,
  seed: (db, account, settings) => seedSnapshots(db, account, settings),
  taggable: { snapshot: (db, accountId, regionId, id) => getSnapshot(db, accountId, regionId, id) !== undefined },
  groupMembers: { snapshot: setSnapshotResourceGroup },
  queries: { snapshots: snapshotQueries },
};
