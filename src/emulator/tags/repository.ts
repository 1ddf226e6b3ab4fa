/**
 * Tags of any taggable resource, keyed by account, ECS resource type (`image`, `instance`,
 * `snapshot`, `securitygroup`, ...) and resource id. Insertion order is kept so responses are
 * stable. Families make their resources taggable through TagResources with their `Family.taggable`.
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statements.js';
import { Where } from '../db/list-sql.js';

export interface Tag {
  key: string;
  value: string;
}

/** Maximum tags on one resource (ecs-api.md 3.5). */
export const MAX_TAGS_PER_RESOURCE = 20;

/** Tags of one resource in insertion order (an unknown resource simply has none). */
export function getTags(db: Database.Database, accountId: number, resourceType: string, resourceId: string): Tag[] {
  return db
    .prepare(
      'SELECT tag_key AS key, tag_value AS value FROM tags WHERE account_id = ? AND resource_type = ? AND resource_id = ? ORDER BY seq',
    )
    .all(accountId, resourceType, resourceId) as Tag[];
}

/** The `Tags` object of a Describe* answer. */
export const tagSet = (tags: readonly Tag[]) => ({ Tag: tags.map((t) => ({ TagKey: t.key, TagValue: t.value })) });

/** The tags of resources of one account in one query, looked up by resource id (empty for none). */
export function accountTags(
  db: Database.Database,
  resourceType: string,
  accountId: number,
  resourceIds: readonly string[],
): (resourceId: string) => Tag[] {
  const tags = getTagsOfMany(
    db,
    resourceType,
    resourceIds.map((resourceId) => ({ accountId, resourceId })),
  );
  return (resourceId) => tags.get(`${accountId}/${resourceId}`) ?? [];
}

/**
 * Tags of many resources of one type in one query, keyed `accountId/resourceId`, each list in
 * insertion order (Describe* pages load their tags this way).
 */
export function getTagsOfMany(
  db: Database.Database,
  resourceType: string,
  refs: readonly { accountId: number; resourceId: string }[],
): Map<string, Tag[]> {
  const out = new Map<string, Tag[]>();
  if (refs.length === 0) return out;
  const wanted = new Set(refs.map((r) => `${r.accountId}/${r.resourceId}`));
  const rows = cachedStatement(
    db,
    `SELECT account_id AS accountId, resource_id AS resourceId, tag_key AS key, tag_value AS value FROM tags
    WHERE resource_type = ? AND account_id IN (SELECT value FROM json_each(?)) AND resource_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
  ).all(resourceType, JSON.stringify([...new Set(refs.map((r) => r.accountId))]), JSON.stringify(refs.map((r) => r.resourceId))) as {
    accountId: number;
    resourceId: string;
    key: string;
    value: string;
  }[];
  for (const r of rows) {
    const k = `${r.accountId}/${r.resourceId}`;
    if (!wanted.has(k)) continue;
    const list = out.get(k) ?? [];
    list.push({ key: r.key, value: r.value });
    out.set(k, list);
  }
  return out;
}

/** Replace every tag of a resource (an empty list removes them all). */
export function setTags(db: Database.Database, accountId: number, resourceType: string, resourceId: string, tags: readonly Tag[]): void {
  db.prepare('DELETE FROM tags WHERE account_id = ? AND resource_type = ? AND resource_id = ?').run(accountId, resourceType, resourceId);
  upsertTags(db, accountId, resourceType, resourceId, tags);
}

/** Add or overwrite the given keys, keeping the position of keys that already exist. */
export function upsertTags(db: Database.Database, accountId: number, resourceType: string, resourceId: string, tags: readonly Tag[]): void {
  const upd = db.prepare('UPDATE tags SET tag_value = ? WHERE account_id = ? AND resource_type = ? AND resource_id = ? AND tag_key = ?');
  const ins = db.prepare('INSERT INTO tags (account_id, resource_type, resource_id, tag_key, tag_value) VALUES (?, ?, ?, ?, ?)');
  for (const t of tags) {
    if (upd.run(t.value, accountId, resourceType, resourceId, t.key).changes === 0)
      ins.run(accountId, resourceType, resourceId, t.key, t.value);
  }
}

/** Remove the given keys (unknown keys are ignored), or every tag when `keys` is 'all'. */
export function removeTags(
  db: Database.Database,
  accountId: number,
  resourceType: string,
  resourceId: string,
  keys: readonly string[] | 'all',
): void {
  if (keys === 'all') {
    db.prepare('DELETE FROM tags WHERE account_id = ? AND resource_type = ? AND resource_id = ?').run(accountId, resourceType, resourceId);
    return;
  }
  const del = db.prepare('DELETE FROM tags WHERE account_id = ? AND resource_type = ? AND resource_id = ? AND tag_key = ?');
  for (const k of keys) del.run(accountId, resourceType, resourceId, k);
}

/** Every tag row of a resource type in the account, ordered by resource then insertion (ListTagResources). */
export function listTagRows(
  db: Database.Database,
  accountId: number,
  resourceType: string,
): { resourceId: string; key: string; value: string }[] {
  return db
    .prepare(
      'SELECT resource_id AS resourceId, tag_key AS key, tag_value AS value FROM tags WHERE account_id = ? AND resource_type = ? ORDER BY resource_id, seq',
    )
    .all(accountId, resourceType) as { resourceId: string; key: string; value: string }[];
}

export interface TagRow {
  resourceId: string;
  key: string;
  value: string;
}

/**
 * One `TagFilter.N` of ListTagResources: a resource matches when one of its tags has a key
 * containing `key` and (if `values` is non-empty) a value containing one of `values`.
 */
export interface FuzzyTagFilter {
  key: string;
  values: readonly string[];
}

/**
 * ListTagResources in SQL: the tag rows of a resource type in the account (optionally only of
 * `resourceIds`, and only of resources carrying every `filter` tag and matching every `fuzzy`
 * filter), by resource then insertion.
 * Counted now; any window loaded on demand over the `tags_listing` index.
 */
export function tagRowListing(
  db: Database.Database,
  accountId: number,
  resourceType: string,
  resourceIds: readonly string[],
  filter: readonly { Key?: string; Value?: string }[],
  fuzzy: readonly FuzzyTagFilter[] = [],
): { total: number; rows(offset: number, limit: number): TagRow[] } {
  const w = new Where();
  w.add(`account_id = ${w.bind(accountId)}`).add(`resource_type = ${w.bind(resourceType)}`);
  if (resourceIds.length > 0) w.inList('resource_id', resourceIds);
  // A filter without Key matches no resource here (the handler refuses one with only a Value).
  if (filter.some((f) => f.Key === undefined)) w.add('0');
  w.tags(resourceType, 'tags.resource_id', 'tags.account_id', filter);
  for (const f of fuzzy) {
    // instr() is a case-sensitive substring test, unlike LIKE (case-insensitive, with wildcards).
    const values = f.values.length === 0 ? '' : ` AND (${f.values.map((v) => `instr(t.tag_value, ${w.bind(v)}) > 0`).join(' OR ')})`;
    w.add(
      `EXISTS (SELECT 1 FROM tags t WHERE t.account_id = tags.account_id AND t.resource_type = ${w.bind(resourceType)} AND t.resource_id = tags.resource_id` +
        ` AND instr(t.tag_key, ${w.bind(f.key)}) > 0${values})`,
    );
  }
  const total = (cachedStatement(db, `SELECT COUNT(*) AS n FROM tags WHERE ${w.sql}`).get(w.args) as { n: number }).n;
  return {
    total,
    rows: (offset, limit) =>
      limit <= 0 || offset >= total
        ? []
        : (cachedStatement(
            db,
            `SELECT resource_id AS resourceId, tag_key AS key, tag_value AS value FROM tags
      WHERE ${w.sql} ORDER BY resource_id, seq LIMIT :limit OFFSET :offset`,
          ).all({ ...w.args, limit, offset }) as TagRow[]),
  };
}

/**
 * True when the resource carries every filter tag (a filter with an empty or absent value
 * matches any value of that key). Used by the Describe* handlers.
 */
export function matchesTagFilter(tags: readonly Tag[], filter: readonly { Key?: string; Value?: string }[]): boolean {
  return filter.every(
    (f) => f.Key === undefined || tags.some((t) => t.key === f.Key && (f.Value === undefined || f.Value === '' || t.value === f.Value)),
  );
}
