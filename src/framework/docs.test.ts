import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importScript, providerDocFiles, renderDocs, typeLinks } from './docs.js';
import { attr, block, defineSchema } from './schema/builders.js';
import { v } from './schema/validators.js';
import { widgetSchema } from './testing/widget.js';
import { memoryStore, widgetProvider } from './testing/widget-provider.js';

const render = () =>
  renderDocs('test_widget', widgetSchema, {
    kind: 'resource',
    example: 'resource "test_widget" "w" {\n  name = "demo"\n}',
    importId: 'w-1',
    subcategory: 'Widgets',
    availableSince: '1.2.0',
    productDocs: { title: 'What is a widget', url: 'https://example.com/widget' },
  });

test('docs list arguments with flags, defaults, allowed values and rules, one sentence per subject', () => {
  const md = render();
  assert.match(md, /^# test_widget \(Resource\)$/m);
  assert.match(md, /^\* `name` - \(Required, String\) Name\. Must be 1 to 16 characters long and must not start with `http:\/\/`\.$/m);
  assert.match(md, /^\* `size` - \(Optional, Integer\) Size in GiB\. Must be between 1 and 100\. Defaults to `1`\.$/m);
  assert.match(md, /^\* `zone` - \(Optional, Computed, String, ForceNew\) Zone\. Valid values: `a`, `b`\.$/m);
  assert.match(
    md,
    /^\* `tags` - \(Optional, Map of String\) Tags\. Each key must not start with `aliyun`\. Each value must be at most 8 characters long\.$/m,
  );
  assert.match(md, /^\* `ports` - \(Optional, Set of Integer\) Ports\. Each element must be between 1 and 65535\.$/m);
  assert.match(
    md,
    /`legacy_label` - \(Optional, Computed, String, Deprecated\) Old label\. Conflicts with `label`\. \*\*Deprecated:\*\* Use label instead\./,
  );
  assert.match(
    md,
    /^\* `label` - \(Optional, Computed, String\) Label\. Conflicts with `legacy_label`\.$/m,
    'conflicts are listed on both sides',
  );
  assert.match(md, /Exactly one of `source_instance`, `source_snapshot` must be set\./);
  assert.match(md, /^\* `disk` - \(Optional, Block List, Max: 3\) Disks\. See \[`disk`\]\(#disk\) below\.$/m);
  assert.match(md, /^### `disk`\n\nThe `disk` block supports:$/m, 'the section does not repeat the block description');
  assert.match(md, /^\* `format` - \(Computed, String\) Format\.$/m);
  assert.doesNotMatch(md, /If not set, the provider computes it/);
});

test('the header carries the subcategory, the product link and the official version the type appeared in', () => {
  const md = render();
  assert.match(md, /^---\nsubcategory: "Widgets"\npage_title: "test_widget Resource - test"\n/);
  assert.match(md, /^Alibaba Cloud documentation: \[What is a widget\]\(https:\/\/example\.com\/widget\)\.$/m);
  assert.match(md, /^-> \*\*NOTE:\*\* Available since v1\.2\.0 of the official `aliyun\/alicloud` provider\.$/m);
});

test('collection counts read as counts, a block conflict is listed on both sides, and each rule is said once', () => {
  const schema = defineSchema({
    description: 'Counts.',
    attributes: {
      tags: attr.map('string', {
        optional: true,
        validators: [v.count(0, 20, 'tags')],
        keyValidators: [v.length(1, 128), v.notPrefixedWith('acs:')],
        elementValidators: [v.length(0, 128)],
        description: 'Tags.',
      }),
      groups: attr.set('string', { required: true, validators: [v.count(1, 16, 'security groups')], description: 'Groups.' }),
      ids: attr.list('string', { optional: true, validators: [v.length(2, 2)], elementValidators: [v.nonEmpty()], description: 'Ids.' }),
      source: attr.string({ optional: true, validators: [v.nonEmpty()], description: 'Source.' }),
    },
    blocks: {
      disk: block.list({
        conflictsWith: ['source'],
        description: 'Disks.',
        attributes: { n: attr.int({ optional: true, description: 'N.' }) },
      }),
    },
  });
  const md = renderDocs('test_counts', schema, { kind: 'resource' });
  assert.match(
    md,
    /`tags` - \(Optional, Map of String\) Tags\. At most 20 tags\. Each key must be 1 to 128 characters long and must not start with `acs:`\. Each value must be at most 128 characters long\.\n/,
  );
  assert.match(md, /`groups` - \(Required, Set of String\) Groups\. 1 to 16 security groups\.\n/);
  assert.match(md, /`ids` - \(Optional, List of String\) Ids\. Exactly 2 items\.\n/);
  assert.match(md, /`source` - \(Optional, String\) Source\. Conflicts with `disk`\.\n/);
  assert.match(md, /`disk` - \(Optional, Block List\) Disks\. Conflicts with `source`\. See/);
  assert.equal(md.match(/Conflicts with/g)?.length, 2);
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

test('a provider registry gives every page and example file, in registry order, and the index links', () => {
  const files = providerDocFiles(widgetProvider(memoryStore(), 'test'));
  assert.deepEqual(Object.keys(files), [
    'docs/resources/widget.md',
    'examples/resources/test_widget/resource.tf',
    'examples/resources/test_widget/import.sh',
    'docs/data-sources/widget.md',
    'examples/data-sources/test_widget/data-source.tf',
  ]);
  assert.equal(files['examples/resources/test_widget/import.sh'], importScript('test_widget', 'w-1'));
  assert.match(files['examples/resources/test_widget/import.sh']!, /^terraform import test_widget\.default w-1$/m);
  assert.match(files['docs/data-sources/widget.md']!, /^# test_widget \(Data Source\)$/m);
  assert.deepEqual(typeLinks(widgetProvider(memoryStore(), 'test'), 'resource'), ['[test_widget](resources/widget.md)']);
});

test('docs output is deterministic', () => {
  assert.equal(render(), render());
});
