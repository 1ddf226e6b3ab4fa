import { apiError, type HandlerOf } from '../context.js';
import {
  SHARE_ACCOUNTS_PER_CALL,
  SHARE_ACCOUNTS_PER_IMAGE,
  type describeImageSharePermissionSpec,
  type modifyImageSharePermissionSpec,
} from '../../spec/ecs/image-copy.js';
import { isoSeconds } from '../core/time.js';
import { imageState } from './model.js';
import { ownImage } from './modify-image-attribute.js';
import { addShare, removeShare, setCommunity, sharesOf } from './shares.js';

/** An account id as ECS prints it: digits only, a positive integer below 2^53 (the emulator's accounts). */
function accountOf(text: string): number {
  const n = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n))
    throw apiError('InvalidAccount.NotFound', `The account "${text}" does not exist: an account id is digits only.`);
  return n;
}

/**
 * ModifyImageSharePermission: share an own custom image with accounts (AddAccount.N), stop sharing
 * (RemoveAccount.N), publish or withdraw it as a community image (IsPublic). Only the first 10 of
 * each list are processed; an image is shared with at most 50 accounts. The accounts then see it
 * with ImageOwnerAlias `others` in the same region and may launch instances from it.
 */
export const modifyImageSharePermission: HandlerOf<typeof modifyImageSharePermissionSpec> = (ctx, input) => {
  const img = ownImage(ctx, input.ImageId);
  const add = (input.AddAccount ?? []).slice(0, SHARE_ACCOUNTS_PER_CALL).map(accountOf);
  const remove = (input.RemoveAccount ?? []).slice(0, SHARE_ACCOUNTS_PER_CALL).map(accountOf);
  if (add.length === 0 && remove.length === 0 && input.IsPublic === undefined)
    throw apiError('MissingParameter', 'Give AddAccount.N, RemoveAccount.N or IsPublic.');
  if (add.includes(ctx.account.accountId))
    throw apiError(
      'InvalidAccount.Forbbiden',
      `The image "${img.id}" belongs to account ${ctx.account.accountId}; it cannot be shared with itself.`,
    );
  const status = imageState(img, ctx.now()).status;
  if ((add.length > 0 || input.IsPublic === true) && status !== 'Available')
    throw apiError('IncorrectImageStatus', `The image "${img.id}" is ${status}; only an Available image can be shared.`);
  if ((add.length > 0 || input.IsPublic === true) && img.encrypted && !img.kmsKeyId)
    throw apiError('OperationDeined.EncryptedSnapshot', `The image "${img.id}" is encrypted with the service key and cannot be shared.`);
  const current = new Set(sharesOf(ctx.db, img.id).map((s) => s.accountId));
  const after = new Set([...current, ...add]);
  for (const a of remove) after.delete(a);
  if (after.size > SHARE_ACCOUNTS_PER_IMAGE)
    throw apiError(
      'QuotaExceed.ShareImageUser',
      `An image is shared with at most ${SHARE_ACCOUNTS_PER_IMAGE} accounts; this change makes ${after.size}.`,
    );
  if (input.DryRun === true) throw apiError('DryRunOperation');
  const now = ctx.now().getTime();
  ctx.db.transaction(() => {
    for (const a of add) addShare(ctx.db, img.id, a, now);
    for (const a of remove) removeShare(ctx.db, img.id, a);
    if (input.IsPublic !== undefined) setCommunity(ctx.db, img.id, input.IsPublic);
  })();
  return {};
};

/** DescribeImageSharePermission: the accounts an own image is shared with (oldest share first), paged; group `all` when public. */
export const describeImageSharePermission: HandlerOf<typeof describeImageSharePermissionSpec> = (ctx, input) => {
  const img = ownImage(ctx, input.ImageId);
  const pageNumber = input.PageNumber ?? 1;
  const pageSize = input.PageSize ?? 10;
  const all = sharesOf(ctx.db, img.id);
  const page = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return {
    RegionId: ctx.regionId,
    ImageId: img.id,
    TotalCount: all.length,
    PageNumber: pageNumber,
    PageSize: pageSize,
    Accounts: { Account: page.map((s) => ({ AliyunId: String(s.accountId), SharedTime: isoSeconds(s.sharedAt) })) },
    ShareGroups: { ShareGroup: img.isPublic ? [{ Group: 'all' }] : [] },
  };
};
