/**
 * The vpc family (product Vpc 2016-04-28): VPCs and vSwitches in SQLite,
 * partitioned by account and region, with their tags (shared tags table, types VPC / VSWITCH) and
 * resource-group moves. Each account gets a default VPC and vSwitch (seed.ts).
 */
import type { Family } from '../context.js';
import { registerErrors } from '../context.js';
import { vpcActionSpecs, vpcErrorSpecs } from '../../spec/vpc/vpcs.js';
import { vswitchActionSpecs, vswitchErrorSpecs } from '../../spec/vpc/vswitches.js';
import { vpcTagActionSpecs, vpcTagErrorSpecs } from '../../spec/vpc/tags.js';
import { tagsErrors } from '../../spec/ecs/tags.js';
import { vpcMigrations } from './repository.js';
import { seedDefaultNetwork } from './seed.js';
import { createVpc, deleteVpc, describeVpcs, modifyVpcAttribute } from './vpc-handlers.js';
import { createVSwitch, deleteVSwitch, describeVSwitches, modifyVSwitchAttribute } from './vswitch-handlers.js';
import { listTagResources, moveResourceGroup, tagResources, unTagResources } from './tag-handlers.js';

registerErrors(vpcErrorSpecs);
registerErrors(vswitchErrorSpecs);
registerErrors(vpcTagErrorSpecs);
registerErrors(tagsErrors); // the shared tag codes (same statuses as the ECS tag family)

export const vpcFamily: Family = {
  name: 'vpc',
  product: 'Vpc',
  specs: [...vpcActionSpecs, ...vswitchActionSpecs, ...vpcTagActionSpecs],
  handlers: {
    createVpc,
    describeVpcs,
    modifyVpcAttribute,
    deleteVpc,
    createVSwitch,
    describeVSwitches,
    modifyVSwitchAttribute,
    deleteVSwitch,
    tagResources,
    unTagResources,
    listTagResources,
    moveResourceGroup,
  },
  migrations: vpcMigrations,
  seed: (db, account, settings) => seedDefaultNetwork(db, account, settings),
};
