/** Handlers of the disks family, one export per action (`CreateDisk` -> `createDisk`). */
export { describeDisks } from './describe-disks.js';
export { createDisk } from './create-disk.js';
export { attachDisk, detachDisk } from './attach-detach.js';
export { deleteDisk, modifyDiskAttribute } from './modify-delete-disk.js';
export { resizeDisk } from './resize-disk.js';
export { modifyDiskSpec } from './modify-disk-spec.js';
