/**
 * Paging of every list action, in one place: the classic `PageNumber`/`PageSize` (default 1 and
 * `defaultSize`) and the newer `MaxResults`/`NextToken`, where NextToken is an opaque offset
 * (`page-<offset>` unless the action names another token) and is empty on the last page.
 * Lists paged in SQL count first and ask {@link pageWindow} for the offset and limit; lists held
 * in memory use {@link paginate}.
 */
import type { ErrorSpec } from '../../spec/ecs/types.js';
import { apiError } from '../errors.js';

/** The code paging answers for a NextToken that no previous page gave (always in the emulator's table). */
export const pagingErrors: readonly ErrorSpec[] = [
  { code: 'InvalidNextToken', status: 400, message: 'The specified NextToken is not valid.' },
];

/** The paging fields of a decoded input (any of them may be absent). */
export interface PageInput {
  PageNumber?: number;
  PageSize?: number;
  MaxResults?: number;
  NextToken?: string;
}

/** How an action spells its NextToken: offset to token and back (undefined for a token no page gave). */
export interface TokenCodec {
  encode(offset: number): string;
  decode(token: string): number | undefined;
}

/** `<prefix><offset>` tokens (`page-20`, `tag-page-50`). */
export function offsetTokens(prefix: string): TokenCodec {
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`);
  return {
    encode: (offset) => `${prefix}${offset}`,
    decode: (token) => {
      const m = re.exec(token);
      return m ? Number(m[1]) : undefined;
    },
  };
}

export interface PageOptions {
  /** Page size when neither PageSize nor MaxResults is given (default 10). */
  defaultSize?: number;
  /** NextToken spelling (default `page-<offset>`). */
  tokens?: TokenCodec;
}

/** One page of `total` rows as an offset/limit (Array.prototype.slice bounds), with the numbers to answer. */
export interface PageWindow {
  offset: number;
  limit: number;
  pageNumber: number;
  pageSize: number;
  /** Token of the next page, '' on the last one. */
  nextToken: string;
}

const defaultTokens = offsetTokens('page-');

/**
 * The page of `total` rows the input asks for. MaxResults or a non-empty NextToken selects token
 * paging; otherwise PageNumber/PageSize. Throws InvalidNextToken for a token past the end or not
 * made by this action.
 */
export function pageWindow(total: number, input: PageInput, options: PageOptions = {}): PageWindow {
  const defaultSize = options.defaultSize ?? 10;
  const tokens = options.tokens ?? defaultTokens;
  let start: number, pageNumber: number, pageSize: number;
  const token = input.NextToken || undefined;
  if (input.MaxResults !== undefined || token !== undefined) {
    pageSize = input.MaxResults ?? defaultSize;
    start = 0;
    if (token !== undefined) {
      const offset = tokens.decode(token);
      if (offset === undefined || offset < 0 || offset > total)
        throw apiError('InvalidNextToken', `The NextToken "${token}" is not valid; pass the NextToken of the previous page.`);
      start = offset;
    }
    pageNumber = Math.floor(start / pageSize) + 1;
  } else {
    pageNumber = input.PageNumber ?? 1;
    pageSize = input.PageSize ?? defaultSize;
    start = (pageNumber - 1) * pageSize;
  }
  const end = start + pageSize;
  // Same clamping as slice(start, end), so odd numbers behave as they do on arrays.
  const clamp = (i: number) => (Number.isNaN(i) ? 0 : i < 0 ? Math.max(total + i, 0) : Math.min(i, total));
  const offset = clamp(start);
  return { offset, limit: Math.max(clamp(end) - offset, 0), pageNumber, pageSize, nextToken: end < total ? tokens.encode(end) : '' };
}

/** A page cut from a list held in memory. */
export interface Page<T> extends Omit<PageWindow, 'offset' | 'limit'> {
  items: T[];
  totalCount: number;
}

/** The `TotalCount`, `PageNumber` and `PageSize` of an answer, in that order. */
export const pageCounts = (page: Page<unknown>) => ({ TotalCount: page.totalCount, PageNumber: page.pageNumber, PageSize: page.pageSize });

export function paginate<T>(all: readonly T[], input: PageInput, options?: PageOptions): Page<T> {
  const w = pageWindow(all.length, input, options);
  return {
    items: all.slice(w.offset, w.offset + w.limit),
    pageNumber: w.pageNumber,
    pageSize: w.pageSize,
    nextToken: w.nextToken,
    totalCount: all.length,
  };
}
