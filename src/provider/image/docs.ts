/**
 * Generated documentation of `alicloud_image` in the registry layout: the Markdown page
 * (rendered from the schema by the framework) and the example files it shows.
 * `npm run docs` writes these files; `docs.test.ts` fails when the committed ones are stale.
 */
import { renderDocs } from '../../framework/index.js';
import { IMAGE_EXAMPLE, IMAGE_IMPORT_ID, IMAGE_IMPORT_SH } from './example.js';
import { imageSchema } from './schema.js';

/** Repository-relative path -> file content. */
export function imageDocFiles(): Record<string, string> {
  return {
    'docs/resources/image.md': renderDocs('alicloud_image', imageSchema, { kind: 'resource', provider: 'alicloud', example: IMAGE_EXAMPLE, importId: IMAGE_IMPORT_ID }),
    'examples/resources/alicloud_image/resource.tf': IMAGE_EXAMPLE,
    'examples/resources/alicloud_image/import.sh': IMAGE_IMPORT_SH,
  };
}
