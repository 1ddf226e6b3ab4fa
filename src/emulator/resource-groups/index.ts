/**
 * The resource-groups family: the account's resource groups (seeded), their repository for other
 * families, and ECS JoinResourceGroup.
 */
import { registerErrors, type Family } from '../context.js';
import { resourceGroupsActions, resourceGroupsErrors } from '../../spec/ecs/resource-groups.js';
import { joinResourceGroup } from './join-resource-group.js';
import { resourceGroupsMigrations } from './migrations.js';
import { seedResourceGroups } from './seed.js';

registerErrors(resourceGroupsErrors);

export const resourceGroupsFamily: Family = {
  name: 'resource-groups',
  product: 'Ecs',
  specs: resourceGroupsActions,
  handlers: { joinResourceGroup },
  migrations: resourceGroupsMigrations,
  seed: (db, account) => seedResourceGroups(db, account),
};
