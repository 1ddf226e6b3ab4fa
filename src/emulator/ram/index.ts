/**
 * The RAM family (product Ram 2015-05-01): roles with their trust policies and tags. STS asks
 * it (through the `ram` queries) whether a caller may assume a role; ECS asks it whether a role
 * exists and trusts `ecs.aliyuncs.com` before attaching it to an instance.
 */
import type { Family } from '../context.js';
import { ramRoleActionSpecs, ramRoleErrorSpecs } from '../../spec/ram/roles.js';
import * as handlers from './handlers.js';
import { ramMigrations } from './migrations.js';
import { ramQueries } from './queries.js';

export const ramFamily: Family = {
  name: 'ram',
  product: 'Ram',
  specs: ramRoleActionSpecs,
  handlers,
  errors: ramRoleErrorSpecs,
  migrations: ramMigrations,
  queries: { ram: ramQueries },
};
