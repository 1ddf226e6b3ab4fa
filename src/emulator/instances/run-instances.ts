import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import { minuteTime } from '../core/time.js';
import type { runInstancesSpec } from '../../spec/ecs/instance-lifecycle.js';
import { withClientToken } from '../db/client-tokens.js';
import { resolveResourceGroup } from '../resource-groups/repository.js';
import { setTags } from '../tags/repository.js';
import { tagsFromInput } from '../tags/validate.js';
import { checkHostName, checkInstanceName, checkPassword, publicIpFor } from './lifecycle-common.js';
import { insertInstance, type InstanceExtra } from './repository.js';
import { launchIpv6s } from './ipv6-addresses.js';
import { checkPeriod, subscriptionExpiry } from './modify-instance-charge-type.js';
import { launchOptions } from './launch-options.js';
import { planInterfaces, splitInterfaces } from './network-interfaces.js';
import { hardwareOptions } from './hardware-options.js';
import { launchDeployment, launchHpcCluster, privatePoolOptions } from './placement.js';
import { allocatePrivateIps, launchDisks, launchImage, launchInstanceType, launchNetwork, type RunInput } from './run-instances-input.js';

/**
 * RunInstances: validates everything (image, network, type, disks, names, password), then
 * creates `Amount` instances (at least `MinAmount`, as many as the vSwitch has addresses for)
 * in status Pending; they become Starting then Running over settings.instanceStartSeconds,
 * derived from the stored timestamp. A repeated ClientToken answers the first result.
 */
export const runInstances: HandlerOf<typeof runInstancesSpec> = (ctx, input) =>
  withClientToken(ctx, 'RunInstances', input.ClientToken, input, () => launch(ctx, input));

function launch(ctx: HandlerContext, raw: RunInput): { InstanceIdSets: { InstanceIdSet: string[] } } {
  const split = splitInterfaces(raw);
  const input = split.input;
  const image = launchImage(ctx, input);
  const net = launchNetwork(ctx, input);
  const instanceType = launchInstanceType(ctx, input, net.zoneId, image);
  const disks = launchDisks(ctx, input, image);
  const name = input.InstanceName;
  if (name !== undefined) checkInstanceName(name);
  const hostName = input.HostName;
  if (hostName !== undefined) checkHostName(hostName);
  const password = input.Password;
  if (password !== undefined) checkPassword(password);
  const chargeType = input.InstanceChargeType || 'PostPaid';
  if (chargeType === 'PrePaid' && input.Period === undefined)
    throw apiError('MissingParameter', 'The input parameter "Period" that is mandatory for InstanceChargeType=PrePaid is not supplied.');
  const term = chargeType === 'PrePaid' ? checkPeriod(input.Period, input.PeriodUnit) : undefined;
  const keyPair = input.KeyPairName;
  if (keyPair !== undefined && !ctx.backend.queries.keyPairs?.find(ctx.db, ctx.account.accountId, ctx.regionId, keyPair))
    throw apiError(
      'InvalidKeyPairName.NotFound',
      `The key pair "${keyPair}" given in KeyPairName does not exist in region ${ctx.regionId}.`,
    );
  if (chargeType === 'PrePaid' && input.SpotStrategy !== undefined && input.SpotStrategy !== 'NoSpot')
    throw apiError('InvalidParameter', 'SpotStrategy applies to PostPaid instances only.');
  const amount = input.Amount ?? 1;
  const minAmount = input.MinAmount ?? amount;
  if (minAmount > amount) throw apiError('InvalidParameter', `MinAmount (${minAmount}) must not be greater than Amount (${amount}).`);
  const resourceGroupId = resolveResourceGroup(ctx, input.ResourceGroupId, 'InvalidResourceGroup.NotFound');
  const tags = tagsFromInput(input.Tag);
  const ips = allocatePrivateIps(ctx, net.vSwitch, input.PrivateIpAddress, amount, minAmount);
  const options = launchOptions(ctx, input, { chargeType, zoneId: net.zoneId, instanceType, imageOwner: image.ownerAlias });
  const hardware = hardwareOptions(input, instanceType, image.osType);
  const ipv6s = launchIpv6s(ctx, net.vSwitch, input, ips.length);
  const enis = planInterfaces(ctx, split, net, instanceType, ips);
  const deployment = launchDeployment(ctx, input, net.zoneId, ips.length);
  const hpc = launchHpcCluster(ctx, input, instanceType);
  const policies = [input.SystemDisk?.AutoSnapshotPolicyId, ...(input.DataDisk ?? []).map((d) => d.AutoSnapshotPolicyId)];
  policies.forEach((p, i) => {
    if (p !== undefined && !ctx.backend.queries.autoSnapshotPolicies?.exists(ctx.db, ctx.account.accountId, ctx.regionId, p))
      throw apiError(
        'InvalidAutoSnapshotPolicyId.NotFound',
        `The automatic snapshot policy "${p}" given in ${i === 0 ? 'SystemDisk' : `DataDisk.${i}`}.AutoSnapshotPolicyId does not exist in region ${ctx.regionId}.`,
      );
  });
  const pool = privatePoolOptions(input.PrivatePoolOptions, (input.SpotStrategy ?? 'NoSpot') !== 'NoSpot');
  if (input.DryRun === true) throw apiError('DryRunOperation');

  const now = ctx.now();
  const bandwidth = input.InternetMaxBandwidthOut ?? 0;
  const suffix = (n: number) => (input.UniqueSuffix === true && ips.length > 1 ? String(n + 1).padStart(3, '0') : '');
  const ids = ips.map((ip, n) => {
    const id = ctx.newId('i-');
    insertInstance(ctx.db, {
      id,
      accountId: ctx.account.accountId,
      regionId: ctx.regionId,
      zoneId: net.zoneId,
      name: name ? name + suffix(n) : id,
      description: input.Description ?? '',
      instanceType,
      imageId: image.id,
      status: 'Pending',
      statusSince: now.getTime(),
      vpcId: net.vSwitch.vpcId,
      vSwitchId: net.vSwitch.vSwitchId,
      privateIp: ip,
      securityGroupIds: net.securityGroupIds,
      resourceGroupId,
      creationTime: minuteTime(now),
      startTime: minuteTime(now),
      internetMaxBandwidthOut: bandwidth,
      locks: [],
      hostName: hostName ? hostName + suffix(n) : `iZ${id.slice(2)}Z`,
      hasPassword: password !== undefined || options.passwordInherited === true,
      deletionProtection: input.DeletionProtection === true,
      internetChargeType: input.InternetChargeType || 'PayByTraffic',
      instanceChargeType: chargeType,
      publicIp: bandwidth > 0 ? publicIpFor(id) : '',
      platform: image.platform,
      osType: image.osType,
      osName: image.osName,
      osNameEn: image.osNameEn,
      extra: {
        ...launchExtra(ctx, input, term),
        ...options,
        ...hardware,
        ...(ipv6s[n]!.length > 0 ? { ipv6s: ipv6s[n] } : {}),
        ...enis(n),
        ...deployment[n],
        ...hpc,
        ...pool,
      },
    });
    const launched = disks.map((d) => ({ ...d, id: ctx.newId('d-') }));
    ctx.backend.need('disks').launch(
      ctx.db,
      {
        accountId: ctx.account.accountId,
        regionId: ctx.regionId,
        zoneId: net.zoneId,
        instanceId: id,
        resourceGroupId,
        imageId: image.id,
        creationTime: minuteTime(now),
        since: now.getTime(),
      },
      launched,
    );
    launched.forEach((d, i) => {
      const p = policies[i];
      if (p !== undefined) ctx.backend.queries.autoSnapshotPolicies?.apply(ctx.db, p, d.id);
    });
    if (tags.length > 0) setTags(ctx.db, ctx.account.accountId, 'instance', id, tags);
    return id;
  });
  return { InstanceIdSets: { InstanceIdSet: ids } };
}

/** The launch attributes kept in the `extra` column: subscription term, key pair, spot, user data. */
function launchExtra(ctx: HandlerContext, input: RunInput, term: { period: number; unit: string } | undefined): InstanceExtra {
  const spot = input.SpotStrategy ?? 'NoSpot';
  return {
    ...(term
      ? {
          expiredTime: subscriptionExpiry(ctx.now(), term.period, term.unit),
          periodUnit: term.unit,
          renewalStatus: input.AutoRenew === true ? 'AutoRenewal' : 'Normal',
          autoRenewPeriod: input.AutoRenew === true ? (input.AutoRenewPeriod ?? 1) : undefined,
          renewPeriodUnit: input.AutoRenew === true ? term.unit : undefined,
        }
      : {}),
    keyPairName: input.KeyPairName,
    spotStrategy: spot,
    spotPriceLimit: spot === 'SpotWithPriceLimit' ? Number(input.SpotPriceLimit ?? 0) : 0,
    userData: input.UserData,
    securityEnhancementStrategy: input.SecurityEnhancementStrategy,
    httpEndpoint: input.HttpEndpoint,
    httpTokens: input.HttpTokens,
    httpPutResponseHopLimit: input.HttpPutResponseHopLimit,
  };
}
