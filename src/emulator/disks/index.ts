/**
 * The disks family: the disks table (system and data disks of instances, stand-alone disks),
 * DescribeDisks, CreateDisk, DeleteDisk, AttachDisk, DetachDisk, ModifyDiskAttribute and
 * ResizeDisk, ModifyDiskSpec (performance level, spec/ecs/disk-spec.ts), the seeded instances' disks, `disk` as a taggable resource and resource-group
 * member, and the queries other families ask it (queries.ts). It comes before `instances` in
 * the family list: its migrations create the table the instances' disks live in.
 */
import { pickErrors, type Family } from '../context.js';
import { imagesErrors } from '../../spec/ecs/images.js';
import { disksActions, disksErrors } from '../../spec/ecs/disks.js';
import { diskSpecActions } from '../../spec/ecs/disk-spec.js';
import { instanceLifecycleErrors } from '../../spec/ecs/instance-lifecycle.js';
import { snapshotsErrors } from '../../spec/ecs/snapshots.js';
import { vswitchErrorSpecs } from '../../spec/vpc/vswitches.js';
import * as handlers from './handlers.js';
import { disksMigrations } from './migrations.js';
import { diskQueries } from './queries.js';
import { getDisk, setDiskResourceGroup } from './repository.js';
import { seedDisks } from './seed.js';
import { tagParamErrors } from '../tags/validate.js';

export const disksFamily: Family = {
  name: 'disks',
  product: 'Ecs',
  specs: [...disksActions, ...diskSpecActions],
  handlers,
  errors: [
    ...disksErrors,
    ...pickErrors(
      imagesErrors,
      'IncorrectInstanceStatus',
      'OperationDenied',
      'InvalidDiskType.ValueNotSupported',
      'InvalidDescription.Malformed',
      'InvalidSnapshotId.NotReady',
      'InvalidDevice.Malformed',
      'InvalidDevice.InUse',
    ),
    ...pickErrors(
      instanceLifecycleErrors,
      'InvalidInstanceId.NotFound',
      'InvalidParameter.Mismatch',
      'InvalidParameter.Conflict',
      'InvalidResourceGroup.NotFound',
    ),
    ...pickErrors(snapshotsErrors, 'InvalidSnapshotId.NotFound'),
    ...pickErrors(imagesErrors, 'InvalidSnapshotId.NotReady'),
    ...pickErrors(vswitchErrorSpecs, 'InvalidZoneId.NotFound'),
    ...tagParamErrors,
  ],
  migrations: disksMigrations,
  seed: (db, account, settings) => seedDisks(db, account, settings),
  taggable: { disk: (db, accountId, regionId, id) => getDisk(db, accountId, regionId, id) !== undefined },
  groupMembers: { disk: setDiskResourceGroup },
  queries: { disks: diskQueries },
};
