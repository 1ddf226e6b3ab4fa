/** Handlers of the snapshots family, one export per action (`DescribeSnapshots` -> `describeSnapshots`). */
export { describeSnapshots } from './describe-snapshots.js';
export { deleteSnapshot } from './delete-snapshot.js';
export { createSnapshot, modifySnapshotAttribute } from './create-modify-snapshot.js';
