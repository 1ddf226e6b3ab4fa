/**
 * The security-groups family (product Ecs 2014-05-26): security groups and
 * their ingress rules. Groups are taggable (`securitygroup`) and can join
 * resource groups through ECS JoinResourceGroup.
 */
import type { Family } from '../context.js';
import { registerErrors } from '../context.js';
import { securityGroupActionSpecs, securityGroupErrorSpecs } from '../../spec/ecs/security-groups.js';
import { registerGroupMember } from '../resource-groups/repository.js';
import { registerTaggable } from '../tags/repository.js';
import * as h from './handlers.js';
import { modifySecurityGroupPolicy } from './policy-handler.js';
import { findSecurityGroup, securityGroupMigrations, updateSecurityGroup } from './repository.js';
import { seedDefaultSecurityGroup } from './seed.js';

registerErrors(securityGroupErrorSpecs);
registerTaggable('securitygroup', (db, accountId, regionId, id) => findSecurityGroup(db, accountId, regionId, id) !== undefined);
registerGroupMember('securitygroup', (db, accountId, regionId, id, resourceGroupId) => {
  const g = findSecurityGroup(db, accountId, regionId, id);
  if (!g) return false;
  updateSecurityGroup(db, { ...g, resourceGroupId });
  return true;
});

export const securityGroupsFamily: Family = {
  name: 'security-groups',
  product: 'Ecs',
  specs: securityGroupActionSpecs,
  handlers: {
    createSecurityGroup: h.createSecurityGroup,
    describeSecurityGroups: h.describeSecurityGroups,
    describeSecurityGroupAttribute: h.describeSecurityGroupAttribute,
    modifySecurityGroupAttribute: h.modifySecurityGroupAttribute,
    modifySecurityGroupPolicy,
    deleteSecurityGroup: h.deleteSecurityGroup,
    authorizeSecurityGroup: h.authorizeSecurityGroup,
    revokeSecurityGroup: h.revokeSecurityGroup,
  },
  migrations: securityGroupMigrations,
  seed: (db, account, settings) => seedDefaultSecurityGroup(db, account, settings),
};
