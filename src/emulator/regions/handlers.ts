/** Handlers of the regions family: one function per action. */
import type { HandlerContext } from '../context.js';
import type { ActionInput } from '../../spec/ecs/types.js';
import { listRegions } from './repository.js';

/** DescribeRegions: every known region; `LocalName` in English for `AcceptLanguage=en-US`, else Chinese. */
export function describeRegions(ctx: HandlerContext, input: ActionInput): Record<string, unknown> {
  const english = input.AcceptLanguage !== undefined && input.AcceptLanguage !== 'zh-CN' && input.AcceptLanguage !== 'zh-TW';
  const regions = listRegions(ctx.db).map((r) => ({
    RegionId: r.regionId,
    LocalName: english ? r.localNameEn : r.localNameZh,
    RegionEndpoint: r.regionEndpoint,
    Status: r.status,
  }));
  return { Regions: { Region: regions } };
}
