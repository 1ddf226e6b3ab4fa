/**
 * The instances family: instance storage (repository.ts), DescribeInstances, the lifecycle
 * (RunInstances, Start/Stop/RebootInstance, DeleteInstance(s), ModifyInstanceAttribute,
 * ModifyInstanceNetworkSpec, ModifyInstanceChargeType, ModifyInstanceVpcAttribute,
 * DescribeInstanceAttribute, ModifyInstanceSpec, ReplaceSystemDisk, Modify/DescribeInstanceAutoRenewAttribute, Assign/UnassignPrivateIpAddresses and Assign/UnassignIpv6Addresses on the primary interface, ModifyInstanceMetadataOptions, ModifyInstanceAutoReleaseTime, Modify/DescribeInstanceMaintenanceAttributes, DescribeNetworkInterfaces, RunInstances NetworkInterface.N, ModifyInstanceDeployment, Modify/DescribeInstanceAttachmentAttributes), seeds, `instance` as a
 * taggable resource and resource-group member, and the queries other families ask it
 * (queries.ts). Its disks live in the disks family, reached through its queries.
 */
import { pickErrors, type Family } from '../context.js';
import { DISK_ENCRYPT_ALGORITHM_ERRORS, DISK_PERFORMANCE_ERRORS, disksErrors } from '../../spec/ecs/disks.js';
import { imagesErrors } from '../../spec/ecs/images.js';
import { instancesActions, instancesErrors } from '../../spec/ecs/instances.js';
import { instanceLifecycleActions, instanceLifecycleErrors } from '../../spec/ecs/instance-lifecycle.js';
import { securityGroupErrorSpecs } from '../../spec/ecs/security-groups.js';
import { vswitchErrorSpecs } from '../../spec/vpc/vswitches.js';
import { vpcErrorSpecs } from '../../spec/vpc/vpcs.js';
import { keyPairErrors } from '../../spec/ecs/key-pairs.js';
import { deploymentSetErrors, modifyInstanceDeploymentSpec } from '../../spec/ecs/deployment-sets.js';
import { hpcClusterErrors } from '../../spec/ecs/hpc-clusters.js';
import { autoSnapshotPolicyErrors } from '../../spec/ecs/auto-snapshot-policies.js';
import { privatePoolActions, privatePoolErrors } from '../../spec/ecs/private-pools.js';
import { instanceRenewalActions, instanceRenewalErrors } from '../../spec/ecs/instance-renewal.js';
import { privateIpActions, privateIpErrors } from '../../spec/ecs/private-ips.js';
import { instanceMetadataActions } from '../../spec/ecs/instance-metadata.js';
import { instanceLaunchOptionActions, instanceLaunchOptionErrors } from '../../spec/ecs/instance-launch-options.js';
import { prepayInstanceSpecActions, prepayInstanceSpecErrors } from '../../spec/ecs/prepay-instance-spec.js';
import { hardwareOptionErrors } from '../../spec/ecs/instance-hardware-options.js';
import { instanceMaintenanceActions } from '../../spec/ecs/instance-maintenance.js';
import { ipv6AddressActions, ipv6AddressErrors } from '../../spec/ecs/ipv6-addresses.js';
import { networkInterfaceActions, networkInterfaceErrors } from '../../spec/ecs/network-interfaces.js';
import * as handlers from './handlers.js';
import { instancesMigrations } from './migrations.js';
import { instanceQueries } from './queries.js';
import { getInstance, updateInstance } from './repository.js';
import { seedInstances } from './seed.js';
import { tagParamErrors } from '../tags/validate.js';

export const instancesFamily: Family = {
  name: 'instances',
  product: 'Ecs',
  specs: [
    ...instancesActions,
    ...instanceLifecycleActions,
    ...instanceRenewalActions,
    ...privateIpActions,
    ...instanceMetadataActions,
    ...instanceLaunchOptionActions,
    ...instanceMaintenanceActions,
    ...ipv6AddressActions,
    ...networkInterfaceActions,
    ...prepayInstanceSpecActions,
    modifyInstanceDeploymentSpec,
    ...privatePoolActions,
  ],
  handlers,
  errors: [
    ...instancesErrors,
    ...instanceLifecycleErrors,
    ...instanceRenewalErrors,
    ...privateIpErrors,
    ...instanceLaunchOptionErrors,
    ...hardwareOptionErrors,
    ...prepayInstanceSpecErrors,
    ...ipv6AddressErrors,
    ...networkInterfaceErrors,
    // What the images, snapshots, network and tag rules of RunInstances and the lifecycle answer.
    ...pickErrors(
      imagesErrors,
      'InvalidImageId.NotFound',
      'IncorrectImageStatus',
      'IncorrectInstanceStatus',
      'InstanceLockedForSecurity',
      'OperationDenied',
      'InvalidDiskType.ValueNotSupported',
      'InvalidDescription.Malformed',
      'InvalidSnapshotId.NotFound',
      'InvalidSnapshotId.NotReady',
      'InvalidDevice.Malformed',
      'InvalidDevice.InUse',
    ),
    ...pickErrors(
      disksErrors,
      'InvalidDiskName.Malformed',
      'InvalidPerformanceLevel.Malformed',
      ...DISK_PERFORMANCE_ERRORS,
      ...DISK_ENCRYPT_ALGORITHM_ERRORS,
    ),
    ...pickErrors(vswitchErrorSpecs, 'InvalidVSwitchId.NotFound', 'InvalidZoneId.NotFound'),
    ...pickErrors(securityGroupErrorSpecs, 'InvalidSecurityGroupId.NotFound'),
    ...pickErrors(vpcErrorSpecs, 'InvalidVpcId.NotFound'),
    ...pickErrors(keyPairErrors, 'InvalidKeyPairName.NotFound', 'InvalidInstanceIds.ValueNotSupported'),
    ...privatePoolErrors,
    ...pickErrors(
      deploymentSetErrors,
      'InvalidDeploymentSetId.NotFound',
      'InvalidParameter.DeploymentSetGroupNo',
      'QuotaExceed.DeploymentSetInstanceQuotaFull',
      'InvalidParam.Tenancy',
      'InvalidDedicatedHostId.NotFound',
    ),
    ...pickErrors(autoSnapshotPolicyErrors, 'InvalidAutoSnapshotPolicyId.NotFound'),
    ...pickErrors(hpcClusterErrors, 'InvalidHpcClusterId.NotFound', 'InvalidHpcClusterId.Unnecessary', 'InvalidHpcClusterId.Necessary'),
    ...tagParamErrors,
  ],
  migrations: instancesMigrations,
  seed: (db, account, settings) => seedInstances(db, account, settings),
  taggable: {
    instance: (db, accountId, regionId, id) => getInstance(db, accountId, regionId, id) !== undefined,
  },
  groupMembers: {
    instance: (db, accountId, regionId, id, rg) => {
      if (!getInstance(db, accountId, regionId, id)) return false;
      updateInstance(db, id, { resourceGroupId: rg });
      return true;
    },
  },
  queries: { instances: instanceQueries },
};
