/** Handlers of the images family, one export per action (`CreateImage` -> `createImage`). */
export { createImage } from './create-image.js';
export { describeImages } from './describe-images.js';
export { modifyImageAttribute } from './modify-image-attribute.js';
export { deleteImage } from './delete-image.js';
export { describeImageSupportInstanceTypes } from './describe-image-support-instance-types.js';
export { importImage } from './import-image.js';
export { exportImage } from './export-image.js';
export { describeTasks, describeTaskAttribute } from './tasks.js';
export { copyImage, cancelCopyImage } from './copy-image.js';
export { modifyImageSharePermission, describeImageSharePermission } from './image-share-permission.js';
