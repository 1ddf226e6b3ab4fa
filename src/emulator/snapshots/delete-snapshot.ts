import { apiError, type HandlerOf } from '../context.js';
import type { deleteSnapshotSpec } from '../../spec/ecs/snapshots.js';
import { setTags } from '../tags/repository.js';
import { deleteSnapshot as removeSnapshot, findSnapshotAnyRegion, getSnapshot } from './repository.js';

/** DeleteSnapshot: refused while a custom image references the snapshot (even with Force). */
export const deleteSnapshot: HandlerOf<typeof deleteSnapshotSpec> = (ctx, input) => {
  const id = input.SnapshotId;
  const snap =
    input.RegionId === undefined
      ? findSnapshotAnyRegion(ctx.db, ctx.account.accountId, id)
      : getSnapshot(ctx.db, ctx.account.accountId, ctx.regionId, id);
  if (!snap)
    throw apiError(
      'InvalidSnapshotId.NotFound',
      `The snapshot "${id}" does not exist${input.RegionId === undefined ? '' : ` in region ${ctx.regionId}`}.`,
    );
  const images = ctx.backend.queries.images?.usingSnapshot(ctx.db, id) ?? [];
  if (images.length > 0)
    throw apiError('SnapshotCreatedImage', `The snapshot "${id}" is used by image(s) ${images.join(', ')}; delete the image(s) first.`);
  removeSnapshot(ctx.db, id);
  setTags(ctx.db, ctx.account.accountId, 'snapshot', id, []);
  return {};
};
