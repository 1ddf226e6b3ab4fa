/**
 * The instances family: instance and disk storage (repository.ts), DescribeInstances,
 * DescribeDisks, the lifecycle (RunInstances, Start/Stop/RebootInstance, DeleteInstance(s),
 * ModifyInstanceAttribute, ModifyInstanceNetworkSpec, DescribeInstanceAttribute, ModifyInstanceSpec,
 * ReplaceSystemDisk, ResizeDisk), seeds, and
 * tag/resource-group hooks for `instance` and `disk`.
 */
import { registerErrors, type Family } from '../context.js';
import { instancesActions, instancesErrors } from '../../spec/ecs/instances.js';
import { instanceLifecycleActions, instanceLifecycleErrors } from '../../spec/ecs/instance-lifecycle.js';
import { registerTaggable } from '../tags/repository.js';
import { registerGroupMember } from '../resource-groups/repository.js';
import { describeDisks } from './describe-disks.js';
import { describeInstances } from './describe-instances.js';
import { describeInstanceAttribute } from './describe-instance-attribute.js';
import { deleteInstance, deleteInstances } from './delete-instance.js';
import { modifyInstanceAttribute, modifyInstanceNetworkSpec } from './modify-instance.js';
import { modifyInstanceSpec } from './modify-instance-spec.js';
import { replaceSystemDisk, resizeDisk } from './system-disk.js';
import { runInstances } from './run-instances.js';
import { rebootInstance, startInstance, stopInstance } from './start-stop.js';
import { instancesMigrations } from './migrations.js';
import { getDisk, getInstance, setDiskResourceGroup, updateInstance } from './repository.js';
import { seedInstances } from './seed.js';

registerErrors(instancesErrors);
registerErrors(instanceLifecycleErrors);
registerTaggable('instance', (db, accountId, regionId, id) => getInstance(db, accountId, regionId, id) !== undefined);
registerTaggable('disk', (db, accountId, regionId, id) => getDisk(db, accountId, regionId, id) !== undefined);
registerGroupMember('instance', (db, accountId, regionId, id, rg) => {
  if (!getInstance(db, accountId, regionId, id)) return false;
  updateInstance(db, id, { resourceGroupId: rg });
  return true;
});
registerGroupMember('disk', setDiskResourceGroup);

export const instancesFamily: Family = {
  name: 'instances',
  product: 'Ecs',
  specs: [...instancesActions, ...instanceLifecycleActions],
  handlers: {
    describeInstances,
    describeDisks,
    runInstances,
    startInstance,
    stopInstance,
    rebootInstance,
    deleteInstance,
    deleteInstances,
    modifyInstanceAttribute,
    modifyInstanceNetworkSpec,
    describeInstanceAttribute,
    modifyInstanceSpec,
    replaceSystemDisk,
    resizeDisk,
  },
  migrations: instancesMigrations,
  seed: (db, account, settings) => seedInstances(db, account, settings),
};
