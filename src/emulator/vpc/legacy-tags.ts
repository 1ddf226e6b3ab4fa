/**
 * Databases written before VPC tags moved to the shared tags table kept them as JSON in
 * `vpcs.tags` / `vswitches.tags`. This moves any such rows over (run at every start from the
 * seed; idempotent: moved rows are left with `[]`).
 */
import type Database from 'better-sqlite3';
import { upsertTags } from '../tags/repository.js';
import { VPC_TAG_TYPE, VSWITCH_TAG_TYPE, type TagPair } from './repository.js';

export function moveLegacyNetworkTags(db: Database.Database): void {
  for (const [table, idColumn, type] of [
    ['vpcs', 'vpc_id', VPC_TAG_TYPE],
    ['vswitches', 'vswitch_id', VSWITCH_TAG_TYPE],
  ] as const) {
    const rows = db.prepare(`SELECT ${idColumn} AS id, account_id AS accountId, tags FROM ${table} WHERE tags <> '[]'`).all() as {
      id: string;
      accountId: number;
      tags: string;
    }[];
    for (const r of rows) {
      const pairs = JSON.parse(r.tags) as TagPair[];
      upsertTags(
        db,
        r.accountId,
        type,
        r.id,
        pairs.map((t) => ({ key: t.Key, value: t.Value })),
      );
      db.prepare(`UPDATE ${table} SET tags = '[]' WHERE ${idColumn} = ?`).run(r.id);
    }
  }
}
