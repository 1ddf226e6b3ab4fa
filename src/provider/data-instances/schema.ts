/**
 * Schema of data source `alicloud_instances`: the region's ECS instances filtered by the
 * official provider's arguments (ids, name regex, status, VPC, vSwitch, zone, image, group, tags).
 */
import { attr, defineSchema, v, type ConfigOf, type StateOf } from '../../framework/index.js';
import { nameRegexAttribute, outputFileWrittenAttribute } from '../common/index.js';

export const instancesDataSchema = defineSchema({
  description: 'ECS instances of the region (DescribeInstances, every page), filtered.',
  attributes: {
    id: attr.string({ computed: true, description: 'Identifier of this result (a hash of the instance ids).' }),
    ids: attr.list('string', { optional: true, computed: true, description: 'Only these instance ids; afterwards, the ids found.' }),
    name_regex: nameRegexAttribute('Only instances whose name matches this regular expression.'),
    instance_name: attr.string({ optional: true, description: 'Only instances with this name (`*` is a wildcard).' }),
    image_id: attr.string({ optional: true, description: 'Only instances running this image.' }),
    resource_group_id: attr.string({ optional: true, description: 'Only instances in this resource group.' }),
    status: attr.string({
      optional: true,
      validators: [v.oneOf('Running', 'Stopped', 'Creating', 'Starting', 'Stopping', 'Pending')],
      description: 'Only instances in this status (`Creating` is the `Pending` ECS reports while an instance is created).',
    }),
    ram_role_name: attr.string({
      optional: true,
      description: 'Only instances carrying this RAM role (DescribeInstanceRamRole, whatever `enable_details` says).',
    }),
    vpc_id: attr.string({ optional: true, description: 'Only instances in this VPC.' }),
    vswitch_id: attr.string({ optional: true, description: 'Only instances in this vSwitch.' }),
    availability_zone: attr.string({ optional: true, description: 'Only instances in this zone.' }),
    tags: attr.map('string', { optional: true, description: 'Only instances with all these tags.' }),
    page_number: attr.int({
      optional: true,
      validators: [v.range(1, 100000)],
      description: 'Only this page of the result (with `page_size`).',
    }),
    page_size: attr.int({ optional: true, computed: true, validators: [v.range(1, 100)], description: 'Page size (default 100).' }),
    enable_details: attr.bool({
      optional: true,
      default: true,
      description: '`false` skips the per-instance reads behind `ram_role_name` and `disk_device_mappings` (left empty).',
    }),
    output_file: outputFileWrittenAttribute,
    names: attr.list('string', { computed: true, description: 'Names of the instances found.' }),
    total_count: attr.int({ computed: true, description: 'Number of instances that match (all pages).' }),
    instances: attr.listOf(
      {
        id: { type: 'string', description: 'Instance id.' },
        region_id: 'string',
        availability_zone: 'string',
        resource_group_id: 'string',
        status: 'string',
        name: 'string',
        description: 'string',
        instance_type: 'string',
        vpc_id: 'string',
        vswitch_id: 'string',
        image_id: 'string',
        private_ip: 'string',
        public_ip: 'string',
        eip: 'string',
        security_groups: ['list', 'string'],
        key_name: 'string',
        creation_time: 'string',
        instance_charge_type: 'string',
        internet_charge_type: 'string',
        internet_max_bandwidth_out: 'int',
        spot_strategy: 'string',
        ram_role_name: { type: 'string', description: 'RAM role of the instance (empty without `enable_details` or role).' },
        disk_device_mappings: {
          type: [
            'list',
            {
              device: { type: 'string', description: 'Device name, e.g. `/dev/xvda`.' },
              size: { type: 'int', description: 'Size in GiB.' },
              category: { type: 'string', description: 'Disk category.' },
              type: { type: 'string', description: '`system` or `data`.' },
              disk_id: { type: 'string', description: 'Disk id.' },
              disk_name: { type: 'string', description: 'Disk name.' },
            },
          ],
          description: 'Disks attached to the instance (empty without `enable_details`).',
        },
        tags: ['map', 'string'],
      },
      { computed: true, description: 'The instances found.' },
    ),
  },
});

export type InstancesDataState = StateOf<typeof instancesDataSchema>;
export type InstancesDataConfig = ConfigOf<typeof instancesDataSchema>;
