/**
 * Generated documentation of `alicloud_security_group` in the registry layout: the Markdown page (rendered from
 * the schema by the framework) and the example files it shows. `npm run docs` writes these
 * files; the docs-current test in src/cli fails when the committed ones are stale.
 */
import { renderDocs } from '../../framework/index.js';
import { SECURITY_GROUP_EXAMPLE, SECURITY_GROUP_IMPORT_ID, SECURITY_GROUP_IMPORT_SH } from './example.js';
import { securityGroupSchema } from './schema.js';

/** Repository-relative path -> file content. */
export function securityGroupDocFiles(): Record<string, string> {
  return {
    'docs/resources/security_group.md': renderDocs('alicloud_security_group', securityGroupSchema, {
      kind: 'resource',
      provider: 'alicloud',
      example: SECURITY_GROUP_EXAMPLE,
      importId: SECURITY_GROUP_IMPORT_ID,
    }),
    'examples/resources/alicloud_security_group/resource.tf': SECURITY_GROUP_EXAMPLE,
    'examples/resources/alicloud_security_group/import.sh': SECURITY_GROUP_IMPORT_SH,
  };
}
