/**
 * The resource-manager family (product ResourceManager 2020-03-31): read-only
 * views of the account's resource groups. No tables of its own.
 */
import { pickErrors, type Family } from '../context.js';
import { tagsErrors } from '../../spec/ecs/tags.js';
import { resourceGroupActionSpecs, resourceGroupErrorSpecs } from '../../spec/resource-manager/resource-groups.js';
import * as handlers from './handlers.js';

export const resourceManagerFamily: Family = {
  name: 'resource-manager',
  product: 'ResourceManager',
  specs: resourceGroupActionSpecs,
  handlers,
  errors: [
    ...resourceGroupErrorSpecs,
    ...pickErrors(tagsErrors, 'NumberExceed.Tags', 'InvalidTagKey.Malformed', 'InvalidTagValue.Malformed'),
  ],
  migrations: [],
};
