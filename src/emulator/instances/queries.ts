/**
 * What other families may ask the instances family: images read the instance an image is made
 * from and the images instances run; vpc and security groups read the instances still attached.
 */
import type Database from 'better-sqlite3';
import { deploymentSetMembers, hpcClusterMembers } from './placement.js';
import {
  currentInstanceStatus,
  getInstance,
  imageIdsInUse,
  instancesInSecurityGroup,
  instancesUsingImage,
  listInstances,
  updateInstance,
  type InstanceRecord,
  type InstanceStatus,
} from './repository.js';

declare module '../context.js' {
  interface FamilyQueries {
    instances: InstanceQueries;
  }
}

export interface InstanceQueries {
  /** The account's instance in the region, with its disks, or undefined. */
  find(db: Database.Database, accountId: number, regionId: string, id: string): InstanceRecord | undefined;
  /** The status a client sees at `now` (transitional states last `transitionSeconds`). */
  status(inst: InstanceRecord, now: Date, transitionSeconds: number): InstanceStatus;
  /** Ids of the images the account's instances run, in any region. */
  imageIdsInUse(db: Database.Database, accountId: number): string[];
  /** Ids of the account's instances, in any region, that run the image. */
  usingImage(db: Database.Database, accountId: number, imageId: string): string[];
  /** Ids of the account's instances in the region attached to the VPC and/or vSwitch, newest first. */
  usingNetwork(db: Database.Database, accountId: number, regionId: string, where: { vpcId?: string; vSwitchId?: string }): string[];
  /** Ids of the account's instances in the region that belong to the security group. */
  inSecurityGroup(db: Database.Database, accountId: number, regionId: string, securityGroupId: string): string[];
  /** Ids of the account's instances in the region that use the key pair. */
  usingKeyPair(db: Database.Database, accountId: number, regionId: string, keyPairName: string): string[];
  /** Bind the key pair to the instance (AttachKeyPair), or unbind it with `undefined` (DetachKeyPair). */
  setKeyPair(db: Database.Database, inst: InstanceRecord, keyPairName: string | undefined): void;
  /** The account's instances in the region that belong to the deployment set, with their zone and group (0: no group). */
  deploymentSetMembers(
    db: Database.Database,
    accountId: number,
    regionId: string,
    deploymentSetId: string,
  ): { instanceId: string; zoneId: string; groupNo: number }[];
  /** Ids of the account's instances in the region that belong to the HPC cluster. */
  hpcClusterMembers(db: Database.Database, accountId: number, regionId: string, hpcClusterId: string): string[];
}

export const instanceQueries: InstanceQueries = {
  find: getInstance,
  status: currentInstanceStatus,
  imageIdsInUse,
  usingImage: instancesUsingImage,
  usingNetwork: (db, accountId, regionId, where) => {
    const direct = listInstances(db, accountId, regionId, where).map((i) => i.id);
    if (where.vSwitchId === undefined) return direct;
    // A secondary interface may sit in another vSwitch of the instance's VPC.
    const viaEni = listInstances(db, accountId, regionId, { vpcId: where.vpcId })
      .filter((i) => i.extra?.secondaryEnis?.some((e) => e.vSwitchId === where.vSwitchId))
      .map((i) => i.id);
    return [...new Set([...direct, ...viaEni])];
  },
  inSecurityGroup: instancesInSecurityGroup,
  usingKeyPair: (db, accountId, regionId, name) =>
    listInstances(db, accountId, regionId)
      .filter((i) => i.extra?.keyPairName === name)
      .map((i) => i.id),
  setKeyPair: (db, inst, keyPairName) => updateInstance(db, inst.id, { extra: { ...inst.extra, keyPairName } }),
  deploymentSetMembers,
  hpcClusterMembers,
};
