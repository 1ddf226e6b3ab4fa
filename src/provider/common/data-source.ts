/**
 * Pieces every list data source of the official provider shares: the result `id` (a hash of
 * the matched ids), the `name_regex` filter and `output_file` (the result list written as JSON).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { attr, v } from '../../framework/index.js';

/** The `id` of a list result: stable for the same ids in the same order. */
export function resultId(ids: readonly string[]): string {
  return createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 16);
}

/** `name_regex`: a filter that must compile as a regular expression. */
export function nameRegexAttribute<const D extends string>(description: D) {
  return attr.string({ optional: true, validators: [v.regex()], description });
}

/** `output_file` of a data source that writes its result list there (JSON, as the official provider). */
export const outputFileWrittenAttribute = attr.string({
  optional: true,
  validators: [v.nonEmpty()],
  description: 'File (relative to the working directory) to write the result list to, as indented JSON, on every read.',
});

/** Write `value` as the official provider does (indented JSON) to `path`, when set. */
export function writeOutputFile(path: string | null | undefined, value: unknown): void {
  if (path) writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** `fn` over `items`, at most `width` calls in flight (per-item detail reads of a list data source), results in order. */
export async function mapInBatches<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  return out;
}
