/** Resolves a request's `ResourceGroupId` against the account's groups (the table belongs to resource-groups/). */
import type { HandlerContext } from '../context.js';
import { apiError } from '../context.js';
import { defaultResourceGroup, findResourceGroup } from '../resource-groups/repository.js';

/** The given group id if it exists in the account, else the default group's id; `notFoundCode` when it does not exist. */
export function resolveResourceGroup(ctx: HandlerContext, id: string | undefined, notFoundCode: string): string {
  if (id === undefined) return defaultResourceGroup(ctx.db, ctx.account.accountId).id;
  if (!findResourceGroup(ctx.db, ctx.account.accountId, id)) {
    throw apiError(notFoundCode, `The specified ResourceGroupId "${id}" does not exist in this account.`);
  }
  return id;
}
