import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../index.js';
import { getTags, matchesTagFilter, setTags } from '../tags/repository.js';
import { queryDisks, type DiskQuery } from './disk-query.js';
import { disksByIds, diskStatus, insertDisk, listDisks, type DiskView } from './repository.js';
import {
  QUERY_ACCOUNTS as ACCOUNTS,
  QUERY_REGIONS as REGIONS,
  assertSameAsReference,
  listingPage,
  planRecorder,
  seeded,
} from '../test-support/query-testing.js';

/** A disk row with every attribute; `over` sets what a case needs. */
export function diskRow(over: Partial<DiskView> & Pick<DiskView, 'id' | 'accountId' | 'regionId'>): DiskView {
  return {
    zoneId: 'z-a',
    instanceId: '',
    lastInstanceId: '',
    type: 'data',
    sizeGiB: 20,
    category: 'cloud_essd',
    device: '',
    resourceGroupId: '',
    imageId: '',
    creationTime: '2026-01-01T00:00Z',
    position: 0,
    name: '',
    description: '',
    status: 'Available',
    statusSince: 0,
    deleteWithInstance: false,
    deleteAutoSnapshot: true,
    encrypted: false,
    kmsKeyId: '',
    performanceLevel: '',
    sourceSnapshotId: '',
    burstingEnabled: false,
    provisionedIops: 0,
    encryptAlgorithm: '',
    attachedTime: '',
    detachedTime: '',
    ...over,
  };
}

const NOW = 10_000;

/** DescribeDisks' filter as a plain model: every disk of the region, filtered in JS. */
function reference(db: RunningEmulator['db'], q: DiskQuery, offset: number, limit: number): { total: number; ids: string[] } {
  const kept = listDisks(db, q.accountId, q.regionId).filter(
    (d) =>
      (!q.ids || q.ids.includes(d.id)) &&
      (q.instanceId === undefined || d.instanceId === q.instanceId) &&
      (q.diskType === undefined || d.type === q.diskType) &&
      (q.category === undefined || d.category === q.category) &&
      (q.status === undefined || diskStatus(d, new Date(NOW), 2) === q.status) &&
      (q.name === undefined || d.name === q.name) &&
      (q.encrypted === undefined || d.encrypted === q.encrypted) &&
      (q.portable === undefined || (d.type === 'data') === q.portable) &&
      (q.zoneId === undefined || d.zoneId === q.zoneId) &&
      (q.resourceGroupId === undefined || d.resourceGroupId === q.resourceGroupId) &&
      (q.tags.length === 0 || matchesTagFilter(getTags(db, q.accountId, 'disk', d.id), q.tags)),
  );
  return { total: kept.length, ids: kept.slice(offset, offset + limit).map((d) => d.id) };
}

describe('DescribeDisks SQL query', () => {
  let emu: RunningEmulator;
  const rand = seeded(5);
  const { r, pick, maybe } = rand;
  const diskIds: string[] = [];
  before(async () => {
    emu = await startEmulator({ port: 0, db: ':memory:' });
    emu.db.transaction(() => {
      for (let i = 0; i < 200; i++) {
        const accountId = pick(ACCOUNTS);
        const common = {
          accountId,
          regionId: pick(REGIONS),
          zoneId: pick(['z-a', 'z-b']),
          resourceGroupId: pick(['rg-a', 'rg-b']),
          creationTime: `2026-01-01T00:0${Math.floor(r() * 4)}Z`,
          status: pick(['Creating', 'Available', 'Attaching', 'In_use', 'Detaching'] as const),
          statusSince: pick([0, NOW - 1000, NOW - 5000]),
          name: pick(['', 'a', 'b']),
          encrypted: r() < 0.3,
          category: pick(['cloud_essd', 'cloud']),
        };
        const attached = r() < 0.7;
        const disks = [
          diskRow({ ...common, id: `d-${i}-${pick(['a', 'b'])}`, type: 'system', instanceId: attached ? `i-${i}` : '' }),
          ...(r() < 0.5 ? [diskRow({ ...common, id: `d-${i}-data`, instanceId: attached ? `i-${i}` : '', position: 1 })] : []),
        ];
        for (const d of disks) insertDisk(emu.db, d);
        for (const d of disks) {
          diskIds.push(d.id);
          if (r() < 0.5) setTags(emu.db, accountId, 'disk', d.id, [{ key: 'env', value: pick(['dev', 'prod', '']) }]);
        }
      }
    })();
  });
  after(() => emu.stop());

  test('gives the same TotalCount and page as filtering every disk in JS (derived status included), over 400 random queries', () => {
    const make = (): DiskQuery => ({
      accountId: pick(ACCOUNTS),
      regionId: pick(REGIONS),
      ids: maybe(0.15, () => [pick(diskIds), pick(diskIds), 'd-missing']),
      instanceId: maybe(0.15, () => `i-${Math.floor(r() * 200)}`),
      diskType: maybe(0.3, () => pick(['system', 'data'] as const)),
      zoneId: maybe(0.2, () => 'z-a'),
      category: maybe(0.2, () => pick(['cloud', 'cloud_ssd'])),
      status: maybe(0.3, () => pick(['Creating', 'Available', 'Attaching', 'In_use', 'Detaching'])),
      now: NOW,
      transitionSeconds: 2,
      name: maybe(0.1, () => pick(['a', 'c'])),
      encrypted: maybe(0.1, () => r() < 0.5),
      portable: maybe(0.1, () => r() < 0.5),
      resourceGroupId: maybe(0.2, () => pick(['rg-a', 'rg-c'])),
      tags: r() < 0.3 ? [{ Key: 'env', Value: pick(['dev', '', undefined]) }] : [],
    });
    assertSameAsReference(
      rand,
      400,
      make,
      listingPage((q) => queryDisks(emu.db, q)),
      (q, offset, limit) => reference(emu.db, q, offset, limit),
    );
  });

  test('loads a page in page order', () => {
    const ids = [diskIds[3]!, 'd-missing', diskIds[0]!];
    assert.deepEqual(
      disksByIds(emu.db, ids).map((d) => d.id),
      [diskIds[3], diskIds[0]],
    );
  });

  test('counts and pages from the listing index without sorting', async () => {
    const fresh = await startEmulator({ port: 0, db: ':memory:' });
    try {
      insertDisk(fresh.db, diskRow({ id: 'd-1', accountId: 1, regionId: 'x' }));
      const plans = planRecorder(fresh.db)(
        () => queryDisks(fresh.db, { accountId: 1, regionId: 'x', diskType: 'data', tags: [] }).ids(0, 10),
        () => ({ a0: 1, a1: 'x', a2: 'data' }),
      );
      assert.equal(plans.length, 2, 'a count and a page query');
      const [count, page] = plans;
      assert.match(count!, /INDEX disks_listing/, count);
      assert.match(page!, /INDEX disks_listing/, page);
      assert.doesNotMatch(page!, /TEMP B-TREE/, page);
    } finally {
      await fresh.stop();
    }
  });
});
