/**
 * `alicloud_image`: read, update, delete, import and plan adjustments (create is in
 * `create.ts`). Diagnostics name the ECS action, code and request id; nothing throws.
 */
import { NO_STATE, defineResource, type ModifyPlanRequest } from '../../framework/index.js';
import {
  deleteImage,
  deleteSnapshot,
  describeImage,
  isEcsServiceError,
  joinResourceGroup,
  modifyImageAttribute,
  waitImageDeleted,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { Deadline, attempt, readRemote, syncEcsTags } from '../common/index.js';
import { checkConfig, requireSource } from './checks.js';
import { createImageResource } from './create.js';
import { IMAGE_EXAMPLE } from './example.js';
import { attributeForCode } from './errors.js';
import { autoSnapshots, imageToState, modifyImageInput } from './mapping.js';
import { imageSchema } from './schema.js';

/** The id shown in the docs' Import section and in the import-id hint. */
const IMPORT_ID = 'm-bp1g6zv0ce8oghu7k0zf';

const IMPORT_NOTE = `ECS does not report how an image was made, so \`instance_id\`, \`snapshot_id\`, \`force\` and \`delete_auto_snapshot\` cannot be read back: the first plan after an import takes their configured values into state in place (no new image). \`detection_strategy\` is read back only when ECS ran the check at creation. Import reads \`disk_device_mapping\` and \`features\` from the API (Optional+Computed blocks), so a configuration without those blocks plans clean. A configuration that only imports needs no source: \`instance_id\`, \`snapshot_id\` or \`disk_device_mapping\` is required only to create.`;

/** A source only to create, name mirroring and the disk-mapping count rule (see schema.ts). */
async function modifyPlan(req: ModifyPlanRequest<typeof imageSchema, AlibabaCloudClient>): Promise<void> {
  const { config, plan, prior } = req;
  if (!config) return;
  if (!prior) requireSource(config, req.diags);
  if (config.image_name === null && config.name !== null) plan.image_name = config.name;
  plan.name = plan.image_name;
  const wanted = config.disk_device_mapping;
  if (prior && wanted && wanted.length > 0 && wanted.length !== prior.disk_device_mapping.length) req.requireReplace('disk_device_mapping');
}

export const imageResource = defineResource<typeof imageSchema, AlibabaCloudClient>({
  typeName: 'alicloud_image',
  schema: imageSchema,
  docs: {
    subcategory: 'ECS',
    availableSince: '1.64.0',
    productDocs: {
      title: 'CreateImage',
      url: 'https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-createimage',
    },
    example: IMAGE_EXAMPLE,
    importId: IMPORT_ID,
    importNote: IMPORT_NOTE,
  },
  configValidators: [checkConfig],
  modifyPlan,

  create: (req) => createImageResource(req),

  async read(req) {
    return readRemote(
      req,
      (id) => describeImage(req.client, id, { signal: req.signal }),
      (image) => imageToState(image, req.state),
    );
  },

  async update({ config, plan, prior, client, signal, diags, timeouts }) {
    const id = prior.id!;
    const deadline = new Deadline(timeouts.update);
    const opts = () => ({ signal, deadlineMs: deadline.remainingMs(1000) });
    const failed = {
      summary: 'Cannot Update Image',
      attributeFor: attributeForCode,
      note: 'Changes made before the error are kept; the next plan shows what is left.',
    };
    return attempt(diags, failed, async () => {
      const modify = modifyImageInput(id, config, prior);
      if (modify) await modifyImageAttribute(client, modify, opts());
      if (config.resource_group_id && config.resource_group_id !== prior.resource_group_id)
        await joinResourceGroup(client, { resourceType: 'image', resourceId: id, resourceGroupId: config.resource_group_id }, opts());
      await syncEcsTags(client, { resourceType: 'image', id }, prior.tags, config.tags, opts());
      const image = await describeImage(client, id, { signal });
      if (image) return imageToState(image, plan);
      diags.addError(
        'Image Disappeared',
        `The image ${id} was deleted outside Terraform during the update. Run terraform apply again to create a new one.`,
      );
      return NO_STATE;
    });
  },

  async delete({ state, client, signal, diags, timeouts }) {
    const id = state.id!;
    const deadline = new Deadline(timeouts.delete);
    await attempt(diags, { summary: 'Cannot Delete Image', attributeFor: attributeForCode, timeoutKey: 'delete' }, async () => {
      // Any status counts, Deprecated included (the Go provider skipped those and kept them).
      const image = await describeImage(client, id, { signal });
      if (!image) return;
      await deleteImage(client, id, state.force ?? false, { signal, deadlineMs: deadline.remainingMs(1000) });
      await waitImageDeleted(client, id, { timeoutMs: deadline.remainingMs(), signal, firstDelayMs: 200 });
      if (!state.delete_auto_snapshot) return;
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
    });
  },

  async importState({ id, diags }) {
    if (!/^m-[A-Za-z0-9-]+$/.test(id)) {
      diags.addError(
        'Invalid Import Id',
        `"${id}" is not an ECS image id; import alicloud_image with the image id, e.g. terraform import alicloud_image.default ${IMPORT_ID}.`,
      );
      return null;
    }
    return { id };
  },
});
