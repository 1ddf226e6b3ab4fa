/**
 * Every resource family the emulator serves by default. To add one, import it and
 * append it here (one import line and one list entry per family); order matters only
 * for migrations between families (a family after the ones it references).
 */
import type { Family } from './context.js';
import { regionsFamily } from './regions/family.js';
import { vpcFamily } from './vpc/index.js';
import { securityGroupsFamily } from './security-groups/index.js';
import { zonesFamily } from './zones/index.js';
import { resourceManagerFamily } from './resource-manager/index.js';
import { resourceGroupsFamily } from './resource-groups/index.js';
import { tagsFamily } from './tags/index.js';
import { keyPairsFamily } from './key-pairs/index.js';
import { disksFamily } from './disks/index.js';
import { instancesFamily } from './instances/index.js';
import { deploymentSetsFamily } from './deployment-sets/index.js';
import { hpcClustersFamily } from './hpc-clusters/index.js';
import { autoSnapshotPoliciesFamily } from './auto-snapshot-policies/index.js';
import { snapshotsFamily } from './snapshots/index.js';
import { imagesFamily } from './images/index.js';
import { ramFamily } from './ram/index.js';
import { stsFamily } from './sts/index.js';
import { instanceRamRolesFamily } from './instance-ram-roles/index.js';
import { ossFamily } from './oss/index.js';
import { slbFamily } from './slb/index.js';

export const families: Family[] = [
  regionsFamily,
  vpcFamily,
  securityGroupsFamily,
  zonesFamily,
  resourceManagerFamily,
  resourceGroupsFamily,
  tagsFamily,
  keyPairsFamily,
  disksFamily,
  instancesFamily,
  deploymentSetsFamily,
  hpcClustersFamily,
  snapshotsFamily,
  autoSnapshotPoliciesFamily,
  imagesFamily,
  ramFamily,
  stsFamily,
  instanceRamRolesFamily,
  ossFamily,
  slbFamily,
];
