import type { Handler, HandlerContext } from '../context.js';
import { getTags, matchesTagFilter } from '../tags/repository.js';
import { tagFilterFromInput } from '../tags/validate.js';
import { findImageAnyOwner } from '../images/repository.js';
import { currentInstanceStatus, listInstances, type InstanceRecord } from './repository.js';
import { instanceTypeInfo } from './instance-types.js';
import { paginate, stringList } from './paging.js';

const wildcard = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

/** The Instance object of DescribeInstances, with the JSON types of the SDK model. */
export function instanceView(ctx: HandlerContext, r: InstanceRecord): Record<string, unknown> {
  const type = instanceTypeInfo(r.instanceType);
  const image = findImageAnyOwner(ctx.db, ctx.account.accountId, r.imageId);
  return {
    InstanceId: r.id, InstanceName: r.name, Description: r.description ?? '', HostName: r.hostName || r.name.replace(/[^A-Za-z0-9-]/g, '-').toLowerCase(),
    Status: currentInstanceStatus(r, ctx.now(), ctx.settings.instanceStartSeconds),
    RegionId: r.regionId, ZoneId: r.zoneId, ImageId: r.imageId, InstanceType: r.instanceType, InstanceTypeFamily: type.family,
    Cpu: type.cpu, Memory: type.memory, OSType: r.osType || image?.osType || 'linux', OSName: r.osName || image?.osName || '',
    OSNameEn: r.osNameEn || image?.osNameEn || '',
    CreationTime: r.creationTime, StartTime: r.startTime || r.creationTime, ExpiredTime: '2099-12-31T15:59Z', ResourceGroupId: r.resourceGroupId,
    InstanceChargeType: r.instanceChargeType || 'PostPaid', InternetChargeType: r.internetChargeType || 'PayByTraffic', InstanceNetworkType: r.vpcId ? 'vpc' : 'classic',
    InternetMaxBandwidthOut: r.internetMaxBandwidthOut, InternetMaxBandwidthIn: -1, IoOptimized: true, DeletionProtection: r.deletionProtection === true,
    SerialNumber: `${r.id}-serial`, StoppedMode: 'Not-applicable', SpotStrategy: 'NoSpot', SpotPriceLimit: 0, DeviceAvailable: true,
    OperationLocks: { LockReason: r.locks.map((l) => ({ LockReason: l.lockReason, LockMsg: l.lockMsg ?? '' })) },
    SecurityGroupIds: { SecurityGroupId: r.securityGroupIds },
    VpcAttributes: { VpcId: r.vpcId, VSwitchId: r.vSwitchId, NatIpAddress: '', PrivateIpAddress: { IpAddress: r.privateIp ? [r.privateIp] : [] } },
    InnerIpAddress: { IpAddress: [] }, PublicIpAddress: { IpAddress: r.publicIp ? [r.publicIp] : [] },
    EipAddress: { AllocationId: '', IpAddress: '', InternetChargeType: '', Bandwidth: 0 },
    NetworkInterfaces: { NetworkInterface: [] },
    Tags: { Tag: getTags(ctx.db, ctx.account.accountId, 'instance', r.id).map((t) => ({ TagKey: t.key, TagValue: t.value })) },
  };
}

/** DescribeInstances: the account's instances in the region, filtered and paged (newest first). */
export const describeInstances: Handler = (ctx, input) => {
  let rows = listInstances(ctx.db, ctx.account.accountId, ctx.regionId, {
    ids: stringList(input.InstanceIds), imageId: input.ImageId as string | undefined, zoneId: input.ZoneId as string | undefined,
    resourceGroupId: input.ResourceGroupId as string | undefined, vpcId: input.VpcId as string | undefined,
    vSwitchId: input.VSwitchId as string | undefined, instanceType: input.InstanceType as string | undefined,
  });
  const now = ctx.now();
  if (typeof input.Status === 'string') rows = rows.filter((r) => currentInstanceStatus(r, now, ctx.settings.instanceStartSeconds) === input.Status);
  if (typeof input.InstanceName === 'string') { const re = wildcard(input.InstanceName); rows = rows.filter((r) => re.test(r.name)); }
  if (typeof input.SecurityGroupId === 'string') rows = rows.filter((r) => r.securityGroupIds.includes(input.SecurityGroupId as string));
  if (typeof input.LockReason === 'string') rows = rows.filter((r) => r.locks.some((l) => l.lockReason === input.LockReason));
  const tagFilter = tagFilterFromInput(input.Tag);
  if (tagFilter.length > 0) rows = rows.filter((r) => matchesTagFilter(getTags(ctx.db, ctx.account.accountId, 'instance', r.id), tagFilter));
  const page = paginate(rows, input);
  return {
    TotalCount: rows.length, PageNumber: page.pageNumber, PageSize: page.pageSize, NextToken: page.nextToken,
    Instances: { Instance: page.items.map((r) => instanceView(ctx, r)) },
  };
};
