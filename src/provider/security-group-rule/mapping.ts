/** Pure mapping between `alicloud_security_group_rule` state, its id and the rule operations. */
import type { SecurityGroupRule } from '../../ecs/index.js';
import { optionalString } from '../common/index.js';
import type { SecurityGroupRuleState } from './schema.js';

type Planned = { [K in keyof SecurityGroupRuleState]: SecurityGroupRuleState[K] | undefined };

/** The rule a plan or state describes. */
export function toRule(p: Planned): SecurityGroupRule {
  return {
    direction: p.type === 'egress' ? 'egress' : 'ingress',
    ipProtocol: p.ip_protocol ?? '',
    portRange: p.port_range ?? '-1/-1',
    nicType: p.nic_type ?? '',
    policy: p.policy ?? 'accept',
    priority: String(p.priority ?? 1),
    cidrIp: p.cidr_ip ?? '',
    ipv6CidrIp: p.ipv6_cidr_ip ?? '',
    peerGroupId: p.source_security_group_id ?? '',
    peerOwnerAccount: p.source_group_owner_account ?? '',
    peerOwnerId: p.source_group_owner_id ?? '',
    prefixListId: p.prefix_list_id ?? '',
    description: p.description ?? '',
  };
}

/** Upstream's id: group, direction, protocol, ports, NIC type, peer (IPv6 with `_` for `:`), policy, priority. */
export function ruleId(groupId: string, r: SecurityGroupRule): string {
  const peer = r.cidrIp || r.ipv6CidrIp.replaceAll(':', '_') || r.peerGroupId || r.prefixListId;
  return [groupId, r.direction, r.ipProtocol, r.portRange, r.nicType || 'intranet', peer, r.policy, r.priority].join(':');
}

export interface ParsedRuleId {
  groupId: string;
  direction: 'ingress' | 'egress';
  ipProtocol: string;
  portRange: string;
  nicType: string;
  peer: string;
  policy: string;
  priority: string;
}

/** Parse an id of {@link ruleId} (older ids without policy and priority mean accept and 1); undefined when malformed. */
export function parseRuleId(id: string): ParsedRuleId | undefined {
  const parts = id.split(':');
  if (parts.length !== 6 && parts.length !== 8) return undefined;
  const [groupId, direction, ipProtocol, portRange, nicType, peer, policy = 'accept', priority = '1'] = parts as [string, ...string[]];
  if (!groupId || (direction !== 'ingress' && direction !== 'egress') || !ipProtocol || !portRange) return undefined;
  return { groupId, direction, ipProtocol, portRange, nicType: nicType!, peer: peer!, policy: policy.toLowerCase(), priority };
}

/** The described rule an id names, if any. */
export function findRule(rules: readonly SecurityGroupRule[], id: ParsedRuleId): SecurityGroupRule | undefined {
  const peer = id.peer.replaceAll('_', ':');
  return rules.find(
    (r) =>
      r.ipProtocol === id.ipProtocol &&
      r.portRange === id.portRange &&
      (id.nicType === '' || id.nicType === '<nil>' || r.nicType === id.nicType) &&
      r.policy === id.policy &&
      r.priority === id.priority &&
      [r.cidrIp, r.ipv6CidrIp, r.peerGroupId, r.prefixListId].includes(peer),
  );
}

/** State from a described rule; `prior` keeps null for optional values the config leaves unset. */
export function fromRule(
  id: string,
  groupId: string,
  r: SecurityGroupRule,
  prior: Partial<SecurityGroupRuleState>,
): SecurityGroupRuleState {
  return {
    id,
    security_group_id: groupId,
    type: r.direction,
    ip_protocol: r.ipProtocol,
    policy: r.policy,
    priority: Number(r.priority),
    port_range: r.portRange,
    nic_type: r.nicType,
    cidr_ip: optionalString(r.cidrIp, prior.cidr_ip),
    ipv6_cidr_ip: optionalString(r.ipv6CidrIp, prior.ipv6_cidr_ip),
    source_security_group_id: optionalString(r.peerGroupId, prior.source_security_group_id),
    source_group_owner_account: prior.source_group_owner_account ?? null,
    source_group_owner_id: prior.source_group_owner_id ?? null,
    prefix_list_id: r.prefixListId,
    description: optionalString(r.description, prior.description),
    security_group_rule_id: r.ruleId ?? '',
  };
}
