/**
 * Schema of data source `alicloud_zones`: the availability zones of the region, filtered by what
 * can be created there. Names follow the official provider.
 */
import { outputFileWrittenAttribute, specField, stringRules } from '../common/index.js';
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { SLB_ADDRESS_TYPES, describeSlbAvailableResourceSpec } from '../../spec/slb/zones.js';

const slbParams = describeSlbAvailableResourceSpec.params;
/** The official provider's spelling of SLB's `vpc` address type (its only accepted spelling there); sent as `vpc`. */
export const OFFICIAL_SLB_VPC = 'Vpc';

export const RESOURCE_CREATION_KINDS = [
  'Instance',
  'Disk',
  'VSwitch',
  'Rds',
  'Slb',
  'Redis',
  'Memcache',
  'MongoDB',
  'KVStore',
  'FunctionCompute',
  'Elasticsearch',
  'IoOptimized',
  'DedicatedHost',
  'PolarDB',
  'Gpdb',
  'HBase',
  'ADB',
] as const;
/** Disk categories of the filter: the official list (`all`: any category) plus `cloud_auto`. */
export const DISK_CATEGORIES = [
  'all',
  'cloud',
  'ephemeral_ssd',
  'cloud_essd',
  'cloud_efficiency',
  'cloud_ssd',
  'local_disk',
  'cloud_auto',
] as const;

export const zonesSchema = defineSchema({
  description:
    'The availability zones of the provider region, optionally only those offering a resource kind, instance type or disk category.',
  attributes: {
    id: attr.string({ computed: true, description: 'Identifier of this result (a hash of the zone ids).' }),
    available_resource_creation: attr.string({
      optional: true,
      validators: [v.oneOf(...RESOURCE_CREATION_KINDS)],
      description:
        'Only zones where this kind of resource can be created. `Slb` keeps the master zones of SLB DescribeAvailableResource (with `slb_slave_zone_ids`); the other kinds are read from ECS DescribeZones.',
    }),
    available_instance_type: attr.string({
      optional: true,
      description: 'Only zones offering this instance type, e.g. `ecs.sn1ne.large`.',
    }),
    available_slb_address_type: attr.string({
      optional: true,
      validators: [v.oneOf(...SLB_ADDRESS_TYPES, OFFICIAL_SLB_VPC)],
      description:
        'Only zones that are the master zone of an SLB zone pair offering load balancers of this network type (`vpc`: internal, in a VPC, also spelled `Vpc` as the official provider does; `classic_internet`: public; `classic_intranet`: internal, classic network), each with its `slb_slave_zone_ids`. If not set, SLB is not asked unless `available_resource_creation` is `Slb` or `available_slb_address_ip_version` is set.',
    }),
    available_slb_address_ip_version: attr.string({
      optional: true,
      validators: stringRules(specField(slbParams, 'AddressIPVersion'), ''),
      description:
        'Only zones that are the master zone of an SLB zone pair offering load balancers of this IP version, each with its `slb_slave_zone_ids`. If not set, any IP version.',
    }),
    available_disk_category: attr.string({
      optional: true,
      validators: [v.oneOf(...DISK_CATEGORIES)],
      description: 'Only zones offering this disk category (`all`: zones offering any).',
    }),
    multi: attr.bool({
      optional: true,
      default: false,
      description: 'Multi-AZ zones (RDS only); no ECS zone is multi-AZ, so `true` gives an empty list.',
    }),
    instance_charge_type: attr.string({
      optional: true,
      default: 'PostPaid',
      validators: [v.oneOf('PrePaid', 'PostPaid')],
      description: 'Charge type the zones must support.',
    }),
    network_type: attr.string({
      optional: true,
      validators: [v.oneOf('Vpc', 'Classic')],
      description: 'Only zones offering instances in this network type (DescribeAvailableResource `NetworkCategory`).',
    }),
    spot_strategy: attr.string({
      optional: true,
      default: 'NoSpot',
      validators: [v.oneOf('NoSpot', 'SpotAsPriceGo', 'SpotWithPriceLimit')],
      description:
        'Only zones with spot capacity, unless `NoSpot` (pay-as-you-go only, as in the API); their `available_instance_types` are the spot ones.',
    }),
    enable_details: attr.bool({ optional: true, default: false, description: 'Accepted for compatibility; details are always returned.' }),
    output_file: outputFileWrittenAttribute,
    ids: attr.list('string', { computed: true, description: 'Ids of the matching zones.' }),
    zones: attr.listOf(
      {
        id: { type: 'string', description: 'Zone id.' },
        local_name: { type: 'string', description: 'Localized name.' },
        available_instance_types: { type: ['list', 'string'], description: 'Instance types offered.' },
        available_resource_creation: { type: ['list', 'string'], description: 'Resource kinds that can be created.' },
        available_disk_categories: { type: ['list', 'string'], description: 'Disk categories offered.' },
        multi_zone_ids: { type: ['list', 'string'], description: 'Member zones of a multi-AZ zone (empty for ECS).' },
        slb_slave_zone_ids: {
          type: ['list', 'string'],
          description:
            'The SLB slave zones paired with this master zone (sorted), when SLB was asked (`available_resource_creation = "Slb"` or an `available_slb_*` argument); empty otherwise.',
        },
      },
      { computed: true, description: 'The matching zones.' },
    ),
  },
});

/** One element of the `zones` result list. */
export type ZoneResult = NonNullable<ZonesState['zones']>[number];

export type ZonesState = StateOf<typeof zonesSchema>;
