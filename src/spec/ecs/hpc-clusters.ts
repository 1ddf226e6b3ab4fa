/**
 * ECS (2014-05-26) HPC clusters, the RDMA networks of super computing cluster (SCC) instances:
 * CreateHpcCluster, DescribeHpcClusters, ModifyHpcClusterAttribute, DeleteHpcCluster, and the
 * instance side: RunInstances `HpcClusterId` (required for an SCC instance type, refused for the
 * others) and DescribeInstances `HpcClusterId`. Names follow the `@alicloud/ecs20140526` request
 * models; the codes come from the API reference, except the two marked "guess".
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS, idempotencyTokenParam, ownerParams, pageNumberParam, pageSizeParam, regionIdParam } from './params.js';
import { pageFields } from './outputs.js';

const hpcClusterId = {
  kind: 'scalar',
  name: 'HpcClusterId',
  type: 'string',
  required: true,
  missingCode: 'MissingParameter.HpcClusterId',
  description: 'The HPC cluster (`hpc-...`).',
} as const satisfies ScalarParam;
const name = {
  kind: 'scalar',
  name: 'Name',
  type: 'string',
  minLength: 2,
  maxLength: 128,
  pattern: '^[A-Za-z\\u4e00-\\u9fff][A-Za-z0-9\\u4e00-\\u9fff.:_-]*$',
  forbiddenPrefixes: ['http://', 'https://'],
  errorCode: 'Invalid.Parameter',
  emptyIsAbsent: true,
  description: '2-128 characters, starting with a letter or Chinese character; letters, digits, Chinese characters, `.`, `:`, `_`, `-`.',
} as const satisfies ScalarParam;
const description = {
  kind: 'scalar',
  name: 'Description',
  type: 'string',
  minLength: 2,
  maxLength: 256,
  forbiddenPrefixes: ['http://', 'https://'],
  errorCode: 'Invalid.Parameter',
  emptyIsAbsent: true,
  description: '2-256 characters; must not start with http:// or https://.',
} as const satisfies ScalarParam;

export const createHpcClusterSpec = defineAction({
  ...ECS,
  action: 'CreateHpcCluster',
  mutating: true,
  params: [regionIdParam, { ...name, required: true, missingCode: 'MissingParameter' }, description, idempotencyTokenParam, ...ownerParams],
  errors: ['Invalid.Parameter', 'QuotaExceed.HpcCluster', 'IdempotentParameterMismatch', 'MissingParameter'],
  response: r.response({ HpcClusterId: r.string }),
});

export const describeHpcClustersSpec = defineAction({
  ...ECS,
  action: 'DescribeHpcClusters',
  params: [
    regionIdParam,
    {
      kind: 'packedList',
      name: 'HpcClusterIds',
      packing: 'json',
      maxItems: 100,
      tooManyCode: 'InvalidHpcClusterIds.ExceedLimit',
      errorCode: 'InvalidHpcClusterIds.Malformed',
      description: 'JSON array of up to 100 HPC cluster ids.',
    },
    pageNumberParam,
    pageSizeParam,
    idempotencyTokenParam,
    ...ownerParams,
  ],
  errors: ['InvalidHpcClusterIds.ExceedLimit', 'InvalidHpcClusterIds.Malformed'],
  response: r.response({
    TotalCount: r.integer,
    ...pageFields,
    HpcClusters: r.list('HpcCluster', r.object({ HpcClusterId: r.string, ...r.defaults({ Name: r.string, Description: r.string }) })),
  }),
});

export const modifyHpcClusterAttributeSpec = defineAction({
  ...ECS,
  action: 'ModifyHpcClusterAttribute',
  mutating: true,
  params: [regionIdParam, hpcClusterId, name, description, idempotencyTokenParam, ...ownerParams],
  errors: ['NotExists.HpcCluster', 'Invalid.Parameter', 'MissingParameter.HpcClusterId'],
  response: r.response({}),
});

export const deleteHpcClusterSpec = defineAction({
  ...ECS,
  action: 'DeleteHpcCluster',
  mutating: true,
  params: [regionIdParam, hpcClusterId, idempotencyTokenParam, ...ownerParams],
  errors: ['NotExists.HpcCluster', 'NotEmpty.HpcCluster', 'MissingParameter.HpcClusterId'],
  response: r.response({}),
});

/** RunInstances parameter of this table (spread into runInstancesSpec's params). */
export const hpcLaunchParams = [
  { kind: 'scalar', name: 'HpcClusterId', type: 'string', emptyIsAbsent: true },
] as const satisfies readonly ScalarParam[];

/** DescribeInstances field of this table (spread into the Instance shape's defaults). */
export const hpcFields = { HpcClusterId: r.string };

/** The codes RunInstances answers for it. */
export const RUN_INSTANCES_HPC_ERRORS = [
  'InvalidHpcClusterId.NotFound',
  'InvalidHpcClusterId.Unnecessary',
  'InvalidHpcClusterId.Necessary',
] as const;

export const hpcClusterActions: readonly ActionSpec[] = [
  createHpcClusterSpec,
  describeHpcClustersSpec,
  modifyHpcClusterAttributeSpec,
  deleteHpcClusterSpec,
];

export const hpcClusterErrors: readonly ErrorSpec[] = [
  { code: 'NotExists.HpcCluster', status: 400, message: 'The specified hpc cluster does not exist.' },
  { code: 'NotEmpty.HpcCluster', status: 400, message: 'The specified hpc cluster is not empty, still contains instances.' },
  { code: 'InvalidHpcClusterIds.ExceedLimit', status: 400, message: 'The specified HpcClusterIds exceeds the limit of 100.' },
  { code: 'InvalidHpcClusterIds.Malformed', status: 400, message: 'The specified HpcClusterIds is not a JSON array of ids.' },
  {
    code: 'MissingParameter.HpcClusterId',
    status: 400,
    message: 'The input parameter HpcClusterId that is mandatory for processing this request is not supplied.',
  },
  { code: 'Invalid.Parameter', status: 400, message: 'The specified parameter is invalid.' },
  { code: 'InvalidHpcClusterId.NotFound', status: 404, message: 'The specified HpcClusterId does not exist.' },
  {
    code: 'InvalidHpcClusterId.Unnecessary',
    status: 400,
    message: 'The specified HpcClusterId is unnecessary: the instance type is not a super computing cluster (SCC) type.',
  },
  {
    code: 'InvalidHpcClusterId.Necessary',
    status: 400,
    message: 'The HpcClusterId is necessary for a super computing cluster (SCC) instance type.',
  },
  // Guess: the API reference names the quota but not its code.
  { code: 'QuotaExceed.HpcCluster', status: 403, message: 'The number of HPC clusters exceeds the quota of the region (100).' },
];
