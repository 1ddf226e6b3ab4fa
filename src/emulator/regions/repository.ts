/** SQL for the shared `regions` table (the only place region rows are read or written). */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statements.js';

export interface RegionRecord {
  regionId: string;
  localNameZh: string;
  localNameEn: string;
  regionEndpoint: string;
  status: 'available' | 'soldOut';
}

interface RegionRow {
  region_id: string;
  local_name_zh: string;
  local_name_en: string;
  region_endpoint: string;
  status: 'available' | 'soldOut';
}

const fromRow = (r: RegionRow): RegionRecord => ({
  regionId: r.region_id,
  localNameZh: r.local_name_zh,
  localNameEn: r.local_name_en,
  regionEndpoint: r.region_endpoint,
  status: r.status,
});

/** True when the region is known to the emulator (the core's `RegionId` check). */
export function regionExists(db: Database.Database, regionId: string): boolean {
  return cachedStatement(db, 'SELECT 1 FROM regions WHERE region_id = ?').get(regionId) !== undefined;
}

export function listRegions(db: Database.Database): RegionRecord[] {
  return (db.prepare('SELECT * FROM regions ORDER BY rowid').all() as RegionRow[]).map(fromRow);
}

/** Insert a region unless it exists (seeding is idempotent). */
export function insertRegion(db: Database.Database, r: RegionRecord): void {
  db.prepare(
    `INSERT OR IGNORE INTO regions (region_id, local_name_zh, local_name_en, region_endpoint, status)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(r.regionId, r.localNameZh, r.localNameEn, r.regionEndpoint, r.status);
}
