/**
 * `alicloud_image_share_permission`: ModifyImageSharePermission with one AddAccount (create) or one
 * RemoveAccount (delete); read asks DescribeImageSharePermission and finds THIS account in the list
 * (the official provider only checks that the list is not empty, so a share removed outside
 * Terraform while others remain went unnoticed). Import id `<image_id>:<account_id>`.
 */
import { defineResource } from '../../framework/index.js';
import { describeImageShares, isNotFoundError, modifyImageSharePermission, type AlibabaCloudClient } from '../../ecs/index.js';
import { attempt, readRemote } from '../common/index.js';
import { IMAGE_SHARE_EXAMPLE } from './example.js';
import { imageSharePermissionSchema, type ImageSharePermissionState } from './schema.js';

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidImageId') || code.startsWith('IncorrectImageStatus') || code.startsWith('OperationDeined')
    ? 'image_id'
    : code.startsWith('InvalidAccount') || code.startsWith('QuotaExceed')
      ? 'account_id'
      : undefined;

const IMPORT_ID = 'm-bp1g6zv0ce8oghu7k0zf:2234567890123456';

function split(id: string): { imageId: string; accountId: string } | undefined {
  const m = /^(m-[A-Za-z0-9-]+):([0-9]+)$/.exec(id);
  return m ? { imageId: m[1]!, accountId: m[2]! } : undefined;
}

export const imageSharePermissionResource = defineResource<typeof imageSharePermissionSchema, AlibabaCloudClient>({
  typeName: 'alicloud_image_share_permission',
  schema: imageSharePermissionSchema,
  docs: {
    subcategory: 'ECS',
    availableSince: '1.68.0',
    productDocs: {
      title: 'ModifyImageSharePermission',
      url: 'https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-modifyimagesharepermission',
    },
    example: IMAGE_SHARE_EXAMPLE,
    importId: IMPORT_ID,
  },

  async create({ plan, client, diags, signal }) {
    const imageId = plan.image_id!;
    const accountId = plan.account_id!;
    return attempt(diags, { summary: 'Cannot Share Image', attributeFor }, async () => {
      await modifyImageSharePermission(client, { imageId, add: [accountId] }, { signal });
      return { id: `${imageId}:${accountId}`, image_id: imageId, account_id: accountId } satisfies ImageSharePermissionState;
    });
  },

  read: (req) =>
    readRemote(
      req,
      async (id) => {
        const parts = split(id);
        if (!parts) throw new Error(`the id "${id}" is not <image_id>:<account_id>; import the share again with such an id`);
        const accounts = await describeImageShares(req.client, parts.imageId, { signal: req.signal });
        return accounts?.some((a) => a.AliyunId === parts.accountId) ? parts : undefined;
      },
      (p): ImageSharePermissionState => ({ id: `${p.imageId}:${p.accountId}`, image_id: p.imageId, account_id: p.accountId }),
    ),

  async update({ prior }) {
    // Both arguments require replacement: nothing changes in place.
    return prior;
  },

  async delete({ state, client, diags, signal }) {
    await attempt(diags, { summary: 'Cannot Stop Sharing Image', attributeFor }, async () => {
      try {
        await modifyImageSharePermission(client, { imageId: state.image_id!, remove: [state.account_id!] }, { signal });
      } catch (err) {
        if (!isNotFoundError(err, ['InvalidImageId.NotFound'])) throw err;
      }
    });
  },

  async importState({ id, diags }) {
    const parts = split(id);
    if (!parts) {
      diags.addError(
        'Invalid Import Id',
        `"${id}" is not <image_id>:<account_id>; import alicloud_image_share_permission as e.g. terraform import alicloud_image_share_permission.default ${IMPORT_ID}.`,
      );
      return null;
    }
    return { id, image_id: parts.imageId, account_id: parts.accountId };
  },
});
