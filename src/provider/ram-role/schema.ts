/**
 * Schema of `alicloud_ram_role`: a RAM role and its trust policy. Names follow the official
 * provider (`role_name` with the deprecated alias `name`, `assume_role_policy_document` with the
 * deprecated alias `document`); the id is the role name.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';

const roleName = [v.length(1, 64), v.pattern(/^[A-Za-z0-9.-]+$/, 'letters, digits, `.` and `-`')];
const jsonValidator = v.custom<string>('must be a JSON document', (s) => {
  try {
    JSON.parse(s);
    return undefined;
  } catch (err) {
    return `must be valid JSON: ${(err as Error).message}`;
  }
});

export const ramRoleSchema = defineSchema({
  description: 'A RAM role: a trust policy deciding who may assume it (STS AssumeRole, ECS instances, cloud services).',
  timeouts: { create: '5m', update: '5m', delete: '5m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'The role name.' }),
    role_name: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      conflictsWith: ['name'],
      validators: roleName,
      description: 'Name of the role: 1 to 64 letters, digits, `.` and `-`, unique in the account (case-insensitive).',
    }),
    name: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      deprecated: 'Use role_name instead.',
      conflictsWith: ['role_name'],
      validators: roleName,
      description: 'Deprecated alias of `role_name`.',
    }),
    assume_role_policy_document: attr.string({
      optional: true,
      computed: true,
      conflictsWith: ['document', 'ram_users', 'services', 'version'],
      validators: [jsonValidator],
      description:
        'The trust policy (JSON): who may assume the role, e.g. `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}`.',
    }),
    document: attr.string({
      optional: true,
      computed: true,
      deprecated: 'Use assume_role_policy_document instead.',
      conflictsWith: ['assume_role_policy_document', 'ram_users', 'services', 'version'],
      validators: [jsonValidator],
      description: 'Deprecated alias of `assume_role_policy_document`.',
    }),
    ram_users: attr.set('string', {
      optional: true,
      computed: true,
      deprecated: 'Use assume_role_policy_document instead.',
      conflictsWith: ['assume_role_policy_document', 'document'],
      description:
        'Deprecated: RAM principals (e.g. `acs:ram::<account id>:root`) allowed to assume the role; with `services` and `version` they make a one-statement trust policy. Read back from the policy.',
    }),
    services: attr.set('string', {
      optional: true,
      computed: true,
      deprecated: 'Use assume_role_policy_document instead.',
      conflictsWith: ['assume_role_policy_document', 'document'],
      description: 'Deprecated: cloud services (e.g. `ecs.aliyuncs.com`) allowed to assume the role, in the policy made with `ram_users`.',
    }),
    version: attr.string({
      optional: true,
      default: '1',
      validators: [v.oneOf('1')],
      deprecated: 'Use assume_role_policy_document instead.',
      conflictsWith: ['assume_role_policy_document', 'document'],
      description: 'Deprecated: `Version` of the policy made from `ram_users` and `services`; read back from the policy.',
    }),
    description: attr.string({ optional: true, validators: [v.length(0, 1024)], description: 'Description, at most 1024 characters.' }),
    max_session_duration: attr.int({
      optional: true,
      computed: true,
      validators: [v.range(3600, 43200)],
      description: 'Longest session of the role in seconds, 3600 to 43200 (default 3600).',
    }),
    tags: attr.map('string', { optional: true, validators: [v.count(0, 20, 'tags')], description: 'Tags of the role (at most 20).' }),
    force: attr.bool({
      optional: true,
      description: "On destroy, first check the role's attached policies (a role with policies cannot be deleted).",
    }),
    arn: attr.string({
      computed: true,
      useStateForUnknown: true,
      description: 'ARN, `acs:ram::<accountId>:role/<role name in lower case>`.',
    }),
    role_id: attr.string({ computed: true, useStateForUnknown: true, description: 'The role id.' }),
    create_time: attr.string({ computed: true, useStateForUnknown: true, description: 'Creation time (ISO 8601).' }),
  },
});

export type RamRoleState = StateOf<typeof ramRoleSchema>;
