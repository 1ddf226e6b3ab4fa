/**
 * Paging shared by the Describe* handlers: classic PageNumber/PageSize (default 1/10) and the
 * newer MaxResults/NextToken (NextToken is an opaque offset, empty on the last page).
 */
import { apiError } from '../context.js';
import type { ActionInput } from '../../spec/ecs/types.js';

export interface Page<T> {
  items: T[];
  pageNumber: number;
  pageSize: number;
  nextToken: string;
}

/** One page of `total` rows as an offset/limit (Array.prototype.slice bounds), for lists paged in SQL. */
export interface PageWindow {
  offset: number;
  limit: number;
  pageNumber: number;
  pageSize: number;
  nextToken: string;
}

/**
 * The page {@link paginate} would cut from `total` rows, without the rows: count in SQL, call
 * this, then fetch `LIMIT limit OFFSET offset`. Throws InvalidNextToken like paginate.
 */
export function pageWindow(total: number, input: ActionInput, defaultSize = 10): PageWindow {
  let start: number, end: number, pageNumber: number, pageSize: number;
  if (input.MaxResults !== undefined || (typeof input.NextToken === 'string' && input.NextToken !== '')) {
    pageSize = typeof input.MaxResults === 'number' ? input.MaxResults : defaultSize;
    start = 0;
    if (typeof input.NextToken === 'string' && input.NextToken !== '') {
      const m = /^page-(\d+)$/.exec(input.NextToken);
      if (!m || Number(m[1]) > total)
        throw apiError('InvalidNextToken', `The NextToken "${input.NextToken}" is not valid; pass the NextToken of the previous page.`);
      start = Number(m[1]);
    }
    end = start + pageSize;
    pageNumber = Math.floor(start / pageSize) + 1;
  } else {
    pageNumber = typeof input.PageNumber === 'number' ? input.PageNumber : 1;
    pageSize = typeof input.PageSize === 'number' ? input.PageSize : defaultSize;
    start = (pageNumber - 1) * pageSize;
    end = start + pageSize;
  }
  // Same clamping as slice(start, end), so odd numbers behave as they did on arrays.
  const clamp = (i: number) => (Number.isNaN(i) ? 0 : i < 0 ? Math.max(total + i, 0) : Math.min(i, total));
  const offset = clamp(start);
  return { offset, limit: Math.max(clamp(end) - offset, 0), pageNumber, pageSize, nextToken: end < total ? `page-${end}` : '' };
}

export function paginate<T>(all: readonly T[], input: ActionInput, defaultSize = 10): Page<T> {
  const w = pageWindow(all.length, input, defaultSize);
  return { items: all.slice(w.offset, w.offset + w.limit), pageNumber: w.pageNumber, pageSize: w.pageSize, nextToken: w.nextToken };
}

/** Decoded repeat-list records, or [] when absent. */
export function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
}

/** Decoded packed/scalar list as strings, or undefined when absent. */
export function stringList(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(String);
  return String(v)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
