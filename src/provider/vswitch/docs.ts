/**
 * Generated documentation of `alicloud_vswitch` in the registry layout: the Markdown page (rendered from
 * the schema by the framework) and the example files it shows. `npm run docs` writes these
 * files; the docs-current test in src/cli fails when the committed ones are stale.
 */
import { renderDocs } from '../../framework/index.js';
import { VSWITCH_EXAMPLE, VSWITCH_IMPORT_ID, VSWITCH_IMPORT_SH } from './example.js';
import { vswitchSchema } from './schema.js';

/** Repository-relative path -> file content. */
export function vswitchDocFiles(): Record<string, string> {
  return {
    'docs/resources/vswitch.md': renderDocs('alicloud_vswitch', vswitchSchema, {
      kind: 'resource',
      provider: 'alicloud',
      example: VSWITCH_EXAMPLE,
      importId: VSWITCH_IMPORT_ID,
    }),
    'examples/resources/alicloud_vswitch/resource.tf': VSWITCH_EXAMPLE,
    'examples/resources/alicloud_vswitch/import.sh': VSWITCH_IMPORT_SH,
  };
}
