/**
 * `alicloud_security_group_rule`: AuthorizeSecurityGroup (ingress) or AuthorizeSecurityGroupEgress
 * (egress) with one permission; the id names the rule as upstream's does, and read finds it among
 * DescribeSecurityGroupAttribute's permissions; ModifySecurityGroup(Egress)Rule changes the
 * description; Revoke* deletes (a group already gone counts as deleted).
 */
import { NO_STATE, defineResource, type ConfigValidator } from '../../framework/index.js';
import {
  authorizeSecurityGroupRule,
  isNotFoundError,
  listSecurityGroupRules,
  modifySecurityGroupRule,
  revokeSecurityGroupRule,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { attempt, readRemote } from '../common/index.js';
import { SECURITY_GROUP_RULE_EXAMPLE } from './example.js';
import { findRule, fromRule, parseRuleId, ruleId, toRule } from './mapping.js';
import { ALL_PORTS, securityGroupRuleSchema } from './schema.js';

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidPortRange') || code === 'InvalidParam.PortRange'
    ? 'port_range'
    : code.startsWith('InvalidSecurityGroupId')
      ? 'security_group_id'
      : code.startsWith('InvalidPrefixListId')
        ? 'prefix_list_id'
        : code.startsWith('InvalidPriority')
          ? 'priority'
          : undefined;

/** Upstream's checks before calling: port ranges per protocol, and intranet only for group peers (every group here is in a VPC). */
const checkConfig: ConfigValidator<typeof securityGroupRuleSchema> = (config, diags) => {
  if (!config) return;
  const { ip_protocol: protocol, port_range: ports, nic_type: nic } = config;
  const range = ports === null ? ALL_PORTS : ports;
  if (protocol !== undefined && protocol !== null && range !== undefined) {
    const ranged = protocol === 'tcp' || protocol === 'udp';
    if (ranged && range === ALL_PORTS)
      diags.addAttributeError(
        [{ attribute: 'port_range' }],
        'Invalid Port Range',
        `"tcp" and "udp" take a port range such as 22/22 or 1/65535, not ${ALL_PORTS}.`,
      );
    if (!ranged && range !== ALL_PORTS)
      diags.addAttributeError(
        [{ attribute: 'port_range' }],
        'Invalid Port Range',
        `"${protocol}" only takes the port range ${ALL_PORTS}, got "${range}".`,
      );
  }
  if (nic === 'internet')
    diags.addAttributeError(
      [{ attribute: 'nic_type' }],
      'Invalid NIC Type',
      'Security groups in a VPC (every group of this provider) and rules with a peer group need nic_type = "intranet".',
    );
};

export const securityGroupRuleResource = defineResource<typeof securityGroupRuleSchema, AlibabaCloudClient>({
  typeName: 'alicloud_security_group_rule',
  schema: securityGroupRuleSchema,
  docs: {
    subcategory: 'ECS',
    availableSince: '1.0.0',
    productDocs: {
      title: 'AuthorizeSecurityGroup',
      url: 'https://www.alibabacloud.com/help/en/ecs/developer-reference/api-authorizesecuritygroup',
    },
    example: SECURITY_GROUP_RULE_EXAMPLE,
    importId: 'sg-default-1234567890123456:ingress:tcp:22/22:intranet:10.0.0.0/8:accept:1',
    importNote: '`source_group_owner_account` and `source_group_owner_id` are not read back by import.',
  },
  configValidators: [checkConfig],

  async create({ plan, client, diags, signal }) {
    const groupId = plan.security_group_id!;
    const rule = { ...toRule(plan), nicType: plan.nic_type ?? 'intranet' };
    const done = await attempt(diags, { summary: 'Cannot Create Security Group Rule', attributeFor }, async () => {
      await authorizeSecurityGroupRule(client, groupId, rule, { signal });
      const id = ruleId(groupId, rule);
      const found = findRule(await listSecurityGroupRules(client, groupId, rule.direction, { signal }), parseRuleId(id)!);
      if (!found) throw new Error(`the rule ${id} was authorized but is not among the group's rules`);
      return fromRule(id, groupId, found, plan);
    });
    return done;
  },

  async read(req) {
    const { state, client, diags, signal } = req;
    const id = parseRuleId(state.id!);
    if (!id) {
      diags.addAttributeError(
        [{ attribute: 'id' }],
        'Malformed Rule Id',
        `"${state.id}" is not <group>:<type>:<protocol>:<ports>:<nic>:<peer>:<policy>:<priority>.`,
      );
      return NO_STATE;
    }
    // The rule has no describe of its own: list the group's rules of its direction and find it.
    return readRemote(
      req,
      async () => {
        try {
          return findRule(await listSecurityGroupRules(client, id.groupId, id.direction, { signal }), id) ?? null;
        } catch (err) {
          if (isNotFoundError(err, ['InvalidSecurityGroupId.NotFound'])) return null;
          throw err;
        }
      },
      (found) => fromRule(state.id!, id.groupId, found, state),
    );
  },

  async update({ plan, prior, client, diags, signal }) {
    const groupId = prior.security_group_id!;
    return attempt(diags, { summary: 'Cannot Update Security Group Rule', attributeFor }, async () => {
      await modifySecurityGroupRule(client, groupId, { ...toRule(prior), description: plan.description ?? '' }, { signal });
      const id = parseRuleId(prior.id!)!;
      const found = findRule(await listSecurityGroupRules(client, groupId, id.direction, { signal }), id);
      if (!found) throw new Error(`the rule ${prior.id} disappeared during the update`);
      return fromRule(prior.id!, groupId, found, plan);
    });
  },

  async delete({ state, client, diags, signal }) {
    await attempt(diags, { summary: 'Cannot Delete Security Group Rule' }, async () => {
      try {
        await revokeSecurityGroupRule(client, state.security_group_id!, toRule(state), { signal });
      } catch (err) {
        if (!isNotFoundError(err, ['InvalidSecurityGroupId.NotFound'])) throw err;
      }
    });
  },

  async importState({ id }) {
    return parseRuleId(id) ? { id } : null;
  },
});
