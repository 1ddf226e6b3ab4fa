import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import {
  generateCdktfBindings,
  propertyName,
  schemaDigest,
  staleBindings,
  writeBindings,
  type ProviderSchemasJson,
} from './cdktf-bindings.js';

/** The repository root: the nearest folder above this file with a package.json (works from dist/ and .build/<name>/). */
function findProjectRoot(from: string): string {
  for (let d = from; d !== dirname(d); d = dirname(d)) if (existsSync(join(d, 'package.json'))) return d;
  throw new Error(`no package.json above ${from}`);
}
const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A small schema with the shapes the generator must handle: nested blocks, maps, computed object lists, reserved names. */
const schema: ProviderSchemasJson = {
  format_version: '1.0',
  provider_schemas: {
    'registry.terraform.io/aliyun/alicloud': {
      provider: {
        version: 0,
        block: {
          attributes: { region: { type: 'string', optional: true }, protocol: { type: 'string', optional: true } },
          block_types: { endpoints: { nesting_mode: 'set', block: { attributes: { ecs: { type: 'string', optional: true } } } } },
        },
      },
      resource_schemas: {
        alicloud_thing: {
          version: 0,
          block: {
            description: 'A thing. Closing */ is escaped.',
            attributes: {
              id: { type: 'string', computed: true },
              thing_name: { type: 'string', required: true, description: 'Name of the thing.' },
              node: { type: 'number', optional: true },
              enabled: { type: 'bool', optional: true },
              tags: { type: ['map', 'string'], optional: true },
              security_groups: { type: ['set', 'string'], optional: true },
              status: { type: 'string', computed: true },
            },
            block_types: {
              disk: {
                nesting_mode: 'list',
                max_items: 2,
                block: { attributes: { disk_type: { type: 'string', optional: true }, size: { type: 'number', optional: true } } },
              },
              timeouts: { nesting_mode: 'single', block: { attributes: { create: { type: 'string', optional: true } } } },
            },
          },
        },
      },
      data_source_schemas: {
        alicloud_spots: {
          version: 0,
          block: {
            attributes: {
              name_regex: { type: 'string', optional: true },
              ids: { type: ['list', 'string'], computed: true },
              spots: { type: ['list', ['object', { id: 'string', cores: 'number', zone_ids: ['list', 'string'] }]], computed: true },
            },
          },
        },
      },
    },
  },
};

test('names follow the CDKTF generator: folders, classes and namespaces per resource and data source', () => {
  const files = generateCdktfBindings(schema);
  assert.deepEqual([...files.keys()].sort(), [
    'providers/alicloud/data-alicloud-spots/index.ts',
    'providers/alicloud/index.ts',
    'providers/alicloud/provider/index.ts',
    'providers/alicloud/runtime.ts',
    'providers/alicloud/thing/index.ts',
  ]);
  const thing = files.get('providers/alicloud/thing/index.ts')!;
  assert.match(thing, /export class Thing extends cdktf\.TerraformResource/);
  assert.match(thing, /readonly thingName: string;/);
  assert.match(thing, /readonly nodeAttribute\?: number;/, 'a name clashing with a construct member is suffixed');
  assert.match(thing, /readonly disk\?: ThingDisk\[\] \| cdktf\.IResolvable;/);
  assert.match(thing, /Closing \*\\\/ is escaped/);
  assert.doesNotMatch(thing, /readonly status\?/, 'computed-only attributes are not config');
  assert.match(
    files.get('providers/alicloud/data-alicloud-spots/index.ts')!,
    /export class DataAlicloudSpotsSpotsList extends cdktf\.ComplexList/,
  );
  assert.match(files.get('providers/alicloud/index.ts')!, /export \* as dataAlicloudSpots from '\.\/data-alicloud-spots\/index\.js';/);
  assert.equal(propertyName('depends_on'), 'dependsOnAttribute');
  assert.equal(propertyName('vswitch_id'), 'vswitchId');
});

test('the same schema gives byte-identical files, and a changed schema changes the digest in index.ts', () => {
  const a = generateCdktfBindings(schema);
  const b = generateCdktfBindings(JSON.parse(JSON.stringify(schema)));
  assert.deepEqual([...a], [...b]);
  const changed: ProviderSchemasJson = JSON.parse(JSON.stringify(schema));
  changed.provider_schemas['registry.terraform.io/aliyun/alicloud']!.resource_schemas!['alicloud_thing']!.block.attributes!['extra'] = {
    type: 'string',
    optional: true,
  };
  const entry = (s: ProviderSchemasJson) => s.provider_schemas['registry.terraform.io/aliyun/alicloud']!;
  assert.notEqual(schemaDigest(entry(changed)), schemaDigest(entry(schema)));
  assert.notEqual(generateCdktfBindings(changed).get('providers/alicloud/index.ts'), a.get('providers/alicloud/index.ts'));
});

test('an unknown provider source is refused with the addresses the schema has', () => {
  assert.throws(
    () => generateCdktfBindings(schema, { source: 'hashicorp/aws' }),
    /provider "hashicorp\/aws" not found; the schema has "registry\.terraform\.io\/aliyun\/alicloud"/,
  );
});

test('staleBindings lists changed, missing and extra files, and nothing after writeBindings', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-bindings-stale-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files = generateCdktfBindings(schema);
  assert.equal(staleBindings(dir, files).length, files.size);
  writeBindings(dir, files);
  assert.deepEqual(staleBindings(dir, files), []);
  writeFileSync(join(dir, 'providers/alicloud/thing/index.ts'), '// edited by hand\n');
  writeFileSync(join(dir, 'providers/alicloud/old.ts'), '// left over\n');
  assert.deepEqual(staleBindings(dir, files), ['providers/alicloud/old.ts', 'providers/alicloud/thing/index.ts']);
  writeBindings(dir, files);
  assert.deepEqual(staleBindings(dir, files), [], 'writeBindings replaces the provider folder, removing leftovers');
});

test('generated classes synthesize Terraform JSON with snake_case names, untouched map keys and typed references', async (t) => {
  // Transpile the generated TS in memory and run it with the cdktf the root package installs.
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-bindings-synth-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  for (const [path, text] of generateCdktfBindings(schema)) {
    const out = join(dir, path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText,
    );
  }
  const alicloud = await import(pathToFileURL(join(dir, 'providers/alicloud/index.js')).href);
  const { App, TerraformStack, Testing } = await import('cdktf');
  const app = new App({ outdir: join(dir, 'out') });
  const stack = new TerraformStack(app, 'probe');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { protocol: 'HTTP', endpoints: [{ ecs: '127.0.0.1:1' }] });
  const spots = new alicloud.dataAlicloudSpots.DataAlicloudSpots(stack, 'default', { nameRegex: '^a' });
  new alicloud.thing.Thing(stack, 'default_1', {
    thingName: spots.spots.get(0).id,
    nodeAttribute: 2,
    tags: { FinanceDept: 'FinanceDeptJoshua' },
    disk: [{ diskType: 'data', size: 20 }],
    timeouts: { create: '5m' },
    securityGroups: [spots.spots.get(1).id],
  }).overrideLogicalId('default');
  const json = JSON.parse(Testing.synth(stack));
  assert.deepEqual(json.provider.alicloud, [{ protocol: 'HTTP', endpoints: [{ ecs: '127.0.0.1:1' }] }]);
  assert.deepEqual(json.data.alicloud_spots.default, { name_regex: '^a' });
  assert.deepEqual(json.resource.alicloud_thing.default, {
    thing_name: '${data.alicloud_spots.default.spots[0].id}',
    node: 2,
    tags: { FinanceDept: 'FinanceDeptJoshua' },
    disk: [{ disk_type: 'data', size: 20 }],
    timeouts: { create: '5m' },
    security_groups: ['${data.alicloud_spots.default.spots[1].id}'],
  });
  assert.equal(json.terraform.required_providers.alicloud.source, 'aliyun/alicloud');
  assert.ok(readFileSync(join(dir, 'providers/alicloud/thing/index.js'), 'utf8').includes('class Thing'));
});
