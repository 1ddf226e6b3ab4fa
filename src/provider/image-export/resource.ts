/**
 * `alicloud_image_export`: ExportImage, then wait on the task with DescribeTaskAttribute until it
 * is Finished (a Failed task fails at once). Read keeps the export while the image and its object
 * exist (a deleted object plans a new export, where the official provider only checks the image).
 * Delete removes the object with OSS DeleteObject and checks it is gone; the image stays.
 */
import { defineResource } from '../../framework/index.js';
import {
  deleteOssObject,
  describeImage,
  exportImage,
  isEcsServiceError,
  ossObjectExists,
  waitTaskFinished,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { Deadline, attempt, readRemote } from '../common/index.js';
import { imageExportSchema, type ImageExportState } from './schema.js';

/** The object ExportImage writes for the default (raw) format. */
export function exportedObjectKey(prefix: string | null | undefined, imageId: string): string {
  return `${prefix ?? ''}_${imageId}_system.raw.tar.gz`;
}

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidOSSBucket')
    ? 'oss_bucket'
    : code.startsWith('InvalidOSSPrefix')
      ? 'oss_prefix'
      : code.startsWith('InvalidImageId') || code === 'IncorrectImageStatus' || code === 'ImageNotSupported'
        ? 'image_id'
        : undefined;

const EXAMPLE = `resource "alicloud_image_import" "golden" {
  image_name = "golden-for-export"
  platform   = "Ubuntu"

  disk_device_mapping {
    oss_bucket      = "my-image-bucket"
    oss_object      = "images/ubuntu-22.04.qcow2"
    format          = "qcow2"
    disk_image_size = 40
  }
}

resource "alicloud_image_export" "default" {
  image_id   = alicloud_image_import.golden.id
  oss_bucket = "my-image-bucket"
  oss_prefix = "golden"
}
`;

export const imageExportResource = defineResource<typeof imageExportSchema, AlibabaCloudClient>({
  typeName: 'alicloud_image_export',
  schema: imageExportSchema,
  docs: {
    subcategory: 'ECS',
    availableSince: '1.68.0',
    productDocs: {
      title: 'ExportImage',
      url: 'https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-exportimage',
    },
    example: EXAMPLE,
    importId: 'm-bp1g6zv0ce8oghu7k0zf:my-image-bucket:golden',
    importNote:
      'The official provider cannot import this resource; here the id is `<image_id>:<oss_bucket>:<oss_prefix>` (the prefix may be empty), because ECS does not record where an image was exported.',
  },

  async create({ plan, client, diags, signal, timeouts }) {
    const deadline = new Deadline(timeouts.create);
    const imageId = plan.image_id;
    const started = await attempt(diags, { summary: 'Cannot Export Image', attributeFor }, () =>
      exportImage(
        client,
        { ImageId: imageId, OSSBucket: plan.oss_bucket, OSSPrefix: plan.oss_prefix ?? undefined },
        { signal, deadlineMs: deadline.remainingMs(1000) },
      ),
    );
    if (typeof started !== 'object') return started;
    const state: ImageExportState = { id: imageId, image_id: imageId, oss_bucket: plan.oss_bucket, oss_prefix: plan.oss_prefix ?? null };
    return attempt(
      diags,
      { summary: 'Image Export Did Not Finish', timeoutKey: 'create', note: `The export task is ${started.taskId}.` },
      async () => {
        await waitTaskFinished(client, started.taskId, { timeoutMs: deadline.remainingMs(), signal });
        return state;
      },
    );
  },

  read: (req) =>
    readRemote(
      req,
      async (id) => {
        const image = await describeImage(req.client, id, { signal: req.signal });
        if (!image) return undefined;
        const key = exportedObjectKey(req.state.oss_prefix, id);
        return (await ossObjectExists(req.client, req.state.oss_bucket!, key, { signal: req.signal })) ? image : undefined;
      },
      (image) => ({ ...(req.state as ImageExportState), id: image.ImageId, image_id: image.ImageId }),
    ),

  // Every argument replaces the export, so an update only carries the state over.
  async update({ plan, prior }) {
    return { ...plan, id: prior.id };
  },

  async delete({ state, client, diags, signal }) {
    const key = exportedObjectKey(state.oss_prefix, state.id!);
    await attempt(diags, { summary: 'Cannot Delete Exported Image Object' }, async () => {
      try {
        await deleteOssObject(client, state.oss_bucket, key, { signal });
      } catch (err) {
        // The bucket is gone, so is the object.
        if (isEcsServiceError(err) && err.code === 'NoSuchBucket') return;
        throw err;
      }
      if (await ossObjectExists(client, state.oss_bucket, key, { signal })) {
        diags.addError(
          'Exported Object Still Present',
          `OSS still lists ${key} in bucket ${state.oss_bucket} after DeleteObject. Delete it by hand.`,
        );
      }
    });
  },

  async importState({ id, diags }) {
    const m = /^(m-[A-Za-z0-9-]+):([a-z0-9][a-z0-9-]{1,61}[a-z0-9]):([A-Za-z0-9]{0,30})$/.exec(id);
    if (!m) {
      diags.addError(
        'Invalid Import Id',
        `"${id}" is not <image_id>:<oss_bucket>:<oss_prefix>; import alicloud_image_export with e.g. m-bp1g6zv0ce8oghu7k0zf:my-image-bucket:golden.`,
      );
      return null;
    }
    return { id: m[1]!, image_id: m[1]!, oss_bucket: m[2]!, oss_prefix: m[3] ? m[3] : null };
  },
});
