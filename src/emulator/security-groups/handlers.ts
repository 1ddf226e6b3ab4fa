/**
 * Handlers of the ECS security-group actions, one export per action (`CreateSecurityGroup` ->
 * `createSecurityGroup`). A group belongs to one VPC of
 * the region; tags live in the shared tags table (resource type `securitygroup`).
 */
import type { HandlerContext, HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import type { InputOf } from '../../spec/ecs/infer.js';
import type {
  authorizeSecurityGroupSpec,
  createSecurityGroupSpec,
  deleteSecurityGroupSpec,
  describeSecurityGroupAttributeSpec,
  describeSecurityGroupsSpec,
  modifySecurityGroupAttributeSpec,
  revokeSecurityGroupSpec,
} from '../../spec/ecs/security-groups.js';
import { given, ids, matchesTags, tagPairs } from '../core/input.js';
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

export const createSecurityGroup: HandlerOf<typeof createSecurityGroupSpec> = (ctx, input) => {
  const token = given(input.ClientToken);
  if (token !== undefined) {
    const prior = repo.findSecurityGroupByToken(ctx.db, ctx.account.accountId, ctx.regionId, token);
    if (prior) return { SecurityGroupId: prior.securityGroupId };
  }
  const vpcId = given(input.VpcId);
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

/** The input of AuthorizeSecurityGroup and RevokeSecurityGroup (Revoke adds `SecurityGroupRuleId.N`). */
type RuleInput = InputOf<typeof authorizeSecurityGroupSpec> & Pick<InputOf<typeof revokeSecurityGroupSpec>, 'SecurityGroupRuleId'>;

/** The rules of a request: `Permissions.N.*` entries, or the flat fields when no list is given. */
function requestedRules(input: RuleInput): NonNullable<RuleInput['Permissions']> {
  return input.Permissions && input.Permissions.length > 0 ? input.Permissions : [input];
}

function ruleHandler(direction: 'ingress' | 'egress', mode: 'authorize' | 'revoke') {
  return (ctx: HandlerContext, input: RuleInput): Record<string, never> => {
    const g = mustFind(ctx, input.SecurityGroupId);
    const existing = repo.listRules(ctx.db, g.securityGroupId).filter((r) => r.direction === direction);
    if (mode === 'revoke') {
      for (const id of ids(input.SecurityGroupRuleId)) if (existing.some((r) => r.ruleId === id)) repo.deleteRule(ctx.db, id);
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

export const authorizeSecurityGroup: HandlerOf<typeof authorizeSecurityGroupSpec> = ruleHandler('ingress', 'authorize');
export const revokeSecurityGroup: HandlerOf<typeof revokeSecurityGroupSpec> = ruleHandler('ingress', 'revoke');
export { modifySecurityGroupPolicy } from './policy-handler.js';
