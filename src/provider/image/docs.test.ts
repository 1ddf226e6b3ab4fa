import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staleDocs } from '../../cli/docs.js';
import { imageDocFiles } from './docs.js';

test('the committed alicloud_image docs and examples match what npm run docs generates', () => {
  assert.deepEqual(staleDocs(), [], 'run `npm run build && npm run docs` and commit the result');
});

test('the generated page has the registry sections and documents every rule', () => {
  const md = imageDocFiles()['docs/resources/image.md']!;
  for (const heading of ['## Example Usage', '## Argument Reference', '## Attributes Reference', '## Timeouts', '## Import'])
    assert.ok(md.includes(heading), heading);
  assert.match(md, /`architecture` - \(Optional, String, ForceNew\)/);
  assert.match(md, /Valid values: `Aliyun`, `Anolis`/);
  assert.match(md, /`name` - \(Optional, String, Deprecated\)/);
  assert.match(md, /### `disk_device_mapping`/);
  assert.match(md, /terraform import alicloud_image\.example m-/);
});
