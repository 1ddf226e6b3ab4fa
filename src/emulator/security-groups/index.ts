/**
 * The security-groups family (product Ecs 2014-05-26): security groups and
 * their ingress rules. Groups are taggable (`securitygroup`) and can join
 * resource groups through ECS JoinResourceGroup.
 */
import { pickErrors, type Family } from '../context.js';
import { imagesErrors } from '../../spec/ecs/images.js';
import { resourceGroupsErrors } from '../../spec/ecs/resource-groups.js';
import { securityGroupActionSpecs, securityGroupErrorSpecs } from '../../spec/ecs/security-groups.js';
import { vpcErrorSpecs } from '../../spec/vpc/vpcs.js';
import * as handlers from './handlers.js';
import { securityGroupQueries } from './queries.js';
import { findSecurityGroup, securityGroupMigrations, updateSecurityGroup } from './repository.js';
import { seedDefaultSecurityGroup } from './seed.js';
import { tagParamErrors } from '../tags/validate.js';

export const securityGroupsFamily: Family = {
  name: 'security-groups',
  product: 'Ecs',
  specs: securityGroupActionSpecs,
  handlers,
  errors: [
    ...securityGroupErrorSpecs,
    ...pickErrors(vpcErrorSpecs, 'InvalidVpcId.NotFound'),
    ...pickErrors(resourceGroupsErrors, 'InvalidResourceGroup.NotFound'),
    ...pickErrors(imagesErrors, 'OperationDenied'),
    ...tagParamErrors,
  ],
  migrations: securityGroupMigrations,
  seed: (db, account, settings) => seedDefaultSecurityGroup(db, account, settings),
  taggable: { securitygroup: (db, accountId, regionId, id) => findSecurityGroup(db, accountId, regionId, id) !== undefined },
  groupMembers: {
    securitygroup: (db, accountId, regionId, id, resourceGroupId) => {
      const g = findSecurityGroup(db, accountId, regionId, id);
      if (!g) return false;
      updateSecurityGroup(db, { ...g, resourceGroupId });
      return true;
    },
  },
  queries: { securityGroups: securityGroupQueries },
};
