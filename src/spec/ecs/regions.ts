/**
 * DescribeRegions (Ecs 2014-05-26), from `docs/ecs-api.md` section 3.10.
 *
 * The model has no `RegionId`; the optional filters are enums. Response:
 * `{ Regions: { Region: [{ RegionId, LocalName, RegionEndpoint, Status }] } }`.
 */
import type { ActionSpec } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';

export const acceptLanguages = ['zh-CN', 'zh-TW', 'en-US', 'ja', 'fr', 'de', 'ko'] as const;
export const regionInstanceChargeTypes = ['PostPaid', 'PrePaid', 'SpotWithPriceLimit', 'SpotAsPriceGo'] as const;
export const regionResourceTypes = ['instance', 'disk', 'reservedinstance', 'scu'] as const;
/** `Status` of a region. */
export const regionStatuses = ['available', 'soldOut'] as const;

export const describeRegionsSpec = defineAction({
  product: 'Ecs',
  version: '2014-05-26',
  action: 'DescribeRegions',
  params: [
    {
      name: 'AcceptLanguage',
      kind: 'scalar',
      type: 'string',
      enum: acceptLanguages,
      description: 'Language of LocalName (default zh-CN).',
    },
    {
      name: 'InstanceChargeType',
      kind: 'scalar',
      type: 'string',
      enum: regionInstanceChargeTypes,
      description: 'Billing method the regions must support.',
    },
    {
      name: 'ResourceType',
      kind: 'scalar',
      type: 'string',
      enum: regionResourceTypes,
      description: 'Resource type the regions must support.',
    },
  ],
  errors: ['InvalidParameter'],
  response: r.response({
    Regions: r.list(
      'Region',
      r.object({
        RegionId: r.string,
        ...r.defaults({
          LocalName: r.string,
          RegionEndpoint: r.string,
          Status: r.string,
        }),
      }),
    ),
  }),
});

export const regionsSpecs: readonly ActionSpec[] = [describeRegionsSpec];
