/**
 * VPC product (2016-04-28) tag and resource-group actions: TagResources, UnTagResources,
 * ListTagResources and MoveResourceGroup. Names and types follow the official
 * `@alicloud/vpc20160428` request models (note the capital T of `UnTagResources`, unlike ECS
 * `UntagResources`); codes and statuses follow the VPC API reference. Codes the ECS tag table
 * already registers (InvalidResourceId.NotFound, NumberExceed.*, Duplicate.TagKey, ...) are
 * shared: one code has one status across the emulator.
 */
import type { ActionSpec, ErrorSpec, ScalarListParam, ScalarParam } from '../ecs/types.js';
import { defineAction } from '../ecs/infer.js';
import { r } from '../ecs/shape.js';
import { tagResourcesShape } from '../ecs/outputs.js';
import { ownerParams, regionParam, tagParam } from './params.js';
import { VPC_PRODUCT, VPC_VERSION } from './vpcs.js';

/** Resource types of TagResources / UnTagResources / ListTagResources the emulator serves (case-insensitive on the wire). */
export const VPC_TAG_RESOURCE_TYPES = ['VPC', 'VSWITCH'] as const;
/** Resource types of MoveResourceGroup the emulator serves (case-insensitive on the wire; the reference spells it `Vpc`). */
export const VPC_MOVE_RESOURCE_TYPES = ['Vpc'] as const;

const resourceType = {
  name: 'ResourceType',
  kind: 'scalar',
  type: 'string',
  required: true,
  description: `Resource type, case-insensitive: ${VPC_TAG_RESOURCE_TYPES.join(' or ')}.`,
} as const satisfies ScalarParam;
const resourceIds = <const R extends boolean>(required: R) =>
  ({
    name: 'ResourceId',
    kind: 'scalarList',
    type: 'string',
    required,
    maxItems: 50,
    tooManyCode: 'NumberExceed.ResourceIds',
    description: 'Up to 50 resource ids (vpc-..., vsw-...).',
  }) as const satisfies ScalarListParam;

export const tagResourcesVpcSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'TagResources',
  mutating: true,
  params: [regionParam(), resourceType, resourceIds(true), { ...tagParam(), required: true }, ...ownerParams],
  errors: [
    'InvalidResourceType.NotFound',
    'InvalidResourceId.NotFound',
    'NumberExceed.ResourceIds',
    'NumberExceed.Tags',
    'Duplicate.TagKey',
    'InvalidTagKey.Malformed',
    'InvalidTagValue.Malformed',
    'OperationDenied.QuotaExceed',
  ],
  response: r.response({}),
});

export const unTagResourcesVpcSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'UnTagResources',
  mutating: true,
  params: [
    regionParam(),
    resourceType,
    resourceIds(true),
    {
      name: 'TagKey',
      kind: 'scalarList',
      type: 'string',
      maxItems: 20,
      tooManyCode: 'NumberExceed.Tags',
      description: 'Up to 20 tag keys to remove.',
    },
    { name: 'All', kind: 'scalar', type: 'boolean', description: 'Remove every tag (used when no TagKey is given).' },
    ...ownerParams,
  ],
  errors: ['InvalidResourceType.NotFound', 'InvalidResourceId.NotFound', 'NumberExceed.ResourceIds', 'NumberExceed.Tags'],
  response: r.response({}),
});

export const listTagResourcesVpcSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'ListTagResources',
  params: [
    regionParam(),
    resourceType,
    resourceIds(false),
    {
      name: 'Tag',
      kind: 'repeatList',
      maxItems: 20,
      tooManyCode: 'NumberExceed.Tags',
      fields: [
        { name: 'Key', kind: 'scalar', type: 'string' },
        { name: 'Value', kind: 'scalar', type: 'string' },
      ],
    },
    { name: 'MaxResults', kind: 'scalar', type: 'integer', min: 1, max: 50, description: 'Entries per page, 1 to 50 (default 50).' },
    { name: 'NextToken', kind: 'scalar', type: 'string', emptyIsAbsent: true },
    ...ownerParams,
  ],
  errors: [
    'InvalidResourceType.NotFound',
    'MissingParameter',
    'NumberExceed.ResourceIds',
    'NumberExceed.Tags',
    'InvalidParameter.TagValue',
    'InvalidNextToken',
  ],
  response: r.response({
    TagResources: tagResourcesShape,
    ...r.defaults({
      NextToken: r.string,
    }),
  }),
});

export const moveResourceGroupVpcSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'MoveResourceGroup',
  mutating: true,
  params: [
    regionParam(),
    { name: 'ResourceId', kind: 'scalar', type: 'string', required: true, description: 'The id of the resource to move (vpc-...).' },
    {
      name: 'NewResourceGroupId',
      kind: 'scalar',
      type: 'string',
      required: true,
      description: 'The resource group to move it to (rg-...).',
    },
    {
      name: 'ResourceType',
      kind: 'scalar',
      type: 'string',
      required: true,
      description: `Resource type, case-insensitive: ${VPC_MOVE_RESOURCE_TYPES.join(', ')}.`,
    },
    ...ownerParams,
  ],
  errors: ['IllegalParam.ResourceType', 'InvalidResourceId.NotFound', 'InvalidResourceGroupId'],
  response: r.response({}),
});

export const vpcTagActionSpecs: readonly ActionSpec[] = [
  tagResourcesVpcSpec,
  unTagResourcesVpcSpec,
  listTagResourcesVpcSpec,
  moveResourceGroupVpcSpec,
];

/** Codes only the VPC product uses (the shared tag codes come from the ECS tag table). */
export const vpcTagErrorSpecs: readonly ErrorSpec[] = [
  { code: 'IllegalParam.ResourceType', status: 400, message: 'Invalid Resource Type value.' },
  { code: 'InvalidResourceGroupId', status: 400, message: 'The specified ResourceGroupId does not exist.' },
];
