/**
 * Schema of data source `alicloud_images`: images visible to the account, filtered by owner, name
 * regex, status and attributes. Names follow the official provider (anchor-provider.md A2).
 */
import { nameRegexAttribute, outputFileWrittenAttribute } from '../common/index.js';
import { attr, defineSchema, v, type ConfigOf, type StateOf } from '../../framework/index.js';
import { ARCHITECTURES, IMAGE_OWNER_ALIASES, IMAGE_STATUSES } from '../../spec/ecs/images.js';

export const imagesSchema = defineSchema({
  description:
    'ECS images (system, custom, shared or marketplace) of the provider region. Reads every page of DescribeImages once; tags come from the same responses.',
  atLeastOneOf: [['name_regex', 'owners', 'image_owner_id']],
  timeouts: { read: '5m' },
  attributes: {
    id: attr.string({ computed: true, description: 'Identifier of this result (a hash of the image ids).' }),
    name_regex: nameRegexAttribute('Only images whose name matches this regular expression (images without a name are skipped).'),
    owners: attr.string({
      optional: true,
      validators: [
        v.custom(`must be one of ${IMAGE_OWNER_ALIASES.map((x) => `\`${x}\``).join(', ')} or empty (any owner, as not set)`, (x: string) =>
          x === '' || (IMAGE_OWNER_ALIASES as readonly string[]).includes(x)
            ? undefined
            : `must be one of ${IMAGE_OWNER_ALIASES.map((a) => JSON.stringify(a)).join(', ')} or empty, got ${JSON.stringify(x)}`,
        ),
      ],
      description: 'Owner of the images.',
      meta: { ecs: 'ImageOwnerAlias' },
    }),
    image_owner_id: attr.string({
      optional: true,
      validators: [v.pattern(/^\d+$/, 'a numeric account id')],
      description: 'Only images of this Alibaba Cloud account id.',
      meta: { ecs: 'ImageOwnerId' },
    }),
    most_recent: attr.bool({ optional: true, default: false, description: 'Keep only the newest matching image.' }),
    status: attr.string({
      optional: true,
      default: 'Available',
      validators: [
        v.custom(`must list statuses among ${IMAGE_STATUSES.map((x) => `\`${x}\``).join(', ')}, separated by commas`, (x: string) => {
          const bad = x
            .split(',')
            .map((s) => s.trim())
            .filter((s) => !(IMAGE_STATUSES as readonly string[]).includes(s));
          return bad.length ? `must list statuses among ${IMAGE_STATUSES.join(', ')}, got ${JSON.stringify(bad.join(','))}` : undefined;
        }),
      ],
      description: 'Statuses of the images.',
      meta: { ecs: 'Status' },
    }),
    image_id: attr.string({ optional: true, description: 'Only this image id.', meta: { ecs: 'ImageId' } }),
    image_name: attr.string({ optional: true, description: 'Image name as ECS matches it.', meta: { ecs: 'ImageName' } }),
    image_family: attr.string({ optional: true, description: 'Only images of this family.', meta: { ecs: 'ImageFamily' } }),
    snapshot_id: attr.string({ optional: true, description: 'Only images made from this snapshot.', meta: { ecs: 'SnapshotId' } }),
    architecture: attr.string({
      optional: true,
      validators: [v.oneOf(...ARCHITECTURES)],
      description: 'Only images of this architecture.',
      meta: { ecs: 'Architecture' },
    }),
    os_type: attr.string({
      optional: true,
      validators: [v.oneOf('windows', 'linux')],
      description: 'Only images of this operating system type.',
      meta: { ecs: 'OSType' },
    }),
    usage: attr.string({
      optional: true,
      validators: [v.oneOf('instance', 'none')],
      description: 'Whether images are in use by instances.',
      meta: { ecs: 'Usage' },
    }),
    action_type: attr.string({
      optional: true,
      validators: [v.oneOf('CreateEcs', 'ChangeOS', 'CreateOS')],
      description:
        "Scenario the images must support: creating instances (`CreateEcs`) or replacing a system disk (`ChangeOS`; `CreateOS`, the official provider's name for it, is sent as `ChangeOS`).",
      meta: { ecs: 'ActionType' },
    }),
    resource_group_id: attr.string({
      optional: true,
      description: 'Only images in this resource group.',
      meta: { ecs: 'ResourceGroupId' },
    }),
    instance_type: attr.string({
      optional: true,
      validators: [v.nonEmpty()],
      description: 'Only images this instance type can boot (by architecture and boot mode), e.g. `ecs.g8i.large`.',
      meta: { ecs: 'InstanceType' },
    }),
    dry_run: attr.bool({
      optional: true,
      description:
        'Only check the request (DescribeImages with DryRun): a request ECS accepts gives a warning and an empty result, a bad one an error.',
      meta: { ecs: 'DryRun' },
    }),
    is_support_io_optimized: attr.bool({ optional: true, description: 'Only images that do (or do not) run on I/O optimized instances.' }),
    is_support_cloud_init: attr.bool({ optional: true, description: 'Only images that do (or do not) support cloud-init.' }),
    tags: attr.map('string', { optional: true, description: 'Only images carrying all these tags.' }),
    output_file: outputFileWrittenAttribute,
    ids: attr.list('string', { computed: true, description: 'Ids of the matching images.' }),
    images: attr.listOf(
      {
        id: { type: 'string', description: 'Image id.' },
        image_id: { type: 'string', description: 'Image id.' },
        name: { type: 'string', description: 'Image name.' },
        image_name: { type: 'string', description: 'Image name.' },
        description: { type: 'string', description: 'Description.' },
        architecture: { type: 'string', description: 'Architecture.' },
        creation_time: { type: 'string', description: 'Creation time.' },
        image_owner_alias: { type: 'string', description: 'Owner alias.' },
        image_family: { type: 'string', description: 'Family.' },
        image_version: { type: 'string', description: 'Version.' },
        os_type: { type: 'string', description: 'OS type.' },
        os_name: { type: 'string', description: 'OS name.' },
        os_name_en: { type: 'string', description: 'OS name in English.' },
        platform: { type: 'string', description: 'Platform.' },
        status: { type: 'string', description: 'Status.' },
        state: { type: 'string', description: 'Same as status.' },
        size: { type: 'int', description: 'Size in GiB.' },
        progress: { type: 'string', description: 'Creation progress.' },
        usage: { type: 'string', description: 'Usage.' },
        product_code: { type: 'string', description: 'Marketplace product code.' },
        is_self_shared: { type: 'string', description: 'Whether shared to other accounts.' },
        is_subscribed: { type: 'bool', description: 'Whether subscribed (marketplace).' },
        is_copied: { type: 'bool', description: 'Whether copied from another image.' },
        is_support_io_optimized: { type: 'bool', description: 'Runs on I/O optimized instances.' },
        resource_group_id: { type: 'string', description: 'Resource group.' },
        tags: { type: ['map', 'string'], description: 'Tags.' },
        disk_device_mappings: {
          type: [
            'list',
            {
              device: { type: 'string', description: 'Device name.' },
              size: { type: 'string', description: 'Size in GiB.' },
              snapshot_id: { type: 'string', description: 'Snapshot id.' },
            },
          ],
          description: 'Disks of the image.',
        },
      },
      { computed: true, description: 'The matching images.' },
    ),
  },
});

/** One element of the `images` result list. */
export type ImageResult = NonNullable<ImagesState['images']>[number];

export type ImagesState = StateOf<typeof imagesSchema>;
export type ImagesConfig = ConfigOf<typeof imagesSchema>;
