/**
 * ECS security-group rule operations in one direction-neutral shape: Authorize/Revoke
 * SecurityGroup(Egress), ModifySecurityGroup(Egress)Rule and the rules of
 * DescribeSecurityGroupAttribute. An ingress rule's peer is sent as `Source*`, an egress rule's
 * as `Dest*`; the address (`cidrIp`, `ipv6CidrIp`) goes to `SourceCidrIp` or `DestCidrIp` likewise.
 */
import {
  authorizeSecurityGroupEgressSpec,
  authorizeSecurityGroupSpec,
  describeSecurityGroupAttributeSpec,
  modifySecurityGroupEgressRuleSpec,
  modifySecurityGroupRuleSpec,
  revokeSecurityGroupEgressSpec,
  revokeSecurityGroupSpec,
} from '../spec/ecs/security-groups.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';

export type RuleDirection = 'ingress' | 'egress';

/** One rule, whichever direction; empty strings are "not set". */
export interface SecurityGroupRule {
  direction: RuleDirection;
  ipProtocol: string;
  portRange: string;
  nicType: string;
  policy: string;
  priority: string;
  cidrIp: string;
  ipv6CidrIp: string;
  peerGroupId: string;
  peerOwnerAccount: string;
  peerOwnerId: string;
  prefixListId: string;
  description: string;
  /** Set on rules read back (`sgr-...`). */
  ruleId?: string;
}

const orUndefined = (s: string) => (s === '' ? undefined : s);

/** The request fields of a rule in its direction's spelling. */
function wire(rule: SecurityGroupRule) {
  const ingress = rule.direction === 'ingress';
  const peer = ingress ? 'Source' : 'Dest';
  return {
    IpProtocol: rule.ipProtocol as 'tcp',
    PortRange: rule.portRange,
    NicType: orUndefined(rule.nicType) as 'intranet' | undefined,
    Policy: orUndefined(rule.policy) as 'accept' | undefined,
    Priority: orUndefined(rule.priority),
    Description: orUndefined(rule.description),
    [ingress ? 'SourceCidrIp' : 'DestCidrIp']: orUndefined(rule.cidrIp),
    [ingress ? 'Ipv6SourceCidrIp' : 'Ipv6DestCidrIp']: orUndefined(rule.ipv6CidrIp),
    [`${peer}GroupId`]: orUndefined(rule.peerGroupId),
    [`${peer}GroupOwnerAccount`]: orUndefined(rule.peerOwnerAccount),
    [`${peer}GroupOwnerId`]: rule.peerOwnerId === '' ? undefined : Number(rule.peerOwnerId),
    [`${peer}PrefixListId`]: orUndefined(rule.prefixListId),
  };
}

export async function authorizeSecurityGroupRule(
  client: AlibabaCloudClient,
  groupId: string,
  rule: SecurityGroupRule,
  opts: CallOptions = {},
): Promise<void> {
  const spec = rule.direction === 'ingress' ? authorizeSecurityGroupSpec : authorizeSecurityGroupEgressSpec;
  await callWithClientToken(client, spec, { SecurityGroupId: groupId, Permissions: [wire(rule)] } as never, opts);
}

export async function revokeSecurityGroupRule(
  client: AlibabaCloudClient,
  groupId: string,
  rule: SecurityGroupRule,
  opts: CallOptions = {},
): Promise<void> {
  const spec = rule.direction === 'ingress' ? revokeSecurityGroupSpec : revokeSecurityGroupEgressSpec;
  await client.call(spec, { SecurityGroupId: groupId, ...wire(rule) } as never, opts);
}

/** ModifySecurityGroup(Egress)Rule: the rule is matched by its fields; description (and priority) change. */
export async function modifySecurityGroupRule(
  client: AlibabaCloudClient,
  groupId: string,
  rule: SecurityGroupRule,
  opts: CallOptions = {},
): Promise<void> {
  const spec = rule.direction === 'ingress' ? modifySecurityGroupRuleSpec : modifySecurityGroupEgressRuleSpec;
  const { Policy: _policy, ...fields } = wire(rule);
  await client.call(spec, { SecurityGroupId: groupId, ...fields, Description: rule.description } as never, { idempotent: true, ...opts });
}

/** The group's rules in one direction (DescribeSecurityGroupAttribute, every page). */
export async function listSecurityGroupRules(
  client: AlibabaCloudClient,
  groupId: string,
  direction: RuleDirection,
  opts: CallOptions = {},
): Promise<SecurityGroupRule[]> {
  const all: SecurityGroupRule[] = [];
  let token: string | undefined;
  do {
    const body = await client.call(
      describeSecurityGroupAttributeSpec,
      { SecurityGroupId: groupId, Direction: direction, MaxResults: 1000, NextToken: token },
      opts,
    );
    for (const p of body.Permissions.Permission) {
      const ingress = direction === 'ingress';
      all.push({
        direction,
        ruleId: p.SecurityGroupRuleId,
        ipProtocol: p.IpProtocol.toLowerCase(),
        portRange: p.PortRange,
        nicType: p.NicType,
        policy: p.Policy.toLowerCase(),
        priority: p.Priority,
        cidrIp: ingress ? p.SourceCidrIp : p.DestCidrIp,
        ipv6CidrIp: ingress ? p.Ipv6SourceCidrIp : p.Ipv6DestCidrIp,
        peerGroupId: ingress ? p.SourceGroupId : p.DestGroupId,
        peerOwnerAccount: ingress ? p.SourceGroupOwnerAccount : p.DestGroupOwnerAccount,
        peerOwnerId: '',
        prefixListId: ingress ? p.SourcePrefixListId : p.DestPrefixListId,
        description: p.Description,
      });
    }
    token = body.NextToken || undefined;
  } while (token);
  return all;
}
