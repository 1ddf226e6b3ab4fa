/**
 * SLB (Server Load Balancer, 2014-05-15) action table: DescribeAvailableResource, the zone pairs
 * (master, slave) where a load balancer of an address type and IP version can be created.
 *
 * There is no official `@alicloud/slb20140515` package on the npm registry, so the names, types
 * and allowed values below come from the SLB API reference (DescribeAvailableResource) and the SDK
 * models Alibaba publishes for other languages; `src/spec/sdk-models.test.ts` exempts this product.
 */
import type { ActionSpec, ErrorSpec } from '../ecs/types.js';
import { defineAction } from '../ecs/infer.js';
import { r } from '../ecs/shape.js';
import { ownerParams, regionParam } from '../vpc/params.js';

export const SLB_PRODUCT = 'Slb';
export const SLB_VERSION = '2014-05-15';

/** `AddressType`: `vpc` (internal, in a VPC), `classic_internet` (public), `classic_intranet` (internal, classic network). */
export const SLB_ADDRESS_TYPES = ['vpc', 'classic_internet', 'classic_intranet'] as const;
/** `AddressIPVersion`. */
export const SLB_ADDRESS_IP_VERSIONS = ['ipv4', 'ipv6'] as const;

export const describeSlbAvailableResourceSpec = defineAction({
  product: SLB_PRODUCT,
  version: SLB_VERSION,
  action: 'DescribeAvailableResource',
  params: [
    regionParam(),
    {
      name: 'AddressType',
      kind: 'scalar',
      type: 'string',
      enum: SLB_ADDRESS_TYPES,
      description: 'Only zone pairs offering this address type (network) of load balancer.',
    },
    {
      name: 'AddressIPVersion',
      kind: 'scalar',
      type: 'string',
      enum: SLB_ADDRESS_IP_VERSIONS,
      description: 'Only zone pairs offering load balancers of this IP version.',
    },
    ...ownerParams,
  ],
  response: r.response({
    ...r.defaults({
      AvailableResources: r.list(
        'AvailableResource',
        r.object({
          MasterZoneId: r.string,
          SlaveZoneId: r.string,
          ...r.defaults({
            SupportResources: r.list('SupportResource', r.object({ AddressType: r.string, AddressIPVersion: r.string })),
          }),
        }),
      ),
    }),
  }),
});

export const slbZoneActionSpecs: readonly ActionSpec[] = [describeSlbAvailableResourceSpec];

/** No SLB-specific code: a bad `AddressType` or `AddressIPVersion` gets the common `InvalidParameter` (a guess; the API reference lists no code for them). */
export const slbZoneErrorSpecs: readonly ErrorSpec[] = [];
