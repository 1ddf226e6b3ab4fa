/**
 * The coalescible reads (`batch.ts`): each list action with an id filter (api-wave2.md 10), the
 * ids it takes per call, and where an item's id is. Each `describeX(client, id)` of the families
 * goes through {@link batchedGet} with one of these, so its signature stays one id, one object.
 */
import { describeImagesSpec } from '../spec/ecs/images.js';
import { describeInstancesSpec } from '../spec/ecs/instances.js';
import { describeSecurityGroupsSpec } from '../spec/ecs/security-groups.js';
import { describeSnapshotsSpec } from '../spec/ecs/snapshots.js';
import { describeDisksSpec } from '../spec/ecs/disks.js';
import { describeVSwitchesSpec } from '../spec/vpc/vswitches.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import { describeVpcsSpec } from '../spec/vpc/vpcs.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import type { BatchKind } from './batch.js';

export { batchedGet, batchedGetMany } from './batch.js';

/**
 * Every page of a PageNumber/PageSize listing; stops at TotalCount (when reported) or an empty
 * or short page. A batch of ids fits one page almost always; the loop keeps a short page honest.
 */
async function allPages<T>(pageSize: number, page: (n: number) => Promise<{ items: T[]; total: number | undefined }>): Promise<T[]> {
  const all: T[] = [];
  for (let n = 1; ; n++) {
    const r = await page(n);
    all.push(...r.items);
    if (r.items.length < pageSize || (r.total !== undefined && all.length >= r.total)) return all;
  }
}

type ImageItem = OutputOf<typeof describeImagesSpec>['Images']['Image'][number];
/** DescribeImages by `ImageId` (comma list, 100 ids, pages of 100). */
export const imagesById: BatchKind<Omit<ClientInputOf<typeof describeImagesSpec>, 'ImageId'>, ImageItem> = {
  action: describeImagesSpec.action,
  maxIds: 100,
  list: (client: AlibabaCloudClient, ids, filter, opts: CallOptions) =>
    allPages(100, async (n) => {
      const body = await client.call(describeImagesSpec, { ...filter, ImageId: ids, PageNumber: n, PageSize: 100 }, opts);
      return { items: body.Images.Image, total: body.TotalCount };
    }),
  idOf: (i) => i.ImageId,
  // The read-ahead lists the account's own images only: a resource manages no other.
  listPage: async (client, filter, page, opts) => {
    const body = await client.call(describeImagesSpec, { ...filter, ImageOwnerAlias: 'self', PageNumber: page, PageSize: 100 }, opts);
    return { items: body.Images.Image, total: body.TotalCount, pageSize: 100 };
  },
};

type InstanceItem = OutputOf<typeof describeInstancesSpec>['Instances']['Instance'][number];
/** DescribeInstances by `InstanceIds` (JSON array, 100 ids, pages of 100). */
export const instancesById: BatchKind<Omit<ClientInputOf<typeof describeInstancesSpec>, 'InstanceIds'>, InstanceItem> = {
  action: describeInstancesSpec.action,
  maxIds: 100,
  list: (client, ids, filter, opts) =>
    allPages(100, async (n) => {
      const body = await client.call(describeInstancesSpec, { ...filter, InstanceIds: ids, PageNumber: n, PageSize: 100 }, opts);
      return { items: body.Instances.Instance, total: body.TotalCount };
    }),
  idOf: (i) => i.InstanceId,
  listPage: async (client, filter, page, opts) => {
    const body = await client.call(describeInstancesSpec, { ...filter, PageNumber: page, PageSize: 100 }, opts);
    return { items: body.Instances.Instance, total: body.TotalCount, pageSize: 100 };
  },
};

type VpcItem = OutputOf<typeof describeVpcsSpec>['Vpcs']['Vpc'][number];
/** DescribeVpcs by `VpcId` (comma list, 20 ids, pages of 50). */
export const vpcsById: BatchKind<Omit<ClientInputOf<typeof describeVpcsSpec>, 'VpcId'>, VpcItem> = {
  action: describeVpcsSpec.action,
  maxIds: 20,
  list: (client, ids, filter, opts) =>
    allPages(50, async (n) => {
      const body = await client.call(describeVpcsSpec, { ...filter, VpcId: ids, PageNumber: n, PageSize: 50 }, opts);
      return { items: body.Vpcs.Vpc, total: body.TotalCount };
    }),
  idOf: (v) => v.VpcId,
};

type GroupItem = OutputOf<typeof describeSecurityGroupsSpec>['SecurityGroups']['SecurityGroup'][number];
/** DescribeSecurityGroups by `SecurityGroupIds` (JSON array, 100 ids, pages of 50). */
export const securityGroupsById: BatchKind<Omit<ClientInputOf<typeof describeSecurityGroupsSpec>, 'SecurityGroupIds'>, GroupItem> = {
  action: describeSecurityGroupsSpec.action,
  maxIds: 100,
  list: (client, ids, filter, opts) =>
    allPages(50, async (n) => {
      const body = await client.call(describeSecurityGroupsSpec, { ...filter, SecurityGroupIds: ids, PageNumber: n, PageSize: 50 }, opts);
      return { items: body.SecurityGroups.SecurityGroup, total: body.TotalCount };
    }),
  idOf: (g) => g.SecurityGroupId,
};

type SnapshotItem = OutputOf<typeof describeSnapshotsSpec>['Snapshots']['Snapshot'][number];
/** DescribeSnapshots by `SnapshotIds` (JSON array, 100 ids, pages of 100). */
export const snapshotsById: BatchKind<Omit<ClientInputOf<typeof describeSnapshotsSpec>, 'SnapshotIds'>, SnapshotItem> = {
  action: describeSnapshotsSpec.action,
  maxIds: 100,
  list: (client, ids, filter, opts) =>
    allPages(100, async (n) => {
      const body = await client.call(describeSnapshotsSpec, { ...filter, SnapshotIds: ids, PageNumber: n, PageSize: 100 }, opts);
      return { items: body.Snapshots.Snapshot, total: body.TotalCount };
    }),
  idOf: (s) => s.SnapshotId,
};

type DiskItem = OutputOf<typeof describeDisksSpec>['Disks']['Disk'][number];
/** DescribeDisks by `DiskIds` (JSON array, 100 ids, pages of 100). */
export const disksById: BatchKind<Omit<ClientInputOf<typeof describeDisksSpec>, 'DiskIds'>, DiskItem> = {
  action: describeDisksSpec.action,
  maxIds: 100,
  list: (client, ids, filter, opts) =>
    allPages(100, async (n) => {
      const body = await client.call(describeDisksSpec, { ...filter, DiskIds: ids, PageNumber: n, PageSize: 100 }, opts);
      return { items: body.Disks.Disk, total: body.TotalCount };
    }),
  idOf: (d) => d.DiskId,
};

type VSwitchItem = OutputOf<typeof describeVSwitchesSpec>['VSwitches']['VSwitch'][number];
/** DescribeVSwitches by `VSwitchId` (comma list, 20 ids, pages of 50). */
export const vswitchesById: BatchKind<Omit<ClientInputOf<typeof describeVSwitchesSpec>, 'VSwitchId'>, VSwitchItem> = {
  action: describeVSwitchesSpec.action,
  maxIds: 20,
  list: (client, ids, filter, opts) =>
    allPages(50, async (n) => {
      const body = await client.call(describeVSwitchesSpec, { ...filter, VSwitchId: ids, PageNumber: n, PageSize: 50 }, opts);
      return { items: body.VSwitches.VSwitch, total: body.TotalCount };
    }),
  idOf: (s) => s.VSwitchId,
};
