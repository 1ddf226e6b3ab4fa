/**
 * Schema of `alicloud_security_group`: an ECS security group in a VPC. Argument names follow the
 * official provider (`security_group_name` with the older alias `name`).
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { tagsParam } from '../../spec/ecs/images.js';
import { tagsAttribute } from '../common/index.js';

/** 2-128 characters, starting with a letter or Chinese character; letters, digits, `.`, `_`, `-`, `:` after. */
const nameValidators = [
  v.pattern(
    /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5._:-]{1,127}$/,
    '2 to 128 characters starting with a letter, then letters, digits, periods, underscores, hyphens or colons',
  ),
  v.notPrefixedWith('http://', 'https://'),
];
export const SECURITY_GROUP_TYPES = ['normal', 'enterprise'] as const;
export const INNER_ACCESS_POLICIES = ['Accept', 'Drop'] as const;

export const securityGroupSchema = defineSchema({
  description: 'An ECS security group: a virtual firewall for the instances of one VPC.',
  timeouts: { create: '5m', update: '5m', delete: '10m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'Security group id (`sg-...`).' }),
    vpc_id: attr.string({
      optional: true,
      computed: true,
      // Optional+Computed+ForceNew as upstream: only a configured, different VPC replaces the group.
      requiresReplace: ({ config }: { config: unknown }) => config !== null,
      validators: [v.nonEmpty()],
      description: "VPC of the group. If not set, the region's default VPC (created first when the region has none, as ECS does).",
      meta: { ecs: 'VpcId' },
    }),
    security_group_name: attr.string({
      optional: true,
      computed: true,
      conflictsWith: ['name'],
      validators: nameValidators,
      description: 'Name of the group.',
      meta: { ecs: 'SecurityGroupName' },
    }),
    name: attr.string({
      optional: true,
      computed: true,
      deprecated: 'Use security_group_name instead.',
      conflictsWith: ['security_group_name'],
      validators: nameValidators,
      description: 'Alias of `security_group_name`.',
    }),
    description: attr.string({
      optional: true,
      computed: true,
      validators: [v.length(2, 256), v.notPrefixedWith('http://', 'https://')],
      description: 'Description of the group.',
      meta: { ecs: 'Description' },
    }),
    security_group_type: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.oneOf(...SECURITY_GROUP_TYPES)],
      description: 'Type of the group. If not set, `normal`.',
      meta: { ecs: 'SecurityGroupType' },
    }),
    inner_access_policy: attr.string({
      optional: true,
      computed: true,
      conflictsWith: ['inner_access'],
      validators: [v.oneOf(...INNER_ACCESS_POLICIES)],
      description: 'Whether instances in the group reach each other. If not set, the cloud decides (`Accept`).',
    }),
    inner_access: attr.bool({
      optional: true,
      computed: true,
      deprecated: 'Use inner_access_policy instead.',
      conflictsWith: ['inner_access_policy'],
      description: 'Whether instances in the group reach each other (`true` is `inner_access_policy = "Accept"`).',
    }),
    resource_group_id: attr.string({
      optional: true,
      computed: true,
      validators: [v.nonEmpty()],
      description: 'Resource group of the group. If not set, the account default group. Changing it moves the group.',
      meta: { ecs: 'ResourceGroupId' },
    }),
    tags: tagsAttribute(tagsParam(), 'Tags of the group.'),
    create_time: attr.string({ computed: true, useStateForUnknown: true, description: 'Creation time (ISO 8601).' }),
  },
});

export type SecurityGroupState = StateOf<typeof securityGroupSchema>;
