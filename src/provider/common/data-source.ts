/**
 * Pieces every list data source of the official provider shares: the result `id` (a hash of
 * the matched ids), the `name_regex` filter and the accepted-but-unused `output_file`.
 */
import { createHash } from 'node:crypto';
import { attr, v } from '../../framework/index.js';

/** The `id` of a list result: stable for the same ids in the same order. */
export function resultId(ids: readonly string[]): string {
  return createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 16);
}

/** `name_regex`: a filter that must compile as a regular expression. */
export function nameRegexAttribute<const D extends string>(description: D) {
  return attr.string({ optional: true, validators: [v.regex()], description });
}

/** `output_file`: accepted (the official provider writes the result there), nothing is written. */
export const outputFileAttribute = attr.string({
  optional: true,
  ignored: true,
  description: 'Accepted for compatibility; nothing is written.',
});
