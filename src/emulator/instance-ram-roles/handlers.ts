/**
 * Handlers of AttachInstanceRamRole, DetachInstanceRamRole and DescribeInstanceRamRole. Attach and
 * Detach answer per instance (`Success`, `Code`, `Message`, counted in `FailCount`); the per-instance
 * codes `InvalidInstance.RamRoleAttached` and `InvalidRamRole.NotAttached` are a guess.
 */
import type { HandlerContext, HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import { cachedStatement } from '../db/statements.js';
import { mayAssume } from '../ram/trust-policy.js';
import type {
  attachInstanceRamRoleSpec,
  describeInstanceRamRoleSpec,
  detachInstanceRamRoleSpec,
} from '../../spec/ecs/instance-ram-roles.js';

interface Outcome {
  InstanceId: string;
  Success: boolean;
  Code: string;
  Message: string;
}

const ok = (id: string): Outcome => ({ InstanceId: id, Success: true, Code: '200', Message: 'success' });
const failed = (id: string, code: string, message: string): Outcome => ({ InstanceId: id, Success: false, Code: code, Message: message });

function attachedRole(ctx: HandlerContext, instanceId: string): string | undefined {
  const row = cachedStatement(
    ctx.db,
    'SELECT role_name FROM instance_ram_roles WHERE account_id = ? AND region_id = ? AND instance_id = ?',
  ).get(ctx.account.accountId, ctx.regionId, instanceId) as { role_name: string } | undefined;
  return row?.role_name;
}

function instanceExists(ctx: HandlerContext, id: string): boolean {
  return ctx.backend.need('instances').find(ctx.db, ctx.account.accountId, ctx.regionId, id) !== undefined;
}

export const attachInstanceRamRole: HandlerOf<typeof attachInstanceRamRoleSpec> = (ctx, input) => {
  const role = ctx.backend.need('ram').findRole(ctx.db, ctx.account.accountId, input.RamRoleName);
  if (!role) throw apiError('InvalidRamRole.NotFound', `The specified parameter "RamRoleName" does not exist: "${input.RamRoleName}".`);
  if (!mayAssume(role.document, { kind: 'service', service: 'ecs.aliyuncs.com' }))
    throw apiError(
      'InvalidRamRole.NotEcsRole',
      `The RAM role "${role.roleName}" is not authorized for ECS: its trust policy must allow the service ecs.aliyuncs.com to assume it.`,
    );
  const results = input.InstanceIds.map((id): Outcome => {
    if (!instanceExists(ctx, id)) return failed(id, 'InvalidInstanceId.NotFound', `The specified instance does not exist: "${id}".`);
    const current = attachedRole(ctx, id);
    if (current !== undefined && current.toLowerCase() !== role.roleName.toLowerCase())
      return failed(id, 'InvalidInstance.RamRoleAttached', `The instance already has the RAM role "${current}"; detach it first.`);
    cachedStatement(
      ctx.db,
      'INSERT OR REPLACE INTO instance_ram_roles (account_id, region_id, instance_id, role_name) VALUES (?, ?, ?, ?)',
    ).run(ctx.account.accountId, ctx.regionId, id, role.roleName);
    return ok(id);
  });
  return {
    TotalCount: results.length,
    FailCount: results.filter((r) => !r.Success).length,
    RamRoleName: role.roleName,
    AttachInstanceRamRoleResults: { AttachInstanceRamRoleResult: results },
  };
};

export const detachInstanceRamRole: HandlerOf<typeof detachInstanceRamRoleSpec> = (ctx, input) => {
  const results = input.InstanceIds.map((id): Outcome => {
    if (!instanceExists(ctx, id)) return failed(id, 'InvalidInstanceId.NotFound', `The specified instance does not exist: "${id}".`);
    const current = attachedRole(ctx, id);
    if (current === undefined || (input.RamRoleName !== undefined && current.toLowerCase() !== input.RamRoleName.toLowerCase()))
      return failed(id, 'InvalidRamRole.NotAttached', `The instance does not carry the RAM role "${input.RamRoleName ?? '(any)'}".`);
    cachedStatement(ctx.db, 'DELETE FROM instance_ram_roles WHERE account_id = ? AND region_id = ? AND instance_id = ?').run(
      ctx.account.accountId,
      ctx.regionId,
      id,
    );
    return ok(id);
  });
  return {
    TotalCount: results.length,
    FailCount: results.filter((r) => !r.Success).length,
    ...(input.RamRoleName !== undefined ? { RamRoleName: input.RamRoleName } : {}),
    DetachInstanceRamRoleResults: { DetachInstanceRamRoleResult: results },
  };
};

export const describeInstanceRamRole: HandlerOf<typeof describeInstanceRamRoleSpec> = (ctx, input) => {
  const rows = (
    cachedStatement(
      ctx.db,
      'SELECT instance_id, role_name FROM instance_ram_roles WHERE account_id = ? AND region_id = ? ORDER BY instance_id',
    ).all(ctx.account.accountId, ctx.regionId) as { instance_id: string; role_name: string }[]
  ).filter(
    (r) =>
      (input.InstanceIds === undefined || input.InstanceIds.includes(r.instance_id)) &&
      (input.RamRoleName === undefined || r.role_name.toLowerCase() === input.RamRoleName.toLowerCase()) &&
      instanceExists(ctx, r.instance_id),
  );
  const size = input.PageSize ?? 10;
  const start = ((input.PageNumber ?? 1) - 1) * size;
  return {
    TotalCount: rows.length,
    RegionId: ctx.regionId,
    InstanceRamRoleSets: {
      InstanceRamRoleSet: rows.slice(start, start + size).map((r) => ({ InstanceId: r.instance_id, RamRoleName: r.role_name })),
    },
  };
};
