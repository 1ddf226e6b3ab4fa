/** `alicloud_images`: one DescribeImages paging loop (100 per page), no per-image calls. */
import { defineDataSource } from '../../framework/index.js';
import { describeAllImages, type AlibabaCloudClient } from '../../ecs/index.js';
import { attempt, resultId } from '../common/index.js';
import { IMAGES_EXAMPLE } from './example.js';
import { selectImages, toDescribeImagesFilter, toImageResults } from './mapping.js';
import { imagesSchema } from './schema.js';

export const imagesDataSource = defineDataSource<typeof imagesSchema, AlibabaCloudClient>({
  typeName: 'alicloud_images',
  schema: imagesSchema,
  docs: { subcategory: 'ECS', example: IMAGES_EXAMPLE },
  async read({ config, client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_images' }, async () => {
      const images = selectImages(await describeAllImages(client, toDescribeImagesFilter(config), { signal }), config);
      const ids = images.map((i) => i.ImageId);
      return { ...config, most_recent: config.most_recent ?? false, id: resultId(ids), ids, images: toImageResults(images) };
    });
  },
});
