/**
 * The resource-groups family: the account's resource groups (seeded), their repository for other
 * families, and ECS JoinResourceGroup.
 */
import type { Family } from '../context.js';
import { resourceGroupsActions, resourceGroupsErrors } from '../../spec/ecs/resource-groups.js';
import * as handlers from './handlers.js';
import { resourceGroupsMigrations } from './migrations.js';
import { seedResourceGroups } from './seed.js';

export const resourceGroupsFamily: Family = {
  name: 'resource-groups',
  product: 'Ecs',
  specs: resourceGroupsActions,
  handlers,
  errors: resourceGroupsErrors,
  migrations: resourceGroupsMigrations,
  seed: (db, account) => seedResourceGroups(db, account),
};
