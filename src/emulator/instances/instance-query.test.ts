import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../index.js';
import { getTags, matchesTagFilter } from '../tags/repository.js';
import { queryInstances, type InstanceQuery } from './instance-query.js';
import {
  currentInstanceStatus,
  insertInstance,
  instancesByIds,
  findInstanceAnyRegion,
  listInstances,
  type InstanceRecord,
  type InstanceStatus,
} from './repository.js';
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

const STATUSES: InstanceStatus[] = ['Pending', 'Starting', 'Running', 'Stopping', 'Stopped'];
const T0 = Date.parse('2026-01-01T00:00:00Z');

/** DescribeInstances as it was before the SQL rewrite: list with the column filters, then filter in JS. */
function reference(db: RunningEmulator['db'], q: InstanceQuery, offset: number, limit: number): { total: number; ids: string[] } {
  const wildcard = (p: string) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  let rows = listInstances(db, q.accountId, q.regionId, q);
  if (q.status !== undefined) rows = rows.filter((r) => currentInstanceStatus(r, new Date(q.now), q.transitionSeconds) === q.status);
  if (q.name !== undefined) {
    const re = wildcard(q.name);
    rows = rows.filter((r) => re.test(r.name));
  }
  if (q.securityGroupId !== undefined) rows = rows.filter((r) => r.securityGroupIds.includes(q.securityGroupId!));
  if (q.lockReason !== undefined) rows = rows.filter((r) => r.locks.some((l) => l.lockReason === q.lockReason));
  if (q.tags.length > 0) rows = rows.filter((r) => matchesTagFilter(getTags(db, q.accountId, 'instance', r.id), q.tags));
  return { total: rows.length, ids: rows.slice(offset, offset + limit).map((r) => r.id) };
}

describe('DescribeInstances SQL query', () => {
  let emu: RunningEmulator;
  let all: InstanceRecord[];
  const rand = seeded(7);
  const { r, pick, maybe } = rand;
  before(async () => {
    emu = await startEmulator({ port: 0, db: ':memory:' });
    emu.db.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const id = `i-q${String(i).padStart(4, '0')}${pick(['a', 'b'])}`;
        const accountId = pick(ACCOUNTS);
        insertInstance(emu.db, {
          id,
          accountId,
          regionId: pick(REGIONS),
          zoneId: pick(['z-a', 'z-b']),
          name: `${pick(['web', 'db', 'Web.x', 'a*b'])}-${i % 5}`,
          instanceType: pick(['ecs.g8i.large', 'ecs.c7.xlarge']),
          imageId: pick(['img-1', 'img-2']),
          status: pick(STATUSES),
          statusSince: T0 + Math.floor(r() * 20) * 500,
          vpcId: pick(['vpc-1', 'vpc-2', '']),
          vSwitchId: pick(['vsw-1', 'vsw-2']),
          securityGroupIds: r() < 0.2 ? [] : [pick(['sg-1', 'sg-2']), ...(r() < 0.3 ? ['sg-3'] : [])],
          resourceGroupId: pick(['rg-a', 'rg-b']),
          // Coarse minutes so many instances tie and the id tie-break is exercised.
          creationTime: `2026-01-01T00:0${Math.floor(r() * 6)}Z`,
          internetMaxBandwidthOut: 0,
          locks: r() < 0.2 ? [{ lockReason: pick(['security', 'financial']) }] : [],
        });
        seedRandomTags(rand, emu.db, 'instance', accountId, id);
      }
    })();
    all = (emu.db.prepare('SELECT id, account_id AS a FROM instances').all() as { id: string; a: number }[]).map((x) =>
      findInstanceAnyRegion(emu.db, x.a, x.id)!,
    );
  });
  after(() => emu.stop());

  test('gives the same TotalCount and page as filtering every instance in JS, over 600 random queries', () => {
    const ids = all.map((i) => i.id);
    const make = (): InstanceQuery => {
      const transitionSeconds = pick([2, 5, 0.3]);
      // Exactly on a transition boundary (half or full), so off-by-one comparisons show.
      const now = r() < 0.4 ? pick(all).statusSince + pick([0.5, 1]) * transitionSeconds * 1000 : T0 + Math.floor(r() * 15_000);
      return {
        accountId: pick(ACCOUNTS),
        regionId: pick(REGIONS),
        now,
        transitionSeconds,
        ids: maybe(0.15, () => [pick(ids), pick(ids), 'i-missing']),
        imageId: maybe(0.2, () => pick(['img-1', 'img-2'])),
        zoneId: maybe(0.2, () => pick(['z-a', 'z-b'])),
        resourceGroupId: maybe(0.1, () => 'rg-a'),
        vpcId: maybe(0.15, () => pick(['vpc-1', ''])),
        vSwitchId: maybe(0.1, () => 'vsw-1'),
        instanceType: maybe(0.1, () => 'ecs.c7.xlarge'),
        status: maybe(0.4, () => pick([...STATUSES, 'Deleted'])),
        name: maybe(0.25, () => pick(['web-*', '*x*', 'Web.x-1', 'a*b-*', 'web', '*'])),
        securityGroupId: maybe(0.2, () => pick(['sg-1', 'sg-3', 'sg-9'])),
        lockReason: maybe(0.15, () => pick(['security', 'financial'])),
        tags:
          r() < 0.3
            ? [
                { Key: 'env', Value: pick(['dev', '', undefined]) },
                ...(r() < 0.3 ? [{ Key: 'team', Value: 'x' }] : []),
                ...(r() < 0.1 ? [{ Value: 'x' }] : []),
              ]
            : [],
      };
    };
    assertSameAsReference(
      rand,
      600,
      make,
      listingPage((q) => queryInstances(emu.db, q)),
      (q, offset, limit) => reference(emu.db, q, offset, limit),
    );
  });

  test('loads a page in page order, equal to loading each instance alone', () => {
    const ids = [all[5]!.id, 'i-missing', all[2]!.id, all[9]!.id];
    const alone = ids.flatMap((id) => all.filter((i) => i.id === id));
    assert.deepEqual(instancesByIds(emu.db, ids), alone);
  });

  test('counts and pages from the listing index, never by scanning or sorting the instances table', async () => {
    const fresh = await startEmulator({ port: 0, db: ':memory:' });
    try {
      insertInstance(fresh.db, { ...all[0]!, id: 'i-1', accountId: 1, regionId: 'x', status: 'Running', statusSince: T0 - 10_000 });
      const plans = planRecorder(fresh.db);
      const plansOf = (q: InstanceQuery) =>
        plans(
          () => queryInstances(fresh.db, q).ids(0, 10),
          (sql) => namedArgs(sql, (name) => (name.startsWith('a') ? 'x' : 0)),
        );
      // Queries with a count and a page each: whichever is compiled first is cached, so look at both shapes.
      const base: InstanceQuery = { accountId: 1, regionId: 'x', now: T0, transitionSeconds: 2, tags: [] };
      const [count, page] = plansOf({ ...base, status: 'Running' });
      assert.match(count!, /COVERING INDEX instances_listing/, count);
      assert.match(page!, /INDEX instances_listing/, page);
      assert.doesNotMatch(page!, /TEMP B-TREE/, 'the index gives the order, so a first page stops after ten entries');
      for (const p of plansOf({ ...base, name: 'w*', tags: [{ Key: 'env' }] })) assert.doesNotMatch(p, /SCAN instances\b(?! USING)/, p);
      for (const p of plansOf({ ...base, ids: ['i-1'] }))
        assert.match(p, /sqlite_autoindex_instances_1 \(id=\?\)/, 'ids go through the primary key');
    } finally {
      await fresh.stop();
    }
  });
});
