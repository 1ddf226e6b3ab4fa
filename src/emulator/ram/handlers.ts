/**
 * Handlers of the RAM role actions (CreateRole, GetRole, UpdateRole, DeleteRole, ListRoles,
 * ListPoliciesForRole) and of the RAM tag actions on roles. RAM is account-wide: no RegionId.
 */
import type { HandlerContext, HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import { isoSeconds } from '../core/time.js';
import {
  ROLE_MIN_SESSION,
  type createRoleSpec,
  type deleteRoleSpec,
  type getRoleSpec,
  type listPoliciesForRoleSpec,
  type listRolesSpec,
  type listTagResourcesSpec,
  type tagResourcesSpec,
  type untagResourcesSpec,
  type updateRoleSpec,
} from '../../spec/ram/roles.js';
import { deleteRole as removeRole, findRole, insertRole, listRoles as allRoles, roleArn, updateRole as storeRole } from './repository.js';
import type { RoleRecord, RoleTag } from './repository.js';
import { trustPolicyProblem } from './trust-policy.js';

const MAX_TAGS = 20;

function roleView(r: RoleRecord) {
  return {
    RoleId: r.roleId,
    RoleName: r.roleName,
    Arn: roleArn(r),
    Description: r.description,
    AssumeRolePolicyDocument: r.document,
    MaxSessionDuration: r.maxSessionDuration,
    CreateDate: r.createDate,
    UpdateDate: r.updateDate,
  };
}

function mustFind(ctx: HandlerContext, roleName: string): RoleRecord {
  const role = findRole(ctx.db, ctx.account.accountId, roleName);
  if (!role) throw apiError('EntityNotExist.Role', `The role does not exist: "${roleName}".`);
  return role;
}

function checkDocument(name: string, text: string): void {
  const problem = trustPolicyProblem(text);
  if (problem) throw apiError('MalformedPolicyDocument', `The parameter "${name}" is not a valid trust policy: ${problem}.`);
}

/** A JSON array of strings from a shrink parameter. */
function jsonStrings(name: string, text: string | undefined): string[] {
  if (text === undefined) return [];
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    v = undefined;
  }
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === ''))
    throw apiError(
      'InvalidParameter',
      `The parameter "${name}" must be a JSON array of non-empty strings, e.g. ["a"]; got ${JSON.stringify(text)}.`,
    );
  return v as string[];
}

/** Tags from the `Tag` JSON: `[{"Key":"k","Value":"v"}]`, keys 1-128 characters, values 0-128, at most 20. */
function jsonTags(text: string | undefined): RoleTag[] {
  if (text === undefined) return [];
  const bad = (why: string) =>
    apiError(
      'InvalidParameter.Tag',
      `The parameter "Tag" must be a JSON array of {"Key","Value"} objects: ${why}; got ${JSON.stringify(text)}.`,
    );
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw bad('it is not valid JSON');
  }
  if (!Array.isArray(v)) throw bad('it is not an array');
  if (v.length > MAX_TAGS) throw bad(`at most ${MAX_TAGS} tags are allowed`);
  return v.map((t: unknown, i) => {
    const o = t as { Key?: unknown; Value?: unknown } | null;
    if (o === null || typeof o !== 'object' || typeof o.Key !== 'string' || o.Key.length < 1 || o.Key.length > 128)
      throw bad(`item ${i + 1} needs a Key of 1 to 128 characters`);
    if (/^(aliyun|acs:)/i.test(o.Key)) throw bad(`item ${i + 1}: a Key must not start with aliyun or acs:`);
    const value = o.Value === undefined ? '' : o.Value;
    if (typeof value !== 'string' || value.length > 128) throw bad(`item ${i + 1} needs a Value of at most 128 characters`);
    return { Key: o.Key, Value: value };
  });
}

function mergeTags(old: readonly RoleTag[], add: readonly RoleTag[]): RoleTag[] {
  const out = new Map(old.map((t) => [t.Key, t.Value]));
  for (const t of add) out.set(t.Key, t.Value);
  if (out.size > MAX_TAGS) throw apiError('InvalidParameter.Tag', `A role has at most ${MAX_TAGS} tags.`);
  return [...out].map(([Key, Value]) => ({ Key, Value }));
}

/** A numeric role id (RAM role ids are digit strings). */
function newRoleId(ctx: HandlerContext): string {
  const digits = [...ctx.newId('')].map((c) => String(c.charCodeAt(0) % 10)).join('');
  return `3${digits}`.slice(0, 19).padEnd(19, '7');
}

export const createRole: HandlerOf<typeof createRoleSpec> = (ctx, input) => {
  checkDocument('AssumeRolePolicyDocument', input.AssumeRolePolicyDocument);
  if (findRole(ctx.db, ctx.account.accountId, input.RoleName))
    throw apiError('EntityAlreadyExists.Role', `The role already exists: "${input.RoleName}" (role names ignore case).`);
  const now = isoSeconds(ctx.now().getTime());
  const role: RoleRecord = {
    accountId: ctx.account.accountId,
    roleName: input.RoleName,
    roleId: newRoleId(ctx),
    description: input.Description ?? '',
    document: input.AssumeRolePolicyDocument,
    maxSessionDuration: input.MaxSessionDuration ?? ROLE_MIN_SESSION,
    createDate: now,
    updateDate: now,
    tags: mergeTags([], jsonTags(input.Tag)),
  };
  insertRole(ctx.db, role);
  const { UpdateDate: _u, ...view } = roleView(role);
  return { Role: view };
};

export const getRole: HandlerOf<typeof getRoleSpec> = (ctx, input) => ({ Role: roleView(mustFind(ctx, input.RoleName)) });

export const updateRole: HandlerOf<typeof updateRoleSpec> = (ctx, input) => {
  const role = mustFind(ctx, input.RoleName);
  if (input.NewAssumeRolePolicyDocument !== undefined) checkDocument('NewAssumeRolePolicyDocument', input.NewAssumeRolePolicyDocument);
  const next: RoleRecord = {
    ...role,
    document: input.NewAssumeRolePolicyDocument ?? role.document,
    description: input.NewDescription ?? role.description,
    maxSessionDuration: input.NewMaxSessionDuration ?? role.maxSessionDuration,
    updateDate: isoSeconds(ctx.now().getTime()),
  };
  storeRole(ctx.db, next);
  return { Role: roleView(next) };
};

export const deleteRole: HandlerOf<typeof deleteRoleSpec> = (ctx, input) => {
  const role = mustFind(ctx, input.RoleName);
  removeRole(ctx.db, role.accountId, role.roleName);
  return {};
};

export const listRoles: HandlerOf<typeof listRolesSpec> = (ctx, input) => {
  const all = allRoles(ctx.db, ctx.account.accountId);
  let start = 0;
  if (input.Marker !== undefined) {
    start = all.findIndex((r) => r.roleName.toLowerCase() === input.Marker);
    if (start < 0)
      throw apiError('InvalidParameter.Marker', `The parameter "Marker" is not a marker this API returned: "${input.Marker}".`);
  }
  const max = input.MaxItems ?? 100;
  const page = all.slice(start, start + max);
  const next = all[start + max];
  return {
    IsTruncated: next !== undefined,
    ...(next ? { Marker: next.roleName.toLowerCase() } : {}),
    Roles: {
      Role: page.map((r) => {
        const { AssumeRolePolicyDocument: _d, ...view } = roleView(r);
        return view;
      }),
    },
  };
};

/** The emulator has no managed policies: a role never has any attached. */
export const listPoliciesForRole: HandlerOf<typeof listPoliciesForRoleSpec> = (ctx, input) => {
  mustFind(ctx, input.RoleName);
  return { Policies: { Policy: [] } };
};

export const tagResources: HandlerOf<typeof tagResourcesSpec> = (ctx, input) => {
  const tags = jsonTags(input.Tag);
  if (tags.length === 0) throw apiError('InvalidParameter.Tag', 'The parameter "Tag" must name at least one tag.');
  const roles = jsonStrings('ResourceNames', input.ResourceNames).map((n) => mustFind(ctx, n));
  for (const role of roles) storeRole(ctx.db, { ...role, tags: mergeTags(role.tags, tags) });
  return {};
};

export const untagResources: HandlerOf<typeof untagResourcesSpec> = (ctx, input) => {
  const keys = new Set(jsonStrings('TagKeys', input.TagKeys));
  if (keys.size === 0 && input.All !== true)
    throw apiError('InvalidParameter.Tag', 'Name the tags to remove in "TagKeys", or set "All" to true to remove every tag.');
  const roles = jsonStrings('ResourceNames', input.ResourceNames).map((n) => mustFind(ctx, n));
  for (const role of roles) storeRole(ctx.db, { ...role, tags: input.All === true ? [] : role.tags.filter((t) => !keys.has(t.Key)) });
  return {};
};

export const listTagResources: HandlerOf<typeof listTagResourcesSpec> = (ctx, input) => {
  const names = jsonStrings('ResourceNames', input.ResourceNames);
  const filter = jsonTags(input.Tag);
  const roles =
    names.length > 0 ? names.flatMap((n) => findRole(ctx.db, ctx.account.accountId, n) ?? []) : allRoles(ctx.db, ctx.account.accountId);
  const rows = roles
    .filter((r) => filter.every((f) => r.tags.some((t) => t.Key === f.Key && (f.Value === '' || t.Value === f.Value))))
    .flatMap((r) => r.tags.map((t) => ({ ResourceName: r.roleName, ResourceType: 'role', TagKey: t.Key, TagValue: t.Value })));
  const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
  if (!Number.isInteger(start) || start < 0 || start > rows.length)
    throw apiError('InvalidParameter', `The parameter "NextToken" is not a token this API returned: "${input.NextToken}".`);
  const size = input.PageSize ?? 100;
  const end = start + size;
  return { TagResources: rows.slice(start, end), ...(end < rows.length ? { NextToken: String(end) } : {}) };
};
