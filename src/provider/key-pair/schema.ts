/**
 * Schema of `alicloud_ecs_key_pair` and its older name `alicloud_key_pair` (the official provider
 * serves both with one schema): an SSH key pair made by ECS (private key written to `key_file`)
 * or imported from `public_key`.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { tagsParam } from '../../spec/ecs/images.js';
import { tagsAttribute } from '../common/index.js';

const nameValidators = [
  v.length(2, 128),
  v.pattern(/^[A-Za-z][A-Za-z0-9:_.-]*$/, 'a name starting with a letter, then letters, digits, ":", "_", "." or "-"'),
];

export const keyPairSchema = defineSchema({
  description: 'An ECS SSH key pair: made by ECS (the private key is written to `key_file`) or imported from `public_key`.',
  timeouts: { create: '10m', update: '10m', delete: '10m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'The key pair name.' }),
    key_pair_name: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      conflictsWith: ['key_name'],
      validators: nameValidators,
      description: 'Name of the key pair. If neither it, `key_name` nor `key_name_prefix` is set, a unique name is generated.',
      meta: { ecs: 'KeyPairName' },
    }),
    key_name: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      conflictsWith: ['key_pair_name'],
      deprecated: 'Use key_pair_name instead.',
      validators: nameValidators,
      description: 'Alias of `key_pair_name`.',
    }),
    key_name_prefix: attr.string({
      optional: true,
      requiresReplace: true,
      conflictsWith: ['key_pair_name', 'key_name'],
      validators: [v.length(0, 100)],
      description: 'Prefix of a generated unique name.',
    }),
    public_key: attr.string({
      optional: true,
      requiresReplace: true,
      description:
        'OpenSSH public key to import (ImportKeyPair), e.g. `ssh-rsa AAAA... me@host`; stored without surrounding blanks. A key pair cannot change its key, so a new value replaces it.',
      meta: { ecs: 'PublicKeyBody' },
    }),
    key_file: attr.string({
      optional: true,
      requiresReplace: true,
      description: 'File the private key of a key pair made by ECS is written to (mode 0400); unused with `public_key`.',
    }),
    resource_group_id: attr.string({
      optional: true,
      computed: true,
      validators: [v.nonEmpty()],
      description: 'Resource group of the key pair. If not set, the account default group. Changing it moves the key pair.',
      meta: { ecs: 'ResourceGroupId' },
    }),
    tags: tagsAttribute(tagsParam(), 'Tags of the key pair.'),
    finger_print: attr.string({ computed: true, useStateForUnknown: true, description: 'MD5 fingerprint of the public key.' }),
    create_time: attr.string({ computed: true, useStateForUnknown: true, description: 'Creation time.' }),
  },
});

export type KeyPairState = StateOf<typeof keyPairSchema>;
