import { apiError, type HandlerOf } from '../context.js';
import type { deleteSnapshotSpec } from '../../spec/ecs/snapshots.js';
import { setTags } from '../tags/repository.js';
import { deleteSnapshot as removeSnapshot, findSnapshotAnyRegion } from './repository.js';

/** DeleteSnapshot: refused while a custom image references the snapshot (even with Force), and while disks made from it exist unless Force. */
export const deleteSnapshot: HandlerOf<typeof deleteSnapshotSpec> = (ctx, input) => {
  const id = input.SnapshotId;
  // DeleteSnapshot has no RegionId: the snapshot id alone names it.
  const snap = findSnapshotAnyRegion(ctx.db, ctx.account.accountId, id);
  if (!snap) throw apiError('InvalidSnapshotId.NotFound', `The snapshot "${id}" does not exist.`);
  const images = ctx.backend.queries.images?.usingSnapshot(ctx.db, id) ?? [];
  if (images.length > 0)
    throw apiError('SnapshotCreatedImage', `The snapshot "${id}" is used by image(s) ${images.join(', ')}; delete the image(s) first.`);
  const disks = ctx.backend.queries.disks?.fromSnapshots(ctx.db, [id]).get(id) ?? [];
  if (disks.length > 0 && input.Force !== true)
    throw apiError(
      'SnapshotCreatedDisk',
      `The snapshot "${id}" was used to create disk(s) ${disks.join(', ')}; give Force=true to delete it anyway.`,
    );
  removeSnapshot(ctx.db, id);
  setTags(ctx.db, ctx.account.accountId, 'snapshot', id, []);
  return {};
};
