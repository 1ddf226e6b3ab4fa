/**
 * The regions family: the shared `regions` table, DescribeRegions, and the
 * table the core uses to check every request's `RegionId`.
 */
import type { Family } from '../context.js';
import { regionsSpecs } from '../../spec/ecs/regions.js';
import * as handlers from './handlers.js';
import { insertRegion, regionExists } from './repository.js';
import { customRegion, seedRegions } from './seed-data.js';

export const regionsFamily: Family = {
  name: 'regions',
  product: 'Ecs',
  specs: regionsSpecs,
  handlers,
  migrations: [
    {
      id: '001_regions',
      sql: `CREATE TABLE regions (
        region_id TEXT PRIMARY KEY,
        local_name_zh TEXT NOT NULL,
        local_name_en TEXT NOT NULL,
        region_endpoint TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('available', 'soldOut'))
      )`,
    },
  ],
  regions: { exists: regionExists },
  seed(db, account, settings) {
    if (account !== null) return;
    for (const r of seedRegions) insertRegion(db, r);
    if (!regionExists(db, settings.defaultRegionId)) insertRegion(db, customRegion(settings.defaultRegionId));
  },
};
