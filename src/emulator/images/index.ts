/**
 * The images family: CreateImage, DescribeImages, ModifyImageAttribute, DeleteImage, CopyImage and
 * CancelCopyImage, Modify/DescribeImageSharePermission, the public
 * image seed, `image` as a taggable resource and resource-group member, and the queries other
 * families ask it (queries.ts). Lifecycle rules are in model.ts.
 */
import { pickErrors, type Family } from '../context.js';
import { imagesActions, imagesErrors } from '../../spec/ecs/images.js';
import { imageTransferActions, imageTransferErrors } from '../../spec/ecs/image-transfer.js';
import { imageCopyActions, imageCopyErrors } from '../../spec/ecs/image-copy.js';
import { resourceGroupsErrors } from '../../spec/ecs/resource-groups.js';
import { describeImageSupportInstanceTypesSpec } from '../../spec/ecs/zones.js';
import * as handlers from './handlers.js';
import { imagesMigrations } from './migrations.js';
import { imageQueries } from './queries.js';
import { getCustomImage, updateImage } from './repository.js';
import { seedPublicImages } from './seed.js';
import { tagParamErrors } from '../tags/validate.js';

export const imagesFamily: Family = {
  name: 'images',
  product: 'Ecs',
  specs: [...imagesActions, ...imageTransferActions, ...imageCopyActions, describeImageSupportInstanceTypesSpec],
  handlers,
  errors: [
    ...imagesErrors,
    ...imageTransferErrors,
    ...imageCopyErrors,
    ...tagParamErrors,
    ...pickErrors(resourceGroupsErrors, 'InvalidResourceGroup.NotFound'),
  ],
  migrations: imagesMigrations,
  seed: (db, account) => {
    if (!account) seedPublicImages(db);
  },
  taggable: { image: (db, accountId, regionId, id) => getCustomImage(db, accountId, regionId, id) !== undefined },
  groupMembers: {
    image: (db, accountId, regionId, id, rg) => {
      if (!getCustomImage(db, accountId, regionId, id)) return false;
      updateImage(db, id, { resourceGroupId: rg });
      return true;
    },
  },
  queries: { images: imageQueries },
};
