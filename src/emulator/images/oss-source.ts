/** The bucket checks ImportImage and ExportImage share (api-wave2.md §1.4-1.5). */
import { apiError, type HandlerContext } from '../context.js';

/** Throws InvalidOSSBucket.NotFound / .NotMatched unless the account owns `bucket` in the request's region. */
export function checkBucket(ctx: HandlerContext, bucket: string, param: string): void {
  const region = ctx.backend.need('oss').bucketRegion(ctx.db, ctx.account.accountId, bucket);
  if (region === undefined) throw apiError('InvalidOSSBucket.NotFound', `The OSS bucket "${bucket}" given in ${param} does not exist.`);
  if (region === 'other-account') {
    throw apiError(
      'InvalidOSSBucket.NotFound',
      `The OSS bucket "${bucket}" given in ${param} belongs to another account; ECS cannot reach it.`,
    );
  }
  if (region !== ctx.regionId) {
    throw apiError(
      'InvalidOSSBucket.NotMatched',
      `The OSS bucket "${bucket}" given in ${param} is in region ${region}, not in ${ctx.regionId}: use a bucket of the request's region.`,
    );
  }
}
