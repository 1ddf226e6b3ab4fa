/**
 * Schema of `alicloud_security_group_rule`: one ingress or egress rule of a security group.
 * Argument names, defaults and replacement rules follow the official provider; only
 * `description` changes in place.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';

export const RULE_TYPES = ['ingress', 'egress'] as const;
export const RULE_PROTOCOLS = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'] as const;
export const RULE_POLICIES = ['accept', 'drop'] as const;
export const NIC_TYPES = ['internet', 'intranet'] as const;
/** The port range of protocols without ports (and the default). */
export const ALL_PORTS = '-1/-1';

/** Optional+Computed+ForceNew as upstream: only a configured, different value replaces the rule. */
const configured = ({ config }: { config: unknown }) => config !== null;

export const securityGroupRuleSchema = defineSchema({
  description: 'One rule of an ECS security group (AuthorizeSecurityGroup for ingress, AuthorizeSecurityGroupEgress for egress).',
  attributes: {
    id: attr.string({
      computed: true,
      useStateForUnknown: true,
      description: '`<security_group_id>:<type>:<ip_protocol>:<port_range>:<nic_type>:<peer>:<policy>:<priority>`, as upstream.',
    }),
    security_group_id: attr.string({
      required: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'The group the rule belongs to.',
      meta: { ecs: 'SecurityGroupId' },
    }),
    type: attr.string({
      required: true,
      requiresReplace: true,
      validators: [v.oneOf(...RULE_TYPES)],
      description: 'Direction: `ingress` (inbound) or `egress` (outbound).',
    }),
    ip_protocol: attr.string({
      required: true,
      requiresReplace: true,
      validators: [v.oneOf(...RULE_PROTOCOLS)],
      description: 'Protocol.',
      meta: { ecs: 'IpProtocol' },
    }),
    policy: attr.string({
      optional: true,
      default: 'accept',
      requiresReplace: true,
      validators: [v.oneOf(...RULE_POLICIES)],
      description: 'Accept or drop matching traffic.',
      meta: { ecs: 'Policy' },
    }),
    priority: attr.int({
      optional: true,
      default: 1,
      requiresReplace: true,
      validators: [v.range(1, 100)],
      description: 'Priority, 1 (highest) to 100.',
      meta: { ecs: 'Priority' },
    }),
    port_range: attr.string({
      optional: true,
      default: ALL_PORTS,
      requiresReplace: true,
      validators: [v.pattern(/^-?\d{1,5}\/-?\d{1,5}$/, 'a range such as 22/22 or 1/65535 (-1/-1 for protocols without ports)')],
      description: 'Port range: `start/end` for tcp and udp, `-1/-1` for the others.',
      meta: { ecs: 'PortRange' },
    }),
    nic_type: attr.string({
      optional: true,
      computed: true,
      requiresReplace: configured,
      validators: [v.oneOf(...NIC_TYPES)],
      description: 'Network type; VPC groups and group peers need `intranet` (the default).',
      meta: { ecs: 'NicType' },
    }),
    cidr_ip: attr.string({
      optional: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'IPv4 CIDR of the peer (source for ingress, destination for egress).',
    }),
    ipv6_cidr_ip: attr.string({
      optional: true,
      requiresReplace: true,
      conflictsWith: ['cidr_ip'],
      validators: [v.nonEmpty()],
      description: 'IPv6 CIDR of the peer.',
    }),
    source_security_group_id: attr.string({
      optional: true,
      requiresReplace: true,
      conflictsWith: ['cidr_ip'],
      validators: [v.nonEmpty()],
      description: 'Peer security group (source for ingress, destination for egress).',
    }),
    source_group_owner_account: attr.string({
      optional: true,
      requiresReplace: true,
      deprecated: 'Use source_group_owner_id instead.',
      description: 'Alibaba Cloud account of the peer group.',
    }),
    source_group_owner_id: attr.string({
      optional: true,
      requiresReplace: true,
      validators: [v.pattern(/^\d+$/, 'a numeric account id')],
      description: 'Account id of the peer group.',
    }),
    prefix_list_id: attr.string({
      optional: true,
      computed: true,
      requiresReplace: configured,
      description: 'Peer prefix list.',
    }),
    description: attr.string({
      optional: true,
      validators: [v.length(1, 512), v.notPrefixedWith('http://', 'https://')],
      description: 'Description of the rule (changes in place with ModifySecurityGroupRule).',
      meta: { ecs: 'Description' },
    }),
    security_group_rule_id: attr.string({ computed: true, useStateForUnknown: true, description: 'Rule id (`sgr-...`).' }),
  },
  atLeastOneOf: [['cidr_ip', 'ipv6_cidr_ip', 'source_security_group_id', 'prefix_list_id']],
});

export type SecurityGroupRuleState = StateOf<typeof securityGroupRuleSchema>;
