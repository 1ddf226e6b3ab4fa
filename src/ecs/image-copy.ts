/**
 * Typed image copy and share operations (CopyImage, CancelCopyImage, ModifyImageSharePermission,
 * DescribeImageSharePermission). Inputs and results come from the action tables
 * (`src/spec/ecs/image-copy.ts`). Wait for a copy with `waitImageUsable` on a client of the
 * DESTINATION region (the copy lives there).
 *
 * CopyImage always carries a ClientToken and is retried as idempotent: a retry after a lost answer
 * returns the first copy instead of making a second one. (The official Go provider sends none and
 * does not retry CopyImage, so a lost answer there leaves an orphan copy.)
 */
import {
  cancelCopyImageSpec,
  copyImageSpec,
  describeImageSharePermissionSpec,
  modifyImageSharePermissionSpec,
} from '../spec/ecs/image-copy.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';
import { isNotFoundError } from './errors.js';

/** CopyImage's input: `RegionId` is the SOURCE region (the client's region when absent). */
export type CopyImageInput = ClientInputOf<typeof copyImageSpec>;
export type ImageShareAccount = OutputOf<typeof describeImageSharePermissionSpec>['Accounts']['Account'][number];

/** Start a copy; the new id lives in `DestinationRegionId`. `ClientToken`, when absent, is generated. */
export async function copyImage(
  client: AlibabaCloudClient,
  input: CopyImageInput,
  opts: CallOptions = {},
): Promise<{ imageId: string; requestId: string }> {
  const body = await callWithClientToken(client, copyImageSpec, input, opts);
  return { imageId: body.ImageId, requestId: body.RequestId };
}

/**
 * Cancel a copy in progress (call it in the copy's region: the client's unless `regionId`).
 * Returns `gone: true` when the copy no longer exists (an earlier attempt cancelled it).
 */
export async function cancelCopyImage(
  client: AlibabaCloudClient,
  imageId: string,
  opts: CallOptions & { regionId?: string } = {},
): Promise<{ requestId: string; gone: boolean }> {
  const { regionId, ...callOpts } = opts;
  try {
    const body = await client.call(
      cancelCopyImageSpec,
      { ImageId: imageId, ...(regionId ? { RegionId: regionId } : {}) },
      { idempotent: true, ...callOpts },
    );
    return { requestId: body.RequestId, gone: false };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidImageId.NotFound'])) return { requestId: err.requestId ?? '', gone: true };
    throw err;
  }
}

/** Share an own image with accounts and/or stop sharing it. Idempotent (adding a present account changes nothing). */
export async function modifyImageSharePermission(
  client: AlibabaCloudClient,
  input: { imageId: string; add?: readonly string[]; remove?: readonly string[] },
  opts: CallOptions = {},
): Promise<{ requestId: string }> {
  const body = await client.call(
    modifyImageSharePermissionSpec,
    {
      ImageId: input.imageId,
      ...(input.add?.length ? { AddAccount: [...input.add] } : {}),
      ...(input.remove?.length ? { RemoveAccount: [...input.remove] } : {}),
    },
    { idempotent: true, ...opts },
  );
  return { requestId: body.RequestId };
}

/**
 * Every account the image is shared with (all pages, 100 per page), or undefined when the image
 * does not exist (`InvalidImageId.NotFound`).
 */
export async function describeImageShares(
  client: AlibabaCloudClient,
  imageId: string,
  opts: CallOptions = {},
): Promise<ImageShareAccount[] | undefined> {
  const all: ImageShareAccount[] = [];
  try {
    for (let page = 1; ; page++) {
      const body = await client.call(describeImageSharePermissionSpec, { ImageId: imageId, PageNumber: page, PageSize: 100 }, opts);
      all.push(...body.Accounts.Account);
      if (body.Accounts.Account.length === 0 || all.length >= body.TotalCount) return all;
    }
  } catch (err) {
    if (isNotFoundError(err, ['InvalidImageId.NotFound'])) return undefined;
    throw err;
  }
}
