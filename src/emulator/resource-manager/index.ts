/**
 * The resource-manager family (product ResourceManager 2020-03-31): read-only
 * views of the account's resource groups. No tables of its own.
 */
import type { Family } from '../context.js';
import { registerErrors } from '../context.js';
import { resourceGroupActionSpecs, resourceGroupErrorSpecs } from '../../spec/resource-manager/resource-groups.js';
import { getResourceGroup, listResourceGroupsHandler } from './handlers.js';

registerErrors(resourceGroupErrorSpecs);

export const resourceManagerFamily: Family = {
  name: 'resource-manager',
  product: 'ResourceManager',
  specs: resourceGroupActionSpecs,
  handlers: { listResourceGroups: listResourceGroupsHandler, getResourceGroup },
  migrations: [],
};
