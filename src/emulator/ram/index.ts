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
import { findRole, insertRole } from './repository.js';

/** The role every account starts with: one instance role (it trusts ECS), for `role_name` and import examples. */
export const SEEDED_ROLE = 'ecs-image-builder';

export const ramFamily: Family = {
  name: 'ram',
  product: 'Ram',
  specs: ramRoleActionSpecs,
  handlers,
  errors: ramRoleErrorSpecs,
  migrations: ramMigrations,
  queries: { ram: ramQueries },
  seed(db, account, _settings, newId, now) {
    // Idempotent: account seeds run at every start.
    if (!account || findRole(db, account.accountId, SEEDED_ROLE)) return;
    const at = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    insertRole(db, {
      accountId: account.accountId,
      roleName: SEEDED_ROLE,
      roleId: newId('3').replace(/\D/g, '').padEnd(19, '7').slice(0, 19),
      description: 'Seeded instance role of the emulator: trusted by ECS.',
      document: JSON.stringify({
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } }],
        Version: '1',
      }),
      maxSessionDuration: 3600,
      createDate: at,
      updateDate: at,
      tags: [],
    });
  },
};
