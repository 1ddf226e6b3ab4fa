/**
 * Elastic network interfaces of instances. Every instance has a primary interface (`eni-` + the
 * instance id's tail, see {@link primaryEniId}); RunInstances `NetworkInterface.N` may set its
 * options (one `Primary` entry, which then carries the vSwitch, security groups and addresses in
 * place of the top-level parameters) and create secondary interfaces (`Secondary`, the default)
 * that live in the instance's `extra` and are released with it. DescribeNetworkInterfaces lists
 * both kinds (status `InUse`), DescribeInstances lists them under NetworkInterfaces.
 * Rules: 1 + secondaries at most the type's ENI quota; a secondary's vSwitch (default the
 * instance's) in the instance's zone and VPC, its security groups (default the instance's) in that
 * VPC; `HighPerformance` (ERI) only on the types listed in {@link ERI_FAMILIES}; `QueuePairNumber`
 * only for HighPerformance interfaces, at most the type's vCPUs; `NetworkCardIndex` 0 (the
 * catalogue's types have one physical card); no IPv6 on a secondary entry.
 */
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import { pageCounts, paginate } from '../core/paging.js';
import type { describeNetworkInterfacesSpec } from '../../spec/ecs/network-interfaces.js';
import { findInstanceType } from '../zones/catalogue.js';
import { listInstances, primaryEniId, type EniOptions, type InstanceRecord, type SecondaryEni } from './repository.js';
import { allocatePrivateIps, type LaunchNetwork, type RunInput } from './run-instances-input.js';

/** Families whose types take an Elastic RDMA Interface (traffic mode HighPerformance). */
export const ERI_FAMILIES: readonly string[] = ['ecs.g8i'];

type Entry = NonNullable<RunInput['NetworkInterface']>[number];

/** RunInstances input with a Primary entry's network parameters moved to the top level, and the remaining entries. */
export interface SplitInterfaces {
  input: RunInput;
  primary?: Entry;
  secondaries: Entry[];
}

/** Splits NetworkInterface.N into the primary entry (lifted into the top-level parameters) and the secondary ones. */
export function splitInterfaces(raw: RunInput): SplitInterfaces {
  const entries = raw.NetworkInterface ?? [];
  const primaries = entries.filter((e) => e.InstanceType === 'Primary');
  const secondaries = entries.filter((e) => e.InstanceType !== 'Primary');
  if (primaries.length > 1) throw apiError('InvalidParameter', 'Only one NetworkInterface.N may have InstanceType=Primary.');
  for (const e of secondaries)
    if (e.Ipv6Address !== undefined || e.Ipv6AddressCount !== undefined)
      throw apiError('InvalidParameter', 'NetworkInterface.N.Ipv6Address and Ipv6AddressCount apply to the Primary interface only.');
  const primary = primaries[0];
  if (!primary) return { input: raw, secondaries };
  const topLevel = ['VSwitchId', 'SecurityGroupId', 'SecurityGroupIds', 'PrivateIpAddress', 'Ipv6Address', 'Ipv6AddressCount'] as const;
  const clash = topLevel.find((k) => raw[k] !== undefined);
  if (clash)
    throw apiError(
      'InvalidParameter.Conflict',
      `${clash} cannot be given with a NetworkInterface.N of InstanceType=Primary; give it in that entry instead.`,
    );
  const input: RunInput = {
    ...raw,
    VSwitchId: primary.VSwitchId,
    SecurityGroupId: primary.SecurityGroupId,
    SecurityGroupIds: primary.SecurityGroupIds,
    PrivateIpAddress: primary.PrimaryIpAddress,
    Ipv6Address: primary.Ipv6Address,
    Ipv6AddressCount: primary.Ipv6AddressCount,
  };
  return { input, primary, secondaries };
}

function eniOptions(e: Entry, instanceType: string, where: string): EniOptions {
  const type = findInstanceType(instanceType);
  const trafficMode = e.NetworkInterfaceTrafficMode ?? 'Standard';
  if (trafficMode === 'HighPerformance' && !ERI_FAMILIES.some((f) => instanceType.startsWith(f + '.')))
    throw apiError(
      'InvalidParameter',
      `${where}.NetworkInterfaceTrafficMode=HighPerformance needs an instance type with Elastic RDMA (${ERI_FAMILIES.join(', ')}); "${instanceType}" has none.`,
    );
  if (e.QueuePairNumber !== undefined) {
    if (trafficMode !== 'HighPerformance')
      throw apiError('InvalidParameter', `${where}.QueuePairNumber applies to HighPerformance (RDMA) interfaces only.`);
    const max = type?.cpu ?? 2;
    if (e.QueuePairNumber > max)
      throw apiError('InvalidParameter', `${where}.QueuePairNumber ${e.QueuePairNumber} exceeds ${max}, the vCPUs of "${instanceType}".`);
  }
  if (e.NetworkCardIndex !== undefined && e.NetworkCardIndex !== 0)
    throw apiError(
      'InvalidParameter',
      `${where}.NetworkCardIndex ${e.NetworkCardIndex}: "${instanceType}" has one physical network card (index 0).`,
    );
  return {
    trafficMode,
    ...(e.QueuePairNumber !== undefined ? { queuePairNumber: e.QueuePairNumber } : {}),
    sourceDestCheck: e.SourceDestCheck === true,
    networkCardIndex: 0,
  };
}

/**
 * Checks the interfaces of a launch and picks the secondaries' addresses (none taken by the
 * instances' own `ips`); answers, per launched instance, the `extra` fields to store (ids are made then).
 */
export function planInterfaces(
  ctx: HandlerContext,
  split: SplitInterfaces,
  net: LaunchNetwork,
  instanceType: string,
  ips: readonly string[],
): (n: number) => { primaryEni?: EniOptions; secondaryEnis?: SecondaryEni[] } {
  const primaryEni = split.primary ? eniOptions(split.primary, instanceType, 'NetworkInterface(Primary)') : undefined;
  const quota = findInstanceType(instanceType)?.eni ?? 2;
  if (split.secondaries.length + 1 > quota)
    throw apiError(
      'InvalidOperation.EniCountExceeded',
      `"${instanceType}" holds ${quota} network interfaces; the request asks for 1 primary and ${split.secondaries.length} secondary.`,
    );
  const taken = new Set(ips);
  const perInstance = ips.map(() =>
    split.secondaries.map((e, i) => {
      const where = `NetworkInterface(Secondary ${i + 1})`;
      const vswId = e.VSwitchId ?? net.vSwitch.vSwitchId;
      const vsw = ctx.backend.queries.vpc?.findVSwitch(ctx.db, ctx.account.accountId, ctx.regionId, vswId);
      if (!vsw) throw apiError('InvalidVSwitchId.NotFound', `The vSwitch "${vswId}" given in ${where}.VSwitchId does not exist.`);
      if (vsw.zoneId !== net.zoneId || vsw.vpcId !== net.vSwitch.vpcId)
        throw apiError(
          'InvalidParameter.Mismatch',
          `${where}.VSwitchId "${vswId}" is in ${vsw.zoneId} / ${vsw.vpcId}; the instance is in ${net.zoneId} / ${net.vSwitch.vpcId}.`,
        );
      const sgs = [...new Set(e.SecurityGroupIds ?? (e.SecurityGroupId ? [e.SecurityGroupId] : net.securityGroupIds))];
      for (const id of sgs) {
        const sg = ctx.backend.queries.securityGroups?.find(ctx.db, ctx.account.accountId, ctx.regionId, id);
        if (!sg) throw apiError('InvalidSecurityGroupId.NotFound', `The security group "${id}" given in ${where} does not exist.`);
        if (sg.vpcId !== vsw.vpcId)
          throw apiError('InvalidParameter.Mismatch', `The security group "${id}" given in ${where} is not in VPC "${vsw.vpcId}".`);
      }
      const [ip] = allocatePrivateIps(ctx, vsw, e.PrimaryIpAddress, 1, 1, taken);
      taken.add(ip!);
      return { vSwitchId: vswId, securityGroupIds: sgs, privateIp: ip!, ...eniOptions(e, instanceType, where) };
    }),
  );
  return (n) => ({
    ...(primaryEni ? { primaryEni } : {}),
    ...(perInstance[n]!.length > 0 ? { secondaryEnis: perInstance[n]!.map((e) => ({ id: ctx.newId('eni-'), ...e })) } : {}),
  });
}

/** One interface as DescribeNetworkInterfaces answers it. */
function interfaceViews(inst: InstanceRecord) {
  const primary = inst.extra?.primaryEni;
  const base = (id: string, o: EniOptions | undefined, device: number) => ({
    NetworkInterfaceId: id,
    Status: 'InUse',
    InstanceId: inst.id,
    ZoneId: inst.zoneId,
    VpcId: inst.vpcId,
    MacAddress: macOf(id),
    NetworkInterfaceTrafficMode: o?.trafficMode ?? 'Standard',
    QueuePairNumber: o?.queuePairNumber ?? 0,
    SourceDestCheck: o?.sourceDestCheck ?? false,
    DeleteOnRelease: true,
    CreationTime: inst.creationTime,
    Attachment: { InstanceId: inst.id, DeviceIndex: device, NetworkCardIndex: o?.networkCardIndex ?? 0 },
  });
  return [
    {
      ...base(primaryEniId(inst.id), primary, 0),
      Type: 'Primary',
      VSwitchId: inst.vSwitchId,
      PrivateIpAddress: inst.privateIp ?? '',
      SecurityGroupIds: { SecurityGroupId: inst.securityGroupIds },
    },
    ...(inst.extra?.secondaryEnis ?? []).map((e, i) => ({
      ...base(e.id, e, i + 1),
      Type: 'Secondary',
      VSwitchId: e.vSwitchId,
      PrivateIpAddress: e.privateIp,
      SecurityGroupIds: { SecurityGroupId: e.securityGroupIds },
    })),
  ];
}

/** A stable locally administered MAC address from the interface id. */
function macOf(id: string): string {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const bytes = [0x00, 0x16, 0x3e, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The secondary interfaces of an instance as DescribeInstances lists them after the primary one. */
export function secondaryInterfaceItems(inst: InstanceRecord) {
  return (inst.extra?.secondaryEnis ?? []).map((e) => ({
    NetworkInterfaceId: e.id,
    Type: 'Secondary',
    PrimaryIpAddress: e.privateIp,
    PrivateIpSets: { PrivateIpSet: [{ PrivateIpAddress: e.privateIp, Primary: true }] },
    Ipv6Sets: { Ipv6Set: [] },
  }));
}

/** DescribeNetworkInterfaces: the interfaces of the account's instances in the region, filtered, in instance order, paged. */
export const describeNetworkInterfaces: HandlerOf<typeof describeNetworkInterfacesSpec> = (ctx, input) => {
  const instances = listInstances(ctx.db, ctx.account.accountId, ctx.regionId, input.InstanceId ? { ids: [input.InstanceId] } : {});
  const ids = input.NetworkInterfaceId && input.NetworkInterfaceId.length > 0 ? new Set(input.NetworkInterfaceId) : undefined;
  const all = instances
    .flatMap(interfaceViews)
    .filter(
      (e) =>
        (!ids || ids.has(e.NetworkInterfaceId)) &&
        (input.VpcId === undefined || e.VpcId === input.VpcId) &&
        (input.VSwitchId === undefined || e.VSwitchId === input.VSwitchId) &&
        (input.SecurityGroupId === undefined || e.SecurityGroupIds.SecurityGroupId.includes(input.SecurityGroupId)) &&
        (input.PrimaryIpAddress === undefined || e.PrivateIpAddress === input.PrimaryIpAddress) &&
        (input.Type === undefined || e.Type === input.Type) &&
        (input.Status === undefined || e.Status === input.Status),
    );
  const page = paginate(all, input);
  return {
    ...pageCounts(page),
    NextToken: page.nextToken,
    NetworkInterfaceSets: { NetworkInterfaceSet: page.items },
  };
};
