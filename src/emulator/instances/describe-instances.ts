import type { HandlerContext, HandlerOf } from '../context.js';
import { pageWindow } from '../core/paging.js';
import type { describeInstancesSpec } from '../../spec/ecs/instances.js';
import { getTags, getTagsOfMany, type Tag } from '../tags/repository.js';
import { secondaryInterfaceItems } from './network-interfaces.js';
import { currentInstanceStatus, instancesByIds, primaryEniId, type InstanceRecord } from './repository.js';
import { instanceTypeInfo } from './instance-types.js';
import { queryInstances } from './instance-query.js';
import { bandwidthInOf } from './launch-options.js';
import { cpuOptionsView } from './hardware-options.js';

/** The OS fields of an instance's image (they fill OS fields an instance recorded empty at launch). */
interface ImageOs {
  osType: string;
  osName: string;
  osNameEn: string;
}

/** What a page already loaded for the view: the instance's tags and a shared image lookup. */
export interface InstanceViewExtras {
  tags: readonly Tag[];
  image: (id: string) => ImageOs | undefined;
}

/** The image an instance of the account runs, if the images family serves it. */
const imageOf = (ctx: HandlerContext, id: string): ImageOs | undefined =>
  ctx.backend.queries.images?.findForAccount(ctx.db, ctx.account.accountId, id);

/** The Instance object of DescribeInstances, with the JSON types of the SDK model (checked against the response shape by the handler). */
export function instanceView(ctx: HandlerContext, r: InstanceRecord, extras?: InstanceViewExtras) {
  const type = instanceTypeInfo(r.instanceType);
  // The image only fills OS fields recorded empty at launch.
  const needImage = !r.osType || !r.osName || !r.osNameEn;
  const image = needImage ? (extras ? extras.image(r.imageId) : imageOf(ctx, r.imageId)) : undefined;
  const status = currentInstanceStatus(r, ctx.now(), ctx.settings.instanceStartSeconds);
  const x = r.extra ?? {};
  return {
    InstanceId: r.id,
    InstanceName: r.name,
    Description: r.description ?? '',
    HostName: r.hostName || r.name.replace(/[^A-Za-z0-9-]/g, '-').toLowerCase(),
    Status: status,
    RegionId: r.regionId,
    ZoneId: r.zoneId,
    ImageId: r.imageId,
    InstanceType: r.instanceType,
    InstanceTypeFamily: type.family,
    Cpu: type.cpu,
    Memory: type.memory,
    OSType: r.osType || image?.osType || 'linux',
    OSName: r.osName || image?.osName || '',
    OSNameEn: r.osNameEn || image?.osNameEn || '',
    CreationTime: r.creationTime,
    StartTime: r.startTime || r.creationTime,
    ExpiredTime: x.expiredTime ?? '2099-12-31T15:59Z',
    ResourceGroupId: r.resourceGroupId,
    InstanceChargeType: r.instanceChargeType || 'PostPaid',
    InternetChargeType: r.internetChargeType || 'PayByTraffic',
    InstanceNetworkType: r.vpcId ? 'vpc' : 'classic',
    InternetMaxBandwidthOut: r.internetMaxBandwidthOut,
    InternetMaxBandwidthIn: bandwidthInOf(r.internetMaxBandwidthOut, x.internetMaxBandwidthIn),
    IoOptimized: true,
    DeletionProtection: r.deletionProtection === true,
    SerialNumber: `${r.id}-serial`,
    StoppedMode: status === 'Stopped' && x.stoppedMode ? x.stoppedMode : 'Not-applicable',
    SpotStrategy: x.spotStrategy ?? 'NoSpot',
    SpotPriceLimit: x.spotPriceLimit ?? 0,
    KeyPairName: x.keyPairName ?? '',
    DeploymentSetId: x.deploymentSetId ?? '',
    DeploymentSetGroupNo: x.deploymentSetGroupNo ?? 0,
    HpcClusterId: x.hpcClusterId ?? '',
    CreditSpecification: x.creditSpecification ?? '',
    AutoReleaseTime: x.autoReleaseTime ?? '',
    SpotDuration: x.spotDuration ?? 0,
    SpotInterruptionBehavior: x.spotInterruptionBehavior ?? '',
    CpuOptions: cpuOptionsView(r.instanceType, x),
    ImageOptions: { LoginAsNonRoot: x.loginAsNonRoot === true },
    MetadataOptions: {
      HttpEndpoint: x.httpEndpoint ?? 'enabled',
      HttpTokens: x.httpTokens ?? 'optional',
      HttpPutResponseHopLimit: x.httpPutResponseHopLimit ?? 1,
    },
    DeviceAvailable: true,
    OperationLocks: { LockReason: r.locks.map((l) => ({ LockReason: l.lockReason, LockMsg: l.lockMsg ?? '' })) },
    SecurityGroupIds: { SecurityGroupId: r.securityGroupIds },
    VpcAttributes: {
      VpcId: r.vpcId,
      VSwitchId: r.vSwitchId,
      NatIpAddress: '',
      PrivateIpAddress: { IpAddress: r.privateIp ? [r.privateIp] : [] },
    },
    InnerIpAddress: { IpAddress: [] },
    PublicIpAddress: { IpAddress: r.publicIp ? [r.publicIp] : [] },
    EipAddress: { AllocationId: '', IpAddress: '', InternetChargeType: '', Bandwidth: 0 },
    NetworkInterfaces: {
      NetworkInterface: [
        {
          NetworkInterfaceId: primaryEniId(r.id),
          Type: 'Primary',
          PrimaryIpAddress: r.privateIp ?? '',
          PrivateIpSets: {
            PrivateIpSet: [
              ...(r.privateIp ? [{ PrivateIpAddress: r.privateIp, Primary: true }] : []),
              ...(x.secondaryIps ?? []).map((ip) => ({ PrivateIpAddress: ip, Primary: false })),
            ],
          },
          Ipv6Sets: { Ipv6Set: (x.ipv6s ?? []).map((ip) => ({ Ipv6Address: ip })) },
        },
        ...secondaryInterfaceItems(r),
      ],
    },
    Tags: {
      Tag: (extras?.tags ?? getTags(ctx.db, ctx.account.accountId, 'instance', r.id)).map((t) => ({ TagKey: t.key, TagValue: t.value })),
    },
  };
}

/** DescribeInstances: the account's instances in the region, filtered and paged (newest first). */
export const describeInstances: HandlerOf<typeof describeInstancesSpec> = (ctx, input) => {
  const q = {
    accountId: ctx.account.accountId,
    regionId: ctx.regionId,
    now: ctx.now().getTime(),
    transitionSeconds: ctx.settings.instanceStartSeconds,
    ids: input.InstanceIds,
    imageId: input.ImageId,
    zoneId: input.ZoneId,
    resourceGroupId: input.ResourceGroupId,
    vpcId: input.VpcId,
    vSwitchId: input.VSwitchId,
    instanceType: input.InstanceType,
    status: input.Status,
    name: input.InstanceName,
    securityGroupId: input.SecurityGroupId,
    lockReason: input.LockReason,
    tags: input.Tag ?? [],
  };
  // Count first (NextToken is checked against it), then fetch only the page.
  const list = queryInstances(ctx.db, q);
  const total = list.total;
  const w = pageWindow(total, input);
  const page = instancesByIds(ctx.db, list.ids(w.offset, w.limit));
  const tags = getTagsOfMany(
    ctx.db,
    'instance',
    page.map((r) => ({ accountId: ctx.account.accountId, resourceId: r.id })),
  );
  const images = new Map<string, ImageOs | undefined>();
  const image = (id: string) => {
    if (!images.has(id)) images.set(id, imageOf(ctx, id));
    return images.get(id);
  };
  return {
    TotalCount: total,
    PageNumber: w.pageNumber,
    PageSize: w.pageSize,
    NextToken: w.nextToken,
    Instances: { Instance: page.map((r) => instanceView(ctx, r, { tags: tags.get(`${ctx.account.accountId}/${r.id}`) ?? [], image })) },
  };
};
