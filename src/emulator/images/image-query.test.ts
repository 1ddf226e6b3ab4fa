import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../index.js';
import { getTags, matchesTagFilter, setTags } from '../tags/repository.js';
import { IMAGE_STATUSES } from '../../spec/ecs/images.js';
import { imageState } from './model.js';
import { PUBLIC_IMAGES } from './public-images.js';
import { queryImageIds, type ImageQuery } from './image-query.js';
import { imagesByIds, insertImage, PUBLIC_ACCOUNT, type ImageRecord } from './repository.js';
import {
  QUERY_ACCOUNTS as ACCOUNTS,
  QUERY_REGIONS as REGIONS,
  assertSameAsReference,
  planRecorder,
  seeded,
} from '../test-support/query-testing.js';

const NAMES = ['alpha', 'Beta', 'ÄRGER-äpfel', 'İstanbul', 'gamma-BETA', 'delta'];
const T0 = Date.parse('2026-01-01T00:00:00Z');

/** DescribeImages as it was before the SQL rewrite: filter every visible record in JS, then sort and slice. */
function reference(
  db: RunningEmulator['db'],
  all: ImageRecord[],
  q: ImageQuery,
  offset: number,
  limit: number,
): { total: number; ids: string[] } {
  const now = new Date(q.now);
  const kept = all
    .filter((img) => {
      const system = img.accountId === PUBLIC_ACCOUNT;
      const visible = system || (img.accountId === q.accountId && img.regionId === q.regionId);
      if (!visible) return false;
      if (q.ownerAlias === 'system' && !system) return false;
      if (q.ownerAlias === 'self' && system) return false;
      if (q.ownerAlias === 'others' || q.ownerAlias === 'marketplace') return false;
      if (q.ids && !q.ids.includes(img.id)) return false;
      const state = imageState(img, now, (q.usableLagMs ?? 0) / 1000);
      if (q.bootableBy && !(q.bootableBy.architectures.includes(img.architecture) && q.bootableBy.bootModes.includes(img.bootMode)))
        return false;
      if (q.noneSupported) return false;
      if (!q.statuses.has(state.status)) return false;
      if (q.usable !== undefined && state.usable !== q.usable) return false;
      if (q.nameContains !== undefined && !img.name.toLowerCase().includes(q.nameContains)) return false;
      if (q.family !== undefined && img.family !== q.family) return false;
      if (q.architecture !== undefined && img.architecture !== q.architecture) return false;
      if (q.osType !== undefined && img.osType !== q.osType) return false;
      if (q.resourceGroupId !== undefined && img.resourceGroupId !== q.resourceGroupId) return false;
      if (q.snapshotId !== undefined && !img.disks.some((d) => d.snapshotId === q.snapshotId)) return false;
      if (q.isPublic !== undefined && (system || img.isPublic) !== q.isPublic) return false;
      if (q.ownerId !== undefined && (system ? 0 : img.accountId) !== q.ownerId) return false;
      if (q.createdFrom !== undefined && img.createdAt < q.createdFrom) return false;
      if (q.createdTo !== undefined && img.createdAt > q.createdTo) return false;
      if (q.usage && (q.usage.inUse.includes(img.id) ? 'instance' : 'none') !== q.usage.value) return false;
      const filter = q.tags.map((t) => ({ Key: t.key, Value: t.value }));
      if (filter.length > 0 && !matchesTagFilter(getTags(db, img.accountId, 'image', img.id), filter)) return false;
      return true;
    })
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { total: kept.length, ids: kept.slice(offset, offset + limit).map((i) => i.id) };
}

describe('DescribeImages SQL query', () => {
  let emu: RunningEmulator;
  let all: ImageRecord[];
  const rand = seeded(42);
  const { r, pick, maybe } = rand;
  before(async () => {
    emu = await startEmulator({ port: 0, db: ':memory:' });
    emu.db.transaction(() => {
      for (let i = 0; i < 400; i++) {
        const id = `m-q${String(i).padStart(4, '0')}${pick(['a', 'b', 'c'])}`;
        insertImage(emu.db, {
          id,
          accountId: pick(ACCOUNTS),
          regionId: pick(REGIONS),
          ownerAlias: 'self',
          name: `${pick(NAMES)}-${i}`,
          description: '',
          family: pick(['', 'fam-a', 'fam-b']),
          version: '',
          platform: 'Ubuntu',
          osType: pick(['linux', 'windows'] as const),
          osName: 'x',
          osNameEn: 'x',
          architecture: pick(['x86_64', 'arm64']),
          bootMode: 'BIOS',
          sizeGiB: 40,
          deprecated: r() < 0.2,
          // Coarse creation times so many images tie and the ImageId tie-break is exercised.
          createdAt: T0 + Math.floor(r() * 40) * 1000,
          createSeconds: pick([0, 10, 100, 0.5]),
          fail: r() < 0.15,
          resourceGroupId: pick(['', 'rg-a', 'rg-b']),
          licenseType: '',
          nvmeSupport: '',
          imdsSupport: '',
          detectionStrategy: '',
          secureBoot: '',
          productCode: '',
          isPublic: r() < 0.2,
          sourceInstanceId: '',
          disks: [{ device: '/dev/xvda', type: 'system', snapshotId: `s-${i % 7}`, sizeGiB: 40, format: '' }],
        });
        if (r() < 0.5) setTags(emu.db, 0, 'image', id, []);
        const tags = [{ key: 'env', value: pick(['dev', 'prod', '']) }, ...(r() < 0.5 ? [{ key: 'team', value: pick(['x', 'y']) }] : [])];
        const acct = (emu.db.prepare('SELECT account_id AS a FROM images WHERE id = ?').get(id) as { a: number }).a;
        if (r() < 0.7) setTags(emu.db, acct, 'image', id, tags);
      }
    })();
    all = imagesByIds(
      emu.db,
      (emu.db.prepare('SELECT id FROM images').all() as { id: string }[]).map((x) => x.id),
    );
  });
  after(() => emu.stop());

  test('gives the same TotalCount and page as filtering every image in JS, over 600 random queries', () => {
    const allIds = all.map((i) => i.id);
    const make = (): ImageQuery => {
      const statuses = r() < 0.3 ? new Set<string>(IMAGE_STATUSES) : new Set([pick(IMAGE_STATUSES), pick(IMAGE_STATUSES)]);
      // Exactly where an image turns Creating or finishes, so off-by-one comparisons show.
      const boundary = (img: ImageRecord) => img.createdAt + pick([0.1, 1]) * img.createSeconds * 1000;
      return {
        accountId: pick(ACCOUNTS),
        regionId: pick(REGIONS),
        now: r() < 0.4 ? boundary(pick(all)) : T0 + Math.floor(r() * 200_000),
        statuses,
        ownerAlias: maybe(0.5, () => pick(['self', 'system', 'others'])),
        ids: maybe(0.15, () => [pick(allIds), pick(allIds), 'm-missing', PUBLIC_IMAGES[0]!.id]),
        usable: maybe(0.2, () => r() < 0.5),
        nameContains: maybe(0.2, () => pick(['beta', 'äRGER'.toLowerCase(), 'i̇stanbul', 'İstanbul'.toLowerCase(), 'zzz'])),
        family: maybe(0.2, () => pick(['', 'fam-a'])),
        architecture: maybe(0.2, () => pick(['x86_64', 'arm64'])),
        osType: maybe(0.2, () => pick(['linux', 'windows'])),
        resourceGroupId: maybe(0.2, () => pick(['rg-a', ''])),
        snapshotId: maybe(0.1, () => `s-${Math.floor(r() * 8)}`),
        isPublic: maybe(0.2, () => r() < 0.5),
        ownerId: maybe(0.1, () => pick([0, ...ACCOUNTS])),
        createdFrom: maybe(0.1, () => T0 + 10_000),
        createdTo: maybe(0.1, () => T0 + 30_000),
        usage: maybe(0.15, () => ({ value: pick(['instance', 'none']), inUse: [pick(allIds), pick(allIds)] })),
        tags: r() < 0.3 ? [{ key: 'env', value: pick(['dev', '', undefined]) }, ...(r() < 0.3 ? [{ key: 'team', value: 'x' }] : [])] : [],
      };
    };
    assertSameAsReference(
      rand,
      600,
      make,
      (q, offset, limit) => queryImageIds(emu.db, q, offset, limit),
      (q, offset, limit) => reference(emu.db, all, q, offset, limit),
      (q) => JSON.stringify({ ...q, statuses: [...q.statuses] }),
    );
  });

  test('reads pages and counts from indexes, never by scanning the images table', async () => {
    const fresh = await startEmulator({ port: 0, db: ':memory:' });
    try {
      insertImage(fresh.db, {
        ...all[0]!,
        id: 'm-1',
        accountId: 1,
        regionId: 'x',
        createdAt: T0,
        createSeconds: 0,
        fail: false,
        deprecated: false,
      });
      const plans = planRecorder(fresh.db);
      const base: ImageQuery = { accountId: 1, regionId: 'x', now: T0 + 1000, statuses: new Set(['Available']), tags: [] };
      const plansOf = (q: ImageQuery) =>
        plans(
          () => queryImageIds(fresh.db, q, 0, 10),
          () => ({ now: 0, account: 1, region: 'x', public: 0, anyRegion: '*', ids: '[]', end: 10 }),
        );
      const [selfCount, selfPage] = plansOf({ ...base, ownerAlias: 'self' });
      assert.match(selfCount!, /COVERING INDEX images_listing/);
      assert.match(selfPage!, /COVERING INDEX images_listing/);
      assert.doesNotMatch(selfPage!, /TEMP B-TREE/, 'the index gives the order, so a first page stops after ten entries');
      assert.equal(plansOf(base).length, 2, 'a count and a page query');
      for (const p of plansOf(base)) assert.doesNotMatch(p, /SCAN images|MULTI-INDEX OR/, p);
      for (const p of plansOf({ ...base, ids: ['m-1'] }))
        assert.match(p, /sqlite_autoindex_images_1 \(id=\?\)/, 'ids go through the primary key');
    } finally {
      await fresh.stop();
    }
  });
});
