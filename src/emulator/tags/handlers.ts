/** Handlers of the tags family, one export per action (`TagResources` -> `tagResources`). */
export { tagResources, untagResources } from './tag-resources.js';
export { listTagResources } from './list-tag-resources.js';
