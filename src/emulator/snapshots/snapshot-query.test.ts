import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../index.js';
import { getTags, matchesTagFilter } from '../tags/repository.js';
import { imagesUsingSnapshot } from '../images/repository.js';
import { querySnapshots, snapshotsInUse, type SnapshotQuery } from './snapshot-query.js';
import { findSnapshotAnyRegion, insertSnapshot, listSnapshots, snapshotsByIds, snapshotState, type SnapshotRecord } from './repository.js';
import {
  QUERY_ACCOUNTS as ACCOUNTS,
  QUERY_REGIONS as REGIONS,
  assertSameAsReference,
  listingPage,
  namedArgs,
  planRecorder,
  seedRandomTags,
  seeded,
} from '../test-support/query-testing.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** DescribeSnapshots' filter as it was before the SQL rewrite: every snapshot of the region, filtered in JS. */
function reference(db: RunningEmulator['db'], q: SnapshotQuery, offset: number, limit: number): { total: number; ids: string[] } {
  const usage = (id: string) => (imagesUsingSnapshot(db, id).length > 0 ? 'image' : 'none');
  const kept = listSnapshots(db, q.accountId, q.regionId).filter((s) => {
    if (q.ids && !q.ids.includes(s.id)) return false;
    if (q.instanceId !== undefined && s.instanceId !== q.instanceId) return false;
    if (q.diskId !== undefined && s.sourceDiskId !== q.diskId) return false;
    if (q.name !== undefined && s.name !== q.name) return false;
    if (q.status && q.status !== 'all' && (q.status === 'failed' || snapshotState(s, new Date(q.now)).status !== q.status)) return false;
    if (q.snapshotType && q.snapshotType !== 'all' && s.snapshotType !== q.snapshotType) return false;
    if (q.sourceDiskType !== undefined && s.sourceDiskType !== q.sourceDiskType) return false;
    if (q.usage !== undefined && !(q.usage === usage(s.id) || (q.usage === 'image_disk' && usage(s.id) === 'image'))) return false;
    if (q.category !== undefined && s.category !== q.category) return false;
    if (q.encrypted !== undefined && s.encrypted !== q.encrypted) return false;
    if (q.resourceGroupId !== undefined && s.resourceGroupId !== q.resourceGroupId) return false;
    if (q.tags.length > 0 && !matchesTagFilter(getTags(db, q.accountId, 'snapshot', s.id), q.tags)) return false;
    return true;
  });
  return { total: kept.length, ids: kept.slice(offset, offset + limit).map((s) => s.id) };
}

describe('DescribeSnapshots SQL query', () => {
  let emu: RunningEmulator;
  let all: SnapshotRecord[];
  const rand = seeded(11);
  const { r, pick, maybe } = rand;
  before(async () => {
    emu = await startEmulator({ port: 0, db: ':memory:' });
    const map = emu.db.prepare(
      "INSERT INTO image_disk_mappings (image_id, position, device, type, snapshot_id, size_gib) VALUES (?, ?, '/dev/xvda', 'system', ?, 40)",
    );
    emu.db.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const id = `s-q${String(i).padStart(4, '0')}${pick(['a', 'b'])}`;
        const accountId = pick(ACCOUNTS);
        // Coarse seconds so many snapshots tie and the id tie-break is exercised.
        const createdAt = T0 + Math.floor(r() * 30) * 1000;
        insertSnapshot(emu.db, {
          id,
          accountId,
          regionId: pick(REGIONS),
          name: pick(['a', 'b', '']),
          description: '',
          sourceDiskId: pick(['d-1', 'd-2']),
          sourceDiskSizeGiB: 40,
          sourceDiskType: pick(['system', 'data'] as const),
          sourceStorageType: 'cloud_essd',
          instanceId: pick(['i-1', 'i-2', '']),
          createdAt,
          readyAt: createdAt + pick([0, 1000, 20_000]),
          resourceGroupId: pick(['rg-a', 'rg-b', '']),
          snapshotType: pick(['user', 'auto'] as const),
          category: pick(['standard', 'flash']),
          encrypted: r() < 0.3,
          retentionDays: 0,
        });
        if (r() < 0.3) map.run(`m-${i}`, 0, id);
        if (r() < 0.1) map.run(`m-${i}-x`, 1, id);
        seedRandomTags(rand, emu.db, 'snapshot', accountId, id);
      }
    })();
    all = (emu.db.prepare('SELECT id, account_id AS a FROM snapshots').all() as { id: string; a: number }[]).map((x) =>
      findSnapshotAnyRegion(emu.db, x.a, x.id)!,
    );
  });
  after(() => emu.stop());

  test('gives the same TotalCount and page as filtering every snapshot in JS, over 600 random queries', () => {
    const ids = all.map((s) => s.id);
    const make = (): SnapshotQuery => {
      // Exactly when a snapshot becomes accomplished, so off-by-one comparisons show.
      const now = r() < 0.4 ? pick(all).readyAt + pick([-1, 0, 1]) : T0 + Math.floor(r() * 60_000);
      return {
        accountId: pick(ACCOUNTS),
        regionId: pick(REGIONS),
        now,
        ids: maybe(0.15, () => [pick(ids), pick(ids), 's-missing']),
        instanceId: maybe(0.15, () => pick(['i-1', '', 7])),
        diskId: maybe(0.15, () => pick(['d-1', 'd-2'])),
        name: maybe(0.15, () => pick(['a', ''])),
        status: maybe(0.4, () => pick(['progressing', 'accomplished', 'failed', 'all', '', 'bogus'])),
        snapshotType: maybe(0.2, () => pick(['user', 'auto', 'all'])),
        sourceDiskType: maybe(0.2, () => pick(['system', 'data'])),
        usage: maybe(0.3, () => pick(['image', 'image_disk', 'none', 'other'])),
        category: maybe(0.15, () => pick(['standard', 'flash'])),
        encrypted: maybe(0.15, () => pick([true, false, 'true'])),
        resourceGroupId: maybe(0.15, () => pick(['rg-a', ''])),
        tags: r() < 0.3 ? [{ Key: 'env', Value: pick(['dev', '', undefined]) }, ...(r() < 0.3 ? [{ Key: 'team', Value: 'x' }] : [])] : [],
      };
    };
    assertSameAsReference(
      rand,
      600,
      make,
      listingPage((q) => querySnapshots(emu.db, q)),
      (q, offset, limit) => reference(emu.db, q, offset, limit),
    );
  });

  test('loads a page in page order and its Usage in one query, equal to asking per snapshot', () => {
    const ids = [all[4]!.id, 's-missing', all[1]!.id, all[8]!.id];
    assert.deepEqual(
      snapshotsByIds(emu.db, ids),
      ids.flatMap((id) => all.filter((s) => s.id === id)),
    );
    const used = snapshotsInUse(
      emu.db,
      all.map((s) => s.id),
    );
    assert.ok(used.size > 0);
    for (const s of all) assert.equal(used.has(s.id), imagesUsingSnapshot(emu.db, s.id).length > 0, s.id);
  });

  test('counts and pages from the listing index, never by scanning or sorting the snapshots table', async () => {
    const fresh = await startEmulator({ port: 0, db: ':memory:' });
    try {
      insertSnapshot(fresh.db, { ...all[0]!, id: 's-1', accountId: 1, regionId: 'x', readyAt: T0 });
      const plans = planRecorder(fresh.db);
      const plansOf = (q: SnapshotQuery) =>
        plans(
          () => querySnapshots(fresh.db, q).ids(0, 10),
          (sql) => namedArgs(sql, () => 0),
        );
      const base: SnapshotQuery = { accountId: 1, regionId: 'x', now: T0 + 1, tags: [] };
      const [count, page] = plansOf({ ...base, status: 'accomplished' });
      assert.match(count!, /COVERING INDEX snapshots_listing/, count);
      assert.match(page!, /INDEX snapshots_listing/, page);
      assert.doesNotMatch(page!, /TEMP B-TREE/, 'the index gives the order, so a first page stops after ten entries');
      for (const p of plansOf({ ...base, usage: 'none', tags: [{ Key: 'env' }] }))
        assert.doesNotMatch(p, /SCAN snapshots\b(?! USING)|SCAN m\b(?! USING)/, p);
      for (const p of plansOf({ ...base, ids: ['s-1'] }))
        assert.match(p, /sqlite_autoindex_snapshots_1 \(id=\?\)/, 'ids go through the primary key');
    } finally {
      await fresh.stop();
    }
  });
});
