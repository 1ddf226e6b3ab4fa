/** Handlers of the regions family: one function per action. */
import type { HandlerOf } from '../context.js';
import type { describeRegionsSpec } from '../../spec/ecs/regions.js';
import { listRegions } from './repository.js';

/** DescribeRegions: every known region; `LocalName` in English for `AcceptLanguage=en-US`, else Chinese. */
export const describeRegions: HandlerOf<typeof describeRegionsSpec> = (ctx, input) => {
  const english = input.AcceptLanguage !== undefined && input.AcceptLanguage !== 'zh-CN' && input.AcceptLanguage !== 'zh-TW';
  const regions = listRegions(ctx.db).map((r) => ({
    RegionId: r.regionId,
    LocalName: english ? r.localNameEn : r.localNameZh,
    RegionEndpoint: r.regionEndpoint,
    Status: r.status,
  }));
  return { Regions: { Region: regions } };
};
