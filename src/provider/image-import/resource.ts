/**
 * `alicloud_image_import`: ImportImage (with a ClientToken, so a retried call after a lost answer
 * returns the same image) then wait until the image is usable; ModifyImageAttribute for name,
 * description and license type; DeleteImage then wait until it is gone. Every mapping must name
 * its bucket and object before any call (the API would refuse it after a round trip).
 */
import { NO_STATE, defineResource, type Diagnostics, type MaybeUnknown } from '../../framework/index.js';
import {
  deleteImage,
  describeImage,
  importImage,
  modifyImageAttribute,
  waitImageDeleted,
  waitImageUsable,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { Deadline, attempt, readRemote } from '../common/index.js';
import { IMAGE_IMPORT_EXAMPLE } from './example.js';
import { fromImportedImage, toImportImageInput } from './mapping.js';
import { imageImportSchema, type ImageImportConfig } from './schema.js';

const IMPORT_ID = 'm-bp1g6zv0ce8oghu7k0zf';

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidOSS') || code.startsWith('InvalidImageFormat') || code.startsWith('InvalidImageSize')
    ? 'disk_device_mapping'
    : code.startsWith('InvalidImageName')
      ? 'image_name'
      : code.startsWith('InvalidDescription')
        ? 'description'
        : code.startsWith('InvalidLicenseType')
          ? 'license_type'
          : code.startsWith('InvalidPlatform')
            ? 'platform'
            : code.startsWith('InvalidBootMode')
              ? 'boot_mode'
              : undefined;

/** Each disk names its bucket and object; BYOL is for Windows only. */
function checkConfig(config: MaybeUnknown<ImageImportConfig>, diags: Diagnostics): void {
  if (!config) return;
  (config.disk_device_mapping ?? []).forEach((m, i) => {
    if (!m) return;
    for (const key of ['oss_bucket', 'oss_object'] as const) {
      if (m[key] !== null) continue;
      diags.addAttributeError(
        [{ attribute: 'disk_device_mapping' }, { index: i }, { attribute: key }],
        'Missing Image File',
        `disk_device_mapping[${i}].${key} is required: ImportImage reads each disk from an OSS object, so name its ${key === 'oss_bucket' ? 'bucket (in the provider region)' : 'object key'}.`,
      );
    }
  });
  if (config.license_type === 'BYOL' && typeof config.os_type === 'string' && config.os_type !== 'windows') {
    diags.addAttributeError(
      [{ attribute: 'license_type' }],
      'License Type Not Supported',
      'license_type "BYOL" applies to Windows images only: set os_type = "windows" or use "Auto" or "Aliyun".',
    );
  }
}

export const imageImportResource = defineResource<typeof imageImportSchema, AlibabaCloudClient>({
  typeName: 'alicloud_image_import',
  schema: imageImportSchema,
  docs: {
    subcategory: 'ECS',
    availableSince: '1.100.0',
    productDocs: {
      title: 'ImportImage',
      url: 'https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-importimage',
    },
    example: IMAGE_IMPORT_EXAMPLE,
    importId: IMPORT_ID,
  },
  configValidators: [checkConfig],
  // Adding or removing a disk replaces the image, like a changed disk (the list itself is not requiresReplace, see schema.ts).
  async modifyPlan(req) {
    const wanted = req.config?.disk_device_mapping;
    if (req.prior && wanted && wanted.length !== req.prior.disk_device_mapping.length) req.requireReplace('disk_device_mapping');
  },

  async create({ plan, client, diags, signal, timeouts, saveProgress }) {
    const deadline = new Deadline(timeouts.create);
    const started = await attempt(diags, { summary: 'Cannot Import Image', attributeFor }, () =>
      importImage(client, toImportImageInput(plan), { signal, deadlineMs: deadline.remainingMs(1000) }),
    );
    if (typeof started !== 'object') return started;
    const id = started.imageId;
    saveProgress({ id });
    const note = `The image ${id} is kept in state as tainted; the next apply deletes it and imports again.`;
    return attempt(diags, { summary: 'Image Import Did Not Finish', timeoutKey: 'create', note }, async () =>
      fromImportedImage(await waitImageUsable(client, id, { timeoutMs: deadline.remainingMs(), signal }), plan),
    );
  },

  read: (req) =>
    readRemote(
      req,
      (id) => describeImage(req.client, id, { signal: req.signal }),
      (img) => fromImportedImage(img, req.state),
    ),

  async update({ plan, prior, changed, client, diags, signal }) {
    const id = prior.id!;
    return attempt(diags, { summary: 'Cannot Update Imported Image', attributeFor }, async () => {
      await modifyImageAttribute(
        client,
        {
          ImageId: id,
          ImageName: changed.has('image_name') ? (plan.image_name ?? undefined) : undefined,
          Description: changed.has('description') ? (plan.description ?? '') : undefined,
          LicenseType: changed.has('license_type')
            ? ((plan.license_type ?? undefined) as 'Auto' | 'Aliyun' | 'BYOL' | undefined)
            : undefined,
        },
        { signal },
      );
      const img = await describeImage(client, id, { signal });
      if (img) return fromImportedImage(img, plan);
      diags.addError(
        'Image Disappeared',
        `The image ${id} was deleted outside Terraform during the update. Run terraform apply again to import it anew.`,
      );
      return NO_STATE;
    });
  },

  async delete({ state, client, diags, signal, timeouts }) {
    const id = state.id!;
    const deadline = new Deadline(timeouts.delete);
    await attempt(diags, { summary: 'Cannot Delete Imported Image', timeoutKey: 'delete' }, async () => {
      const r = await deleteImage(client, id, false, { signal, deadlineMs: deadline.remainingMs(1000) });
      if (!r.notFound) await waitImageDeleted(client, id, { timeoutMs: deadline.remainingMs(), signal });
    });
  },

  async importState({ id, diags }) {
    if (!/^m-[A-Za-z0-9-]+$/.test(id)) {
      diags.addError(
        'Invalid Import Id',
        `"${id}" is not an ECS image id; import alicloud_image_import with the image id, e.g. ${IMPORT_ID}.`,
      );
      return null;
    }
    return { id };
  },
});
