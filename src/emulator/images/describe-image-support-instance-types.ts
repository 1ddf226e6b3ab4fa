import { apiError, type HandlerOf } from '../context.js';
import type { describeImageSupportInstanceTypesSpec } from '../../spec/ecs/zones.js';
import { INSTANCE_TYPES } from '../zones/catalogue.js';
import { imageQueries } from './queries.js';
import { bootableBy } from './instance-type-fit.js';

/**
 * DescribeImageSupportInstanceTypes: the catalogue's types that can boot the image (the account's
 * custom image in the region or a public one), by the architecture and boot-mode rule of
 * {@link bootableBy}; InvalidImageId.NotFound for any other id.
 */
export const describeImageSupportInstanceTypes: HandlerOf<typeof describeImageSupportInstanceTypesSpec> = (ctx, input) => {
  const image = imageQueries.findLaunchable(ctx.db, ctx.account.accountId, ctx.regionId, input.ImageId);
  if (!image) throw apiError('InvalidImageId.NotFound', `The image "${input.ImageId}" does not exist in region ${ctx.regionId}.`);
  const fits = INSTANCE_TYPES.filter((t) => {
    const fit = bootableBy(t.id);
    return fit.architectures.includes(image.architecture) && fit.bootModes.includes(image.bootMode);
  });
  return {
    ImageId: image.id,
    RegionId: ctx.regionId,
    InstanceTypes: {
      InstanceType: fits.map((t) => ({ InstanceTypeId: t.id, InstanceTypeFamily: t.family, CpuCoreCount: t.cpu, MemorySize: t.memoryGiB })),
    },
  };
};
