/**
 * Generated documentation of `alicloud_vpc` in the registry layout: the Markdown page (rendered from
 * the schema by the framework) and the example files it shows. `npm run docs` writes these
 * files; the docs-current test in src/cli fails when the committed ones are stale.
 */
import { renderDocs } from '../../framework/index.js';
import { VPC_EXAMPLE, VPC_IMPORT_ID, VPC_IMPORT_SH } from './example.js';
import { vpcSchema } from './schema.js';

/** Repository-relative path -> file content. */
export function vpcDocFiles(): Record<string, string> {
  return {
    'docs/resources/vpc.md': renderDocs('alicloud_vpc', vpcSchema, {
      kind: 'resource',
      provider: 'alicloud',
      example: VPC_EXAMPLE,
      importId: VPC_IMPORT_ID,
    }),
    'examples/resources/alicloud_vpc/resource.tf': VPC_EXAMPLE,
    'examples/resources/alicloud_vpc/import.sh': VPC_IMPORT_SH,
  };
}
