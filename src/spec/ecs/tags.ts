/**
 * ECS tag actions (TagResources, UntagResources, ListTagResources) and their error codes,
 * written from docs/ecs-api.md section 3.5.
 */
import type { ActionSpec, ErrorSpec, ScalarListParam, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { tagResourcesShape } from './outputs.js';
import { ECS_VERSION, ownerParams, regionIdParam, tagsParam } from './images.js';
import { tagFuzzyFilterParam } from './params.js';

/** Resource types the ECS tag API names (lowercase, ecs-api.md 3.5). */
export const TAG_RESOURCE_TYPES = [
  'instance',
  'disk',
  'snapshot',
  'image',
  'securitygroup',
  'volume',
  'eni',
  'ddh',
  'ddhcluster',
  'keypair',
  'launchtemplate',
  'reservedinstance',
  'snapshotpolicy',
  'elasticityassurance',
  'capacityreservation',
  'command',
  'invocation',
  'activation',
  'managedinstance',
] as const;

const resourceTypeParam = {
  kind: 'scalar',
  name: 'ResourceType',
  type: 'string',
  required: true,
  missingCode: 'MissingParameter.ResourceType',
  description: 'Lowercase resource type, e.g. image, instance, snapshot.',
} as const satisfies ScalarParam;
const resourceIdsParam = <const R extends boolean>(required: R) =>
  ({
    kind: 'scalarList',
    name: 'ResourceId',
    type: 'string',
    required,
    maxItems: 50,
    tooManyCode: 'NumberExceed.ResourceIds',
    description: 'Up to 50 resource ids.',
  }) as const satisfies ScalarListParam;

export const tagResourcesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'TagResources',
  mutating: true,
  params: [
    regionIdParam,
    resourceTypeParam,
    resourceIdsParam(true),
    { ...tagsParam(true), missingCode: 'MissingParameter.Tags' },
    // The model has neither DryRun nor ResourceOwnerId.
    ...ownerParams.filter((p) => p.name !== 'ResourceOwnerId'),
  ],
  errors: [
    'NumberExceed.ResourceIds',
    'NumberExceed.Tags',
    'Duplicate.TagKey',
    'InvalidTagKey.Malformed',
    'InvalidTagValue.Malformed',
    'OperationDenied.QuotaExceed',
    'InvalidResourceId.NotFound',
    'InvalidResourceType.NotFound',
  ],
  response: r.response({}),
});

export const untagResourcesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'UntagResources',
  mutating: true,
  params: [
    regionIdParam,
    resourceTypeParam,
    resourceIdsParam(true),
    { kind: 'scalarList', name: 'TagKey', type: 'string', maxItems: 20, tooManyCode: 'NumberExceed.Tags' },
    { kind: 'scalar', name: 'All', type: 'boolean', description: 'Remove every tag (only when no TagKey is given).' },
    ...ownerParams,
  ],
  errors: ['NumberExceed.ResourceIds', 'NumberExceed.Tags', 'InvalidResourceId.NotFound', 'InvalidResourceType.NotFound'],
  response: r.response({}),
});

export const listTagResourcesSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ListTagResources',
  params: [
    regionIdParam,
    resourceTypeParam,
    resourceIdsParam(false),
    {
      kind: 'repeatList',
      name: 'Tag',
      maxItems: 20,
      tooManyCode: 'NumberExceed.Tags',
      fields: [
        { kind: 'scalar', name: 'Key', type: 'string' },
        { kind: 'scalar', name: 'Value', type: 'string' },
      ],
      description: 'Exact tag filter (a value needs its key); cannot be combined with TagFilter.N.',
    },
    tagFuzzyFilterParam,
    { kind: 'scalar', name: 'NextToken', type: 'string', emptyIsAbsent: true },
    ...ownerParams,
  ],
  errors: [
    'NumberExceed.ResourceIds',
    'NumberExceed.Tags',
    'InvalidResourceType.NotFound',
    'InvalidParameter.TagValue',
    'InvalidNextToken',
    'InvalidParameter',
    'MissingParameter',
  ],
  response: r.response({
    TagResources: tagResourcesShape,
    ...r.defaults({
      NextToken: r.string,
    }),
  }),
});

export const tagsActions: readonly ActionSpec[] = [tagResourcesSpec, untagResourcesSpec, listTagResourcesSpec];

export const tagsErrors: readonly ErrorSpec[] = [
  { code: 'MissingParameter.ResourceType', status: 404, message: 'The parameter ResourceType is mandatory.' },
  { code: 'MissingParameter.Tags', status: 404, message: 'The parameter Tag is mandatory.' },
  { code: 'NumberExceed.ResourceIds', status: 400, message: 'The maximum number of ResourceIds (50) is exceeded.' },
  { code: 'NumberExceed.Tags', status: 400, message: 'The maximum number of Tags (20) is exceeded.' },
  { code: 'Duplicate.TagKey', status: 400, message: 'The Tag.N.Key contain duplicate key.' },
  { code: 'InvalidTagKey.Malformed', status: 400, message: 'The specified Tag.N.Key is not valid.' },
  { code: 'InvalidTagValue.Malformed', status: 400, message: 'The specified Tag.N.Value is not valid.' },
  { code: 'InvalidTagCount', status: 400, message: 'The specified tags are beyond the permitted range.' },
  { code: 'OperationDenied.QuotaExceed', status: 400, message: 'The quota of tags on resource is beyond permitted range.' },
  { code: 'InvalidResourceId.NotFound', status: 404, message: 'The specified ResourceIds are not found in our records.' },
  { code: 'InvalidResourceType.NotFound', status: 404, message: 'The ResourceType provided does not exist in our records.' },
  { code: 'InvalidParameter.TagValue', status: 400, message: 'Tag.N.Value cannot be given without Tag.N.Key.' },
  { code: 'InvalidNextToken', status: 400, message: 'The specified NextToken is not valid.' },
];
