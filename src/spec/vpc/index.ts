/** All VPC product (2016-04-28) action and error tables. */
export { vpcActionSpecs, vpcErrorSpecs, VPC_PRODUCT, VPC_VERSION, CIDR_PATTERN } from './vpcs.js';
export { vswitchActionSpecs, vswitchErrorSpecs } from './vswitches.js';
export { routeTableActionSpecs, routeTableErrorSpecs } from './route-tables.js';
export {
  vpcTagActionSpecs,
  vpcTagErrorSpecs,
  tagResourcesVpcSpec,
  unTagResourcesVpcSpec,
  listTagResourcesVpcSpec,
  moveResourceGroupVpcSpec,
  VPC_TAG_RESOURCE_TYPES,
  VPC_MOVE_RESOURCE_TYPES,
} from './tags.js';
