/**
 * Building blocks for Describe* lists filtered, counted and paged in SQL: named-argument WHERE
 * clauses, the `Tag.N` filter as EXISTS conditions, and loading a page's rows in page order.
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from './statements.js';
import { pageWindow, type PageInput } from '../core/paging.js';

/** Conditions ANDed together with their named arguments (`:name` placeholders). */
export class Where {
  readonly conds: string[] = [];
  readonly args: Record<string, unknown> = {};
  private n = 0;
  /** Bind a value under a fresh name and return its placeholder. */
  bind(v: unknown): string {
    const name = `a${this.n++}`;
    this.args[name] = v;
    return `:${name}`;
  }
  add(cond: string): this {
    this.conds.push(cond);
    return this;
  }
  /** `col = value` when the value is given. */
  eq(col: string, v: unknown): this {
    if (v !== undefined) this.add(`${col} = ${this.bind(v)}`);
    return this;
  }
  /** `col IN (ids)` when the list is given (an empty list matches nothing). */
  inList(col: string, ids: readonly string[] | undefined): this {
    if (ids) this.add(`${col} IN (SELECT value FROM json_each(${this.bind(JSON.stringify(ids))}))`);
    return this;
  }
  /**
   * Tag.N filter: the row carries every given key (with that value unless the value is absent or
   * empty); filters without Key are ignored, as `matchesTagFilter` does.
   */
  tags(resourceType: string, idExpr: string, accountExpr: string, filter: readonly { Key?: string; Value?: string }[]): this {
    for (const f of filter) {
      if (f.Key === undefined) continue;
      const value = f.Value === undefined || f.Value === '' ? '' : ` AND t.tag_value = ${this.bind(f.Value)}`;
      this.add(
        `EXISTS (SELECT 1 FROM tags t WHERE t.account_id = ${accountExpr} AND t.resource_type = ${this.bind(resourceType)} AND t.resource_id = ${idExpr} AND t.tag_key = ${this.bind(f.Key)}${value})`,
      );
    }
    return this;
  }
  get sql(): string {
    return this.conds.length > 0 ? this.conds.join(' AND ') : '1';
  }
}

/** A filtered list: its size, and the ids of any window of it in the list order. */
export interface Listing {
  total: number;
  ids(offset: number, limit: number): string[];
}

/**
 * The page of `list` the input asks for: its records (`load` fetches ids in page order) and the
 * paging fields of the answer (`TotalCount`, `PageNumber`, `PageSize`, `NextToken`).
 */
export function pageOfListing<T>(list: Listing, input: PageInput, load: (ids: string[]) => T[]) {
  const w = pageWindow(list.total, input);
  const paging = { TotalCount: list.total, PageNumber: w.pageNumber, PageSize: w.pageSize, NextToken: w.nextToken };
  return { items: load(list.ids(w.offset, w.limit)), paging };
}

/** COUNT(*) of `from WHERE where` now; the ids of a window in `order` on demand. */
export function listing(db: Database.Database, from: string, idCol: string, where: Where, order: string): Listing {
  const total = (cachedStatement(db, `SELECT COUNT(*) AS n FROM ${from} WHERE ${where.sql}`).get(where.args) as { n: number }).n;
  return {
    total,
    ids: (offset, limit) =>
      limit <= 0 || offset >= total
        ? []
        : (
            cachedStatement(db, `SELECT ${idCol} AS id FROM ${from} WHERE ${where.sql} ORDER BY ${order} LIMIT :limit OFFSET :offset`).all({
              ...where.args,
              limit,
              offset,
            }) as { id: string }[]
          ).map((r) => r.id),
  };
}

/** Rows of `table` with the given ids (one query), returned in the order of `ids`. */
export function rowsByIds<R extends { id: string }>(db: Database.Database, table: string, ids: readonly string[]): R[] {
  if (ids.length === 0) return [];
  const rows = cachedStatement(db, `SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as R[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const wildcardOn = new WeakSet<Database.Database>();
const patterns = new Map<string, RegExp>();
/**
 * `emulator_wildcard(value, pattern)`: `*` matches any run of characters, everything else is
 * literal, whole value, case-sensitive (JS RegExp, exactly as the handlers matched before).
 */
export function useWildcard(db: Database.Database): void {
  if (wildcardOn.has(db)) return;
  db.function('emulator_wildcard', { deterministic: true }, (value: unknown, pattern: unknown) => {
    const p = String(pattern);
    let re = patterns.get(p);
    if (!re) {
      if (patterns.size > 200) patterns.clear();
      re = new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      patterns.set(p, re);
    }
    return re.test(String(value)) ? 1 : 0;
  });
  wildcardOn.add(db);
}
