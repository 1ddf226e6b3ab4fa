/**
 * Acceptance: the seed example as a CDKTF TypeScript program (examples/seed-typescript).
 * The program is compiled with the root's typescript and synthesized with the root's cdktf
 * (no network, no `npm ci` in the example folder); its cdk.tf.json is applied with the real
 * terraform against an in-process emulator and our provider, every resource is checked,
 * a plan right after shows no changes, and destroy removes everything. The committed
 * bindings (.gen/) must match what the generator makes from the provider's current schema.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateCdktfBindings, readProviderSchema, staleBindings } from '../cli/cdktf-bindings.js';
import { describeAllVpcs, describeImages, describeInstances } from '../ecs/index.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../emulator/index.js';
import { createTerraformWorkspace, skipUnlessTerraform } from '../testing/terraform.js';
import { SEED_EXAMPLE_ADDRESSES, stateAddresses, useExampleHarness, type ExampleHarness } from './example-harness.js';
import { applyClean, REGION, resourceValues, tf } from './image-harness.js';

/** The repository root: the nearest folder above the compiled test holding the example. */
function findRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'examples/seed-typescript/main.ts')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`examples/seed-typescript not found above ${fileURLToPath(import.meta.url)}`);
  }
}

const root = findRoot();
const exampleDir = join(root, 'examples/seed-typescript');
const work = mkdtempSync(join(tmpdir(), 'seed-typescript-'));
let built = false;
let h: ExampleHarness | undefined;

/** Compile the example into a temp folder that resolves `cdktf`/`constructs` from the root's node_modules. */
function build(): void {
  if (built) return;
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  writeFileSync(join(work, 'package.json'), '{"type":"module"}');
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(exampleDir, 'tsconfig.json'), '--outDir', join(work, 'build')],
    { encoding: 'utf8' },
  );
  assert.equal(tsc.status, 0, `the example does not compile:\n${tsc.stdout}${tsc.stderr}`);
  built = true;
}

/** Run the compiled program (`npm run synth`'s second half) and return the parsed cdk.tf.json. */
function synth(outName: string, env: NodeJS.ProcessEnv): any {
  build();
  const outdir = join(work, outName);
  const r = spawnSync(process.execPath, [join(work, 'build/main.js')], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, ...env, CDKTF_OUTDIR: outdir },
  });
  assert.equal(r.status, 0, `synth failed:\n${r.stdout}${r.stderr}`);
  return JSON.parse(readFileSync(join(outdir, 'stacks/seed/cdk.tf.json'), 'utf8'));
}

useExampleHarness((started) => (h = started));
after(() => rmSync(work, { recursive: true, force: true }));

test('the TypeScript program synthesizes the HCL example: same addresses, arguments and references', () => {
  const j = synth('out-cloud', { ALICLOUD_EMULATOR_ENDPOINT: '' });
  const strip = (o: Record<string, any>) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== '//'));
  assert.deepEqual(Object.keys(j.resource).sort(), [
    'alicloud_image',
    'alicloud_instance',
    'alicloud_security_group',
    'alicloud_vpc',
    'alicloud_vswitch',
  ]);
  assert.deepEqual(Object.keys(j.data).sort(), [
    'alicloud_images',
    'alicloud_instance_types',
    'alicloud_resource_manager_resource_groups',
    'alicloud_zones',
  ]);
  assert.deepEqual(strip(j.resource.alicloud_vswitch.default), {
    cidr_block: '172.17.3.0/24',
    vpc_id: '${alicloud_vpc.default.id}',
    vswitch_name: 'terraform-example',
    zone_id: '${data.alicloud_zones.default.zones[0].id}',
  });
  // `ids.0` is propertyAccess's spelling of HCL's `ids[0]` (the legacy index form; the apply test evaluates it).
  assert.deepEqual(strip(j.resource.alicloud_instance.default), {
    availability_zone: '${data.alicloud_zones.default.zones[0].id}',
    image_id: '${data.alicloud_images.default.ids.0}',
    instance_name: 'terraform-example',
    instance_type: '${data.alicloud_instance_types.default.ids.0}',
    internet_max_bandwidth_out: 10,
    security_groups: ['${alicloud_security_group.default.id}'],
    vswitch_id: '${alicloud_vswitch.default.id}',
  });
  assert.deepEqual(strip(j.resource.alicloud_image.default), {
    architecture: 'x86_64',
    description: 'terraform-example',
    image_name: 'terraform-example',
    instance_id: '${alicloud_instance.default.id}',
    platform: 'CentOS',
    resource_group_id: '${data.alicloud_resource_manager_resource_groups.default.ids.0}',
    tags: { FinanceDept: 'FinanceDeptJoshua' },
  });
  assert.deepEqual(j.output, {
    image_id: { value: '${alicloud_image.default.id}' },
    image_status: { value: '${alicloud_image.default.status}' },
  });
  assert.deepEqual(
    j.provider.alicloud,
    [{}],
    'without ALICLOUD_EMULATOR_ENDPOINT the provider block is empty (real cloud, credentials from the environment)',
  );
  assert.equal(j.terraform.required_providers.alicloud.source, 'aliyun/alicloud');
  assert.equal(j.terraform.backend, undefined, 'no backend block, so dev_overrides works without terraform init');
});

test('the committed bindings in examples/seed-typescript/.gen match the provider schema', (t) => {
  if (skipUnlessTerraform(t)) return;
  const files = generateCdktfBindings(readProviderSchema({ providerBinDir: h!.binDir }), { source: 'aliyun/alicloud' });
  assert.deepEqual(
    staleBindings(join(exampleDir, '.gen'), files),
    [],
    'the bindings are stale: run `npm run get` in examples/seed-typescript and commit .gen/',
  );
});

test('cdk.tf.json applies against the emulator, plans clean, and destroys everything', { timeout: 300_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const j = synth('out-emulator', { ALICLOUD_EMULATOR_ENDPOINT: h!.proxy.endpoint });
  const ep = h!.proxy.endpoint;
  assert.deepEqual(j.provider.alicloud, [{ protocol: 'HTTP', endpoints: [{ ecs: ep, vpc: ep, resourcemanager: ep }] }]);
  const ws = createTerraformWorkspace({
    providerBinDir: h!.binDir,
    files: { 'cdk.tf.json': JSON.stringify(j, null, 2) },
    env: { ALICLOUD_ACCESS_KEY: DEFAULT_ACCESS_KEY_ID, ALICLOUD_SECRET_KEY: DEFAULT_ACCESS_KEY_SECRET, ALICLOUD_REGION: REGION },
  });
  t.after(() => ws.cleanup());
  await applyClean(ws);

  assert.deepEqual(await stateAddresses(ws), SEED_EXAMPLE_ADDRESSES);
  const state = await ws.state();
  const vpc = await resourceValues(ws, 'alicloud_vpc.default');
  assert.equal(vpc?.status, 'Available');
  assert.equal(vpc?.vpc_name, 'terraform-example');
  const vsw = await resourceValues(ws, 'alicloud_vswitch.default');
  assert.equal(vsw?.vpc_id, vpc?.id);
  assert.equal(vsw?.cidr_block, '172.17.3.0/24');
  const sg = await resourceValues(ws, 'alicloud_security_group.default');
  assert.equal(sg?.vpc_id, vpc?.id);
  const inst = await resourceValues(ws, 'alicloud_instance.default');
  assert.equal(inst?.status, 'Running');
  assert.equal(inst?.vswitch_id, vsw?.id);
  assert.deepEqual(inst?.security_groups, [sg?.id]);
  assert.match(inst?.image_id, /^ubuntu_/);
  const image = await resourceValues(ws, 'alicloud_image.default');
  assert.equal(image?.instance_id, inst?.id);
  assert.equal(image?.status, 'Available');
  assert.equal(image?.image_name, 'terraform-example');
  assert.equal(image?.platform, 'CentOS');
  assert.deepEqual(image?.tags, { FinanceDept: 'FinanceDeptJoshua' });
  assert.equal(state.values.outputs.image_id.value, image?.id);
  assert.equal(state.values.outputs.image_status.value, 'Available');

  await tf(ws, ['destroy', '-auto-approve']);
  assert.deepEqual((await ws.state()).values?.root_module?.resources ?? [], []);
  const client = h!.client;
  assert.deepEqual(
    (await describeAllVpcs(client)).filter((v) => !v.IsDefault).map((v) => v.VpcId),
    [],
    'only the seeded default VPC remains',
  );
  assert.deepEqual((await describeInstances(client, { InstanceIds: [inst!.id] })).instances, []);
  assert.deepEqual(
    (await describeImages(client, { ImageOwnerAlias: 'self', Status: ['ALL'] })).images.filter((i) => i.ImageId === image?.id),
    [],
  );
});
