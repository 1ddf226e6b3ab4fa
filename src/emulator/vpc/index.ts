/**
 * The vpc family (product Vpc 2016-04-28): VPCs and vSwitches in SQLite,
 * partitioned by account and region, with their tags (shared tags table, types VPC / VSWITCH) and
 * resource-group moves. Each account gets a default VPC and vSwitch (seed.ts).
 */
import type { Family } from '../context.js';
import { vpcActionSpecs, vpcErrorSpecs } from '../../spec/vpc/vpcs.js';
import { vswitchActionSpecs, vswitchErrorSpecs } from '../../spec/vpc/vswitches.js';
import { vpcTagActionSpecs, vpcTagErrorSpecs } from '../../spec/vpc/tags.js';
import { routeTableActionSpecs, routeTableErrorSpecs } from '../../spec/vpc/route-tables.js';
import { tagsErrors } from '../../spec/ecs/tags.js';
import * as handlers from './handlers.js';
import { vpcQueries } from './queries.js';
import { vpcMigrations } from './repository.js';
import { seedDefaultNetwork } from './seed.js';

export const vpcFamily: Family = {
  name: 'vpc',
  product: 'Vpc',
  specs: [...vpcActionSpecs, ...vswitchActionSpecs, ...vpcTagActionSpecs, ...routeTableActionSpecs],
  handlers,
  // The shared tag codes too (tagsFromInput; same statuses as the ECS tag family).
  errors: [...vpcErrorSpecs, ...vswitchErrorSpecs, ...vpcTagErrorSpecs, ...routeTableErrorSpecs, ...tagsErrors],
  queries: { vpc: vpcQueries },
  migrations: vpcMigrations,
  seed: (db, account, settings) => seedDefaultNetwork(db, account, settings),
};
