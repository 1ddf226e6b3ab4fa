/** Handlers of the vpc family (product Vpc), one export per action (`CreateVpc` -> `createVpc`). */
export {
  createVpc,
  createDefaultVpc,
  describeVpcs,
  describeVpcAttribute,
  modifyVpcAttribute,
  deleteVpc,
  associateVpcCidrBlock,
  unassociateVpcCidrBlock,
  enableVpcClassicLink,
  disableVpcClassicLink,
} from './vpc-handlers.js';
export { createVSwitch, createDefaultVSwitch, describeVSwitches, modifyVSwitchAttribute, deleteVSwitch } from './vswitch-handlers.js';
export { describeRouteTableList, modifyRouteTableAttributes } from './route-table-handlers.js';
export { tagResources, unTagResources, listTagResources, moveResourceGroup } from './tag-handlers.js';
