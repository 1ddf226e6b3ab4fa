/** Handlers of the instances family, one export per action (`RunInstances` -> `runInstances`). */
export { describeInstances } from './describe-instances.js';
export { describeInstanceAttribute } from './describe-instance-attribute.js';
export { runInstances } from './run-instances.js';
export { startInstance, stopInstance, rebootInstance } from './start-stop.js';
export { deleteInstance, deleteInstances } from './delete-instance.js';
export { modifyInstanceAttribute, modifyInstanceNetworkSpec } from './modify-instance.js';
export { modifyInstanceSpec } from './modify-instance-spec.js';
export { modifyPrepayInstanceSpec } from './modify-prepay-instance-spec.js';
export { replaceSystemDisk } from './system-disk.js';
export { modifyInstanceChargeType } from './modify-instance-charge-type.js';
export { modifyInstanceVpcAttribute } from './modify-instance-vpc.js';
export { assignPrivateIpAddresses, unassignPrivateIpAddresses } from './private-ips.js';
export { modifyInstanceMetadataOptions } from './metadata-options.js';
export { modifyInstanceAutoReleaseTime } from './launch-options.js';
export { describeInstanceMaintenanceAttributes, modifyInstanceMaintenanceAttributes } from './maintenance.js';
export { modifyInstanceAutoRenewAttribute, describeInstanceAutoRenewAttribute } from './auto-renew.js';
export { assignIpv6Addresses, unassignIpv6Addresses } from './ipv6-addresses.js';
export { describeNetworkInterfaces } from './network-interfaces.js';
