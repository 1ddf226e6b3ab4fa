/**
 * The rules of a disk's ESSD AutoPL performance (`BurstingEnabled`, `ProvisionedIops`) and of its
 * `EncryptAlgorithm`, in one place for every action that takes them: CreateDisk, ModifyDiskSpec and
 * ModifyDiskAttribute here, RunInstances (`SystemDisk.*`, `DataDisk.N.*`) through the disks queries.
 */
import { apiError } from '../context.js';
import { AUTO_PL_CATEGORY, ENCRYPT_ALGORITHMS, provisionedIopsMax } from '../../spec/ecs/disks.js';

/** What a request asks of a disk's performance; `where` prefixes the parameter names in messages (`SystemDisk.`, `DataDisk.2.`, ''). */
export interface PerformanceAsk {
  BurstingEnabled?: boolean;
  ProvisionedIops?: number;
}

/** Refuse `BurstingEnabled` on a disk that is not cloud_auto (any value, as ECS does). */
export function checkBursting(where: string, category: string, bursting: boolean | undefined): void {
  if (bursting !== undefined && category !== AUTO_PL_CATEGORY)
    throw apiError(
      'BurstingEnabledForDiskCategoryUnsupported',
      `${where}BurstingEnabled is for ${AUTO_PL_CATEGORY} disks only, not ${category}; leave it out.`,
    );
}

/** Refuse `ProvisionedIops` on a disk that is not cloud_auto (any value, 0 included) or above the size's limit. */
export function checkProvisionedIops(where: string, category: string, sizeGiB: number, iops: number | undefined): void {
  if (iops === undefined) return;
  if (category !== AUTO_PL_CATEGORY)
    throw apiError(
      'ProvisionedIopsForDiskCategoryUnsupported',
      `${where}ProvisionedIops is for ${AUTO_PL_CATEGORY} disks only, not ${category}; leave it out.`,
    );
  const max = provisionedIopsMax(sizeGiB);
  if (!Number.isInteger(iops) || iops < 0 || iops > max)
    throw apiError(
      'InvalidProvisionedIops.LimitExceed',
      `${where}ProvisionedIops ${iops} is not valid for a ${sizeGiB} GiB ${AUTO_PL_CATEGORY} disk: an integer from 0 to ${max} (min{50000, 1000 x size - baseline}).`,
    );
}

/** The stored performance of a new disk, after both checks. */
export function newDiskPerformance(
  where: string,
  category: string,
  sizeGiB: number,
  ask: PerformanceAsk,
): { burstingEnabled: boolean; provisionedIops: number } {
  checkBursting(where, category, ask.BurstingEnabled);
  checkProvisionedIops(where, category, sizeGiB, ask.ProvisionedIops);
  return { burstingEnabled: ask.BurstingEnabled ?? false, provisionedIops: ask.ProvisionedIops ?? 0 };
}

/** The stored algorithm of a new disk: `EncryptAlgorithm` needs encryption on and one of {@link ENCRYPT_ALGORITHMS}. */
export function newDiskEncryptAlgorithm(where: string, encrypted: boolean, algorithm: string | undefined): string {
  if (algorithm === undefined) return '';
  if (!encrypted)
    throw apiError('InvalidEncrypted.NotMatchEncryptAlgorithm', `${where}EncryptAlgorithm "${algorithm}" needs ${where}Encrypted=true.`);
  if (!(ENCRYPT_ALGORITHMS as readonly string[]).includes(algorithm))
    throw apiError('InvalidEncryptAlgorithm', `${where}EncryptAlgorithm "${algorithm}" is not valid: ${ENCRYPT_ALGORITHMS.join(' or ')}.`);
  return algorithm;
}
