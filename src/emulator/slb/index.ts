/**
 * The SLB family (product Slb 2014-05-15): DescribeAvailableResource, the master/slave zone pairs
 * where a load balancer can be created, derived from the zone catalogue. No tables.
 */
import type { Family } from '../context.js';
import { slbZoneActionSpecs, slbZoneErrorSpecs } from '../../spec/slb/zones.js';
import * as handlers from './handlers.js';

export const slbFamily: Family = {
  name: 'slb',
  product: 'Slb',
  specs: slbZoneActionSpecs,
  handlers,
  errors: slbZoneErrorSpecs,
  migrations: [],
};
