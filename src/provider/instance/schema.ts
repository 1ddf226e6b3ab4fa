/**
 * Schema of `alicloud_instance`: one ECS instance (pay-as-you-go or subscription) in a vSwitch.
 * Argument names follow the official provider so its HCL works unchanged.
 */
import { attr, defineSchema, v, type StateOf } from '../../framework/index.js';
import { INSTANCE_CHARGE_TYPES, INTERNET_CHARGE_TYPES, SYSTEM_DISK_CATEGORIES } from '../../spec/ecs/instance-lifecycle.js';
import { tagsParam } from '../../spec/ecs/images.js';
import { RENEWAL_STATUSES } from '../../spec/ecs/instance-renewal.js';
import { MAX_SECONDARY_PRIVATE_IPS } from '../../spec/ecs/private-ips.js';
import { HTTP_ENDPOINTS, HTTP_TOKENS } from '../../spec/ecs/instance-metadata.js';
import { tagsAttribute } from '../common/index.js';
import { dataDisksBlock, systemDiskAttributes } from './disks-schema.js';
import { launchOptionAttributes } from './launch-options-schema.js';
import { maintenanceAttributes, maintenanceBlocks } from './maintenance.js';
import { ipv6Attributes } from './network-schema.js';
import { networkInterfaceAttributes, networkInterfaceBlocks } from './network-interfaces-schema.js';
import { hardwareOptionAttributes, hardwareOptionBlocks } from './hardware-options.js';
import { prepaySpecAttributes } from './prepay-spec.js';

/** 8-30 characters with at least three of: upper case, lower case, digits, special characters. */
export const passwordValidator = v.custom<string>(
  "must be 8 to 30 characters with at least three of: upper-case letters, lower-case letters, digits, special characters ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/",
  (p) => {
    const classes = [/[A-Z]/, /[a-z]/, /\d/, /[()`~!@#$%^&*\-_+=|{}[\]:;'<>,.?/]/].filter((re) => re.test(p)).length;
    if (p.length < 8 || p.length > 30) return `must be 8 to 30 characters long, got ${p.length}`;
    if (/[^A-Za-z0-9()`~!@#$%^&*\-_+=|{}[\]:;'<>,.?/]/.test(p))
      return "must contain only letters, digits and the special characters ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/";
    return classes < 3
      ? `must mix at least three of upper-case letters, lower-case letters, digits and special characters, got ${classes}`
      : undefined;
  },
);

export const INSTANCE_STATUS_TARGETS = ['Running', 'Stopped'] as const;

export const instanceSchema = defineSchema({
  description: 'An ECS instance: a virtual machine in a VPC vSwitch, started from an image.',
  timeouts: { create: '10m', update: '10m', delete: '20m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'Instance id (`i-...`).' }),
    image_id: attr.string({
      optional: true,
      computed: true,
      validators: [v.nonEmpty()],
      description:
        'Image to start from; a change replaces the system disk in place (ReplaceSystemDisk: the instance is stopped, the disk id changes, and it is started again when it was running); with `features { ecs_instance { replace_on_image_update = true } }` in the provider block, a change replaces the instance instead.',
      meta: { ecs: 'ImageId' },
    }),
    instance_type: attr.string({
      optional: true,
      computed: true,
      validators: [v.pattern(/^ecs\.[A-Za-z0-9.-]+$/, 'an instance type such as ecs.g6.large')],
      description:
        'Instance type, e.g. `ecs.sn1ne.large`; a change applies in place (ModifyInstanceSpec: the instance is stopped, changed, and started again when it was running).',
      meta: { ecs: 'InstanceType' },
    }),
    security_groups: attr.set('string', {
      optional: true,
      computed: true,
      validators: [v.count(1, 16, 'security groups')],
      elementValidators: [v.pattern(/^sg-[A-Za-z0-9-]+$/, 'a security group id such as sg-abc123')],
      description: 'Security groups of the VPC the instance joins; changing them updates in place.',
      meta: { ecs: 'SecurityGroupIds' },
    }),
    availability_zone: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.nonEmpty()],
      description: 'Zone of the instance. If not set, the zone of the vSwitch.',
      meta: { ecs: 'ZoneId' },
    }),
    // Ids may hold hyphens after the prefix (sg-/vsw-/vpc-): the emulator's seeded defaults are `vsw-default-<account>` and alike.
    vswitch_id: attr.string({
      optional: true,
      computed: true,
      validators: [v.pattern(/^vsw-[A-Za-z0-9-]+$/, 'a vSwitch id such as vsw-abc123')],
      description:
        'vSwitch of the primary network interface. A change moves the instance in place (ModifyInstanceVpcAttribute: stopped, moved, started again when it was running); the new vSwitch must be in the same zone.',
      meta: { ecs: 'VSwitchId' },
    }),
    vpc_id: attr.string({
      optional: true,
      computed: true,
      validators: [v.pattern(/^vpc-[A-Za-z0-9-]+$/, 'a VPC id such as vpc-abc123')],
      description:
        'VPC of the instance. If not set, the VPC of `vswitch_id`. A change moves the instance to that VPC in place (ModifyInstanceVpcAttribute with its vSwitch and `security_groups`).',
      meta: { ecs: 'VpcId' },
    }),
    private_ip: attr.string({
      optional: true,
      computed: true,
      validators: [v.pattern(/^\d{1,3}(\.\d{1,3}){3}$/, 'an IPv4 address inside the vSwitch CIDR')],
      description:
        'Private IPv4 address. If not set, one is picked from the vSwitch. A change applies in place (ModifyInstanceVpcAttribute around a stop and a start).',
      meta: { ecs: 'PrivateIpAddress' },
    }),
    secondary_private_ips: attr.set('string', {
      optional: true,
      computed: true,
      conflictsWith: ['secondary_private_ip_address_count'],
      validators: [v.count(0, MAX_SECONDARY_PRIVATE_IPS, 'secondary private IPs')],
      elementValidators: [v.pattern(/^\d{1,3}(\.\d{1,3}){3}$/, 'an IPv4 address inside the vSwitch CIDR')],
      description:
        'Secondary private IPv4 addresses of the primary network interface, assigned after creation and changed in place (AssignPrivateIpAddresses / UnassignPrivateIpAddresses). If not set, the addresses the interface has.',
    }),
    secondary_private_ip_address_count: attr.int({
      optional: true,
      computed: true,
      conflictsWith: ['secondary_private_ips'],
      validators: [v.range(0, MAX_SECONDARY_PRIVATE_IPS)],
      description:
        'How many secondary private IPv4 addresses the primary network interface holds, picked from the vSwitch; a larger number assigns more, a smaller one unassigns the surplus, in place.',
    }),
    ...ipv6Attributes,
    instance_name: attr.string({
      optional: true,
      computed: true,
      validators: [v.length(2, 128), v.notPrefixedWith('http://', 'https://')],
      description: 'Name of the instance.',
      meta: { ecs: 'InstanceName' },
    }),
    description: attr.string({
      optional: true,
      computed: true,
      validators: [v.length(2, 256), v.notPrefixedWith('http://', 'https://')],
      description: 'Description of the instance.',
      meta: { ecs: 'Description' },
    }),
    host_name: attr.string({
      optional: true,
      computed: true,
      validators: [
        v.pattern(
          /^[A-Za-z0-9][A-Za-z0-9.-]{0,62}[A-Za-z0-9]$/,
          '2 to 64 letters, digits, periods or hyphens, not starting or ending with a period or hyphen',
        ),
      ],
      description: 'Host name of the operating system.',
      meta: { ecs: 'HostName' },
    }),
    password: attr.string({
      optional: true,
      sensitive: true,
      validators: [passwordValidator],
      description: 'Login password; never read back.',
      meta: { ecs: 'Password' },
    }),
    kms_encrypted_password: attr.string({
      optional: true,
      sensitive: true,
      description:
        'A login password encrypted with KMS. Refused at plan: it needs KMS Decrypt, which this provider does not serve; use `password` (for example from a secret store) instead.',
    }),
    kms_encryption_context: attr.map('string', {
      optional: true,
      description: 'The KMS encryption context of `kms_encrypted_password`; refused at plan with it.',
    }),
    internet_max_bandwidth_out: attr.int({
      optional: true,
      default: 0,
      validators: [v.range(0, 100)],
      description: 'Public bandwidth in Mbit/s; above 0 allocates a public IP.',
      meta: { ecs: 'InternetMaxBandwidthOut' },
    }),
    internet_charge_type: attr.string({
      optional: true,
      computed: true,
      validators: [v.oneOf(...INTERNET_CHARGE_TYPES)],
      description: 'Billing of public traffic. If not set, `PayByTraffic`. A change applies in place (ModifyInstanceNetworkSpec).',
      meta: { ecs: 'InternetChargeType' },
    }),
    instance_charge_type: attr.string({
      optional: true,
      computed: true,
      validators: [v.oneOf(...INSTANCE_CHARGE_TYPES)],
      description:
        'Billing of the instance: `PostPaid` is pay-as-you-go, `PrePaid` a subscription (with `period`/`period_unit`). If not set, `PostPaid`. A change applies in place (ModifyInstanceChargeType).',
      meta: { ecs: 'InstanceChargeType' },
    }),
    period: attr.int({
      optional: true,
      computed: true,
      validators: [
        v.custom<number>('1 to 9, 12, 24, 36, 48 or 60', (n) =>
          [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60].includes(n) ? undefined : `must be 1 to 9, 12, 24, 36, 48 or 60, got ${n}`,
        ),
      ],
      description: 'Subscription length in `period_unit`s for `PrePaid` (1 if not set; with `Week`, 1 to 4). Ignored for `PostPaid`.',
      meta: { ecs: 'Period' },
    }),
    period_unit: attr.string({
      optional: true,
      default: 'Month',
      validators: [v.oneOf('Week', 'Month')],
      description: 'Unit of `period`: `Month` (default) or `Week`. Ignored for `PostPaid`.',
      meta: { ecs: 'PeriodUnit' },
    }),
    include_data_disks: attr.bool({
      optional: true,
      default: true,
      description: 'Whether a billing change (ModifyInstanceChargeType) also switches the data disks.',
      meta: { ecs: 'IncludeDataDisks' },
    }),
    dry_run: attr.bool({
      optional: true,
      default: false,
      description: 'Only check the create request (RunInstances DryRun): a passing check fails with `DryRunOperation` and nothing is made.',
      meta: { ecs: 'DryRun' },
    }),
    system_disk_category: attr.string({
      optional: true,
      default: 'cloud_efficiency',
      requiresReplace: true,
      validators: [v.oneOf(...SYSTEM_DISK_CATEGORIES)],
      description: 'Category of the system disk.',
      meta: { ecs: 'SystemDisk.Category' },
    }),
    system_disk_size: attr.int({
      optional: true,
      computed: true,
      validators: [v.range(20, 2048)],
      description:
        'System disk size in GiB. If not set, the size of the image. It can only grow, in place (ResizeDisk); a smaller value is refused at plan time.',
      meta: { ecs: 'SystemDisk.Size' },
    }),
    ...systemDiskAttributes,
    resource_group_id: attr.string({
      optional: true,
      computed: true,
      validators: [v.nonEmpty()],
      description: 'Resource group of the instance. If not set, the account default group. Changing it moves the instance.',
      meta: { ecs: 'ResourceGroupId' },
    }),
    tags: tagsAttribute(tagsParam(), 'Tags of the instance.'),
    user_data: attr.string({
      optional: true,
      computed: true,
      useStateForUnknown: true,
      validators: [v.length(0, 32768)],
      description:
        'Start-up data (cloud-init); sent base64-encoded (plain text is encoded for you). Read back with DescribeUserData, so a change made outside Terraform shows as drift and an import reads it (base64). A change is applied in place; removing it from the configuration keeps the current user data (ECS cannot clear it).',
      meta: { ecs: 'UserData' },
    }),
    key_name: attr.string({
      optional: true,
      computed: true,
      validators: [v.length(2, 128)],
      description:
        'SSH key pair (`alicloud_ecs_key_pair`) to log in with. A change detaches the old pair and attaches the new one in place (DetachKeyPair/AttachKeyPair); it takes effect at the next start.',
      meta: { ecs: 'KeyPairName' },
    }),
    spot_strategy: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.oneOf('NoSpot', 'SpotAsPriceGo', 'SpotWithPriceLimit')],
      description:
        'Spot bidding of a `PostPaid` instance: `NoSpot` (default), `SpotAsPriceGo` or `SpotWithPriceLimit` (with `spot_price_limit`).',
      meta: { ecs: 'SpotStrategy' },
    }),
    spot_price_limit: attr.number({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.custom<number>('0 or more', (n) => (n >= 0 ? undefined : `must be 0 or more, got ${n}`))],
      description: 'Highest hourly price for `SpotWithPriceLimit`, up to 3 decimals.',
      meta: { ecs: 'SpotPriceLimit' },
    }),
    security_enhancement_strategy: attr.string({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.oneOf('Active', 'Deactive')],
      description:
        'Whether the security agents of a public image are installed (`Active`, the default) or not (`Deactive`). Not readable back.',
      meta: { ecs: 'SecurityEnhancementStrategy' },
    }),
    http_endpoint: attr.string({
      optional: true,
      computed: true,
      validators: [v.oneOf(...HTTP_ENDPOINTS)],
      description:
        'Whether the instance metadata service is reachable from the instance (`enabled`, the ECS default, or `disabled`). Changes apply in place (ModifyInstanceMetadataOptions).',
      meta: { ecs: 'HttpEndpoint' },
    }),
    http_tokens: attr.string({
      optional: true,
      computed: true,
      validators: [v.oneOf(...HTTP_TOKENS)],
      description:
        'Whether metadata requests must use the hardened mode with a token (`required`) or may use the normal mode (`optional`, the ECS default). Changes apply in place.',
      meta: { ecs: 'HttpTokens' },
    }),
    http_put_response_hop_limit: attr.int({
      optional: true,
      computed: true,
      requiresReplace: true,
      validators: [v.range(1, 64)],
      description: 'Hops the metadata token PUT response may travel (1 to 64; ECS default 1). A change replaces the instance, as upstream.',
      meta: { ecs: 'HttpPutResponseHopLimit' },
    }),
    renewal_status: attr.string({
      optional: true,
      default: 'Normal',
      validators: [v.oneOf(...RENEWAL_STATUSES)],
      description:
        'Renewal of a `PrePaid` instance: `AutoRenewal` (renews by `auto_renew_period` `period_unit`s before it expires), `Normal` (default: renewed by hand) or `NotRenewal` (no renewal notices). Changes apply in place (ModifyInstanceAutoRenewAttribute). On a `PostPaid` instance it is kept and applied when `instance_charge_type` becomes `PrePaid`.',
      meta: { ecs: 'RenewalStatus' },
    }),
    auto_renew_period: attr.int({
      optional: true,
      default: 1,
      validators: [v.oneOf(1, 2, 3, 6, 12)],
      description:
        'Length of each automatic renewal in `period_unit`s when `renewal_status = "AutoRenewal"` (with `Week`, 1 to 4); kept but unused otherwise. Changes apply in place.',
      meta: { ecs: 'AutoRenewPeriod' },
    }),
    role_name: attr.string({
      optional: true,
      computed: true,
      validators: [
        v.pattern(/^[A-Za-z0-9.-]{0,64}$/, 'a RAM role name: up to 64 letters, digits, periods and hyphens ("" detaches the role)'),
      ],
      description:
        'RAM role (`alicloud_ram_role`, trusting `ecs.aliyuncs.com`) the instance carries; attached after creation (AttachInstanceRamRole) and changed in place (DetachInstanceRamRole of the old one, then AttachInstanceRamRole); `""` detaches it. If not set, the role the instance has.',
      meta: { ecs: 'RamRoleName' },
    }),
    force_delete: attr.bool({
      optional: true,
      default: false,
      description:
        'Let destroy release a `PrePaid` instance by switching it to `PostPaid` first (ModifyInstanceChargeType); without it, destroying a subscription instance is refused.',
    }),
    deletion_protection: attr.bool({
      optional: true,
      default: false,
      description: 'Refuse release while true.',
      meta: { ecs: 'DeletionProtection' },
    }),
    status: attr.string({
      optional: true,
      computed: true,
      validators: [v.oneOf(...INSTANCE_STATUS_TARGETS)],
      description: 'Desired and observed status. If not set, `Running`.',
    }),
    stopped_mode: attr.string({
      optional: true,
      computed: true,
      validators: [v.oneOf('StopCharging', 'KeepCharging', 'Not-applicable')],
      description:
        'How a pay-as-you-go instance stops (`status = "Stopped"` or a stop around an in-place change): `StopCharging` stops billing vCPUs and memory while stopped, `KeepCharging` keeps billing them. Read back while Stopped; `Not-applicable` otherwise.',
      meta: { ecs: 'StoppedMode' },
    }),
    public_ip: attr.string({ computed: true, description: 'Public IPv4 address (empty without public bandwidth).' }),
    primary_ip_address: attr.string({ computed: true, description: 'Primary private IPv4 address of the primary interface.' }),
    start_time: attr.string({ computed: true, description: 'Time of the last start.' }),
    expired_time: attr.string({ computed: true, description: 'Expiry of a `PrePaid` instance (a far future date for `PostPaid`).' }),
    cpu: attr.int({ computed: true, useStateForUnknown: true, description: 'vCPUs.' }),
    memory: attr.int({ computed: true, useStateForUnknown: true, description: 'Memory in MiB.' }),
    os_type: attr.string({ computed: true, useStateForUnknown: true, description: '`linux` or `windows`.' }),
    os_name: attr.string({ computed: true, useStateForUnknown: true, description: 'Operating system name.' }),
    create_time: attr.string({ computed: true, useStateForUnknown: true, description: 'Creation time.' }),
    ...launchOptionAttributes,
    ...maintenanceAttributes,
    ...networkInterfaceAttributes,
    ...hardwareOptionAttributes,
    ...prepaySpecAttributes,
  },
  blocks: { data_disks: dataDisksBlock, ...maintenanceBlocks, ...networkInterfaceBlocks, ...hardwareOptionBlocks },
});

export type InstanceState = StateOf<typeof instanceSchema>;
