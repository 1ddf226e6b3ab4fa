/**
 * Where new members of a deployment set go, by its strategy: Availability and LowLatency hold up
 * to 20 instances per zone; AvailabilityGroup up to 20 per group and zone, a new instance joining
 * the asked group or else the emptiest (the lowest number on a tie).
 */
import { apiError } from '../context.js';
import { DEPLOYMENT_SET_ZONE_CAPACITY as CAP } from '../../spec/ecs/deployment-sets.js';
import type { DeploymentSetRecord } from './repository.js';

/** An instance of a deployment set (group 0 when the strategy has no groups). */
export interface DeploymentSetMember {
  instanceId: string;
  zoneId: string;
  groupNo: number;
}

/** The group numbers of `amount` new members in `zoneId`; throws the ECS error when they do not fit. */
export function placeMembers(
  set: DeploymentSetRecord,
  zoneId: string,
  amount: number,
  members: readonly DeploymentSetMember[],
  groupNo: number | undefined,
): number[] {
  const inZone = members.filter((m) => m.zoneId === zoneId);
  const full = (where: string, held: number) =>
    apiError(
      'QuotaExceed.DeploymentSetInstanceQuotaFull',
      `Deployment set ${set.id} already holds ${held} of its ${CAP} instances ${where} in zone ${zoneId}; ${amount} more do not fit.`,
    );
  if (set.strategy !== 'AvailabilityGroup') {
    if (groupNo !== undefined)
      throw apiError(
        'InvalidParameter.DeploymentSetGroupNo',
        `DeploymentSetGroupNo applies to AvailabilityGroup deployment sets only; ${set.id} uses ${set.strategy}.`,
      );
    if (inZone.length + amount > CAP) throw full('', inZone.length);
    return Array.from({ length: amount }, () => 0);
  }
  if (groupNo !== undefined && groupNo > set.groupCount)
    throw apiError('InvalidParameter.DeploymentSetGroupNo', `Deployment set ${set.id} has groups 1 to ${set.groupCount}, not ${groupNo}.`);
  const counts = Array.from({ length: set.groupCount + 1 }, (_, g) => inZone.filter((m) => m.groupNo === g).length);
  return Array.from({ length: amount }, () => {
    let g = groupNo ?? 1;
    if (groupNo === undefined) for (let c = 2; c <= set.groupCount; c++) if (counts[c]! < counts[g]!) g = c;
    if (counts[g]! >= CAP) throw full(`in group ${g}`, counts[g]!);
    counts[g]!++;
    return g;
  });
}
