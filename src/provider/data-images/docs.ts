/**
 * Generated documentation of the `alicloud_images` data source in the registry layout: the Markdown page
 * (rendered from the schema by the framework) and the example file it shows. `npm run docs`
 * writes these files; the docs-current test in src/cli fails when the committed ones are stale.
 */
import { renderDocs } from '../../framework/index.js';
import { IMAGES_EXAMPLE } from './example.js';
import { imagesSchema } from './schema.js';

/** Repository-relative path -> file content. */
export function imagesDocFiles(): Record<string, string> {
  return {
    'docs/data-sources/images.md': renderDocs('alicloud_images', imagesSchema, {
      kind: 'data-source',
      provider: 'alicloud',
      example: IMAGES_EXAMPLE,
    }),
    'examples/data-sources/alicloud_images/data-source.tf': IMAGES_EXAMPLE,
  };
}
