/**
 * The resource-manager family (product ResourceManager 2020-03-31): read-only
 * views of the account's resource groups. No tables of its own.
 */
import type { Family } from '../context.js';
import { resourceGroupActionSpecs, resourceGroupErrorSpecs } from '../../spec/resource-manager/resource-groups.js';
import * as handlers from './handlers.js';
import { tagParamErrors } from '../tags/validate.js';

export const resourceManagerFamily: Family = {
  name: 'resource-manager',
  product: 'ResourceManager',
  specs: resourceGroupActionSpecs,
  handlers,
  errors: [...resourceGroupErrorSpecs, ...tagParamErrors],
  migrations: [],
};
