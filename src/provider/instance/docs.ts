/**
 * Generated documentation of `alicloud_instance` in the registry layout: the Markdown page (rendered from
 * the schema by the framework) and the example files it shows. `npm run docs` writes these
 * files; the docs-current test in src/cli fails when the committed ones are stale.
 */
import { renderDocs } from '../../framework/index.js';
import { INSTANCE_EXAMPLE, INSTANCE_IMPORT_ID, INSTANCE_IMPORT_SH } from './example.js';
import { instanceSchema } from './schema.js';

/** Repository-relative path -> file content. */
export function instanceDocFiles(): Record<string, string> {
  return {
    'docs/resources/instance.md': renderDocs('alicloud_instance', instanceSchema, {
      kind: 'resource',
      provider: 'alicloud',
      example: INSTANCE_EXAMPLE,
      importId: INSTANCE_IMPORT_ID,
    }),
    'examples/resources/alicloud_instance/resource.tf': INSTANCE_EXAMPLE,
    'examples/resources/alicloud_instance/import.sh': INSTANCE_IMPORT_SH,
  };
}
