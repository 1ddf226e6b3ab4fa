/**
 * Typed image operations (CreateImage, DescribeImages, ModifyImageAttribute, DeleteImage)
 * and the image waiters. Inputs and results are typed from the action tables
 * (`src/spec/ecs/images.ts`): `ClientInputOf` / `OutputOf`, never retyped here.
 *
 * Every function takes the client first, so a family is one small file of free functions.
 */
import { createImageSpec, deleteImageSpec, describeImagesSpec, modifyImageAttributeSpec } from '../spec/ecs/images.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import { decodeShape } from '../spec/ecs/shape.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';
import { isNotFoundError } from './errors.js';
import { waitFor, type WaitClock } from './wait.js';
import { batchedGet, imagesById } from './batch-kinds.js';
import { abortableSleep } from './retry.js';

/** CreateImage's input. `ClientToken`, when absent, is generated (see {@link createImage}). */
export type CreateImageInput = ClientInputOf<typeof createImageSpec>;
/** DescribeImages' filter (`ImageId` and `Status` are lists, sent comma-separated). */
export type DescribeImagesFilter = ClientInputOf<typeof describeImagesSpec>;
export type ModifyImageAttributeInput = ClientInputOf<typeof modifyImageAttributeSpec>;
/** One `Images.Image` of DescribeImages, checked, absent fields at their zero values. */
export type Image = OutputOf<typeof describeImagesSpec>['Images']['Image'][number];

const imageShape = describeImagesSpec.response.fields.Images.fields.Image.items;

/** Check and normalize one raw `Images.Image` element (throws `ShapeMismatchError`); for fixtures and tests. */
export function decodeImage(raw: unknown): Image {
  return decodeShape(imageShape, raw);
}

/** The image's tags as a plain map, skipping system tags (`aliyun*`, `acs:*`, `http(s)://`) like the provider. */
export function imageTagMap(image: Pick<Image, 'Tags'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of image.Tags.Tag) if (!/^(aliyun|acs:|https?:\/\/)/i.test(t.TagKey)) out[t.TagKey] = t.TagValue;
  return out;
}

/** Start creating an image. The image is not usable yet: follow with {@link waitImageUsable}. */
export async function createImage(
  client: AlibabaCloudClient,
  input: CreateImageInput,
  opts: CallOptions = {},
): Promise<{ imageId: string; requestId: string }> {
  const body = await callWithClientToken(client, createImageSpec, input, opts);
  return { imageId: body.ImageId, requestId: body.RequestId };
}

/**
 * One page of DescribeImages (default page size 10; pass `PageSize: 100`), or every page
 * with {@link describeAllImages}. `totalCount` is the total number of matches.
 */
export async function describeImages(
  client: AlibabaCloudClient,
  filter: DescribeImagesFilter = {},
  opts: CallOptions = {},
): Promise<{ images: Image[]; totalCount: number; pageNumber: number; pageSize: number; requestId: string }> {
  const body = await client.call(describeImagesSpec, filter, opts);
  return {
    images: body.Images.Image,
    totalCount: body.TotalCount,
    pageNumber: body.PageNumber,
    pageSize: body.PageSize,
    requestId: body.RequestId,
  };
}

/** Every page of a DescribeImages query (100 per page). */
export async function describeAllImages(
  client: AlibabaCloudClient,
  filter: Omit<DescribeImagesFilter, 'PageNumber' | 'PageSize'> = {},
  opts: CallOptions = {},
): Promise<Image[]> {
  const all: Image[] = [];
  for (let page = 1; ; page++) {
    const r = await describeImages(client, { ...filter, PageNumber: page, PageSize: 100 }, opts);
    all.push(...r.images);
    if (r.images.length === 0 || all.length >= r.totalCount) return all;
  }
}

/**
 * The image with this id in any status (Status=ALL), or undefined when it does not exist: only a
 * well-formed answer without it (the client checked the body) or `InvalidImageId.NotFound` says so.
 */
export async function describeImage(client: AlibabaCloudClient, imageId: string, opts: CallOptions = {}): Promise<Image | undefined> {
  try {
    return await batchedGet(client, imagesById, imageId, { Status: ['ALL'] }, opts);
  } catch (err) {
    // The provider also maps this code to "gone" defensively (ecs-api.md 6.2).
    if (isNotFoundError(err, ['InvalidImageId.NotFound'])) return undefined;
    throw err;
  }
}

/** Change name/description/family/boot mode/status/license/features. Idempotent (sets values). */
export async function modifyImageAttribute(
  client: AlibabaCloudClient,
  input: ModifyImageAttributeInput,
  opts: CallOptions = {},
): Promise<{ requestId: string }> {
  const body = await client.call(modifyImageAttributeSpec, input, { idempotent: true, ...opts });
  return { requestId: body.RequestId };
}

/**
 * Delete an image. `InvalidImageId.NotFound` counts as success (`notFound: true`): the
 * image is gone either way, including when an earlier attempt of this call deleted it.
 * Snapshots are not deleted (see `deleteSnapshot`).
 */
export async function deleteImage(
  client: AlibabaCloudClient,
  imageId: string,
  force = false,
  opts: CallOptions = {},
): Promise<{ requestId: string; notFound: boolean }> {
  try {
    const body = await client.call(deleteImageSpec, { ImageId: imageId, Force: force }, { idempotent: true, ...opts });
    return { requestId: body.RequestId, notFound: false };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidImageId.NotFound'])) return { requestId: err.requestId ?? '', notFound: true };
    throw err;
  }
}

export interface ImageWaitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?(image: Image | undefined): void;
  /** How long "not found" right after CreateImage is treated as "not visible yet" (default 60 s). */
  notFoundGraceMs?: number;
  /** Poll pacing overrides (defaults: first look after 300 ms, 500 ms x1.5 up to 5 s, then timed from Progress). */
  firstDelayMs?: number;
  minIntervalMs?: number;
  maxIntervalMs?: number;
  clock?: WaitClock;
}

/**
 * The image right after its create call answered (CreateImage, CopyImage): asked at once, then
 * 0.3 s and 0.7 s later, since a new image can take a moment to be listed; undefined when it is
 * still not, which after a ClientToken replay means the token's image was deleted since.
 */
export async function describeNewImage(
  client: AlibabaCloudClient,
  imageId: string,
  opts: { signal?: AbortSignal; onLook?(image: Image | undefined): void } = {},
): Promise<Image | undefined> {
  for (const delay of [0, 300, 700]) {
    if (delay) await abortableSleep(delay, opts.signal);
    const image = await describeImage(client, imageId, { signal: opts.signal });
    opts.onLook?.(image);
    if (image) return image;
  }
  return undefined;
}

/** Short state text for messages: `Creating 40% usable=false`, or `not found`. */
export function describeImageState(image: Image | undefined): string {
  return image ? `${image.Status} ${image.Progress || '-'} usable=${image.Usable}` : 'not found';
}

/**
 * Wait until the image can launch instances: `Usable=true`. `Status=Available` alone is not
 * enough (ECS can report it a moment before the image is usable; the official provider waits on
 * Usable since 1.289.0 for the same reason).
 * Fails at once on `CreateFailed` (with the reason), or when the image stays invisible past
 * the grace period; times out with the last observed state.
 */
export async function waitImageUsable(client: AlibabaCloudClient, imageId: string, options: ImageWaitOptions): Promise<Image> {
  const clock = options.clock;
  const start = (clock ?? { now: Date.now }).now();
  const grace = options.notFoundGraceMs ?? 60_000;
  const image = await waitFor(() => describeImage(client, imageId, { signal: options.signal, current: true }), {
    what: `image ${imageId} to become usable`,
    timeoutMs: options.timeoutMs,
    isDone: (i) => !!i && i.Usable,
    isFailed: (i) => {
      if (i?.Status === 'CreateFailed') return `image ${imageId} is CreateFailed (progress ${i.Progress || 'unknown'})`;
      if (!i && (clock ?? { now: Date.now }).now() - start > grace)
        return `image ${imageId} does not exist (not found for ${Math.round(grace / 1000)} s after creation)`;
      return undefined;
    },
    describe: describeImageState,
    nextDelayMs: progressEta(),
    firstDelayMs: options.firstDelayMs ?? 300,
    minIntervalMs: options.minIntervalMs,
    maxIntervalMs: options.maxIntervalMs,
    signal: options.signal,
    onProgress: options.onProgress,
    clock,
  });
  return image!;
}

/**
 * Time the next poll from the image's Progress: once two polls saw it rise, aim at the
 * moment the observed rate reaches 100% (a little after), instead of a blind backoff.
 */
export function progressEta(): (image: Image | undefined, elapsedMs: number) => number | undefined {
  let prev: { at: number; progress: number } | undefined;
  return (image, elapsedMs) => {
    const progress = image ? Number.parseFloat(image.Progress) : Number.NaN;
    if (!Number.isFinite(progress) || progress <= 0) return undefined;
    const sample = { at: elapsedMs, progress };
    const before = prev;
    prev = sample;
    if (!before || progress <= before.progress || elapsedMs <= before.at) return undefined;
    const ratePerMs = (progress - before.progress) / (elapsedMs - before.at);
    return (100 - progress) / ratePerMs + 50;
  };
}

/** Wait until DescribeImages (Status=ALL) no longer returns the image. */
export async function waitImageDeleted(
  client: AlibabaCloudClient,
  imageId: string,
  options: Omit<ImageWaitOptions, 'notFoundGraceMs'>,
): Promise<void> {
  await waitFor(() => describeImage(client, imageId, { signal: options.signal, current: true }), {
    what: `image ${imageId} to be deleted`,
    timeoutMs: options.timeoutMs,
    isDone: (i) => i === undefined,
    describe: describeImageState,
    firstDelayMs: options.firstDelayMs ?? 300,
    minIntervalMs: options.minIntervalMs,
    maxIntervalMs: options.maxIntervalMs,
    signal: options.signal,
    onProgress: options.onProgress,
    clock: options.clock,
  });
}
