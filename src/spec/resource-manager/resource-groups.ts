/**
 * ResourceManager (2020-03-31) action table for resource groups:
 * ListResourceGroups, GetResourceGroup. These actions carry no RegionId
 * (resource groups are account-wide). Names follow `@alicloud/resourcemanager20200331` 2.x.
 */
import type { ActionSpec, ErrorSpec } from '../ecs/types.js';
import { defineAction } from '../ecs/infer.js';
import { r } from '../ecs/shape.js';
import { pageFields, resourceGroupFields } from '../ecs/outputs.js';
import { pageParams, tagParam } from '../vpc/params.js';

const RM = { product: 'ResourceManager', version: '2020-03-31' } as const;

export const listResourceGroupsSpec = defineAction({
  ...RM,
  action: 'ListResourceGroups',
  params: [
    { name: 'ResourceGroupId', kind: 'scalar', type: 'string' },
    { name: 'ResourceGroupIds', kind: 'scalarList', type: 'string', maxItems: 100 },
    { name: 'Name', kind: 'scalar', type: 'string' },
    { name: 'DisplayName', kind: 'scalar', type: 'string' },
    {
      name: 'Status',
      kind: 'scalar',
      type: 'string',
      enum: ['Creating', 'OK', 'Deleting', 'PendingDelete'],
      errorCode: 'InvalidParameter.Status',
    },
    { name: 'IncludeTags', kind: 'scalar', type: 'boolean' },
    tagParam(),
    ...pageParams(100),
  ],
  errors: ['InvalidParameter.Status'],
  response: r.response({
    ResourceGroups: r.list('ResourceGroup', r.object(resourceGroupFields)),
    TotalCount: r.integer,
    ...pageFields,
  }),
});

export const getResourceGroupSpec = defineAction({
  ...RM,
  action: 'GetResourceGroup',
  params: [
    { name: 'ResourceGroupId', kind: 'scalar', type: 'string', required: true },
    { name: 'IncludeTags', kind: 'scalar', type: 'boolean' },
  ],
  errors: ['EntityNotExist.ResourceGroup'],
  response: r.response({
    ResourceGroup: r.object({
      ...resourceGroupFields,
      ...r.defaults({ RegionStatuses: r.list('RegionStatus', r.object(r.defaults({ RegionId: r.string, Status: r.string }))) }),
    }),
  }),
});

export const resourceGroupActionSpecs: readonly ActionSpec[] = [listResourceGroupsSpec, getResourceGroupSpec];

export const resourceGroupErrorSpecs: readonly ErrorSpec[] = [
  { code: 'EntityNotExist.ResourceGroup', status: 404, message: 'The resource group does not exist.' },
  {
    code: 'InvalidParameter.Status',
    status: 400,
    message: 'The specified Status is not valid: allowed values are Creating, OK, Deleting and PendingDelete.',
  },
];
