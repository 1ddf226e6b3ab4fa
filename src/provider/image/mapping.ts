/**
 * Pure translation between `alicloud_image` state/config and ECS requests and responses.
 * No I/O here, so every rule is unit-tested directly (`mapping.test.ts`).
 */
import { clientToken, imageTagMap, type CreateImageInput, type Image, type ModifyImageAttributeInput } from '../../ecs/index.js';
import type { ImageConfig, ImagePlan, ImageState, MappingState } from './schema.js';

/** Config values as create/update see them (wholly known). */
type Known = Pick<ImageConfig, keyof ImageConfig>;

const orUndef = <T>(x: T | null | undefined): T | undefined => (x === null || x === undefined ? undefined : x);

/** The image name the configuration asks for (`image_name`, else the deprecated `name`). */
export function configuredName(config: Pick<Known, 'image_name' | 'name'>): string | undefined {
  return orUndef(config.image_name) ?? orUndef(config.name);
}

/**
 * The CreateImage request for a configuration (without ClientToken). Only set arguments are
 * sent. `license_type` and `features.nvme_support` are not CreateImage parameters: see
 * {@link afterCreateInput}.
 */
export function createImageInput(config: Known): CreateImageInput {
  const input: CreateImageInput = {};
  if (config.instance_id) input.InstanceId = config.instance_id;
  if (config.snapshot_id) input.SnapshotId = config.snapshot_id;
  if (config.disk_device_mapping.length > 0) {
    input.DiskDeviceMapping = config.disk_device_mapping.map((m) => ({
      ...(m.snapshot_id ? { SnapshotId: m.snapshot_id } : {}),
      ...(m.size !== null && m.size !== undefined ? { Size: m.size } : {}),
      ...(m.device ? { Device: m.device } : {}),
      ...(m.disk_type ? { DiskType: m.disk_type as 'system' | 'data' } : {}),
    }));
  }
  const name = configuredName(config);
  if (name) input.ImageName = name;
  if (config.description) input.Description = config.description;
  if (config.image_family) input.ImageFamily = config.image_family;
  if (config.image_version) input.ImageVersion = config.image_version;
  if (config.platform) input.Platform = config.platform as CreateImageInput['Platform'];
  input.Architecture = (config.architecture ?? 'x86_64') as CreateImageInput['Architecture'];
  if (config.boot_mode) input.BootMode = config.boot_mode as CreateImageInput['BootMode'];
  if (config.detection_strategy) input.DetectionStrategy = config.detection_strategy as 'Standard';
  if (config.resource_group_id) input.ResourceGroupId = config.resource_group_id;
  const tags = Object.entries(config.tags ?? {});
  if (tags.length > 0) input.Tag = tags.map(([Key, Value]) => ({ Key, Value }));
  return input;
}

/**
 * The ModifyImageAttribute request that sets, once the new image is usable, what CreateImage
 * cannot take: `license_type` and `features.nvme_support`; undefined when neither is configured.
 */
export function afterCreateInput(imageId: string, config: Pick<Known, 'license_type' | 'features'>): ModifyImageAttributeInput | undefined {
  const license = orUndef(config.license_type) as ModifyImageAttributeInput['LicenseType'];
  const nvme = orUndef(config.features[0]?.nvme_support) as NonNullable<ModifyImageAttributeInput['Features']>['NvmeSupport'];
  if (!license && !nvme) return undefined;
  return { ImageId: imageId, ...(license ? { LicenseType: license } : {}), ...(nvme ? { Features: { NvmeSupport: nvme } } : {}) };
}

/** JSON with sorted keys, so equal inputs give equal text. */
export function stableJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stableJson).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

/**
 * The ClientToken of a create: a hash of the request and `salt`. Callers pass a salt unique
 * to each create (see create.ts), so retries of one create share a token and two creates never do.
 */
export function createToken(input: CreateImageInput, salt?: string): string {
  return clientToken(['alicloud_image', stableJson(input), ...(salt ? [`after:${salt}`] : [])]);
}

function mappingFromApi(m: Image['DiskDeviceMappings']['DiskDeviceMapping'][number]): MappingState {
  const size = Number.parseInt(m.Size, 10);
  return {
    disk_type: m.Type || null,
    size: Number.isFinite(size) ? size : null,
    snapshot_id: m.SnapshotId || null,
    device: m.Device || null,
    format: m.Format,
    progress: m.Progress,
    import_oss_bucket: m.ImportOSSBucket,
    import_oss_object: m.ImportOSSObject,
    remain_time: m.RemainTime,
  };
}

/**
 * Align the API's mappings with the ones in state/config: by device when known, else by
 * snapshot id, else in order. Configured values win, computed ones come from the API.
 * Mappings the API has beyond the basis are appended (they show up as drift).
 */
export function alignMappings(
  basis: readonly Partial<MappingState>[],
  api: Image['DiskDeviceMappings']['DiskDeviceMapping'],
): MappingState[] {
  const pool = api.map(mappingFromApi);
  const used = new Set<number>();
  const take = (pred: (m: MappingState) => boolean): MappingState | undefined => {
    const i = pool.findIndex((m, j) => !used.has(j) && pred(m));
    if (i < 0) return undefined;
    used.add(i);
    return pool[i];
  };
  const picks = basis.map(
    (b) =>
      (b.device ? take((m) => m.device === b.device) : undefined) ??
      (b.snapshot_id ? take((m) => m.snapshot_id === b.snapshot_id) : undefined),
  );
  const out = basis.map((b, i) => {
    const found = picks[i] ?? take(() => true);
    // The API lost this disk: report nothing known for it (a diff, then replacement).
    if (!found)
      return {
        disk_type: null,
        size: null,
        snapshot_id: null,
        device: null,
        format: '',
        progress: '',
        import_oss_bucket: '',
        import_oss_object: '',
        remain_time: 0,
      };
    return found;
  });
  pool.forEach((m, j) => void (used.has(j) ? undefined : out.push(m)));
  return out;
}

/**
 * The state for an image as DescribeImages reports it. `basis` (the prior state on read, the
 * plan on create and update) supplies what the API cannot tell (sources, force,
 * delete_auto_snapshot) and the order of written blocks; disk_device_mapping and features are
 * always filled from the API (Optional+Computed blocks).
 */
export function imageToState(image: Image, basis: ImagePlan): ImageState {
  const tags = imageTagMap(image);
  const mappingBasis = basis.disk_device_mapping ?? [];
  const api = image.DiskDeviceMappings.DiskDeviceMapping;
  const mappings = alignMappings(mappingBasis, api);
  const nvme = image.Features.NvmeSupport;
  const features = nvme ? [{ nvme_support: nvme }] : (basis.features ?? []).length > 0 ? [{ nvme_support: null }] : [];
  return {
    ...basis,
    id: image.ImageId,
    image_name: image.ImageName || null,
    name: image.ImageName || null,
    description: image.Description || null,
    architecture: image.Architecture || basis.architecture || 'x86_64',
    platform: image.Platform || null,
    image_version: image.ImageVersion || null,
    image_family: image.ImageFamily || null,
    boot_mode: image.BootMode || null,
    license_type: image.LicenseType || null,
    // ECS reports a check only when one ran at creation, and `Standard` is its only strategy.
    detection_strategy: image.DetectionOptions?.Status ? 'Standard' : (basis.detection_strategy ?? null),
    resource_group_id: image.ResourceGroupId || null,
    // An unset map stays null while the image has no tags, so omitting `tags` never diffs.
    tags: Object.keys(tags).length === 0 && (basis.tags === null || basis.tags === undefined) ? null : tags,
    status: image.Status,
    create_time: image.CreationTime,
    usable: image.Usable,
    disk_device_mapping: mappings,
    features,
  };
}

/**
 * The ModifyImageAttribute request for what the config changes relative to the prior state,
 * or undefined when nothing it covers changed. Unset (null) arguments are never sent:
 * ECS cannot clear them, so omitting one keeps the cloud's value.
 */
export function modifyImageInput(imageId: string, config: Known, prior: ImageState): ModifyImageAttributeInput | undefined {
  const input: ModifyImageAttributeInput = { ImageId: imageId };
  let changed = false;
  const set = <K extends keyof ModifyImageAttributeInput>(key: K, want: string | null | undefined, have: string | null | undefined) => {
    if (want === null || want === undefined || want === have) return;
    input[key] = want as ModifyImageAttributeInput[K];
    changed = true;
  };
  set('ImageName', configuredName(config), prior.image_name);
  set('Description', config.description, prior.description);
  set('ImageFamily', config.image_family, prior.image_family);
  set('BootMode', config.boot_mode, prior.boot_mode);
  set('LicenseType', config.license_type, prior.license_type);
  return changed ? input : undefined;
}

/**
 * Snapshots `delete_auto_snapshot` may delete: those of the image's disks that ECS made for
 * it from an instance. Snapshots the user passed in (snapshot_id, mapping sources) are kept.
 */
export function autoSnapshots(state: Pick<ImageState, 'instance_id' | 'snapshot_id'>, image: Pick<Image, 'DiskDeviceMappings'>): string[] {
  if (!state.instance_id) return [];
  return image.DiskDeviceMappings.DiskDeviceMapping.map((m) => m.SnapshotId).filter((id) => id && id !== state.snapshot_id);
}
