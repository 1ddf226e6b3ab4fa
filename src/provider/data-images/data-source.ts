/** `alicloud_images`: one DescribeImages paging loop (100 per page), no per-image calls. */
import { defineDataSource } from '../../framework/index.js';
import {
  describeAllImages,
  describeImages,
  isEcsServiceError,
  type AlibabaCloudClient,
  type DescribeImagesFilter,
} from '../../ecs/index.js';
import { attempt, resultId, writeOutputFile } from '../common/index.js';
import { IMAGES_EXAMPLE } from './example.js';
import { selectImages, toDescribeImagesFilter, toImageResults } from './mapping.js';
import { imagesSchema } from './schema.js';

export const imagesDataSource = defineDataSource<typeof imagesSchema, AlibabaCloudClient>({
  typeName: 'alicloud_images',
  schema: imagesSchema,
  docs: { subcategory: 'ECS', example: IMAGES_EXAMPLE },
  async read({ config, client, diags, signal }) {
    return attempt(diags, { summary: 'Cannot Read alicloud_images' }, async () => {
      const filter = toDescribeImagesFilter(config);
      if (config.dry_run && (await dryRunPassed(client, filter, signal))) {
        diags.addWarning(
          'Dry Run Only',
          'dry_run = true: ECS checked the DescribeImages request and accepted it (DryRunOperation); no images are read, so ids and images are empty.',
        );
        return {
          ...config,
          most_recent: config.most_recent ?? false,
          status: config.status ?? 'Available',
          id: resultId([]),
          ids: [],
          images: [],
        };
      }
      const images = selectImages(await describeAllImages(client, filter, { signal }), config);
      const ids = images.map((i) => i.ImageId);
      const status = config.status ?? 'Available';
      const results = toImageResults(images);
      writeOutputFile(config.output_file, results);
      return { ...config, most_recent: config.most_recent ?? false, status, id: resultId(ids), ids, images: results };
    });
  },
});

/** True when ECS answers the DryRun request with DryRunOperation (the request would pass); other errors propagate. */
async function dryRunPassed(client: AlibabaCloudClient, filter: DescribeImagesFilter, signal: AbortSignal): Promise<boolean> {
  try {
    await describeImages(client, { ...filter, DryRun: true }, { signal });
    return false;
  } catch (err) {
    if (isEcsServiceError(err) && err.code === 'DryRunOperation') return true;
    throw err;
  }
}
