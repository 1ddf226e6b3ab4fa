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
import { deploymentSetMigrations, deploymentSets, insertDeploymentSet } from './repository.js';
import { deploymentSetQueries } from './queries.js';

export const deploymentSetsFamily: Family = {
  name: 'deployment-sets',
  product: 'Ecs',
  specs: deploymentSetActions,
  handlers,
  errors: [...deploymentSetErrors, ...pickErrors(imagesErrors, 'InvalidDescription.Malformed')],
  migrations: deploymentSetMigrations,
  queries: { deploymentSets: deploymentSetQueries },
  seed(db, account, settings) {
    // Idempotent: account seeds run at every start.
    if (!account) return;
    const id = seededDeploymentSetId(account.accountId);
    if (deploymentSets.find(db, account.accountId, settings.defaultRegionId, id)) return;
    insertDeploymentSet(db, {
      id,
      accountId: account.accountId,
      regionId: settings.defaultRegionId,
      name: 'default-spread',
      description: 'Seeded deployment set (import examples).',
      strategy: 'Availability',
      groupCount: 0,
      onUnableToRedeployFailedInstance: 'CancelMembershipAndStart',
      creationTime: '2024-01-01T00:00:00Z',
      createdAt: Date.parse('2024-01-01T00:00:00Z'),
    });
  },
};

/** The deployment set every account starts with in its default region (import examples). */
export const seededDeploymentSetId = (accountId: number) => `ds-default-${accountId}`;
