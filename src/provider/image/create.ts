/**
 * Create of `alicloud_image`: pre-checks, ONE CreateImage with a ClientToken kept across its
 * retries (derived from the configuration when image_name is set, so the next apply finds an
 * image whose answer was lost; else unique to this create, so identical unnamed resources each
 * get their own image), then an honest wait until the image is usable, then one
 * ModifyImageAttribute for license_type and features.nvme_support (CreateImage takes neither). The
 * create timeout is a deadline from the start of create. Once ECS has returned an id, every
 * failure keeps that id in state (Terraform taints it: never orphaned), together with the
 * status of the last observation, the same one a timeout message reports.
 */
import { randomUUID } from 'node:crypto';
import { NO_STATE, type CreateRequest, type NoState } from '../../framework/index.js';
import {
  createImage,
  describeImage,
  describeNewImage,
  describeImageState,
  isEcsServiceError,
  modifyImageAttribute,
  waitImageUsable,
  type AlibabaCloudClient,
  type CreateImageInput,
  type Image,
} from '../../ecs/index.js';
import { Deadline, addEcsError, attempt, retryWhile } from '../common/index.js';
import { checkInstance, checkSnapshots, type CheckContext, type WantedSnapshot } from './checks.js';
import type { AttributePath } from '../../tfplugin/provider-server.js';
import { afterCreateInput, createImageInput, createToken, imageToState } from './mapping.js';
import { attributeForCode } from './errors.js';
import type { ImageState, imageSchema } from './schema.js';

type Req = CreateRequest<typeof imageSchema, AlibabaCloudClient>;

/** CreateImage, retrying IncorrectInstanceStatus (the instance is settling) until the deadline. */
async function createWithRetry(req: Req, input: CreateImageInput, token: string, deadline: Deadline): Promise<string> {
  const settling = (err: unknown) => isEcsServiceError(err) && err.code === 'IncorrectInstanceStatus';
  const r = await retryWhile(
    () => createImage(req.client, { ...input, ClientToken: token }, { signal: req.signal, deadlineMs: deadline.remainingMs(1000) }),
    settling,
    {
      deadline,
      signal: req.signal,
      firstDelayMs: 1000,
      onRetry: (err, delay) =>
        req.log.info(`alicloud_image: instance not ready for CreateImage (${(err as Error).message}); retrying in ${delay} ms`),
    },
  );
  req.log.info(`alicloud_image: CreateImage accepted, image ${r.imageId}`, { image_id: r.imageId, request_id: r.requestId });
  return r.imageId;
}

/** Pre-checks of the sources (each failure is an attribute diagnostic); true when CreateImage may go. */
async function sourcesOk(req: Req, deadline: Deadline): Promise<boolean> {
  const { config } = req;
  const ctx: CheckContext = { client: req.client, signal: req.signal, diags: req.diags, log: req.log, deadline: deadline.at };
  if (config.instance_id && !(await checkInstance(ctx, config.instance_id))) return false;
  const snaps: WantedSnapshot[] = [
    ...(config.snapshot_id ? [{ id: config.snapshot_id, path: [{ attribute: 'snapshot_id' }] }] : []),
    ...config.disk_device_mapping.flatMap((m, i) => {
      const at = (attribute: string): AttributePath => [{ attribute: 'disk_device_mapping' }, { index: i }, { attribute }];
      if (!m.snapshot_id) return [];
      return [{ id: m.snapshot_id, path: at('snapshot_id'), ...(m.size ? { size: { gib: m.size, path: at('size') } } : {}) }];
    }),
  ];
  return checkSnapshots(ctx, snaps);
}

/** Configured (non-null) sub-values win over the API's, so the result matches the plan. */
function overlayConfig(state: ImageState, config: Req['config']): ImageState {
  const mappings = state.disk_device_mapping.map((m, i) => {
    const c = config.disk_device_mapping[i];
    if (!c) return m;
    return {
      ...m,
      disk_type: c.disk_type ?? m.disk_type,
      size: c.size ?? m.size,
      snapshot_id: c.snapshot_id ?? m.snapshot_id,
      device: c.device ?? m.device,
    };
  });
  const features = state.features.map((f, i) =>
    config.features[i]?.nvme_support ? { nvme_support: config.features[i]!.nvme_support } : f,
  );
  return { ...state, disk_device_mapping: mappings, features };
}

/**
 * Set what CreateImage cannot take (license_type, features.nvme_support) with one
 * ModifyImageAttribute on the usable image; returns the image as read back, or undefined when
 * there was nothing to set.
 */
async function applyAfterCreate(req: Req, id: string, deadline: Deadline): Promise<Image | undefined> {
  const input = afterCreateInput(id, req.config);
  if (!input) return undefined;
  await modifyImageAttribute(req.client, input, { signal: req.signal, deadlineMs: deadline.remainingMs(1000) });
  return describeImage(req.client, id, { signal: req.signal });
}

export async function createImageResource(req: Req): Promise<ImageState | NoState> {
  const { config, diags } = req;
  const deadline = new Deadline(req.timeouts.create);
  const checked = await attempt(diags, { summary: 'Cannot Check Image Source', timeoutKey: 'create' }, () => sourcesOk(req, deadline));
  if (checked !== true) return NO_STATE;

  const input = createImageInput(config);
  // Named: the token follows from the configuration, so a CreateImage whose answer was lost (cloud
  // killed, connection dropped) is found again by the next apply instead of failing on the name;
  // names are unique per region, so no two resources can share it. Unnamed: a per-create nonce
  // (a hash of the request alone would hand identical resources one shared image).
  const nonce = input.ImageName ? 'named' : randomUUID();
  const created = await attempt(diags, { summary: 'Cannot Create Image', attributeFor: attributeForCode }, () =>
    createWithRetry(req, input, createToken(input, nonce), deadline),
  );
  if (created === NO_STATE) return NO_STATE;
  let id = created;
  req.saveProgress({ id });

  // One source for what the state records and what a timeout reports: the last observation.
  let lastSaid = '';
  const observed = (image: Image | undefined) => {
    if (image) req.saveProgress({ status: image.Status });
    const now = describeImageState(image);
    if (now !== lastSaid) req.log.info(`alicloud_image: ${id} ${now}`, { image_id: id, status: image?.Status, progress: image?.Progress });
    lastSaid = now;
  };
  /** A few quick looks (about one second) for an image id that ECS just returned. */
  const kept = () =>
    `The image ${id} exists and is saved in state as tainted, with the status last seen; the next apply replaces it, or run terraform destroy to remove it.`;
  let usable: Image;
  try {
    let image = await describeNewImage(req.client, id, { signal: req.signal, onLook: observed });
    if (!image) {
      // The token's image vanished before we could see it (deleted outside Terraform): make another.
      req.log.info(`alicloud_image: image ${id} of this ClientToken was deleted; creating a new one`);
      id = await createWithRetry(req, input, createToken(input, `${nonce}:${id}`), deadline);
      req.saveProgress({ id });
      image = await describeNewImage(req.client, id, { signal: req.signal, onLook: observed });
    }
    // Usable, not Status=Available: ECS can say Available a moment before the image can launch instances.
    usable = image?.Usable
      ? image
      : await waitImageUsable(req.client, id, {
          timeoutMs: deadline.remainingMs(),
          signal: req.signal,
          onProgress: observed,
        });
  } catch (err) {
    const failedWait = (err as Error)?.name === 'EcsWaitFailedError';
    if (failedWait) req.saveProgress({ status: 'CreateFailed' });
    addEcsError(diags, err, {
      summary: failedWait ? 'Image Creation Failed' : 'Cannot Wait For Image',
      timeoutKey: 'create',
      note: kept(),
    });
    return NO_STATE;
  }
  const final = await attempt(diags, { summary: 'Cannot Set Image Attributes', attributeFor: attributeForCode, note: kept() }, () =>
    applyAfterCreate(req, id, deadline),
  );
  if (final === NO_STATE) return NO_STATE;
  return overlayConfig(imageToState(final ?? usable, req.plan), config);
}
