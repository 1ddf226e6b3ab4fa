/**
 * Handlers of the ECS security-group actions, one export per action (`CreateSecurityGroup` ->
 * `createSecurityGroup`). A group belongs to one VPC of
 * the region; tags live in the shared tags table (resource type `securitygroup`).
 */
import type { HandlerContext, HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import type {
  authorizeSecurityGroupEgressSpec,
  authorizeSecurityGroupSpec,
  modifySecurityGroupEgressRuleSpec,
  modifySecurityGroupRuleSpec,
  revokeSecurityGroupEgressSpec,
  createSecurityGroupSpec,
  deleteSecurityGroupSpec,
  describeSecurityGroupAttributeSpec,
  describeSecurityGroupsSpec,
  modifySecurityGroupAttributeSpec,
  revokeSecurityGroupSpec,
} from '../../spec/ecs/security-groups.js';
import { given, ids, matchesTags, tagPairs } from '../core/input.js';
import { pageCounts, paginate } from '../core/paging.js';
import { isoSeconds } from '../core/time.js';
import { resolveResourceGroup } from '../resource-groups/repository.js';
import { getTags, setTags } from '../tags/repository.js';
import * as repo from './repository.js';

const TAG_TYPE = 'securitygroup';

function mustFind(ctx: HandlerContext, id: string): repo.SecurityGroupRecord {
  const g = repo.findSecurityGroup(ctx.db, ctx.account.accountId, ctx.regionId, id);
  if (!g)
    throw apiError('InvalidSecurityGroupId.NotFound', `The specified SecurityGroupId "${id}" does not exist in region ${ctx.regionId}.`);
  return g;
}

function tagsOf(ctx: HandlerContext, id: string): { Key: string; Value: string }[] {
  return getTags(ctx.db, ctx.account.accountId, TAG_TYPE, id).map((t) => ({ Key: t.key, Value: t.value }));
}

export const createSecurityGroup: HandlerOf<typeof createSecurityGroupSpec> = (ctx, input) => {
  const token = given(input.ClientToken);
  if (token !== undefined) {
    const prior = repo.findSecurityGroupByToken(ctx.db, ctx.account.accountId, ctx.regionId, token);
    if (prior) return { SecurityGroupId: prior.securityGroupId };
  }
  // Without VpcId the group goes to the region's default VPC, which ECS creates first when missing.
  const vpcId = given(input.VpcId) ?? ctx.backend.queries.vpc?.ensureDefaultVpc(ctx).vpcId;
  if (vpcId === undefined)
    throw apiError(
      'MissingParameter',
      'The input parameter "VpcId" that is mandatory for processing this request is not supplied (the vpc family is not served).',
    );
  if (!ctx.backend.queries.vpc?.findVpc(ctx.db, ctx.account.accountId, ctx.regionId, vpcId)) {
    throw apiError('InvalidVpcId.NotFound', `The specified VpcId "${vpcId}" does not exist in region ${ctx.regionId}.`);
  }
  const g: repo.SecurityGroupRecord = {
    securityGroupId: ctx.newId('sg-'),
    accountId: ctx.account.accountId,
    regionId: ctx.regionId,
    vpcId,
    name: given(input.SecurityGroupName) ?? '',
    description: given(input.Description) ?? '',
    type: input.SecurityGroupType ?? 'normal',
    resourceGroupId: resolveResourceGroup(ctx, given(input.ResourceGroupId), 'InvalidResourceGroup.NotFound'),
    serviceManaged: input.ServiceManaged ?? false,
    clientToken: token ?? null,
    createdAt: ctx.now().getTime(),
  };
  repo.insertSecurityGroup(ctx.db, g);
  const t = tagPairs(input.Tag);
  if (t.length > 0)
    setTags(
      ctx.db,
      g.accountId,
      TAG_TYPE,
      g.securityGroupId,
      t.map((x) => ({ key: x.Key, value: x.Value })),
    );
  return { SecurityGroupId: g.securityGroupId };
};

export const describeSecurityGroups: HandlerOf<typeof describeSecurityGroupsSpec> = (ctx, input) => {
  const groupIds = [...ids(input.SecurityGroupIds), ...ids(input.SecurityGroupId?.split(','))];
  const vpcId = given(input.VpcId);
  const name = given(input.SecurityGroupName);
  const fuzzy = input.FuzzyQuery ?? false;
  const type = given(input.SecurityGroupType);
  const rg = given(input.ResourceGroupId);
  const wantTags = tagPairs(input.Tag);
  const all = repo
    .listSecurityGroups(ctx.db, ctx.account.accountId, ctx.regionId)
    .map((g) => ({ g, tags: tagsOf(ctx, g.securityGroupId) }))
    .filter(
      ({ g, tags: have }) =>
        (groupIds.length === 0 || groupIds.includes(g.securityGroupId)) &&
        (vpcId === undefined || g.vpcId === vpcId) &&
        (name === undefined || (fuzzy ? g.name.includes(name) : g.name === name)) &&
        (type === undefined || g.type === type) &&
        (rg === undefined || g.resourceGroupId === rg) &&
        matchesTags(have, wantTags),
    );
  // MaxResults/NextToken are accepted by the table but, as before, this action pages by number only.
  const page = paginate(all, { PageNumber: input.PageNumber, PageSize: input.PageSize });
  return {
    RegionId: ctx.regionId,
    ...pageCounts(page),
    NextToken: '',
    SecurityGroups: {
      SecurityGroup: page.items.map(({ g, tags: have }) => {
        const ecs = countUsers(ctx, g.securityGroupId);
        return {
          SecurityGroupId: g.securityGroupId,
          SecurityGroupName: g.name,
          Description: g.description,
          SecurityGroupType: g.type,
          VpcId: g.vpcId,
          CreationTime: isoSeconds(g.createdAt),
          ResourceGroupId: g.resourceGroupId,
          ServiceManaged: g.serviceManaged,
          EcsCount: ecs,
          AvailableInstanceAmount: (g.type === 'normal' ? 2000 : 65536) - ecs,
          RuleCount: repo.listRules(ctx.db, g.securityGroupId).length,
          GroupToGroupRuleCount: 0,
          Tags: { Tag: have.map((t) => ({ TagKey: t.Key, TagValue: t.Value })) },
        };
      }),
    },
  };
};

function countUsers(ctx: HandlerContext, groupId: string): number {
  return usersOf(ctx, groupId).length;
}

function usersOf(ctx: HandlerContext, groupId: string): string[] {
  return ctx.backend.queries.instances?.inSecurityGroup(ctx.db, ctx.account.accountId, ctx.regionId, groupId) ?? [];
}

export const describeSecurityGroupAttribute: HandlerOf<typeof describeSecurityGroupAttributeSpec> = (ctx, input) => {
  const g = mustFind(ctx, input.SecurityGroupId);
  const direction = input.Direction ?? 'all';
  const rules = repo.listRules(ctx.db, g.securityGroupId).filter((r) => direction === 'all' || r.direction === direction);
  return {
    RegionId: g.regionId,
    SecurityGroupId: g.securityGroupId,
    SecurityGroupName: g.name,
    Description: g.description,
    VpcId: g.vpcId,
    InnerAccessPolicy: repo.innerAccessPolicyOf(g),
    NextToken: '',
    Permissions: {
      Permission: rules.map((r) => ({
        SecurityGroupRuleId: r.ruleId,
        Direction: r.direction,
        IpProtocol: r.ipProtocol.toUpperCase(),
        PortRange: r.portRange,
        SourceCidrIp: r.sourceCidrIp,
        DestCidrIp: r.destCidrIp,
        SourceGroupId: r.sourceGroupId,
        DestGroupId: r.destGroupId,
        SourcePortRange: r.sourcePortRange,
        Policy: r.policy,
        Priority: r.priority,
        NicType: r.nicType,
        Description: r.description,
        CreateTime: isoSeconds(r.createdAt),
        Ipv6SourceCidrIp: r.ipv6SourceCidrIp,
        Ipv6DestCidrIp: r.ipv6DestCidrIp,
        SourceGroupName: '',
        DestGroupName: '',
        SourceGroupOwnerAccount: r.direction === 'ingress' ? r.peerOwnerAccount : '',
        DestGroupOwnerAccount: r.direction === 'egress' ? r.peerOwnerAccount : '',
        SourcePrefixListId: '',
        DestPrefixListId: '',
        SourcePrefixListName: '',
        DestPrefixListName: '',
        PortRangeListId: '',
        PortRangeListName: '',
      })),
    },
  };
};

export const modifySecurityGroupAttribute: HandlerOf<typeof modifySecurityGroupAttributeSpec> = (ctx, input) => {
  const g = mustFind(ctx, input.SecurityGroupId);
  g.name = given(input.SecurityGroupName) ?? g.name;
  g.description = given(input.Description) ?? g.description;
  repo.updateSecurityGroup(ctx.db, g);
  return {};
};

export const deleteSecurityGroup: HandlerOf<typeof deleteSecurityGroupSpec> = (ctx, input) => {
  const g = mustFind(ctx, input.SecurityGroupId);
  const users = usersOf(ctx, g.securityGroupId);
  if (users.length > 0)
    throw apiError('DependencyViolation', `The security group ${g.securityGroupId} is still used by instances (${users.join(', ')}).`);
  repo.deleteSecurityGroup(ctx.db, g.securityGroupId);
  setTags(ctx.db, g.accountId, TAG_TYPE, g.securityGroupId, []);
  return {};
};

/** One rule of a request, either direction (ingress peers are Source*, egress peers Dest*). */
type RulePermission = Partial<Record<string, string | number>>;
/** Inputs of Authorize/Revoke(Egress): the flat rule or `Permissions.N.*`; Revoke adds `SecurityGroupRuleId.N`. */
interface RuleInput {
  SecurityGroupId: string;
  Permissions?: readonly object[];
  SecurityGroupRuleId?: readonly string[];
}

/** The rules of a request: `Permissions.N.*` entries, or the flat fields when no list is given. */
function requestedRules(input: RuleInput): RulePermission[] {
  return (input.Permissions && input.Permissions.length > 0 ? input.Permissions : [input]) as RulePermission[];
}

const str = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

/** The identifying fields of a requested rule (what Revoke and ModifySecurityGroupRule match on), checked as ECS does. */
function ruleKey(ctx: HandlerContext, direction: 'ingress' | 'egress', p: RulePermission, required: boolean) {
  const peer = direction === 'ingress' ? 'Source' : 'Dest';
  if (p['IpProtocol'] === undefined) {
    if (!required) return undefined;
    throw apiError('MissingParameter', 'The input parameter "IpProtocol" that is mandatory for processing this request is not supplied.');
  }
  const protocol = String(p['IpProtocol']).toLowerCase();
  const ranged = protocol === 'tcp' || protocol === 'udp';
  const portRange = str(p['PortRange']) || (ranged ? '' : '-1/-1');
  if (portRange === '')
    throw apiError(
      'MissingParameter',
      'The input parameter "PortRange" that is mandatory for processing this request is not supplied (tcp and udp need 1/65535-style ranges).',
    );
  if (ranged ? portRange === '-1/-1' : portRange !== '-1/-1')
    throw apiError(
      'InvalidParam.PortRange',
      `The port range "${portRange}" does not suit ${protocol}: tcp and udp take 1/65535-style ranges, others -1/-1.`,
    );
  const prefixList = str(p[`${peer}PrefixListId`]);
  if (prefixList)
    throw apiError('InvalidPrefixListId.NotFound', `The prefix list "${prefixList}" does not exist (the emulator serves none).`);
  const group = str(p[`${peer}GroupId`]);
  if (group && !repo.findSecurityGroup(ctx.db, ctx.account.accountId, ctx.regionId, group))
    throw apiError(
      'InvalidSecurityGroupId.NotFound',
      `The ${peer.toLowerCase()} security group "${group}" does not exist in region ${ctx.regionId}.`,
    );
  return {
    ipProtocol: protocol,
    portRange,
    sourceCidrIp: str(p['SourceCidrIp']),
    destCidrIp: str(p['DestCidrIp']),
    ipv6SourceCidrIp: str(p['Ipv6SourceCidrIp']),
    ipv6DestCidrIp: str(p['Ipv6DestCidrIp']),
    sourceGroupId: direction === 'ingress' ? group : '',
    destGroupId: direction === 'egress' ? group : '',
    policy: (str(p['Policy']) || 'accept').toLowerCase(),
    nicType: str(p['NicType']) || 'intranet',
  };
}

type RuleKey = NonNullable<ReturnType<typeof ruleKey>>;
const sameRule = (r: repo.RuleRecord, k: RuleKey) => (Object.keys(k) as (keyof RuleKey)[]).every((f) => r[f] === k[f]);

function ruleHandler(direction: 'ingress' | 'egress', mode: 'authorize' | 'revoke') {
  const peer = direction === 'ingress' ? 'Source' : 'Dest';
  return (ctx: HandlerContext, input: RuleInput): Record<string, never> => {
    const g = mustFind(ctx, input.SecurityGroupId);
    const existing = repo.listRules(ctx.db, g.securityGroupId).filter((r) => r.direction === direction);
    if (mode === 'revoke') {
      for (const id of ids(input.SecurityGroupRuleId)) if (existing.some((r) => r.ruleId === id)) repo.deleteRule(ctx.db, id);
    }
    for (const p of requestedRules(input)) {
      const key = ruleKey(ctx, direction, p, mode === 'authorize');
      if (!key) continue;
      const same = existing.find((r) => sameRule(r, key));
      if (mode === 'revoke') {
        if (same) repo.deleteRule(ctx.db, same.ruleId);
        continue;
      }
      if (same) continue;
      repo.insertRule(ctx.db, {
        ruleId: ctx.newId('sgr-'),
        securityGroupId: g.securityGroupId,
        direction,
        ...key,
        sourcePortRange: str(p['SourcePortRange']),
        priority: str(p['Priority']) || '1',
        description: str(p['Description']),
        createdAt: ctx.now().getTime(),
        peerOwnerAccount: str(p[`${peer}GroupOwnerAccount`]) || str(p[`${peer}GroupOwnerId`]),
      });
    }
    return {};
  };
}

/** ModifySecurityGroup(Egress)Rule: the rule by id, or the one matching the given fields; description, priority and policy change. */
function modifyRuleHandler(direction: 'ingress' | 'egress') {
  return (ctx: HandlerContext, request: { SecurityGroupId: string; SecurityGroupRuleId?: string }): Record<string, never> => {
    const input = request as RulePermission & typeof request;
    const g = mustFind(ctx, input.SecurityGroupId);
    const rules = repo.listRules(ctx.db, g.securityGroupId).filter((r) => r.direction === direction);
    const byId = given(input.SecurityGroupRuleId);
    const rule =
      byId !== undefined
        ? rules.find((r) => r.ruleId === byId)
        : (() => {
            const key = ruleKey(ctx, direction, { ...input, Policy: undefined }, true)!;
            return rules.find((r) => sameRule(r, { ...key, policy: r.policy }));
          })();
    if (!rule) throw apiError('InvalidSecurityGroupRule.NotFound', `No ${direction} rule of ${g.securityGroupId} matches the request.`);
    if (input['Description'] !== undefined) rule.description = str(input['Description']);
    if (input['Priority'] !== undefined) rule.priority = str(input['Priority']);
    if (input['Policy'] !== undefined) rule.policy = str(input['Policy']).toLowerCase();
    repo.updateRule(ctx.db, rule);
    return {};
  };
}

export const authorizeSecurityGroup: HandlerOf<typeof authorizeSecurityGroupSpec> = ruleHandler('ingress', 'authorize');
export const revokeSecurityGroup: HandlerOf<typeof revokeSecurityGroupSpec> = ruleHandler('ingress', 'revoke');
export const authorizeSecurityGroupEgress: HandlerOf<typeof authorizeSecurityGroupEgressSpec> = ruleHandler('egress', 'authorize');
export const revokeSecurityGroupEgress: HandlerOf<typeof revokeSecurityGroupEgressSpec> = ruleHandler('egress', 'revoke');
export const modifySecurityGroupRule: HandlerOf<typeof modifySecurityGroupRuleSpec> = modifyRuleHandler('ingress');
export const modifySecurityGroupEgressRule: HandlerOf<typeof modifySecurityGroupEgressRuleSpec> = modifyRuleHandler('egress');
export { modifySecurityGroupPolicy } from './policy-handler.js';
