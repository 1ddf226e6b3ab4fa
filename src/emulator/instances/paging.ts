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

export function paginate<T>(all: readonly T[], input: ActionInput, defaultSize = 10): Page<T> {
  if (input.MaxResults !== undefined || (typeof input.NextToken === 'string' && input.NextToken !== '')) {
    const size = typeof input.MaxResults === 'number' ? input.MaxResults : defaultSize;
    let start = 0;
    if (typeof input.NextToken === 'string' && input.NextToken !== '') {
      const m = /^page-(\d+)$/.exec(input.NextToken);
      if (!m || Number(m[1]) > all.length) throw apiError('InvalidNextToken', `The NextToken "${input.NextToken}" is not valid; pass the NextToken of the previous page.`);
      start = Number(m[1]);
    }
    const end = start + size;
    return { items: all.slice(start, end), pageNumber: Math.floor(start / size) + 1, pageSize: size, nextToken: end < all.length ? `page-${end}` : '' };
  }
  const pageNumber = typeof input.PageNumber === 'number' ? input.PageNumber : 1;
  const pageSize = typeof input.PageSize === 'number' ? input.PageSize : defaultSize;
  const start = (pageNumber - 1) * pageSize;
  const end = start + pageSize;
  return { items: all.slice(start, end), pageNumber, pageSize, nextToken: end < all.length ? `page-${end}` : '' };
}

/** Decoded repeat-list records, or [] when absent. */
export function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
}

/** Decoded packed/scalar list as strings, or undefined when absent. */
export function stringList(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(String);
  return String(v).split(',').map((s) => s.trim()).filter((s) => s !== '');
}
