/**
 * `alicloud_ram_role`: CreateRole; GetRole and the role's tags on read; UpdateRole for the trust
 * policy, description and session length; TagResources/UntagResources; DeleteRole. A trust
 * policy RAM answers with other whitespace or key order than configured keeps the configured text.
 */
import { NO_STATE, defineResource } from '../../framework/index.js';
import {
  createRamRole,
  deleteRamRole,
  describeRamRole,
  setRamRoleTags,
  updateRamRole,
  type AlibabaCloudClient,
  type RamRole,
} from '../../ecs/index.js';
import { attempt, readRemote, syncAliasPlan } from '../common/index.js';
import { canonicalJson } from '../../spec/canonical-json.js';
import type { RamRoleState } from './schema.js';
import { ramRoleSchema } from './schema.js';

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidParameter.RoleName') || code === 'EntityAlreadyExists.Role'
    ? 'role_name'
    : code === 'MalformedPolicyDocument'
      ? 'assume_role_policy_document'
      : code.startsWith('InvalidParameter.Description')
        ? 'description'
        : code.startsWith('InvalidParameter.MaxSessionDuration')
          ? 'max_session_duration'
          : code.startsWith('InvalidParameter.Tag')
            ? 'tags'
            : undefined;

/** Same JSON value, whatever the spacing and key order. */
function sameJson(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  try {
    return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
  } catch {
    return false;
  }
}

/** The one-statement trust policy the deprecated `ram_users`, `services` and `version` stand for (as upstream assembles it). */
export function assembleTrustPolicy(ramUsers: readonly string[], services: readonly string[], version: string): string {
  const principal = { ...(ramUsers.length > 0 ? { RAM: [...ramUsers] } : {}), ...(services.length > 0 ? { Service: [...services] } : {}) };
  return JSON.stringify({ Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: principal }], Version: version });
}

/** `ram_users`, `services` and `version` read back from a trust policy (its first statement's principals). */
export function trustPolicyParts(doc: string): { ramUsers: string[]; services: string[]; version: string | null } {
  const list = (x: unknown): string[] => (Array.isArray(x) ? x.map(String) : typeof x === 'string' ? [x] : []);
  try {
    const p = JSON.parse(doc) as { Version?: unknown; Statement?: { Principal?: { RAM?: unknown; Service?: unknown } }[] };
    const principal = p.Statement?.[0]?.Principal ?? {};
    return { ramUsers: list(principal.RAM), services: list(principal.Service), version: p.Version == null ? null : String(p.Version) };
  } catch {
    return { ramUsers: [], services: [], version: null };
  }
}

function fromRole(r: RamRole, prior: Partial<RamRoleState>): RamRoleState {
  const doc = r.AssumeRolePolicyDocument ?? '';
  const kept = sameJson(prior.assume_role_policy_document, doc) ? prior.assume_role_policy_document! : doc;
  const parts = trustPolicyParts(doc);
  return {
    id: r.RoleName,
    role_name: r.RoleName,
    name: r.RoleName,
    assume_role_policy_document: kept,
    document: kept,
    ram_users: parts.ramUsers,
    services: parts.services,
    version: parts.version ?? prior.version ?? '1',
    description: r.Description || prior.description || null,
    max_session_duration: r.MaxSessionDuration ?? 3600,
    tags: Object.keys(r.Tags).length > 0 || (prior.tags && Object.keys(prior.tags).length === 0) ? r.Tags : null,
    force: prior.force ?? null,
    arn: r.Arn,
    role_id: r.RoleId,
    create_time: r.CreateDate,
  };
}

/** The policy of the deprecated arguments when the configuration sets `ram_users` or `services`. */
function deprecatedPolicy(config: {
  ram_users?: readonly string[] | null;
  services?: readonly string[] | null;
  version?: string | null;
}): string | undefined {
  if (config.ram_users == null && config.services == null) return undefined;
  return assembleTrustPolicy(config.ram_users ?? [], config.services ?? [], config.version ?? '1');
}

export const ramRoleResource = defineResource<typeof ramRoleSchema, AlibabaCloudClient>({
  typeName: 'alicloud_ram_role',
  schema: ramRoleSchema,
  docs: {
    subcategory: 'RAM',
    availableSince: '1.0.0',
    productDocs: { title: 'RAM roles', url: 'https://www.alibabacloud.com/help/en/ram/user-guide/ram-role-overview' },
    example: `resource "alicloud_ram_role" "default" {
  role_name                   = "terraform-example"
  assume_role_policy_document = jsonencode({
    Statement = [{ Action = "sts:AssumeRole", Effect = "Allow", Principal = { Service = ["ecs.aliyuncs.com"] } }]
    Version   = "1"
  })
  description = "Role of the web servers."
}
`,
    importId: 'ecs-image-builder',
  },

  async modifyPlan({ config, plan }) {
    syncAliasPlan(config, plan, 'role_name', 'name');
    syncAliasPlan(config, plan, 'assume_role_policy_document', 'document');
  },

  async create({ plan, config, client, diags, signal }) {
    const roleName = plan.role_name ?? plan.name;
    const document = plan.assume_role_policy_document ?? plan.document ?? deprecatedPolicy(config);
    if (!roleName || !document) {
      diags.addAttributeError(
        [{ attribute: roleName ? 'assume_role_policy_document' : 'role_name' }],
        'Missing Argument',
        roleName
          ? 'Set assume_role_policy_document (the trust policy; or the deprecated document, ram_users or services) to create a RAM role.'
          : 'Set role_name to create a RAM role.',
      );
      return NO_STATE;
    }
    const tags = Object.entries(plan.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
    const created = await attempt(diags, { summary: 'Cannot Create RAM Role', attributeFor }, () =>
      createRamRole(
        client,
        {
          RoleName: roleName,
          AssumeRolePolicyDocument: document,
          ...(plan.description ? { Description: plan.description } : {}),
          ...(plan.max_session_duration ? { MaxSessionDuration: plan.max_session_duration } : {}),
          ...(tags.length > 0 ? { Tag: JSON.stringify(tags) } : {}),
        },
        { signal },
      ),
    );
    if (created === NO_STATE) return NO_STATE;
    return attempt(diags, { summary: 'Cannot Read RAM Role' }, async () => {
      const role = await describeRamRole(client, created.RoleName, { signal });
      if (!role) throw new Error(`the role ${created.RoleName} was created but GetRole does not find it`);
      return fromRole(role, plan);
    });
  },

  read: (req) =>
    readRemote(
      req,
      (id) => describeRamRole(req.client, id, { signal: req.signal }),
      (r) => fromRole(r, req.state),
    ),

  async update({ plan, config, prior, changed, client, diags, signal }) {
    const id = prior.id!;
    return attempt(diags, { summary: 'Cannot Update RAM Role', attributeFor }, async () => {
      const docChanged = changed.has('assume_role_policy_document') || changed.has('document');
      const partsChanged = changed.has('ram_users') || changed.has('services') || changed.has('version');
      const newDocument = docChanged
        ? (plan.assume_role_policy_document ?? plan.document ?? deprecatedPolicy(config))
        : partsChanged
          ? deprecatedPolicy(config)
          : undefined;
      const input = {
        RoleName: id,
        ...(newDocument ? { NewAssumeRolePolicyDocument: newDocument } : {}),
        ...(changed.has('description') ? { NewDescription: plan.description ?? '' } : {}),
        ...(changed.has('max_session_duration') && plan.max_session_duration ? { NewMaxSessionDuration: plan.max_session_duration } : {}),
      };
      if (Object.keys(input).length > 1) await updateRamRole(client, input, { signal });
      if (changed.has('tags')) await setRamRoleTags(client, id, prior.tags ?? {}, plan.tags ?? {}, { signal });
      const role = await describeRamRole(client, id, { signal });
      if (!role) throw new Error(`the role ${id} no longer exists`);
      return fromRole(role, plan);
    });
  },

  async delete({ state, client, diags, signal }) {
    await attempt(diags, { summary: 'Cannot Delete RAM Role' }, () => deleteRamRole(client, state.id!, state.force === true, { signal }));
  },

  async importState({ id }) {
    return { id };
  },
});
