/** Handlers of the vpc family (product Vpc), one export per action (`CreateVpc` -> `createVpc`). */
export { createVpc, describeVpcs, modifyVpcAttribute, deleteVpc } from './vpc-handlers.js';
export { createVSwitch, describeVSwitches, modifyVSwitchAttribute, deleteVSwitch } from './vswitch-handlers.js';
export { tagResources, unTagResources, listTagResources, moveResourceGroup } from './tag-handlers.js';
