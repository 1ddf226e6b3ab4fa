/**
 * The deployment-sets family (product Ecs 2014-05-26): deployment sets per region in SQLite
 * (Create/Describe/ModifyAttribute/Delete). Their members are instances: the instances family
 * keeps each instance's set and group and asks this family where a new member goes (queries.ts);
 * this family asks the instances family who the members are.
 */
import { pickErrors, type Family } from '../context.js';
import { deploymentSetActions, deploymentSetErrors } from '../../spec/ecs/deployment-sets.js';
import { imagesErrors } from '../../spec/ecs/images.js';
import * as handlers from './handlers.js';
import { deploymentSetMigrations } from './repository.js';
import { deploymentSetQueries } from './queries.js';

export const deploymentSetsFamily: Family = {
  name: 'deployment-sets',
  product: 'Ecs',
  specs: deploymentSetActions,
  handlers,
  errors: [...deploymentSetErrors, ...pickErrors(imagesErrors, 'InvalidDescription.Malformed')],
  migrations: deploymentSetMigrations,
  queries: { deploymentSets: deploymentSetQueries },
};
