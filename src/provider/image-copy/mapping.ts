/** Pure mapping between `alicloud_image_copy` state and CopyImage / DescribeImages. */
import { clientToken, imageTagMap, type CopyImageInput, type Image } from '../../ecs/index.js';
import { optionalString, tagsForState, tagsToInput } from '../common/index.js';
import { stableJson } from '../image/mapping.js';
import type { ImageCopyState } from './schema.js';

type Planned = { [K in keyof ImageCopyState]: ImageCopyState[K] | undefined };

/** CopyImage's input: RegionId is the SOURCE region, the destination is the provider's region. */
export function copyImageInput(plan: Planned, destinationRegionId: string): CopyImageInput {
  const name = plan.image_name ?? plan.name ?? undefined;
  return {
    RegionId: plan.source_region_id!,
    ImageId: plan.source_image_id!,
    DestinationRegionId: destinationRegionId,
    ...(name ? { DestinationImageName: name } : {}),
    ...(plan.description ? { DestinationDescription: plan.description } : {}),
    ...(plan.encrypted !== null && plan.encrypted !== undefined ? { Encrypted: plan.encrypted } : {}),
    ...(plan.kms_key_id ? { KMSKeyId: plan.kms_key_id } : {}),
    Tag: tagsToInput(plan.tags),
  };
}

/**
 * The ClientToken of one copy: a hash of the request and `salt`. Named copies use a fixed salt, so
 * the next apply after a lost answer finds the same copy (names are unique per region); unnamed
 * ones a per-create nonce, so two identical unnamed copies stay two.
 */
export function copyToken(input: CopyImageInput, salt: string): string {
  return clientToken(['alicloud_image_copy', stableJson(input), salt]);
}

/** State from the described copy; what ECS does not report (source, encryption, flags) keeps its prior value. */
export function copyToState(image: Image, prior: Partial<Planned>): ImageCopyState {
  return {
    id: image.ImageId,
    source_image_id: prior.source_image_id ?? null,
    source_region_id: prior.source_region_id ?? null,
    image_name: image.ImageName,
    name: image.ImageName,
    description: optionalString(image.Description, prior.description),
    encrypted: prior.encrypted ?? null,
    kms_key_id: prior.kms_key_id ?? null,
    force: prior.force ?? false,
    delete_auto_snapshot: prior.delete_auto_snapshot ?? null,
    tags: tagsForState(imageTagMap(image), prior.tags),
  } as ImageCopyState;
}
