/**
 * The zones family (product Ecs 2014-05-26): zones, instance types and
 * available resources from a static catalogue (see SEED.md). No tables.
 */
import { pickErrors, type Family } from '../context.js';
import { imagesErrors } from '../../spec/ecs/images.js';
import { zoneActionSpecs, zoneErrorSpecs } from '../../spec/ecs/zones.js';
import * as handlers from './handlers.js';

export const zonesFamily: Family = {
  name: 'zones',
  product: 'Ecs',
  specs: zoneActionSpecs,
  handlers,
  errors: [...zoneErrorSpecs, ...pickErrors(imagesErrors, 'InvalidInstanceType.ValueNotSupported')],
  migrations: [],
};
