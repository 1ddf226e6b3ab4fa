/**
 * `alicloud_image`: read, update, delete, import and plan adjustments (create is in
 * `create.ts`). Diagnostics name the ECS action, code and request id; nothing throws.
 */
import { defineResource, type ModifyPlanRequest } from '../../framework/index.js';
import {
  deleteImage,
  deleteSnapshot,
  describeImage,
  isEcsServiceError,
  joinResourceGroup,
  modifyImageAttribute,
  tagResources,
  untagResources,
  waitImageDeleted,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { addEcsError } from '../ecs-diagnostics.js';
import { checkConfig } from './checks.js';
import { createImageResource } from './create.js';
import { IMAGE_EXAMPLE, IMAGE_IMPORT_ID } from './example.js';
import { attributeForCode } from './errors.js';
import { autoSnapshots, imageToState, modifyImageInput, tagChanges } from './mapping.js';
import { imageSchema, type ImageState } from './schema.js';

const TEN_MINUTES = 10 * 60_000;

/** Name mirroring and the disk-mapping count rule (see schema.ts). */
async function modifyPlan(req: ModifyPlanRequest<typeof imageSchema, AlibabaCloudClient>): Promise<void> {
  const { config, plan, prior } = req;
  if (!config) return;
  if (config.image_name === null && config.name !== null) plan.image_name = config.name ?? (undefined as never);
  plan.name = plan.image_name;
  const wanted = config.disk_device_mapping;
  if (prior && wanted && wanted.length > 0 && wanted.length !== prior.disk_device_mapping.length) req.requireReplace('disk_device_mapping');
}

export const imageResource = defineResource<typeof imageSchema, AlibabaCloudClient>({
  schema: imageSchema,
  docs: { example: IMAGE_EXAMPLE, importId: IMAGE_IMPORT_ID },
  configValidators: [checkConfig],
  modifyPlan,

  create: (req) => createImageResource(req),

  async read({ state, client, signal, diags, log }) {
    try {
      const image = await describeImage(client, state.id!, { signal });
      if (!image) {
        log.info(`alicloud_image: ${state.id} no longer exists; removing it from state`);
        return null;
      }
      // A state never read before (just imported) takes the blocks from the API.
      return imageToState(image, state, { fillBlocks: state.status === null });
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Read Image' });
      return state;
    }
  },

  async update({ config, plan, prior, client, signal, diags, timeouts }) {
    const id = prior.id!;
    const deadline = Date.now() + (timeouts.update ?? TEN_MINUTES);
    const opts = () => ({ signal, deadlineMs: Math.max(1000, deadline - Date.now()) });
    try {
      const modify = modifyImageInput(id, config, prior);
      if (modify) await modifyImageAttribute(client, modify, opts());
      if (config.resource_group_id && config.resource_group_id !== prior.resource_group_id) {
        await joinResourceGroup(client, { resourceType: 'image', resourceId: id, resourceGroupId: config.resource_group_id }, opts());
      }
      const tags = tagChanges(prior.tags, config.tags);
      if (tags.remove.length > 0) await untagResources(client, { resourceType: 'image', resourceIds: [id], keys: tags.remove }, opts());
      if (Object.keys(tags.upsert).length > 0)
        await tagResources(client, { resourceType: 'image', resourceIds: [id], tags: tags.upsert }, opts());
      const image = await describeImage(client, id, { signal });
      if (!image) {
        diags.addError(
          'Image Disappeared',
          `The image ${id} was deleted outside Terraform during the update. Run terraform apply again to create a new one.`,
        );
        return undefined as never;
      }
      const basis = { ...prior, ...definedOnly(plan) } as ImageState;
      return imageToState(image, basis, { fillBlocks: false });
    } catch (err) {
      addEcsError(diags, err, {
        summary: 'Cannot Update Image',
        attributeFor: attributeForCode,
        note: 'Changes made before the error are kept; the next plan shows what is left.',
      });
      return undefined as never;
    }
  },

  async delete({ state, client, signal, diags, timeouts }) {
    const id = state.id!;
    const deadline = Date.now() + (timeouts.delete ?? TEN_MINUTES);
    try {
      // Any status counts, Deprecated included (the Go provider skipped those and kept them).
      const image = await describeImage(client, id, { signal });
      if (!image) return;
      await deleteImage(client, id, state.force ?? false, { signal, deadlineMs: Math.max(1000, deadline - Date.now()) });
      await waitImageDeleted(client, id, { timeoutMs: Math.max(0, deadline - Date.now()), signal, firstDelayMs: 200 });
      if (state.delete_auto_snapshot) {
        for (const snap of autoSnapshots(state, image)) {
          try {
            await deleteSnapshot(client, snap, true, { signal });
          } catch (err) {
            const why = isEcsServiceError(err)
              ? `${err.code}: ${err.serviceMessage} (request id ${err.requestId ?? 'none'})`
              : String((err as Error)?.message ?? err);
            diags.addWarning(
              'Snapshot Not Deleted',
              `The image ${id} is deleted, but its snapshot ${snap} could not be deleted (${why}). Delete it in the console or with the aliyun CLI.`,
            );
          }
        }
      }
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Delete Image', attributeFor: attributeForCode, timeoutKey: 'delete' });
    }
  },

  async importState({ id, diags }) {
    if (!/^m-[A-Za-z0-9-]+$/.test(id)) {
      diags.addError(
        'Invalid Import Id',
        `"${id}" is not an ECS image id; import alicloud_image with the image id, e.g. terraform import alicloud_image.default ${IMAGE_IMPORT_ID}.`,
      );
      return null;
    }
    return { id };
  },
});

/** The plan without its unknown (undefined) values. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Partial<T>;
}
