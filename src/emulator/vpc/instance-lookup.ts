/** Instances that still use a network resource (the instances table belongs to instances/ and may be absent in unit tests). */
import type Database from 'better-sqlite3';
import { listInstances, type InstanceFilter } from '../instances/repository.js';

export function instanceIdsUsing(db: Database.Database, accountId: number, regionId: string, filter: InstanceFilter): string[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'instances'").get();
  return table ? listInstances(db, accountId, regionId, filter).map((i) => i.id) : [];
}
