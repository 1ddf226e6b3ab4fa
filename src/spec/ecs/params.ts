/**
 * Parameter fragments every ECS action table shares: RegionId, DryRun, the ignored owner
 * parameters, the Tag.N filter of Describe* actions and both paging styles (PageNumber/PageSize
 * and MaxResults/NextToken). The VPC tables reuse the owner parameters (spec/vpc/params.ts).
 */
import type { ParamSpec, RepeatListParam, ScalarParam } from './types.js';

/** Product and version of every ECS (2014-05-26) action table: `defineAction({ ...ECS, action: ... })`. */
export const ECS = { product: 'Ecs', version: '2014-05-26' } as const;

/** `InstanceId` of the actions on one instance. */
export const instanceIdParam = { kind: 'scalar', name: 'InstanceId', type: 'string', required: true } as const satisfies ScalarParam;

/** `ClientToken` of the instance and disk actions: at most 64 characters (no pattern; empty is kept). */
export const idempotencyTokenParam = {
  kind: 'scalar',
  name: 'ClientToken',
  type: 'string',
  maxLength: 64,
  description: 'Idempotency token, at most 64 ASCII characters.',
} as const satisfies ScalarParam;

export const regionIdParam = {
  kind: 'scalar',
  name: 'RegionId',
  type: 'string',
  required: true,
  description: 'Region of the request.',
} as const satisfies ScalarParam;
export const dryRunParam = {
  kind: 'scalar',
  name: 'DryRun',
  type: 'boolean',
  description: 'Validate only.',
} as const satisfies ScalarParam;

/** `ClientToken` of the image actions that create (CreateImage, CopyImage, ImportImage): printable ASCII, at most 64 characters; empty means absent. */
export const clientTokenParam = {
  kind: 'scalar',
  name: 'ClientToken',
  type: 'string',
  maxLength: 64,
  pattern: '^[\\x20-\\x7e]*$',
  emptyIsAbsent: true,
  description: 'Idempotency key, at most 64 ASCII characters.',
} as const satisfies ScalarParam;

/** Owner parameters every ECS and VPC action accepts and ignores (ecs-api.md 1.3). */
export const ownerParams = [
  { kind: 'scalar', name: 'OwnerId', type: 'long' },
  { kind: 'scalar', name: 'OwnerAccount', type: 'string' },
  { kind: 'scalar', name: 'ResourceOwnerId', type: 'long' },
  { kind: 'scalar', name: 'ResourceOwnerAccount', type: 'string' },
] as const satisfies readonly ParamSpec[];

/** `Tag.N.Key` / `Tag.N.Value` used as a filter (Describe*). */
export const tagFilterParam = {
  kind: 'repeatList',
  name: 'Tag',
  maxItems: 20,
  tooManyCode: 'InvalidTagCount',
  fields: [
    { kind: 'scalar', name: 'Key', type: 'string', maxLength: 128 },
    { kind: 'scalar', name: 'Value', type: 'string', maxLength: 128 },
  ],
} as const satisfies RepeatListParam;

export const pageNumberParam = {
  kind: 'scalar',
  name: 'PageNumber',
  type: 'integer',
  min: 1,
  description: 'Page, from 1 (default 1).',
} as const satisfies ScalarParam;
export const pageSizeParam = {
  kind: 'scalar',
  name: 'PageSize',
  type: 'integer',
  min: 1,
  max: 100,
  description: 'Entries per page, 1-100 (default 10).',
} as const satisfies ScalarParam;

/**
 * Both paging styles of an ECS Describe* action, in table order: `PageNumber`, `PageSize`
 * (1-100), `MaxResults` (1..`maxResults`) and `NextToken` (empty means absent).
 */
export function pagingParams(maxResults: number) {
  return [
    pageNumberParam,
    pageSizeParam,
    { kind: 'scalar', name: 'MaxResults', type: 'integer', min: 1, max: maxResults },
    { kind: 'scalar', name: 'NextToken', type: 'string', emptyIsAbsent: true },
  ] as const satisfies readonly ScalarParam[];
}

/**
 * ListTagResources' fuzzy filter `TagFilter.N.TagKey` + `TagFilter.N.TagValues.M` (ecs-api.md 3.5):
 * at most 5 filters of at most 5 values each; cannot be combined with `Tag.N`.
 */
export const tagFuzzyFilterParam = {
  kind: 'repeatList',
  name: 'TagFilter',
  maxItems: 5,
  fields: [{ kind: 'scalar', name: 'TagKey', type: 'string', required: true, minLength: 1, maxLength: 128 }],
  listFields: [{ kind: 'scalarList', name: 'TagValues', type: 'string', maxItems: 5, item: { maxLength: 128 } }],
  description:
    'Fuzzy filter: the tag key contains TagKey and (when TagValues.M are given) its value contains one of them. At most 5; not with Tag.N.',
} as const satisfies RepeatListParam;

/** One scalar parameter per name, all with the same `rules` (for long filter lists); keeps each name literal. */
export function scalarParams<const N extends readonly string[], const X extends Omit<ScalarParam, 'kind' | 'name'>>(
  names: N,
  rules: X,
): { readonly [I in keyof N]: { readonly kind: 'scalar'; readonly name: N[I] } & X } {
  return names.map((name) => ({ kind: 'scalar', name, ...rules })) as never;
}

/** How an action spells its region parameter: `RegionId`, or `regionId` for the few whose SDK models use lower camel case (the automatic snapshot policies). */
export function regionParamName(spec: { readonly params: readonly ParamSpec[] }): 'RegionId' | 'regionId' {
  return spec.params.some((p) => p.name === 'regionId') ? 'regionId' : 'RegionId';
}
