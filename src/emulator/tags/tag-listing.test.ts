import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { tagsMigrations } from './migrations.js';
import { listTagRows, setTags, tagRowListing } from './repository.js';

/** Deterministic PRNG so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

type Filter = { Key?: string; Value?: string }[];
/** ListTagResources' selection as it was before the SQL rewrite: every row of the type, filtered in JS. */
function reference(
  db: Database.Database,
  account: number,
  type: string,
  resourceIds: string[],
  filter: Filter,
  offset: number,
  limit: number,
) {
  let rows = listTagRows(db, account, type);
  if (resourceIds.length > 0) rows = rows.filter((r) => resourceIds.includes(r.resourceId));
  if (filter.length > 0) {
    const matching = new Set(
      rows
        .map((r) => r.resourceId)
        .filter((id) =>
          filter.every((f) =>
            rows.some((r) => r.resourceId === id && r.key === f.Key && (f.Value === undefined || f.Value === '' || r.value === f.Value)),
          ),
        ),
    );
    rows = rows.filter((r) => matching.has(r.resourceId));
  }
  return { total: rows.length, rows: rows.slice(offset, offset + limit) };
}

describe('ListTagResources SQL query', () => {
  // Only the tags table: these queries touch nothing else.
  const emu = { db: new Database(':memory:') };
  const r = rng(3);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  before(() => {
    for (const m of tagsMigrations) emu.db.exec(m.sql);
    emu.db.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const keys = ['env', 'team', 'app', 'owner'].filter(() => r() < 0.5);
        setTags(
          emu.db,
          pick([1, 2]),
          pick(['instance', 'snapshot']),
          `r-${i % 150}`,
          keys.map((key) => ({ key, value: pick(['a', 'b', '']) })),
        );
      }
    })();
  });
  after(() => emu.db.close());

  test('gives the same total and rows as filtering every tag row in JS, over 400 random queries', () => {
    for (let n = 0; n < 400; n++) {
      const account = pick([1, 2]);
      const type = pick(['instance', 'snapshot']);
      const ids = r() < 0.3 ? [`r-${Math.floor(r() * 160)}`, `r-${Math.floor(r() * 160)}`] : [];
      const filter: Filter =
        r() < 0.5
          ? [
              { Key: pick(['env', 'app', 'nope']), Value: pick(['a', '', undefined]) },
              ...(r() < 0.3 ? [{ Key: 'team' }] : []),
              ...(r() < 0.05 ? [{}] : []),
            ]
          : [];
      const offset = pick([0, 0, 3, 50]);
      const limit = pick([1, 10, 50]);
      const list = tagRowListing(emu.db, account, type, ids, filter);
      assert.deepEqual(
        { total: list.total, rows: list.rows(offset, limit) },
        reference(emu.db, account, type, ids, filter, offset, limit),
        `query ${n}: ${JSON.stringify({ account, type, ids, filter })}`,
      );
    }
  });

  test('counts and pages from the tags_listing index without sorting', () => {
    const seen: string[] = [];
    const prepare = emu.db.prepare.bind(emu.db);
    emu.db.prepare = ((sql: string) => {
      seen.push(sql);
      return prepare(sql);
    }) as typeof emu.db.prepare;
    try {
      // A filter shape no other test used, so both statements are compiled here.
      tagRowListing(emu.db, 1, 'instance', [], [{ Key: 'owner' }, { Key: 'env' }, { Key: 'app' }]).rows(0, 10);
    } finally {
      emu.db.prepare = prepare;
    }
    assert.equal(seen.length, 2, 'a count and a page query');
    for (const [n, sql] of seen.entries()) {
      const p = (
        emu.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({
          a0: 1,
          a1: 'instance',
          a2: 'instance',
          a3: 'owner',
          a4: 'instance',
          a5: 'env',
          a6: 'instance',
          a7: 'app',
          limit: 10,
          offset: 0,
        }) as { detail: string }[]
      )
        .map((d) => d.detail)
        .join(' | ');
      // The count may take either covering index; the page must walk tags_listing in order.
      assert.match(p, n === 0 ? /COVERING INDEX (tags_listing|sqlite_autoindex_tags_1)/ : /COVERING INDEX tags_listing/, p);
      assert.doesNotMatch(p, /TEMP B-TREE|SCAN tags\b(?! USING)/, p);
    }
  });
});
