/**
 * Handlers of the ECS security-group actions, one export per action (`CreateSecurityGroup` ->
 * `createSecurityGroup`). A group belongs to one VPC of
 * the region; tags live in the shared tags table (resource type `securitygroup`).
 */
import type { Handler, HandlerContext } from '../context.js';
import { apiError } from '../context.js';
import type { ActionInput, InputValue } from '../../spec/ecs/types.js';
import { bool, list, matchesTags, str, tagPairs } from '../core/input.js';
import { paginate } from '../core/paging.js';
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

export const createSecurityGroup: Handler = (ctx, input) => {
  const token = str(input, 'ClientToken');
  if (token !== undefined) {
    const prior = repo.findSecurityGroupByToken(ctx.db, ctx.account.accountId, ctx.regionId, token);
    if (prior) return { SecurityGroupId: prior.securityGroupId };
  }
  const vpcId = str(input, 'VpcId');
  if (vpcId === undefined)
    throw apiError(
      'MissingParameter',
      'The input parameter "VpcId" that is mandatory for processing this request is not supplied (classic-network groups are not supported).',
    );
  if (!ctx.backend.queries.vpc?.findVpc(ctx.db, ctx.account.accountId, ctx.regionId, vpcId)) {
    throw apiError('InvalidVpcId.NotFound', `The specified VpcId "${vpcId}" does not exist in region ${ctx.regionId}.`);
  }
  const g: repo.SecurityGroupRecord = {
    securityGroupId: ctx.newId('sg-'),
    accountId: ctx.account.accountId,
    regionId: ctx.regionId,
    vpcId,
    name: str(input, 'SecurityGroupName') ?? '',
    description: str(input, 'Description') ?? '',
    type: (str(input, 'SecurityGroupType') ?? 'normal') as 'normal' | 'enterprise',
    resourceGroupId: resolveResourceGroup(ctx, str(input, 'ResourceGroupId'), 'InvalidResourceGroup.NotFound'),
    serviceManaged: bool(input, 'ServiceManaged') ?? false,
    clientToken: token ?? null,
    createdAt: ctx.now().getTime(),
  };
  repo.insertSecurityGroup(ctx.db, g);
  const t = tagPairs(input);
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

export const describeSecurityGroups: Handler = (ctx, input) => {
  const ids = [...list(input, 'SecurityGroupIds'), ...list(input, 'SecurityGroupId')];
  const vpcId = str(input, 'VpcId');
  const name = str(input, 'SecurityGroupName');
  const fuzzy = bool(input, 'FuzzyQuery') ?? false;
  const type = str(input, 'SecurityGroupType');
  const rg = str(input, 'ResourceGroupId');
  const wantTags = tagPairs(input);
  const all = repo
    .listSecurityGroups(ctx.db, ctx.account.accountId, ctx.regionId)
    .map((g) => ({ g, tags: tagsOf(ctx, g.securityGroupId) }))
    .filter(
      ({ g, tags: have }) =>
        (ids.length === 0 || ids.includes(g.securityGroupId)) &&
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
    TotalCount: page.totalCount,
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
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

export const describeSecurityGroupAttribute: Handler = (ctx, input) => {
  const g = mustFind(ctx, String(input['SecurityGroupId']));
  const direction = str(input, 'Direction') ?? 'all';
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
        Ipv6SourceCidrIp: '',
        Ipv6DestCidrIp: '',
        SourceGroupName: '',
        DestGroupName: '',
        SourceGroupOwnerAccount: '',
        DestGroupOwnerAccount: '',
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

export const modifySecurityGroupAttribute: Handler = (ctx, input) => {
  const g = mustFind(ctx, String(input['SecurityGroupId']));
  g.name = str(input, 'SecurityGroupName') ?? g.name;
  g.description = str(input, 'Description') ?? g.description;
  repo.updateSecurityGroup(ctx.db, g);
  return {};
};

export const deleteSecurityGroup: Handler = (ctx, input) => {
  const g = mustFind(ctx, String(input['SecurityGroupId']));
  const users = usersOf(ctx, g.securityGroupId);
  if (users.length > 0)
    throw apiError('DependencyViolation', `The security group ${g.securityGroupId} is still used by instances (${users.join(', ')}).`);
  repo.deleteSecurityGroup(ctx.db, g.securityGroupId);
  setTags(ctx.db, g.accountId, TAG_TYPE, g.securityGroupId, []);
  return {};
};

/** The rules of a request: `Permissions.N.*` entries, or the flat fields when no list is given. */
function requestedRules(input: ActionInput): Record<string, string>[] {
  const perms = input['Permissions'];
  const raw: Record<string, InputValue>[] = Array.isArray(perms) && perms.length > 0 ? (perms as Record<string, InputValue>[]) : [input];
  return raw.map((p) =>
    Object.fromEntries(
      Object.entries(p)
        .filter(([, v]) => typeof v !== 'object')
        .map(([k, v]) => [k, String(v)]),
    ),
  );
}

function ruleHandler(direction: 'ingress' | 'egress', mode: 'authorize' | 'revoke'): Handler {
  return (ctx, input) => {
    const g = mustFind(ctx, String(input['SecurityGroupId']));
    const existing = repo.listRules(ctx.db, g.securityGroupId).filter((r) => r.direction === direction);
    if (mode === 'revoke') {
      for (const id of list(input, 'SecurityGroupRuleId')) if (existing.some((r) => r.ruleId === id)) repo.deleteRule(ctx.db, id);
    }
    for (const p of requestedRules(input)) {
      if (mode === 'revoke' && p['IpProtocol'] === undefined) continue;
      if (p['IpProtocol'] === undefined)
        throw apiError(
          'MissingParameter',
          'The input parameter "IpProtocol" that is mandatory for processing this request is not supplied.',
        );
      const protocol = p['IpProtocol'].toLowerCase();
      const portRange = p['PortRange'] ?? (protocol === 'tcp' || protocol === 'udp' ? '' : '-1/-1');
      if (portRange === '')
        throw apiError(
          'MissingParameter',
          'The input parameter "PortRange" that is mandatory for processing this request is not supplied (tcp and udp need 1/65535-style ranges).',
        );
      const key = {
        ipProtocol: protocol,
        portRange,
        sourceCidrIp: p['SourceCidrIp'] ?? '',
        destCidrIp: p['DestCidrIp'] ?? '',
        sourceGroupId: p['SourceGroupId'] ?? '',
        policy: (p['Policy'] ?? 'accept').toLowerCase(),
        nicType: p['NicType'] ?? 'intranet',
      };
      const same = existing.find(
        (r) =>
          r.ipProtocol === key.ipProtocol &&
          r.portRange === key.portRange &&
          r.sourceCidrIp === key.sourceCidrIp &&
          r.destCidrIp === key.destCidrIp &&
          r.sourceGroupId === key.sourceGroupId &&
          r.policy === key.policy &&
          r.nicType === key.nicType,
      );
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
        destGroupId: '',
        sourcePortRange: p['SourcePortRange'] ?? '',
        priority: p['Priority'] ?? '1',
        description: p['Description'] ?? '',
        createdAt: ctx.now().getTime(),
      });
    }
    return {};
  };
}

export const authorizeSecurityGroup = ruleHandler('ingress', 'authorize');
export const revokeSecurityGroup = ruleHandler('ingress', 'revoke');
export { modifySecurityGroupPolicy } from './policy-handler.js';
