/**
 * Parameter building blocks shared by the VPC, security-group, zone and
 * ResourceManager action tables: the ignored owner parameters every RPC API
 * accepts, tag lists, page parameters and name/description rules.
 */
import type { RepeatListParam, ScalarParam } from '../ecs/types.js';

/** `OwnerId`, `OwnerAccount`, `ResourceOwnerId`, `ResourceOwnerAccount`: accepted and ignored (one definition, ECS's). */
export { ownerParams } from '../ecs/params.js';

/** `RegionId`, required unless stated otherwise. */
export function regionParam(required = true): ScalarParam {
  return { name: 'RegionId', kind: 'scalar', type: 'string', required, description: 'The region, e.g. cn-hangzhou.' };
}

/** `Tag.N.Key` / `Tag.N.Value` (at most 20), with the documented key/value rules. */
export function tagParam(): RepeatListParam {
  return {
    name: 'Tag',
    kind: 'repeatList',
    maxItems: 20,
    tooManyCode: 'NumberExceed.Tags',
    fields: [
      {
        name: 'Key',
        kind: 'scalar',
        type: 'string',
        minLength: 1,
        maxLength: 128,
        forbiddenPrefixes: ['aliyun', 'acs:', 'http://', 'https://'],
        errorCode: 'InvalidTagKey.Malformed',
        description: 'Tag key: 1 to 128 characters, not starting with aliyun, acs:, http:// or https://.',
      },
      {
        name: 'Value',
        kind: 'scalar',
        type: 'string',
        maxLength: 128,
        forbiddenPrefixes: ['aliyun', 'acs:', 'http://', 'https://'],
        errorCode: 'InvalidTagValue.Malformed',
        description: 'Tag value: 0 to 128 characters, not starting with aliyun, acs:, http:// or https://.',
      },
    ],
  };
}

/** `PageNumber` (>= 1) and `PageSize` (1..max). */
export function pageParams(maxPageSize: number): ScalarParam[] {
  return [
    { name: 'PageNumber', kind: 'scalar', type: 'integer', min: 1, description: 'Page number, starting at 1 (default 1).' },
    {
      name: 'PageSize',
      kind: 'scalar',
      type: 'integer',
      min: 1,
      max: maxPageSize,
      description: `Entries per page, 1 to ${maxPageSize} (default 10).`,
    },
  ];
}

/** A free-text name: `min`..`max` characters, not starting with http:// or https://. */
export function nameParam(name: string, errorCode: string, min: number, max: number, extra: Partial<ScalarParam> = {}): ScalarParam {
  return {
    name,
    kind: 'scalar',
    type: 'string',
    minLength: min,
    maxLength: max,
    forbiddenPrefixes: ['http://', 'https://'],
    errorCode,
    description: `${min} to ${max} characters, not starting with http:// or https://.`,
    ...extra,
  };
}

/** `ClientToken`: at most 64 ASCII characters. */
export const clientTokenParam: ScalarParam = {
  name: 'ClientToken',
  kind: 'scalar',
  type: 'string',
  maxLength: 64,
  pattern: '[\\x20-\\x7e]+',
  description: 'Idempotency token, at most 64 ASCII characters.',
};

export const dryRunParam: ScalarParam = { name: 'DryRun', kind: 'scalar', type: 'boolean' };
