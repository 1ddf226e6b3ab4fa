import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderDocs } from './docs.js';
import { widgetSchema } from './testing/widget.js';

const render = () =>
  renderDocs('test_widget', widgetSchema, {
    kind: 'resource',
    example: 'resource "test_widget" "w" {\n  name = "demo"\n}',
    importId: 'w-1',
  });

test('docs list arguments with flags, defaults, allowed values and rules', () => {
  const md = render();
  assert.match(md, /^# test_widget \(Resource\)$/m);
  assert.match(md, /^\* `name` - \(Required, String\) Name\. Value length must be 1 to 16\. Value must not start with `http:\/\/`\.$/m);
  assert.match(md, /^\* `size` - \(Optional, Integer\) Size in GiB\. Defaults to `1`\. Value must be between 1 and 100\.$/m);
  assert.match(md, /^\* `zone` - \(Optional, String, ForceNew\) Zone\. Valid values: `a`, `b`\. If not set, the provider computes it\.$/m);
  assert.match(md, /`legacy_label` - \(Optional, String, Deprecated\).*Conflicts with `label`.*\*\*Deprecated:\*\* Use label instead\./);
  assert.match(md, /Exactly one of `source_instance`, `source_snapshot` must be set\./);
  assert.match(md, /^\* `disk` - \(Optional, Block List, Max: 3\) Disks\. See \[`disk`\]\(#disk\) below\.$/m);
  assert.match(md, /^### `disk`$/m);
  assert.match(md, /^\* `format` - \(Computed, String\) Format\.$/m);
});

test('docs have attributes, timeouts with defaults, example and import sections', () => {
  const md = render();
  assert.match(md, /## Attributes Reference[\s\S]*^\* `status` - \(String\) Status\.$/m);
  assert.doesNotMatch(md.split('## Attributes Reference')[1]!, /`name`/);
  assert.match(md, /^\* `create` - \(Defaults to `10m`\) Used when creating the widget\.$/m);
  assert.match(md, /^\* `delete` - \(Defaults to `5m`\) Used when deleting the widget\.$/m);
  assert.match(md, /```terraform\nresource "test_widget" "w" \{\n {2}name = "demo"\n\}\n```/);
  assert.match(md, /terraform import test_widget\.example w-1/);
});

test('docs output is deterministic', () => {
  assert.equal(render(), render());
});
