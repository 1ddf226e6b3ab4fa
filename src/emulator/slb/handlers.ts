/** Handler of SLB DescribeAvailableResource, answered from the zone pairs of `zone-pairs.ts`. */
import type { HandlerOf } from '../context.js';
import type { describeSlbAvailableResourceSpec } from '../../spec/slb/zones.js';
import { zonePairsOf } from './zone-pairs.js';

/**
 * The pairs offering a load balancer of the requested address type and IP version (each filter
 * optional), each listing only the kinds that match, as the API does: a pair with none is left out.
 */
export const describeAvailableResource: HandlerOf<typeof describeSlbAvailableResourceSpec> = (ctx, input) => ({
  AvailableResources: {
    AvailableResource: zonePairsOf(ctx.regionId).flatMap((pair) => {
      const kinds = pair.supports.filter(
        (s) =>
          (input.AddressType === undefined || s.AddressType === input.AddressType) &&
          (input.AddressIPVersion === undefined || s.AddressIPVersion === input.AddressIPVersion),
      );
      return kinds.length === 0
        ? []
        : [{ MasterZoneId: pair.masterZoneId, SlaveZoneId: pair.slaveZoneId, SupportResources: { SupportResource: kinds } }];
    }),
  },
});
