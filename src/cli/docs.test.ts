import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { alicloudProvider } from '../provider/provider.js';
import { exampleFiles, generatedDocs, staleDocs } from './docs.js';
import { emulatorActions } from './docs-emulator.js';
import { environmentVariables, ignoredArguments } from './docs-index.js';
import { families } from '../emulator/families.js';

const docs = generatedDocs();

test('every committed doc and example matches what npm run docs generates (the --check logic)', () => {
  assert.deepEqual(staleDocs(), [], 'run `npm run build && npm run docs` and commit the result');
});

test('the check reports a missing file and an edited file as stale, and nothing once they are rewritten', () => {
  const root = mkdtempSync(join(tmpdir(), 'docs-check-'));
  try {
    const paths = Object.keys(docs);
    assert.deepEqual(staleDocs(root), paths);
    for (const [p, text] of Object.entries(docs)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), text);
    }
    assert.deepEqual(staleDocs(root), []);
    writeFileSync(join(root, 'docs/resources/vpc.md'), `${docs['docs/resources/vpc.md']}\nhand edit\n`);
    assert.deepEqual(staleDocs(root), ['docs/resources/vpc.md']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('generation is deterministic: two runs give byte-identical files in the same order', () => {
  assert.deepEqual(Object.entries(generatedDocs()), Object.entries(docs));
});

test('every resource and data source the provider serves has a registry page with its sections and an example file', () => {
  const resources = alicloudProvider.resources.map((r) => r.typeName);
  const dataSources = (alicloudProvider.dataSources ?? []).map((d) => d.typeName);
  assert.ok(resources.length >= 5 && dataSources.length >= 4, `provider lists resources ${resources} and data sources ${dataSources}`);
  for (const type of resources) {
    const md = docs[`docs/resources/${type.replace(/^alicloud_/, '')}.md`];
    assert.ok(md, `no page for ${type}`);
    const resource = alicloudProvider.resources.find((r) => r.typeName === type)!;
    const hasTimeouts = Object.keys(resource.schema.timeouts ?? {}).length > 0;
    for (const h of [
      '## Example Usage',
      '## Argument Reference',
      '## Attributes Reference',
      ...(hasTimeouts ? ['## Timeouts'] : []),
      '## Import',
    ])
      assert.ok(md.includes(h), `${type}: ${h}`);
    assert.ok(docs[`examples/resources/${type}/resource.tf`]?.includes(`resource "${type}"`), `${type}: resource.tf`);
    assert.match(docs[`examples/resources/${type}/import.sh`] ?? '', new RegExp(`terraform import ${type}\\.default \\S+`));
  }
  for (const type of dataSources) {
    const md = docs[`docs/data-sources/${type.replace(/^alicloud_/, '')}.md`];
    assert.ok(md, `no page for ${type}`);
    for (const h of ['## Example Usage', '## Argument Reference', '## Attributes Reference']) assert.ok(md.includes(h), `${type}: ${h}`);
    assert.ok(docs[`examples/data-sources/${type}/data-source.tf`]?.includes(`data "${type}"`), `${type}: data-source.tf`);
  }
  assert.equal(Object.keys(exampleFiles()).length, resources.length + dataSources.length);
});

test('every page carries its registry subcategory, and says each rule once', () => {
  for (const [path, md] of Object.entries(docs).filter(([p]) => /^docs\/(resources|data-sources)\//.test(p))) {
    assert.match(md, /^---\nsubcategory: "(ECS|VPC|Resource Manager|RAM)"\n/, path);
    for (const line of md.split('\n').filter((l) => l.startsWith('* `'))) {
      const sentences = line.split(/(?<=\.) /).filter((x) => x.length > 12);
      assert.equal(new Set(sentences).size, sentences.length, `${path}: a sentence repeats in ${line}`);
      assert.doesNotMatch(line, /If not set[^.]*\. .*If not set/, `${path}: ${line}`);
      assert.ok((line.match(/Conflicts with/g) ?? []).length <= 1, `${path}: ${line}`);
    }
  }
});

test('the alicloud_image page has the registry sections, front matter and every rule', () => {
  const md = docs['docs/resources/image.md']!;
  for (const heading of ['## Example Usage', '## Argument Reference', '## Attributes Reference', '## Timeouts', '## Import'])
    assert.ok(md.includes(heading), heading);
  assert.match(md, /^---\nsubcategory: "ECS"\n/);
  assert.match(md, /Available since v1\.64\.0 of the official `aliyun\/alicloud` provider/);
  assert.match(md, /^Alibaba Cloud documentation: \[CreateImage\]\(https:\/\/www\.alibabacloud\.com\/help\/en\/ecs\//m);
  assert.match(md, /`architecture` - \(Optional, String, ForceNew\)/);
  assert.match(md, /Valid values: `Aliyun`, `Anolis`/);
  assert.match(md, /`name` - \(Optional, Computed, String, Deprecated\)/);
  assert.match(md, /`tags` - \(Optional, Map of String\) [^\n]*At most 20 tags\. Each key must be 1 to 128 characters long/);
  assert.match(md, /`instance_id` - [^\n]*Conflicts with `disk_device_mapping`, `snapshot_id`\.\n/);
  assert.match(md, /### `disk_device_mapping`/);
  assert.match(md, /terraform import alicloud_image\.example m-/);
  assert.doesNotMatch(md, /1234567890123456/, "the example uses data sources, not the emulator's seeded ids");
});

test('the provider page documents endpoints, protocol, environment variables and the ignored official arguments from the schema', () => {
  const md = docs['docs/index.md']!;
  assert.match(md, /\* `protocol` - \(Optional, String\).*Valid values: `HTTP`, `HTTPS`/);
  assert.match(md, /### `endpoints`/);
  assert.match(md, /\| `ALICLOUD_ACCESS_KEY` \| `access_key` \|/);
  assert.match(md, /\| `ALIBABA_CLOUD_ENDPOINT_ECS` \| `endpoints.ecs` \|/);
  const env = environmentVariables().map(([n]) => n);
  assert.ok(env.includes('ALICLOUD_SECRET_KEY') && env.includes('VPC_ENDPOINT'), env.join(','));
  const ignored = ignoredArguments();
  assert.ok(ignored.includes('account_id') && ignored.includes('endpoints.oos'), ignored.join(', '));
  assert.ok(!ignored.includes('assume_role') && !ignored.includes('ecs_role_name'), 'credential modes are served, not ignored');
  assert.ok(!ignored.includes('endpoints.ecs') && !ignored.includes('endpoints.oss') && !ignored.includes('region'));
  assert.match(md, /### `assume_role`/);
  assert.match(md, /protocol {3}= "HTTP"/);
});

test('the emulator pages list every action of every registered family, and the admin and fault routes', () => {
  const actions = emulatorActions();
  const specCount = families.reduce((n, f) => n + f.specs.length, 0);
  assert.equal(actions.length, specCount);
  for (const a of ['CreateImage', 'DescribeImages', 'RunInstances', 'CreateVpc', 'ListResourceGroups']) {
    assert.ok(
      actions.some((r) => r.action === a),
      a,
    );
    assert.match(docs['docs/emulator-actions.md']!, new RegExp(`\\| \`${a}\` \\|`));
  }
  const md = docs['docs/emulator.md']!;
  for (const s of [
    '/_emulator/faults',
    '/_emulator/stats',
    '/_emulator/reset',
    'LTAI5tEmulatorDefaultKey',
    'emulator:fail',
    'src/emulator/SEED.md',
    'zones/SEED.md',
    '--image-create-seconds',
    'drop-after-commit',
  ]) {
    assert.ok(md.includes(s), s);
  }
});

test('an action spec without a handler makes the emulator docs refuse to generate rather than lie', () => {
  const f = families[0]!;
  const broken = { ...f, handlers: {} };
  assert.throws(() => emulatorActions([broken]), /without a handler/);
});
