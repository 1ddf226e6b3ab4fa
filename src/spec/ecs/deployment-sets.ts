/**
 * ECS (2014-05-26) deployment sets: CreateDeploymentSet, DescribeDeploymentSets,
 * ModifyDeploymentSetAttribute, DeleteDeploymentSet, and the instance side: RunInstances
 * `DeploymentSetId` / `DeploymentSetGroupNo`, ModifyInstanceDeployment (join, move or leave a set)
 * and DescribeInstances `DeploymentSetId` / `DeploymentSetGroupNo`.
 *
 * Strategies: `Availability` spreads instances over hosts, at most 20 per zone; `AvailabilityGroup`
 * spreads `GroupCount` (1-7, default 3) groups, at most 20 instances per group and zone;
 * `LowLatency` packs instances close together, at most 20 per zone. Names and limits follow the
 * `@alicloud/ecs20140526` request models and the API reference; the codes marked "guess" below are
 * not named by any fact sheet.
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { descriptionParam } from './images.js';
import { ECS, idempotencyTokenParam, instanceIdParam, ownerParams, pageNumberParam, pageSizeParam, regionIdParam } from './params.js';
import { pageFields } from './outputs.js';

export const DEPLOYMENT_STRATEGIES = ['Availability', 'AvailabilityGroup', 'LowLatency'] as const;
export const REDEPLOY_FALLBACKS = ['CancelMembershipAndStart', 'KeepStopped'] as const;
/** Instances per zone (and, for AvailabilityGroup, per group and zone) a deployment set holds. */
export const DEPLOYMENT_SET_ZONE_CAPACITY = 20;

/** 2-128 characters, starting with a letter; letters, digits, `:`, `_`, `-`. */
export const DEPLOYMENT_SET_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9:_-]{1,127}$';

const deploymentSetId = {
  kind: 'scalar',
  name: 'DeploymentSetId',
  type: 'string',
  required: true,
  description: 'The deployment set (`ds-...`).',
} as const satisfies ScalarParam;
const deploymentSetName = {
  kind: 'scalar',
  name: 'DeploymentSetName',
  type: 'string',
  pattern: DEPLOYMENT_SET_NAME_PATTERN,
  forbiddenPrefixes: ['http://', 'https://'],
  errorCode: 'InvalidDeploymentSetName.Malformed',
  emptyIsAbsent: true,
  description: '2-128 characters, starting with a letter; letters, digits, colons, underscores and hyphens.',
} as const satisfies ScalarParam;

export const createDeploymentSetSpec = defineAction({
  ...ECS,
  action: 'CreateDeploymentSet',
  mutating: true,
  params: [
    regionIdParam,
    deploymentSetName,
    descriptionParam,
    {
      kind: 'scalar',
      name: 'Strategy',
      type: 'string',
      enum: DEPLOYMENT_STRATEGIES,
      emptyIsAbsent: true,
      errorCode: 'InvalidParameter.Strategy',
      description: 'Availability (default), AvailabilityGroup or LowLatency.',
    },
    { kind: 'scalar', name: 'GroupCount', type: 'long', min: 1, max: 7, errorCode: 'InvalidParameter.GroupCount' },
    {
      kind: 'scalar',
      name: 'OnUnableToRedeployFailedInstance',
      type: 'string',
      enum: REDEPLOY_FALLBACKS,
      emptyIsAbsent: true,
      description: 'CancelMembershipAndStart (default) or KeepStopped.',
    },
    { kind: 'scalar', name: 'Domain', type: 'string', enum: ['Default'], emptyIsAbsent: true, errorCode: 'InvalidParameter.Domain' },
    { kind: 'scalar', name: 'Granularity', type: 'string', enum: ['Host'], emptyIsAbsent: true, errorCode: 'InvalidParameter.Granularity' },
    idempotencyTokenParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidDeploymentSetName.Malformed',
    'InvalidDescription.Malformed',
    'InvalidParameter.Strategy',
    'InvalidParameter.GroupCount',
    'InvalidParameter.Domain',
    'InvalidParameter.Granularity',
    'QuotaExceed.DeploymentSet',
    'IdempotentParameterMismatch',
  ],
  response: r.response({ DeploymentSetId: r.string }),
});

export const describeDeploymentSetsSpec = defineAction({
  ...ECS,
  action: 'DescribeDeploymentSets',
  params: [
    regionIdParam,
    {
      kind: 'packedList',
      name: 'DeploymentSetIds',
      packing: 'json',
      maxItems: 100,
      tooManyCode: 'InvalidParameter.DeploymentSetIds',
      errorCode: 'InvalidParameter.DeploymentSetIds',
      description: 'JSON array of up to 100 deployment set ids.',
    },
    { kind: 'scalar', name: 'DeploymentSetName', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'Strategy', type: 'string', enum: DEPLOYMENT_STRATEGIES, emptyIsAbsent: true },
    pageNumberParam,
    pageSizeParam,
    ...ownerParams,
  ],
  errors: ['InvalidParameter.DeploymentSetIds'],
  response: r.response({
    TotalCount: r.integer,
    ...pageFields,
    DeploymentSets: r.list(
      'DeploymentSet',
      r.object({
        DeploymentSetId: r.string,
        ...r.defaults({
          DeploymentSetName: r.string,
          DeploymentSetDescription: r.string,
          DeploymentStrategy: r.string,
          Domain: r.string,
          Granularity: r.string,
          GroupCount: r.integer,
          InstanceAmount: r.integer,
          InstanceIds: r.list('InstanceId', r.string),
          CreationTime: r.string,
          Capacities: r.list('Capacity', r.object(r.defaults({ ZoneId: r.string, AvailableAmount: r.integer, UsedAmount: r.integer }))),
        }),
      }),
    ),
  }),
});

export const modifyDeploymentSetAttributeSpec = defineAction({
  ...ECS,
  action: 'ModifyDeploymentSetAttribute',
  mutating: true,
  params: [regionIdParam, deploymentSetId, deploymentSetName, descriptionParam, ...ownerParams],
  errors: ['InvalidDeploymentSetId.NotFound', 'InvalidDeploymentSetName.Malformed', 'InvalidDescription.Malformed'],
  response: r.response({}),
});

export const deleteDeploymentSetSpec = defineAction({
  ...ECS,
  action: 'DeleteDeploymentSet',
  mutating: true,
  params: [regionIdParam, deploymentSetId, ...ownerParams],
  errors: ['InvalidDeploymentSetId.NotFound', 'DependencyViolation.NotEmpty'],
  response: r.response({}),
});

/** ModifyInstanceDeployment, deployment-set side only: the dedicated-host moves it also makes are refused. */
export const modifyInstanceDeploymentSpec = defineAction({
  ...ECS,
  action: 'ModifyInstanceDeployment',
  mutating: true,
  params: [
    regionIdParam,
    instanceIdParam,
    { kind: 'scalar', name: 'DeploymentSetId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'DeploymentSetGroupNo', type: 'integer', min: 1, max: 7, errorCode: 'InvalidParameter.DeploymentSetGroupNo' },
    { kind: 'scalar', name: 'RemoveFromDeploymentSet', type: 'boolean' },
    { kind: 'scalar', name: 'Force', type: 'boolean' },
    { kind: 'scalar', name: 'DedicatedHostId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'DedicatedHostClusterId', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'Tenancy', type: 'string', enum: ['host'], emptyIsAbsent: true, errorCode: 'InvalidParam.Tenancy' },
    { kind: 'scalar', name: 'Affinity', type: 'string', enum: ['host', 'default'], emptyIsAbsent: true },
    { kind: 'scalar', name: 'MigrationType', type: 'string', enum: ['reboot', 'live'], emptyIsAbsent: true },
    { kind: 'scalar', name: 'InstanceType', type: 'string', emptyIsAbsent: true },
    ...ownerParams,
  ],
  errors: [
    'InvalidInstanceId.NotFound',
    'IncorrectInstanceStatus',
    'InvalidDeploymentSetId.NotFound',
    'InvalidParameter.DeploymentSetGroupNo',
    'QuotaExceed.DeploymentSetInstanceQuotaFull',
    'InvalidParam.Tenancy',
    'InvalidDedicatedHostId.NotFound',
    'MissingParameter',
  ],
  response: r.response({}),
});

/** RunInstances parameters of this table (spread into runInstancesSpec's params). */
export const deploymentLaunchParams = [
  { kind: 'scalar', name: 'DeploymentSetId', type: 'string', emptyIsAbsent: true },
  { kind: 'scalar', name: 'DeploymentSetGroupNo', type: 'integer', min: 1, max: 7, errorCode: 'InvalidParameter.DeploymentSetGroupNo' },
] as const satisfies readonly ScalarParam[];

/** DescribeInstances fields of this table (spread into the Instance shape's defaults). */
export const deploymentFields = { DeploymentSetId: r.string, DeploymentSetGroupNo: r.integer };

/** The codes RunInstances answers for them. */
export const RUN_INSTANCES_DEPLOYMENT_ERRORS = [
  'InvalidDeploymentSetId.NotFound',
  'InvalidParameter.DeploymentSetGroupNo',
  'QuotaExceed.DeploymentSetInstanceQuotaFull',
] as const;

export const deploymentSetActions: readonly ActionSpec[] = [
  createDeploymentSetSpec,
  describeDeploymentSetsSpec,
  modifyDeploymentSetAttributeSpec,
  deleteDeploymentSetSpec,
];

export const deploymentSetErrors: readonly ErrorSpec[] = [
  { code: 'InvalidDeploymentSetName.Malformed', status: 400, message: 'Specified deployment set name is not valid.' },
  { code: 'InvalidDeploymentSetId.NotFound', status: 404, message: 'The specified DeploymentSetId does not exist.' },
  { code: 'DependencyViolation.NotEmpty', status: 403, message: 'There are still instance(s) in the specified DeploymentSetId.' },
  {
    code: 'QuotaExceed.DeploymentSetInstanceQuotaFull',
    status: 403,
    message: 'instance quota in one deployment set exceeded.',
  },
  // Guesses: the API reference names these parameters' limits but not their codes.
  { code: 'InvalidParameter.Strategy', status: 400, message: 'The specified Strategy is not valid.' },
  { code: 'InvalidParameter.GroupCount', status: 400, message: 'The specified GroupCount is not valid: 1 to 7.' },
  { code: 'InvalidParameter.Domain', status: 400, message: 'The specified parameter Domain is not valid.' },
  { code: 'InvalidParameter.Granularity', status: 400, message: 'The specified parameter Granularity is not valid.' },
  { code: 'InvalidParameter.DeploymentSetIds', status: 400, message: 'DeploymentSetIds must be a JSON array of up to 100 ids.' },
  {
    code: 'InvalidParameter.DeploymentSetGroupNo',
    status: 400,
    message: 'The specified DeploymentSetGroupNo is not valid: a group of an AvailabilityGroup deployment set.',
  },
  { code: 'QuotaExceed.DeploymentSet', status: 403, message: 'The number of deployment sets exceeds the quota of the region (150).' },
  { code: 'InvalidParam.Tenancy', status: 400, message: 'The specified Tenancy is invalid.' },
  { code: 'InvalidDedicatedHostId.NotFound', status: 404, message: 'The specified DedicatedHostId does not exist.' },
];
