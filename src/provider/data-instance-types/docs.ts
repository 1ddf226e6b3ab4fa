/**
 * Generated documentation of the `alicloud_instance_types` data source in the registry layout: the Markdown page
 * (rendered from the schema by the framework) and the example file it shows. `npm run docs`
 * writes these files; the docs-current test in src/cli fails when the committed ones are stale.
 */
import { renderDocs } from '../../framework/index.js';
import { INSTANCE_TYPES_EXAMPLE } from './example.js';
import { instanceTypesSchema } from './schema.js';

/** Repository-relative path -> file content. */
export function instanceTypesDocFiles(): Record<string, string> {
  return {
    'docs/data-sources/instance_types.md': renderDocs('alicloud_instance_types', instanceTypesSchema, {
      kind: 'data-source',
      provider: 'alicloud',
      example: INSTANCE_TYPES_EXAMPLE,
    }),
    'examples/data-sources/alicloud_instance_types/data-source.tf': INSTANCE_TYPES_EXAMPLE,
  };
}
