/** Tag rules the spec tables cannot express: duplicate keys across `Tag.N`. */
import { apiError } from '../context.js';
import type { InputValue } from '../../spec/ecs/types.js';
import type { Tag } from './repository.js';

/** Turn decoded `Tag.N` records into tags, refusing duplicate keys (Duplicate.TagKey). */
export function tagsFromInput(value: InputValue | undefined): Tag[] {
  const list = (Array.isArray(value) ? value : []) as Record<string, InputValue>[];
  const tags: Tag[] = [];
  for (const item of list) {
    const key = item.Key === undefined ? '' : String(item.Key);
    if (key === '') throw apiError('InvalidTagKey.Malformed', 'The parameter Tag.N.Key must be 1-128 characters.');
    if (tags.some((t) => t.key === key)) throw apiError('Duplicate.TagKey', `The tag key "${key}" is given more than once in Tag.N.Key.`);
    tags.push({ key, value: item.Value === undefined ? '' : String(item.Value) });
  }
  return tags;
}
