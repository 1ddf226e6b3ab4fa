/** All VPC product (2016-04-28) action and error tables. */
export { vpcActionSpecs, vpcErrorSpecs, VPC_PRODUCT, VPC_VERSION, CIDR_PATTERN } from './vpcs.js';
export { vswitchActionSpecs, vswitchErrorSpecs } from './vswitches.js';
