/**
 * SLB zone pairs, derived from the zone catalogue (`zones/catalogue.ts`) so they never name a zone
 * ECS does not have. Static and the same for every account (see SEED.md beside this file).
 */
import { zonesOf } from '../zones/catalogue.js';
import type { SLB_ADDRESS_IP_VERSIONS, SLB_ADDRESS_TYPES } from '../../spec/slb/zones.js';

export type AddressType = (typeof SLB_ADDRESS_TYPES)[number];
export type AddressIpVersion = (typeof SLB_ADDRESS_IP_VERSIONS)[number];

/** One load balancer kind a zone pair offers. */
export interface SupportResource {
  AddressType: AddressType;
  AddressIPVersion: AddressIpVersion;
}

export interface ZonePair {
  masterZoneId: string;
  slaveZoneId: string;
  supports: SupportResource[];
}

/**
 * Every ordered pair of two distinct zones of the region (by master, then slave, in catalogue
 * order). Each offers `vpc` and `classic_internet` over IPv4; `classic_intranet` (classic network)
 * only with the region's first, oldest zone as master; `classic_internet` over IPv6 only between
 * two zones that are not the first one (so a region needs three zones to have IPv6).
 */
export function zonePairsOf(regionId: string): ZonePair[] {
  const zones = zonesOf(regionId).map((z) => z.zoneId);
  const first = zones[0];
  return zones.flatMap((master) =>
    zones
      .filter((slave) => slave !== master)
      .map((slave) => ({
        masterZoneId: master,
        slaveZoneId: slave,
        supports: [
          { AddressType: 'vpc', AddressIPVersion: 'ipv4' },
          { AddressType: 'classic_internet', AddressIPVersion: 'ipv4' },
          ...(master === first ? [{ AddressType: 'classic_intranet', AddressIPVersion: 'ipv4' } as const] : []),
          ...(master !== first && slave !== first ? [{ AddressType: 'classic_internet', AddressIPVersion: 'ipv6' } as const] : []),
        ],
      })),
  );
}
