/**
 * Schema of data sources `alicloud_ecs_key_pairs` and `alicloud_key_pairs` (one schema in the
 * official provider): key pairs of the region with the instances that use them.
 */
import { attr, defineSchema, type StateOf } from '../../framework/index.js';
import { nameRegexAttribute, outputFileWrittenAttribute } from '../common/index.js';

const pairShape = {
  id: { type: 'string', description: 'Key pair name.' },
  key_pair_name: 'string',
  key_name: 'string',
  finger_print: 'string',
  resource_group_id: 'string',
  tags: ['map', 'string'],
  instances: [
    'list',
    {
      instance_id: 'string',
      instance_name: 'string',
      description: 'string',
      image_id: 'string',
      region_id: 'string',
      availability_zone: 'string',
      instance_type: 'string',
      vswitch_id: 'string',
      public_ip: 'string',
      private_ip: 'string',
      key_name: 'string',
      status: 'string',
    },
  ],
} as const;

export const keyPairsDataSchema = defineSchema({
  description: 'SSH key pairs of the region (DescribeKeyPairs, every page) with the instances using each.',
  attributes: {
    id: attr.string({ computed: true, description: 'Identifier of this result (a hash of the names).' }),
    ids: attr.list('string', { optional: true, computed: true, description: 'Only these key pair names; afterwards, the names found.' }),
    name_regex: nameRegexAttribute('Only key pairs whose name matches this regular expression.'),
    finger_print: attr.string({ optional: true, description: 'Only the key pair with this fingerprint.' }),
    resource_group_id: attr.string({ optional: true, description: 'Only key pairs in this resource group.' }),
    tags: attr.map('string', { optional: true, description: 'Only key pairs with all these tags.' }),
    output_file: outputFileWrittenAttribute,
    names: attr.list('string', { computed: true, description: 'Names of the key pairs found.' }),
    pairs: attr.listOf(pairShape, { computed: true, description: 'The key pairs found.' }),
    key_pairs: attr.listOf(pairShape, { computed: true, deprecated: 'Use pairs instead.', description: 'Same as `pairs`.' }),
  },
});

export type KeyPairsDataState = StateOf<typeof keyPairsDataSchema>;
