/**
 * The tags family: TagResources / UntagResources / ListTagResources over every resource type a
 * family registered with `registerTaggable`, plus the tag repository other families read.
 */
import { registerErrors, type Family } from '../context.js';
import { tagsActions, tagsErrors } from '../../spec/ecs/tags.js';
import { listTagResources } from './list-tag-resources.js';
import { tagsMigrations } from './migrations.js';
import { tagResources, untagResources } from './tag-resources.js';

registerErrors(tagsErrors);

export const tagsFamily: Family = {
  name: 'tags',
  product: 'Ecs',
  specs: tagsActions,
  handlers: { tagResources, untagResources, listTagResources },
  migrations: tagsMigrations,
};
