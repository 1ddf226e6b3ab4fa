/**
 * `alicloud_image_copy`: ONE CopyImage per copy (a ClientToken kept across its retries, so a lost
 * answer never makes a second copy), then a wait in the provider's region until the copy is usable.
 * When the create timeout strikes first, the copy is cancelled with CancelCopyImage and nothing is
 * left (the official provider leaves the half-made copy). Delete cancels a copy still in progress,
 * else DeleteImage (`force`), then optionally deletes the copy's snapshots.
 */
import { randomUUID } from 'node:crypto';
import { NO_STATE, defineResource, type CreateRequest, type NoState } from '../../framework/index.js';
import {
  EcsTimeoutError,
  cancelCopyImage,
  copyImage,
  deleteImage,
  deleteSnapshot,
  describeImage,
  describeNewImage,
  isEcsServiceError,
  modifyImageAttribute,
  waitImageDeleted,
  waitImageUsable,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { Deadline, addEcsError, attempt, readRemote, syncAliasPlan, syncEcsTags } from '../common/index.js';
import { IMAGE_COPY_EXAMPLE } from './example.js';
import { copyImageInput, copyToState, copyToken } from './mapping.js';
import { imageCopySchema, type ImageCopyState } from './schema.js';

const PREFIXES: readonly [string, string][] = [
  ['InvalidImageName', 'image_name'],
  ['InvalidDescription', 'description'],
  ['InvalidImageId', 'source_image_id'],
  ['IncorrectImageStatus', 'source_image_id'],
  ['OperationDenied.SameRegionOnly', 'source_region_id'],
  ['OperationDenied.SystemImage', 'source_image_id'],
  ['InvalidRegionId', 'source_region_id'],
  ['InvalidTag', 'tags'],
  ['Duplicate.TagKey', 'tags'],
  ['NumberExceed.Tags', 'tags'],
  ['ImageUsingByInstance', 'force'],
  ['ImageUseShared', 'force'],
];
const attributeFor = (code: string) => PREFIXES.find(([p]) => code.startsWith(p))?.[1];

type Req = CreateRequest<typeof imageCopySchema, AlibabaCloudClient>;

/** CopyImage with the token of `salt`; the id of the copy in the provider's region. */
async function startCopy(req: Req, salt: string, deadline: Deadline): Promise<string | NoState> {
  const input = copyImageInput(req.plan, req.client.region);
  return attempt(req.diags, { summary: 'Cannot Copy Image', attributeFor }, async () => {
    const r = await copyImage(
      req.client,
      { ...input, ClientToken: copyToken(input, salt) },
      { signal: req.signal, deadlineMs: deadline.remainingMs(1000) },
    );
    req.log.info(`alicloud_image_copy: CopyImage accepted, copy ${r.imageId} in ${req.client.region}`, { image_id: r.imageId });
    return r.imageId;
  });
}

/** A few quick looks (about one second) for a copy ECS just returned. */
/** The create timeout struck: cancel the copy and wait until it is gone; false when it could not be cancelled. */
async function cancelLate(req: Req, id: string): Promise<boolean> {
  try {
    await cancelCopyImage(req.client, id, { signal: req.signal });
    await waitImageDeleted(req.client, id, { timeoutMs: 60_000, signal: req.signal, firstDelayMs: 200 });
    return true;
  } catch (err) {
    addEcsError(req.diags, err, {
      summary: 'Cannot Cancel Image Copy',
      note: `The copy ${id} is kept in state as tainted; the next apply replaces it, or run terraform destroy to remove it.`,
    });
    return false;
  }
}

async function create(req: Req): Promise<ImageCopyState | NoState> {
  const deadline = new Deadline(req.timeouts.create);
  const named = Boolean(req.plan.image_name ?? req.plan.name);
  const nonce = named ? 'named' : randomUUID();
  const first = await startCopy(req, nonce, deadline);
  if (first === NO_STATE) return NO_STATE;
  let id = first;
  const kept = `The copy ${id} exists and is saved in state as tainted; the next apply replaces it, or run terraform destroy to remove it.`;
  try {
    let image = await describeNewImage(req.client, id, { signal: req.signal });
    if (!image) {
      // The token's copy was deleted before (an earlier destroy): make a new one under a new token.
      const again = await startCopy(req, `${nonce}:${id}`, deadline);
      if (again === NO_STATE) return NO_STATE;
      id = again;
      image = await describeNewImage(req.client, id, { signal: req.signal });
    }
    const usable = image?.Usable
      ? image
      : await waitImageUsable(req.client, id, {
          timeoutMs: deadline.remainingMs(),
          signal: req.signal,
        });
    return copyToState(usable, req.plan);
  } catch (err) {
    if (err instanceof EcsTimeoutError && err.kind === 'wait') {
      if (!(await cancelLate(req, id))) {
        req.saveProgress({ id });
        return NO_STATE;
      }
      addEcsError(req.diags, err, {
        summary: 'Image Copy Timed Out',
        timeoutKey: 'create',
        note: `The copy ${id} was cancelled with CancelCopyImage; nothing is left in ${req.client.region}.`,
      });
      return NO_STATE;
    }
    req.saveProgress({ id });
    addEcsError(req.diags, err, { summary: 'Image Copy Failed', timeoutKey: 'create', note: kept });
    return NO_STATE;
  }
}

export const imageCopyResource = defineResource<typeof imageCopySchema, AlibabaCloudClient>({
  typeName: 'alicloud_image_copy',
  schema: imageCopySchema,
  docs: {
    subcategory: 'ECS',
    availableSince: '1.66.0',
    productDocs: {
      title: 'CopyImage',
      url: 'https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-copyimage',
    },
    example: IMAGE_COPY_EXAMPLE,
    importId: 'm-bp1g6zv0ce8oghu7k0zf',
    importNote:
      "ECS does not report where a copy came from, so `source_image_id`, `source_region_id`, `encrypted`, `kms_key_id`, `force` and `delete_auto_snapshot` are taken from the configuration by the first plan after an import (no new copy). Import in the provider configuration of the copy's region.",
  },

  create,

  async modifyPlan({ config, plan }) {
    syncAliasPlan(config, plan, 'image_name', 'name');
  },

  read: (req) =>
    readRemote(
      req,
      (id) => describeImage(req.client, id, { signal: req.signal }),
      (image) => copyToState(image, req.state),
    ),

  async update({ plan, prior, changed, client, diags, signal }) {
    const id = prior.id!;
    return attempt(diags, { summary: 'Cannot Update Image Copy', attributeFor }, async () => {
      const name = changed.has('image_name') || changed.has('name') ? (plan.image_name ?? plan.name ?? undefined) : undefined;
      const description = changed.has('description') && plan.description ? plan.description : undefined;
      if (name || description)
        await modifyImageAttribute(
          client,
          { ImageId: id, ...(name ? { ImageName: name } : {}), ...(description ? { Description: description } : {}) },
          { signal },
        );
      await syncEcsTags(client, { resourceType: 'image', id }, prior.tags, plan.tags, { signal });
      const image = await describeImage(client, id, { signal });
      if (image) return copyToState(image, plan);
      diags.addError(
        'Image Copy Disappeared',
        `The copy ${id} was deleted outside Terraform during the update. Run terraform apply again to copy anew.`,
      );
      return NO_STATE;
    });
  },

  async delete({ state, client, signal, diags, timeouts }) {
    const id = state.id!;
    const deadline = new Deadline(timeouts.delete);
    await attempt(diags, { summary: 'Cannot Delete Image Copy', attributeFor, timeoutKey: 'delete' }, async () => {
      const image = await describeImage(client, id, { signal });
      if (!image) return;
      const copying = image.Status === 'Creating' || image.Status === 'Waiting';
      if (copying) await cancelCopyImage(client, id, { signal });
      else await deleteImage(client, id, state.force ?? false, { signal, deadlineMs: deadline.remainingMs(1000) });
      await waitImageDeleted(client, id, { timeoutMs: deadline.remainingMs(), signal, firstDelayMs: 200 });
      if (copying || !state.delete_auto_snapshot) return;
      for (const m of image.DiskDeviceMappings.DiskDeviceMapping) {
        if (!m.SnapshotId) continue;
        try {
          await deleteSnapshot(client, m.SnapshotId, true, { signal });
        } catch (err) {
          const why = isEcsServiceError(err) ? `${err.code}: ${err.serviceMessage}` : String((err as Error)?.message ?? err);
          diags.addWarning(
            'Snapshot Not Deleted',
            `The copy ${id} is deleted, but its snapshot ${m.SnapshotId} could not be deleted (${why}). Delete it in the console or with the aliyun CLI.`,
          );
        }
      }
    });
  },

  async importState({ id, diags }) {
    if (!/^m-[A-Za-z0-9-]+$/.test(id)) {
      diags.addError(
        'Invalid Import Id',
        `"${id}" is not an ECS image id; import alicloud_image_copy with the copy's id, e.g. m-bp1g6zv0ce8oghu7k0zf.`,
      );
      return null;
    }
    return { id };
  },
});
