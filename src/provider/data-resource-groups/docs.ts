/**
 * Generated documentation of the `alicloud_resource_manager_resource_groups` data source in the registry layout: the Markdown page
 * (rendered from the schema by the framework) and the example file it shows. `npm run docs`
 * writes these files; the docs-current test in src/cli fails when the committed ones are stale.
 */
import { renderDocs } from '../../framework/index.js';
import { RESOURCE_GROUPS_EXAMPLE } from './example.js';
import { resourceGroupsSchema } from './schema.js';

/** Repository-relative path -> file content. */
export function resourceGroupsDocFiles(): Record<string, string> {
  return {
    'docs/data-sources/resource_manager_resource_groups.md': renderDocs('alicloud_resource_manager_resource_groups', resourceGroupsSchema, {
      kind: 'data-source',
      provider: 'alicloud',
      example: RESOURCE_GROUPS_EXAMPLE,
    }),
    'examples/data-sources/alicloud_resource_manager_resource_groups/data-source.tf': RESOURCE_GROUPS_EXAMPLE,
  };
}
