/**
 * Generated documentation of the `alicloud_zones` data source in the registry layout: the Markdown page
 * (rendered from the schema by the framework) and the example file it shows. `npm run docs`
 * writes these files; the docs-current test in src/cli fails when the committed ones are stale.
 */
import { renderDocs } from '../../framework/index.js';
import { ZONES_EXAMPLE } from './example.js';
import { zonesSchema } from './schema.js';

/** Repository-relative path -> file content. */
export function zonesDocFiles(): Record<string, string> {
  return {
    'docs/data-sources/zones.md': renderDocs('alicloud_zones', zonesSchema, {
      kind: 'data-source',
      provider: 'alicloud',
      example: ZONES_EXAMPLE,
    }),
    'examples/data-sources/alicloud_zones/data-source.tf': ZONES_EXAMPLE,
  };
}
