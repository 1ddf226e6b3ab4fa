/**
 * The image lifecycle, derived from stored timestamps only (never timers), so a restart carries on:
 * over `createSeconds` after CreateImage the image is Waiting (first 10%, Progress "0%"), then
 * Creating (Progress rising to "99%"), then Available ("100%"), and Usable `usableLagSeconds` later
 * (ECS can say Available before the image can launch instances; waiters must watch Usable). An image whose name or
 * description contains {@link FAIL_MARKER} ends in CreateFailed instead. Deprecated is a stored
 * flag set by ModifyImageAttribute on an Available image.
 */
import type { ImageRecord } from './repository.js';

/** Put this in ImageName or Description to make the creation end in CreateFailed (for tests). */
export const FAIL_MARKER = 'emulator:fail';

export type ImageStatus = 'Waiting' | 'Creating' | 'Available' | 'CreateFailed' | 'Deprecated' | 'UnAvailable';

export interface ImageState {
  status: ImageStatus;
  /** Whole percent, 0-100. */
  progress: number;
  usable: boolean;
  /** Seconds until the creation ends (0 when done). */
  remainSeconds: number;
}

export function imageState(
  img: Pick<ImageRecord, 'createdAt' | 'createSeconds' | 'fail' | 'deprecated'>,
  now: Date,
  usableLagSeconds = 0,
): ImageState {
  const total = img.createSeconds * 1000;
  const elapsed = now.getTime() - img.createdAt;
  if (elapsed >= total) {
    if (img.fail) return { status: 'CreateFailed', progress: 0, usable: false, remainSeconds: 0 };
    const usable = elapsed >= total + usableLagSeconds * 1000;
    return { status: img.deprecated ? 'Deprecated' : 'Available', progress: 100, usable, remainSeconds: 0 };
  }
  const remainSeconds = Math.ceil((total - elapsed) / 1000);
  const waiting = total * 0.1;
  if (elapsed < waiting) return { status: 'Waiting', progress: 0, usable: false, remainSeconds };
  const progress = Math.min(99, Math.floor(((elapsed - waiting) / (total - waiting)) * 100));
  return { status: 'Creating', progress, usable: false, remainSeconds };
}

/** OS display names of a custom image from its platform. */
export function osNames(platform: string, architecture: string): { osType: 'linux' | 'windows'; osName: string; osNameEn: string } {
  const bits = architecture === 'i386' ? '32' : '64';
  const osType = platform.startsWith('Windows') ? 'windows' : 'linux';
  return { osType, osName: `${platform} ${bits}位`, osNameEn: `${platform} ${bits} bit` };
}
