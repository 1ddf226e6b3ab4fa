/**
 * Create of `alicloud_image`: pre-checks, ONE CreateImage with a ClientToken unique to this
 * create (kept across its retries, never shared: identical resources and create_before_destroy
 * replacements each get their own image), then an honest wait until the image is usable, then one
 * ModifyImageAttribute for license_type and features.nvme_support (CreateImage takes neither). The create timeout is a deadline from the start of create. Once ECS has
 * returned an id, every failure keeps that id in state (Terraform taints it: never orphaned).
 */
import { randomUUID } from 'node:crypto';
import type { CreateRequest } from '../../framework/index.js';
import {
  createImage,
  describeImage,
  describeImageState,
  EcsCanceledError,
  isEcsServiceError,
  modifyImageAttribute,
  waitImageUsable,
  type AlibabaCloudClient,
  type CreateImageInput,
  type Image,
} from '../../ecs/index.js';
import { addEcsError } from '../ecs-diagnostics.js';
import { checkInstance, checkSnapshots, type CheckContext } from './checks.js';
import { afterCreateInput, createImageInput, createToken, imageToState } from './mapping.js';
import { attributeForCode } from './errors.js';
import type { ImageState, imageSchema } from './schema.js';

type Req = CreateRequest<typeof imageSchema, AlibabaCloudClient>;

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const canceled = () => new EcsCanceledError('Canceled by Terraform (Ctrl-C) while creating the image.');
    if (signal.aborted) return reject(canceled());
    const onAbort = () => {
      clearTimeout(t);
      reject(canceled());
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** CreateImage, retrying IncorrectInstanceStatus (the instance is settling) until the deadline. */
async function createWithRetry(req: Req, input: CreateImageInput, token: string, deadline: number): Promise<string> {
  let delay = 1000;
  for (;;) {
    try {
      const r = await createImage(
        req.client,
        { ...input, ClientToken: token },
        { signal: req.signal, deadlineMs: Math.max(1000, deadline - Date.now()) },
      );
      req.log.info(`alicloud_image: CreateImage accepted, image ${r.imageId}`, { image_id: r.imageId, request_id: r.requestId });
      return r.imageId;
    } catch (err) {
      if (!isEcsServiceError(err) || err.code !== 'IncorrectInstanceStatus' || Date.now() + delay >= deadline) throw err;
      req.log.info(`alicloud_image: instance not ready for CreateImage (${err.serviceMessage}); retrying in ${delay} ms`);
      await sleep(delay, req.signal);
      delay = Math.min(Math.round(delay * 1.5), 5000);
    }
  }
}

/** A few quick looks (about one second) for an image id that ECS just returned. */
async function lookSoon(req: Req, id: string): Promise<Image | undefined> {
  for (const pause of [0, 300, 700]) {
    if (pause) await sleep(pause, req.signal);
    const image = await describeImage(req.client, id, { signal: req.signal });
    if (image) return image;
  }
  return undefined;
}

/** Wait until usable, logging each new progress; returns at once when already usable. */
async function waitUsable(req: Req, image: Image, deadline: number): Promise<Image> {
  if (image.Usable || image.Status === 'Available') return image;
  let last = '';
  return waitImageUsable(req.client, image.ImageId, {
    timeoutMs: Math.max(0, deadline - Date.now()),
    signal: req.signal,
    firstDelayMs: 300,
    minIntervalMs: 500,
    maxIntervalMs: 5000,
    onProgress(i) {
      const now = describeImageState(i);
      if (now !== last)
        req.log.info(`alicloud_image: ${image.ImageId} ${now}`, { image_id: image.ImageId, status: i?.Status, progress: i?.Progress });
      last = now;
    },
  });
}

/** Configured (non-null) sub-values win over the API's, so the result matches the plan. */
function overlayConfig(state: ImageState, config: Req['config']): ImageState {
  const mappings = state.disk_device_mapping.map((m, i) => {
    const c = config.disk_device_mapping[i];
    if (!c) return m;
    const out = { ...m };
    for (const k of ['disk_type', 'size', 'snapshot_id', 'device'] as const)
      if (c[k] !== null && c[k] !== undefined) (out as Record<string, unknown>)[k] = c[k];
    return out;
  });
  const features = state.features.map((f, i) =>
    config.features[i]?.nvme_support ? { nvme_support: config.features[i]!.nvme_support } : f,
  );
  return { ...state, disk_device_mapping: mappings, features };
}

/** Thrown by {@link applyAfterCreate} once its diagnostic is added. */
class AfterCreateFailed extends Error {}

/**
 * Set what CreateImage cannot take (license_type, features.nvme_support) with one
 * ModifyImageAttribute on the usable image; returns the image as read back, or undefined when
 * there was nothing to set.
 */
async function applyAfterCreate(req: Req, id: string, deadline: number, kept: () => string): Promise<Image | undefined> {
  const input = afterCreateInput(id, req.config);
  if (!input) return undefined;
  try {
    await modifyImageAttribute(req.client, input, { signal: req.signal, deadlineMs: Math.max(1000, deadline - Date.now()) });
    return await describeImage(req.client, id, { signal: req.signal });
  } catch (err) {
    addEcsError(req.diags, err, { summary: 'Cannot Set Image Attributes', attributeFor: attributeForCode, note: kept() });
    throw new AfterCreateFailed();
  }
}

export async function createImageResource(req: Req): Promise<ImageState> {
  const { config, diags } = req;
  const deadline = Date.now() + (req.timeouts.create ?? DEFAULT_TIMEOUT_MS);
  const ctx: CheckContext = { client: req.client, signal: req.signal, diags, log: req.log, deadline };
  const failed = undefined as unknown as ImageState;

  try {
    if (config.instance_id && !(await checkInstance(ctx, config.instance_id))) return failed;
    const snaps = [
      ...(config.snapshot_id ? [{ id: config.snapshot_id, path: [{ attribute: 'snapshot_id' }] }] : []),
      ...config.disk_device_mapping.flatMap((m, i) =>
        m.snapshot_id
          ? [{ id: m.snapshot_id, path: [{ attribute: 'disk_device_mapping' }, { index: i }, { attribute: 'snapshot_id' }] }]
          : [],
      ),
    ];
    if (!(await checkSnapshots(ctx, snaps))) return failed;
  } catch (err) {
    addEcsError(diags, err, { summary: 'Cannot Check Image Source', timeoutKey: 'create' });
    return failed;
  }

  const input = createImageInput(config);
  // Per-create nonce: a hash of the request alone hands identical resources one shared image.
  const nonce = randomUUID();
  let id: string;
  try {
    id = await createWithRetry(req, input, createToken(input, nonce), deadline);
  } catch (err) {
    addEcsError(diags, err, { summary: 'Cannot Create Image', attributeFor: attributeForCode });
    return failed;
  }
  req.saveProgress({ id });

  const kept = () =>
    `The image ${id} exists and is saved in state as tainted; the next apply replaces it, or run terraform destroy to remove it.`;
  try {
    let image = await lookSoon(req, id);
    if (!image) {
      // The token's image vanished before we could see it (deleted outside Terraform): make another.
      req.log.info(`alicloud_image: image ${id} of this ClientToken was deleted; creating a new one`);
      id = await createWithRetry(req, input, createToken(input, `${nonce}:${id}`), deadline);
      req.saveProgress({ id });
      image = await lookSoon(req, id);
    }
    if (image) req.saveProgress({ status: image.Status });
    const usable = image
      ? await waitUsable(req, image, deadline)
      : await waitImageUsable(req.client, id, { timeoutMs: Math.max(0, deadline - Date.now()), signal: req.signal });
    const final = await applyAfterCreate(req, id, deadline, kept);
    const state = imageToState(final ?? usable, { ...(req.plan as unknown as ImageState) }, { fillBlocks: false });
    return overlayConfig(state, config);
  } catch (err) {
    if (err instanceof AfterCreateFailed) return failed;
    if (isEcsServiceError(err) || (err as Error)?.name?.startsWith('Ecs')) {
      const failedWait = (err as Error).name === 'EcsWaitFailedError';
      if (failedWait) req.saveProgress({ status: 'CreateFailed' });
      addEcsError(diags, err, {
        summary: failedWait ? 'Image Creation Failed' : 'Cannot Wait For Image',
        timeoutKey: 'create',
        note: kept(),
      });
    } else {
      diags.addError('Cannot Wait For Image', `${(err as Error)?.message ?? String(err)}\n\n${kept()}`);
    }
    return failed;
  }
}
