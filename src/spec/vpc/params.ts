/**
 * Parameter building blocks shared by the VPC, security-group, zone and
 * ResourceManager action tables: the ignored owner parameters every RPC API
 * accepts, tag lists, page parameters and name/description rules.
 */
import type { RepeatListParam, ScalarParam } from '../ecs/types.js';
import { ownerParams } from '../ecs/params.js';

/** `OwnerId`, `OwnerAccount`, `ResourceOwnerId`, `ResourceOwnerAccount`: accepted and ignored (one definition, ECS's). */
export { ownerParams } from '../ecs/params.js';

/** `RegionId`, required unless stated otherwise. */
export function regionParam<const R extends boolean = true>(required?: R) {
  return {
    name: 'RegionId',
    kind: 'scalar',
    type: 'string',
    required: (required ?? true) as R,
    description: 'The region, e.g. cn-hangzhou.',
  } as const satisfies ScalarParam;
}

/** `Tag.N.Key` / `Tag.N.Value` (at most 20), with the documented key/value rules. */
export function tagParam() {
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
  } as const satisfies RepeatListParam;
}

/** `PageNumber` (>= 1) and `PageSize` (1..max). */
export function pageParams(maxPageSize: number) {
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
  ] as const satisfies readonly ScalarParam[];
}

/** A free-text name: `min`..`max` characters, not starting with http:// or https://. */
export function nameParam<const N extends string>(name: N, errorCode: string, min: number, max: number) {
  return {
    name,
    kind: 'scalar',
    type: 'string',
    minLength: min,
    maxLength: max,
    forbiddenPrefixes: ['http://', 'https://'],
    errorCode,
    description: `${min} to ${max} characters, not starting with http:// or https://.`,
  } as const satisfies ScalarParam;
}

/** `ClientToken`: at most 64 ASCII characters. */
export const clientTokenParam = {
  name: 'ClientToken',
  kind: 'scalar',
  type: 'string',
  maxLength: 64,
  pattern: '[\\x20-\\x7e]+',
  description: 'Idempotency token, at most 64 ASCII characters.',
} as const satisfies ScalarParam;

export const dryRunParam = { name: 'DryRun', kind: 'scalar', type: 'boolean' } as const satisfies ScalarParam;

/** The closing parameters of the VPC-style Describe* lists: the Tag.N filter, DryRun, PageNumber/PageSize (at most 50) and the owner parameters. */
export function listTailParams() {
  return [tagParam(), dryRunParam, ...pageParams(50), ...ownerParams] as const;
}
