/**
 * DescribeImages in SQL: visibility, every filter, the derived status, ordering, COUNT(*) and
 * paging run inside SQLite, so a request handles only its page's rows in JS however many images
 * are stored. The status conditions restate model.ts `imageState` on the stored timestamps and
 * the injected now (same double arithmetic as JS, so both always agree).
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statements.js';
import { ANY_REGION, PUBLIC_ACCOUNT } from './repository.js';
import type { ImageStatus } from './model.js';

/** What DescribeImages asks for, already validated. */
export interface ImageQuery {
  accountId: number;
  regionId: string;
  /** ms since epoch of the injected clock. */
  now: number;
  ownerAlias?: string;
  ids?: readonly string[];
  statuses: ReadonlySet<string>;
  usable?: boolean;
  /** ms an image stays Available before it is Usable (settings.imageUsableLagSeconds). */
  usableLagMs?: number;
  /** Case-insensitive substring of the name (JS toLowerCase semantics). */
  nameContains?: string;
  family?: string;
  architecture?: string;
  osType?: string;
  resourceGroupId?: string;
  snapshotId?: string;
  /** `InstanceType`: images of these architectures and boot modes only. */
  bootableBy?: { architectures: readonly string[]; bootModes: readonly string[] };
  /** Every stored image runs on I/O optimized instances and supports cloud-init: a `false` filter matches none. */
  noneSupported?: boolean;
  isPublic?: boolean;
  ownerId?: number;
  createdFrom?: number;
  createdTo?: number;
  /** `Usage` filter, with the ids of the images the account's instances run. */
  usage?: { value: string; inUse: readonly string[] };
  /** Tag filters; a missing or empty value matches any value of the key. */
  tags: readonly { key: string; value?: string }[];
}

const DONE = '(:now - created_at >= create_seconds * 1000)';
const STATUS_SQL: Record<ImageStatus, string> = {
  Available: `(${DONE} AND fail = 0 AND deprecated = 0)`,
  Deprecated: `(${DONE} AND fail = 0 AND deprecated = 1)`,
  CreateFailed: `(${DONE} AND fail = 1)`,
  Waiting: `(NOT ${DONE} AND :now - created_at < create_seconds * 1000 * 0.1)`,
  Creating: `(NOT ${DONE} AND :now - created_at >= create_seconds * 1000 * 0.1)`,
  UnAvailable: '0',
};
const USABLE_SQL = `(:now - created_at >= create_seconds * 1000 + :lag AND fail = 0)`;

const functionsOn = new WeakSet<Database.Database>();
/** The filter conditions (all but visibility) and their named arguments. */
function where(db: Database.Database, q: ImageQuery): { sql: string; args: Record<string, unknown> } {
  const conds: string[] = [];
  const args: Record<string, unknown> = {
    now: q.now,
    lag: q.usableLagMs ?? 0,
    account: q.accountId,
    region: q.regionId,
    public: PUBLIC_ACCOUNT,
    anyRegion: ANY_REGION,
  };
  const bind = (name: string, v: unknown) => {
    args[name] = v;
    return `:${name}`;
  };
  if (q.ids) conds.push(`id IN (SELECT value FROM json_each(${bind('ids', JSON.stringify(q.ids))}))`);
  conds.push(`(${[...q.statuses].map((s) => STATUS_SQL[s as ImageStatus] ?? '0').join(' OR ') || '0'})`);
  if (q.usable !== undefined) conds.push(q.usable ? USABLE_SQL : `NOT ${USABLE_SQL}`);
  if (q.nameContains !== undefined) {
    if (!functionsOn.has(db)) {
      // JS lower-casing, not SQLite's ASCII-only lower(), so non-ASCII names match as before.
      db.function('emulator_icontains', { deterministic: true }, (hay: unknown, needle: unknown) =>
        String(hay).toLowerCase().includes(String(needle)) ? 1 : 0,
      );
      functionsOn.add(db);
    }
    conds.push(`emulator_icontains(name, ${bind('name', q.nameContains)})`);
  }
  const eq = (col: string, name: string, v: string | undefined) => {
    if (v !== undefined) conds.push(`${col} = ${bind(name, v)}`);
  };
  eq('family', 'family', q.family);
  eq('architecture', 'arch', q.architecture);
  eq('os_type', 'osType', q.osType);
  eq('resource_group_id', 'rg', q.resourceGroupId);
  if (q.snapshotId !== undefined)
    conds.push(
      `EXISTS (SELECT 1 FROM image_disk_mappings m WHERE m.image_id = images.id AND m.snapshot_id = ${bind('snap', q.snapshotId)})`,
    );
  if (q.bootableBy) {
    conds.push(`architecture IN (SELECT value FROM json_each(${bind('archs', JSON.stringify(q.bootableBy.architectures))}))`);
    conds.push(`boot_mode IN (SELECT value FROM json_each(${bind('boots', JSON.stringify(q.bootableBy.bootModes))}))`);
  }
  if (q.noneSupported) conds.push('0');
  if (q.isPublic !== undefined) conds.push(`(account_id = :public OR is_public = 1) = ${bind('isPublic', q.isPublic ? 1 : 0)}`);
  if (q.ownerId !== undefined) conds.push(Number.isFinite(q.ownerId) ? `account_id = ${bind('ownerId', q.ownerId)}` : '0');
  if (q.createdFrom !== undefined) conds.push(`created_at >= ${bind('from', q.createdFrom)}`);
  if (q.createdTo !== undefined) conds.push(`created_at <= ${bind('to', q.createdTo)}`);
  if (q.usage)
    conds.push(
      `id ${q.usage.value === 'instance' ? '' : 'NOT '}IN (SELECT value FROM json_each(${bind('inUse', JSON.stringify(q.usage.inUse))}))`,
    );
  q.tags.forEach((t, n) => {
    const value = t.value === undefined || t.value === '' ? '' : ` AND t.tag_value = ${bind(`tv${n}`, t.value)}`;
    conds.push(
      `EXISTS (SELECT 1 FROM tags t WHERE t.account_id = images.account_id AND t.resource_type = 'image' AND t.resource_id = images.id AND t.tag_key = ${bind(`tk${n}`, t.key)}${value})`,
    );
  });
  return { sql: conds.join(' AND '), args };
}

/**
 * The visible sets, each one range of an index: own images of the region, public ones, and
 * images of other accounts shared with this one in the region. Given ids, `+` keeps the planner
 * on the primary key instead.
 */
function visibility(q: ImageQuery): string[] {
  if (q.ownerAlias === 'marketplace') return [];
  const p = q.ids ? '+' : '';
  const own = `${p}account_id = :account AND ${p}region_id = :region`;
  const pub = `${p}account_id = :public AND ${p}region_id = :anyRegion`;
  const shared = `id IN (SELECT image_id FROM image_shares WHERE account_id = :account) AND ${p}region_id = :region`;
  if (q.ownerAlias === 'system') return [pub];
  if (q.ownerAlias === 'self') return [own];
  if (q.ownerAlias === 'others') return [shared];
  return q.ids ? [`((${own}) OR (${pub}) OR (${shared}))`] : [own, pub, shared];
}

/**
 * TotalCount and the ids of one page (newest CreationTime first, then ImageId). Each visible set
 * is counted and walked in index order separately (an OR would sort every match); the page is
 * then cut from the merge of each set's first offset+limit ids. Load the rows with `imagesByIds`.
 */
export function queryImageIds(db: Database.Database, q: ImageQuery, offset: number, limit: number): { total: number; ids: string[] } {
  const sets = visibility(q);
  if (sets.length === 0) return { total: 0, ids: [] };
  const w = where(db, q);
  const count = sets.map((v) => `(SELECT COUNT(*) FROM images WHERE ${v} AND ${w.sql})`).join(' + ');
  const total = (cachedStatement(db, `SELECT ${count} AS n`).get(w.args) as { n: number }).n;
  if (offset >= total) return { total, ids: [] };
  const order = 'ORDER BY created_at DESC, id';
  const sql =
    sets.length === 1
      ? `SELECT id FROM images WHERE ${sets[0]} AND ${w.sql} ${order} LIMIT :limit OFFSET :offset`
      : `SELECT id FROM (${sets.map((v) => `SELECT * FROM (SELECT id, created_at FROM images WHERE ${v} AND ${w.sql} ${order} LIMIT :end)`).join(' UNION ALL ')}) ${order} LIMIT :limit OFFSET :offset`;
  const ids = (cachedStatement(db, sql).all({ ...w.args, limit, offset, end: offset + limit }) as { id: string }[]).map((r) => r.id);
  return { total, ids };
}
