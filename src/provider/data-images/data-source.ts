/** `alicloud_images`: one DescribeImages paging loop (100 per page), no per-image calls. */
import { defineDataSource } from '../../framework/index.js';
import { describeAllImages, type AlibabaCloudClient } from '../../ecs/index.js';
import { addEcsError } from '../ecs-diagnostics.js';
import { resultId } from '../data-zones/mapping.js';
import { selectImages, toDescribeImagesFilter, toImageResults } from './mapping.js';
import { imagesSchema } from './schema.js';

export const imagesDataSource = defineDataSource<typeof imagesSchema, AlibabaCloudClient>({
  schema: imagesSchema,
  docs: { example: 'data "alicloud_images" "default" {\n  name_regex = "^ubuntu_[0-9]+_[0-9]+_x64*"\n  owners     = "system"\n}' },
  async read({ config, client, diags, signal }) {
    try {
      const images = selectImages(await describeAllImages(client, toDescribeImagesFilter(config), { signal }), config);
      const ids = images.map((i) => i.ImageId);
      return { ...config, most_recent: config.most_recent ?? false, id: resultId(ids), ids, images: toImageResults(images) };
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Read Images' });
      return undefined as never;
    }
  },
});
