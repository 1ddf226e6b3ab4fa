/**
 * VPC product (2016-04-28) action table for the system route table every VPC gets:
 * DescribeRouteTableList and ModifyRouteTableAttributes (name, description, route propagation).
 * Names and types follow the official `@alicloud/vpc20160428` request models.
 */
import type { ActionSpec, ErrorSpec } from '../ecs/types.js';
import { defineAction } from '../ecs/infer.js';
import { r } from '../ecs/shape.js';
import { pageFields, vpcTagsShape } from '../ecs/outputs.js';
import { nameParam, ownerParams, pageParams, regionParam, tagParam } from './params.js';
import { VPC_PRODUCT, VPC_VERSION } from './vpcs.js';

export const describeRouteTableListSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'DescribeRouteTableList',
  params: [
    regionParam(),
    { name: 'VpcId', kind: 'scalar', type: 'string' },
    { name: 'RouteTableId', kind: 'scalar', type: 'string' },
    { name: 'RouteTableName', kind: 'scalar', type: 'string' },
    { name: 'RouteTableType', kind: 'scalar', type: 'string', enum: ['System', 'Custom'] },
    { name: 'RouterId', kind: 'scalar', type: 'string' },
    { name: 'RouterType', kind: 'scalar', type: 'string', enum: ['VRouter', 'VBR'] },
    { name: 'ResourceGroupId', kind: 'scalar', type: 'string' },
    tagParam(),
    ...pageParams(50),
    ...ownerParams,
  ],
  response: r.response({
    TotalCount: r.integer,
    RouterTableList: r.list(
      'RouterTableListType',
      r.object({
        RouteTableId: r.string,
        ...r.defaults({
          AssociateType: r.string,
          CreationTime: r.string,
          Description: r.string,
          OwnerId: r.long,
          ResourceGroupId: r.string,
          RoutePropagationEnable: r.boolean,
          RouteTableName: r.string,
          RouteTableType: r.string,
          RouterId: r.string,
          RouterType: r.string,
          Status: r.string,
          Tags: vpcTagsShape,
          VSwitchIds: r.list('VSwitchId', r.string),
          VpcId: r.string,
        }),
      }),
    ),
    ...pageFields,
  }),
});

export const modifyRouteTableAttributesSpec = defineAction({
  product: VPC_PRODUCT,
  version: VPC_VERSION,
  action: 'ModifyRouteTableAttributes',
  mutating: true,
  params: [
    regionParam(),
    { name: 'RouteTableId', kind: 'scalar', type: 'string', required: true },
    nameParam('RouteTableName', 'InvalidRouteTableName.Malformed', 1, 128),
    nameParam('Description', 'InvalidDescription.Malformed', 1, 256),
    { name: 'RoutePropagationEnable', kind: 'scalar', type: 'boolean' },
    ...ownerParams,
  ],
  errors: ['InvalidRouteTableId.NotFound', 'InvalidRouteTableName.Malformed', 'InvalidDescription.Malformed'],
  response: r.response({}),
});

export const routeTableActionSpecs: readonly ActionSpec[] = [describeRouteTableListSpec, modifyRouteTableAttributesSpec];

export const routeTableErrorSpecs: readonly ErrorSpec[] = [
  { code: 'InvalidRouteTableId.NotFound', status: 404, message: 'The specified route table does not exist.' },
  { code: 'InvalidRouteTableName.Malformed', status: 400, message: 'The specified route table name is not valid.' },
  { code: 'InvalidDescription.Malformed', status: 400, message: 'The specified description is wrongly formed.' },
];
