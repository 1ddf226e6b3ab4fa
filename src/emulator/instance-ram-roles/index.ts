/**
 * The instance RAM role family (ECS AttachInstanceRamRole, DetachInstanceRamRole,
 * DescribeInstanceRamRole): which RAM role each instance carries. It owns only that link; the
 * instances come from the `instances` queries and the roles (with the trust policy that must
 * admit `ecs.aliyuncs.com`) from the `ram` queries.
 */
import type { Family, Migration } from '../context.js';
import { instanceRamRoleActions, instanceRamRoleErrors } from '../../spec/ecs/instance-ram-roles.js';
import * as handlers from './handlers.js';

const migrations: readonly Migration[] = [
  {
    id: '001_instance_ram_roles',
    sql: `CREATE TABLE IF NOT EXISTS instance_ram_roles (
      account_id INTEGER NOT NULL,
      region_id TEXT NOT NULL,
      instance_id TEXT NOT NULL,
      role_name TEXT NOT NULL,
      PRIMARY KEY (account_id, region_id, instance_id)
    );`,
  },
];

export const instanceRamRolesFamily: Family = {
  name: 'instance-ram-roles',
  product: 'Ecs',
  specs: instanceRamRoleActions,
  handlers,
  errors: instanceRamRoleErrors,
  migrations,
};
