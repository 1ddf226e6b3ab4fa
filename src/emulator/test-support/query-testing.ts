/**
 * Shared pieces of the SQL query tests of the Describe* families (images, instances, disks,
 * snapshots): seeded random choices, the "SQL page equals the plain JS model" loop over random
 * queries, and the EXPLAIN QUERY PLAN of every statement a query prepares. Used only by `*.test.ts`.
 */
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../index.js';
import { setTags } from '../tags/repository.js';

type Db = RunningEmulator['db'];

/** The account ids and regions the query tests spread their rows over. */
export const QUERY_ACCOUNTS = [111, 222];
export const QUERY_REGIONS = ['cn-hangzhou', 'cn-beijing'];

/** Deterministic random choices, so a failure reproduces from its seed. */
export interface Random {
  /** The next number in [0, 1). */
  r(): number;
  pick<T>(list: readonly T[]): T;
  /** `v()` with probability `p`, else undefined. */
  maybe<T>(p: number, v: () => T): T | undefined;
}

export function seeded(seed: number): Random {
  let s = seed >>> 0;
  const r = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  return {
    r,
    pick: <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!,
    maybe: <T>(p: number, v: () => T): T | undefined => (r() < p ? v() : undefined),
  };
}

/**
 * Random tags for a seeded row: often `env` (sometimes empty) and maybe `team` under its own
 * account, and now and then an `env` tag under a random account (which the account's query must not see).
 */
export function seedRandomTags(rand: Random, db: Db, resourceType: string, accountId: number, id: string): void {
  const { r, pick } = rand;
  if (r() < 0.6)
    setTags(db, accountId, resourceType, id, [
      { key: 'env', value: pick(['dev', 'prod', '']) },
      ...(r() < 0.4 ? [{ key: 'team', value: pick(['x', 'y']) }] : []),
    ]);
  if (r() < 0.1) setTags(db, pick(QUERY_ACCOUNTS), resourceType, id, [{ key: 'env', value: 'dev' }]);
}

/** One page of a listing: the total count and the ids of the page. */
export interface IdPage {
  total: number;
  ids: string[];
}

/** A counted listing whose ids are read a page at a time (what the families' query functions return). */
export interface Listing {
  total: number;
  ids(offset: number, limit: number): string[];
}

/** Adapt a query that returns a {@link Listing} to the `sql` argument of {@link assertSameAsReference}. */
export function listingPage<Q>(query: (q: Q) => Listing): (q: Q, offset: number, limit: number) => IdPage {
  return (q, offset, limit) => {
    const list = query(q);
    return { total: list.total, ids: list.ids(offset, limit) };
  };
}

/**
 * Make `runs` random queries with `make`, each with a random offset and limit, and assert that the
 * SQL answer equals the plain model's (`reference`); the message shows the query (`show`, JSON by default).
 */
export function assertSameAsReference<Q>(
  rand: Random,
  runs: number,
  make: () => Q,
  sql: (q: Q, offset: number, limit: number) => IdPage,
  reference: (q: Q, offset: number, limit: number) => IdPage,
  show: (q: Q) => string = (q) => JSON.stringify(q),
): void {
  for (let n = 0; n < runs; n++) {
    const q = make();
    const limit = rand.pick([1, 3, 10, 100]);
    const offset = rand.pick([0, 0, 1, 5, 20]);
    assert.deepEqual(sql(q, offset, limit), reference(q, offset, limit), `query ${n}: ${show(q)} offset ${offset} limit ${limit}`);
  }
}

/** The named parameters (`:name`) of a statement, each bound to `value(name)`. */
export function namedArgs(sql: string, value: (name: string) => unknown): Record<string, unknown> {
  return Object.fromEntries([...sql.matchAll(/:(\w+)/g)].map((m) => [m[1], value(m[1]!)]));
}

/**
 * Record from now on the statements `db` prepares; the returned function runs `query` and gives the
 * plan of each statement it prepared (details joined by ` | `), bound to `args(sql)` with `limit` 10
 * and `offset` 0.
 */
export function planRecorder(db: Db): (query: () => void, args: (sql: string) => Record<string, unknown>) => string[] {
  const prepare = db.prepare.bind(db);
  const seen: string[] = [];
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  return (query, args) => {
    seen.length = 0;
    query();
    return seen.map((sql) =>
      (prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ ...args(sql), limit: 10, offset: 0 }) as { detail: string }[])
        .map((d) => d.detail)
        .join(' | '),
    );
  };
}
