/**
 * The tags family: TagResources / UntagResources / ListTagResources over every resource type a
 * served family declares in its `taggable`, plus the tag repository other families use.
 */
import type { Family } from '../context.js';
import { tagsActions, tagsErrors } from '../../spec/ecs/tags.js';
import * as handlers from './handlers.js';
import { tagsMigrations } from './migrations.js';

export const tagsFamily: Family = {
  name: 'tags',
  product: 'Ecs',
  specs: tagsActions,
  handlers,
  errors: tagsErrors,
  migrations: tagsMigrations,
};
