/**
 * Generated documentation of `alicloud_image` in the registry layout: the Markdown page
 * (rendered from the schema by the framework) and the example files it shows.
 * `npm run docs` writes these files; `docs.test.ts` fails when the committed ones are stale.
 */
import { renderDocs } from '../../framework/index.js';
import { IMAGE_EXAMPLE, IMAGE_IMPORT_ID, IMAGE_IMPORT_SH } from './example.js';
import { imageSchema } from './schema.js';

const IMPORT_NOTE = `ECS does not report how an image was made, so \`instance_id\`, \`snapshot_id\`, \`force\`, \`delete_auto_snapshot\`, \`detection_strategy\` and \`license_type\` cannot be read back: the first plan after an import takes their configured values into state in place (no new image). Import reads \`disk_device_mapping\` and \`features\` from the API; a configuration without those blocks drops them from state in place, also without a new image.`;

/** Repository-relative path -> file content. */
export function imageDocFiles(): Record<string, string> {
  return {
    'docs/resources/image.md': renderDocs('alicloud_image', imageSchema, {
      kind: 'resource',
      provider: 'alicloud',
      example: IMAGE_EXAMPLE,
      importId: IMAGE_IMPORT_ID,
      importNote: IMPORT_NOTE,
    }),
    'examples/resources/alicloud_image/resource.tf': IMAGE_EXAMPLE,
    'examples/resources/alicloud_image/import.sh': IMAGE_IMPORT_SH,
  };
}
