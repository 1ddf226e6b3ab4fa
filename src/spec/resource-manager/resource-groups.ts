/**
 * ResourceManager (2020-03-31) action table for resource groups:
 * ListResourceGroups, GetResourceGroup. These actions carry no RegionId
 * (resource groups are account-wide). Names follow `@alicloud/resourcemanager20200331` 2.x.
 */
import type { ActionSpec, ErrorSpec } from '../ecs/types.js';
import { pageParams, tagParam } from '../vpc/params.js';

const RM = { product: 'ResourceManager', version: '2020-03-31' } as const;

export const resourceGroupActionSpecs: readonly ActionSpec[] = [
  {
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
  },
  {
    ...RM,
    action: 'GetResourceGroup',
    params: [
      { name: 'ResourceGroupId', kind: 'scalar', type: 'string', required: true },
      { name: 'IncludeTags', kind: 'scalar', type: 'boolean' },
    ],
    errors: ['EntityNotExist.ResourceGroup'],
  },
];

export const resourceGroupErrorSpecs: readonly ErrorSpec[] = [
  { code: 'EntityNotExist.ResourceGroup', status: 404, message: 'The resource group does not exist.' },
  {
    code: 'InvalidParameter.Status',
    status: 400,
    message: 'The specified Status is not valid: allowed values are Creating, OK, Deleting and PendingDelete.',
  },
];
