import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type { assignPrivateIpAddressesSpec, unassignPrivateIpAddressesSpec } from '../../spec/ecs/private-ips.js';
import { MAX_SECONDARY_PRIVATE_IPS } from '../../spec/ecs/private-ips.js';
import { statusNow } from './lifecycle-common.js';
import { listInstances, primaryEniId, updateInstance, type InstanceRecord } from './repository.js';
import { allocatePrivateIps } from './run-instances-input.js';

/** The instance whose primary interface is `eniId`, while it is Running or Stopped. */
export function interfaceOwner(ctx: HandlerContext, eniId: string): InstanceRecord {
  const inst = eniId.startsWith('eni-')
    ? listInstances(ctx.db, ctx.account.accountId, ctx.regionId).find((i) => primaryEniId(i.id) === eniId)
    : undefined;
  if (!inst)
    throw apiError(
      'InvalidEniId.NotFound',
      `The network interface "${eniId}" given in NetworkInterfaceId does not exist in region ${ctx.regionId}.`,
    );
  const status = statusNow(ctx, inst);
  if (status !== 'Running' && status !== 'Stopped')
    throw apiError(
      'InvalidOperation.InvalidEniState',
      `The instance "${inst.id}" of "${eniId}" is ${status}; addresses change only while Running or Stopped.`,
    );
  return inst;
}

/**
 * AssignPrivateIpAddresses: the given addresses (free, inside the interface's vSwitch CIDR) or
 * SecondaryPrivateIpAddressCount free ones (exactly one of the two) join the interface's secondary
 * addresses, up to {@link MAX_SECONDARY_PRIVATE_IPS}. All are checked before anything changes.
 */
export const assignPrivateIpAddresses: HandlerOf<typeof assignPrivateIpAddressesSpec> = (ctx, input) => {
  const inst = interfaceOwner(ctx, input.NetworkInterfaceId);
  const given = input.PrivateIpAddress ?? [];
  const count = input.SecondaryPrivateIpAddressCount;
  if (given.length > 0 === (count !== undefined))
    throw apiError('InvalidParameter', 'Give either PrivateIpAddress.N or SecondaryPrivateIpAddressCount, not both and not neither.');
  const current = inst.extra?.secondaryIps ?? [];
  const adding = given.length > 0 ? given.length : count!;
  if (current.length + adding > MAX_SECONDARY_PRIVATE_IPS)
    throw apiError(
      'InvalidOperation.Ipv4CountExceeded',
      `The network interface already holds ${current.length} secondary address(es); ${adding} more would exceed ${MAX_SECONDARY_PRIVATE_IPS}.`,
    );
  if (new Set(given).size !== given.length)
    throw apiError('InvalidPrivateIpAddress.Duplicated', 'PrivateIpAddress.N lists an address twice.');
  const vsw = ctx.backend.queries.vpc?.findVSwitch(ctx.db, ctx.account.accountId, inst.regionId, inst.vSwitchId);
  if (!vsw) throw new Error(`emulator bug: instance ${inst.id} is in unknown vSwitch ${inst.vSwitchId}`);
  const added =
    given.length > 0
      ? given.flatMap((ip) => allocatePrivateIps(ctx, vsw, ip, 1, 1))
      : allocatePrivateIps(ctx, vsw, undefined, count!, count!);
  updateInstance(ctx.db, inst.id, { extra: { ...inst.extra, secondaryIps: [...current, ...added] } });
  return { AssignedPrivateIpAddressesSet: { NetworkInterfaceId: input.NetworkInterfaceId, PrivateIpSet: { PrivateIpAddress: added } } };
};

/** UnassignPrivateIpAddresses: every listed address must be a secondary address of the interface. */
export const unassignPrivateIpAddresses: HandlerOf<typeof unassignPrivateIpAddressesSpec> = (ctx, input) => {
  const inst = interfaceOwner(ctx, input.NetworkInterfaceId);
  const current = inst.extra?.secondaryIps ?? [];
  const missing = input.PrivateIpAddress.find((ip) => !current.includes(ip));
  if (missing !== undefined)
    throw apiError('InvalidIp.Address.NotFound', `"${missing}" is not a secondary private address of "${input.NetworkInterfaceId}".`);
  updateInstance(ctx.db, inst.id, { extra: { ...inst.extra, secondaryIps: current.filter((ip) => !input.PrivateIpAddress.includes(ip)) } });
  return {};
};
