/**
 * Every action table under `src/spec`, for checks that walk them all (the SDK-model test,
 * docs). The emulator registers tables per family; the client imports the ones it calls.
 */
import type { ActionSpec } from './ecs/types.js';
import { disksActions } from './ecs/disks.js';
import { diskSpecActions } from './ecs/disk-spec.js';
import { imagesActions } from './ecs/images.js';
import { imageTransferActions } from './ecs/image-transfer.js';
import { imageCopyActions } from './ecs/image-copy.js';
import { instanceLifecycleActions } from './ecs/instance-lifecycle.js';
import { instancesActions } from './ecs/instances.js';
import { keyPairActions } from './ecs/key-pairs.js';
import { regionsSpecs } from './ecs/regions.js';
import { resourceGroupsActions } from './ecs/resource-groups.js';
import { securityGroupActionSpecs } from './ecs/security-groups.js';
import { snapshotsActions } from './ecs/snapshots.js';
import { tagsActions } from './ecs/tags.js';
import { describeImageSupportInstanceTypesSpec, zoneActionSpecs } from './ecs/zones.js';
import { resourceGroupActionSpecs } from './resource-manager/resource-groups.js';
import { routeTableActionSpecs, vpcActionSpecs, vpcTagActionSpecs, vswitchActionSpecs } from './vpc/index.js';
import { instanceRamRoleActions } from './ecs/instance-ram-roles.js';
import { instanceRenewalActions } from './ecs/instance-renewal.js';
import { privateIpActions } from './ecs/private-ips.js';
import { ipv6AddressActions } from './ecs/ipv6-addresses.js';
import { networkInterfaceActions } from './ecs/network-interfaces.js';
import { instanceMetadataActions } from './ecs/instance-metadata.js';
import { instanceLaunchOptionActions } from './ecs/instance-launch-options.js';
import { instanceMaintenanceActions } from './ecs/instance-maintenance.js';
import { prepayInstanceSpecActions } from './ecs/prepay-instance-spec.js';
import { ramRoleActionSpecs } from './ram/roles.js';
import { stsActionSpecs } from './sts/sts.js';
import { slbZoneActionSpecs } from './slb/zones.js';

export const allActionSpecs: readonly ActionSpec[] = [
  ...disksActions,
  ...diskSpecActions,
  ...imagesActions,
  ...imageTransferActions,
  ...imageCopyActions,
  ...instanceLifecycleActions,
  ...instancesActions,
  ...keyPairActions,
  ...regionsSpecs,
  ...resourceGroupsActions,
  ...securityGroupActionSpecs,
  ...snapshotsActions,
  ...tagsActions,
  ...zoneActionSpecs,
  describeImageSupportInstanceTypesSpec,
  ...vpcActionSpecs,
  ...vswitchActionSpecs,
  ...vpcTagActionSpecs,
  ...routeTableActionSpecs,
  ...resourceGroupActionSpecs,
  ...instanceRamRoleActions,
  ...instanceRenewalActions,
  ...privateIpActions,
  ...ipv6AddressActions,
  ...networkInterfaceActions,
  ...instanceMetadataActions,
  ...instanceLaunchOptionActions,
  ...instanceMaintenanceActions,
  ...prepayInstanceSpecActions,
  ...ramRoleActionSpecs,
  ...stsActionSpecs,
  ...slbZoneActionSpecs,
];
