/**
 * The images family: CreateImage, DescribeImages, ModifyImageAttribute, DeleteImage, the public
 * image seed, and tag/resource-group hooks for `image`. Lifecycle rules are in model.ts.
 */
import { registerErrors, type Family } from '../context.js';
import { imagesActions, imagesErrors } from '../../spec/ecs/images.js';
import { registerTaggable } from '../tags/repository.js';
import { registerGroupMember } from '../resource-groups/repository.js';
import { createImage } from './create-image.js';
import { deleteImage } from './delete-image.js';
import { describeImages } from './describe-images.js';
import { imagesMigrations } from './migrations.js';
import { modifyImageAttribute } from './modify-image-attribute.js';
import { getCustomImage, updateImage } from './repository.js';
import { seedPublicImages } from './seed.js';

registerErrors(imagesErrors);
registerTaggable('image', (db, accountId, regionId, id) => getCustomImage(db, accountId, regionId, id) !== undefined);
registerGroupMember('image', (db, accountId, regionId, id, rg) => {
  if (!getCustomImage(db, accountId, regionId, id)) return false;
  updateImage(db, id, { resourceGroupId: rg });
  return true;
});

export const imagesFamily: Family = {
  name: 'images',
  product: 'Ecs',
  specs: imagesActions,
  handlers: { createImage, describeImages, modifyImageAttribute, deleteImage },
  migrations: imagesMigrations,
  seed: (db, account) => {
    if (!account) seedPublicImages(db);
  },
};
