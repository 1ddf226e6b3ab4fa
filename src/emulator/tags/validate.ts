/** Tag rules the spec tables cannot express: duplicate keys across `Tag.N`. */
import { apiError, pickErrors } from '../context.js';
import { tagsErrors } from '../../spec/ecs/tags.js';
import type { Tag } from './repository.js';

/** The codes a `Tag.N` parameter (its spec rules and {@link tagsFromInput}) answers: part of the table of every family taking tags. */
export const tagParamErrors = pickErrors(
  tagsErrors,
  'Duplicate.TagKey',
  'NumberExceed.Tags',
  'InvalidTagKey.Malformed',
  'InvalidTagValue.Malformed',
  'InvalidTagCount',
);

/** Turn decoded `Tag.N` records into tags, refusing duplicate keys (Duplicate.TagKey). */
export function tagsFromInput(list: readonly { Key?: string; Value?: string }[] | undefined): Tag[] {
  const tags: Tag[] = [];
  for (const item of list ?? []) {
    const key = item.Key ?? '';
    if (key === '') throw apiError('InvalidTagKey.Malformed', 'The parameter Tag.N.Key must be 1-128 characters.');
    if (tags.some((t) => t.key === key)) throw apiError('Duplicate.TagKey', `The tag key "${key}" is given more than once in Tag.N.Key.`);
    tags.push({ key, value: item.Value ?? '' });
  }
  return tags;
}
