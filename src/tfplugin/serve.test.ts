import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { startPlugin, type PluginProcess } from '../testing/plugin-driver.js';
import { encodeDynamicValue, decodeDynamicValue } from './provider-rpc.js';
import { impliedType } from './cty-type.js';
import { thingSchema } from './fixtures/echo-provider.js';
import { makeEchoProviderBin } from './fixtures/echo-bin.js';
import { type TfNumber, Unknown, UNKNOWN, tfNumber, type ObjectValue } from './values.js';

const echoBin = makeEchoProviderBin();
const providerBin = echoBin.bin;
after(() => echoBin.cleanup());

const thingType = impliedType(thingSchema.block);
const running: PluginProcess[] = [];
after(() => running.forEach((p) => p.kill()));
async function launch(opts: { tls?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<PluginProcess> {
  const p = await startPlugin({ command: providerBin, ...opts });
  running.push(p);
  return p;
}

test('the handshake line is 1|6|unix|PATH|grpc|CERT with an unpadded base64 DER certificate for localhost', async () => {
  const p = await launch();
  assert.match(p.handshakeLine, /^1\|6\|unix\|\/[^|]+\.sock\|grpc\|[A-Za-z0-9+/]+$/);
  const certField = p.handshakeLine.split('|')[5]!;
  assert.ok(!certField.endsWith('='));
  const cert = new X509Certificate(p.handshake.certDer!);
  assert.equal(cert.subjectAltName, 'DNS:localhost');
  assert.equal(cert.ca, true);
  assert.ok(Date.parse(cert.validFrom) <= Date.now() - 29_000, `notBefore ${cert.validFrom} is backdated`);
  assert.ok(cert.checkIssued(cert) && cert.verify(cert.publicKey), 'self-signed with a valid signature');
  console.error(`exec -> handshake: ${p.startupMs.toFixed(1)} ms`);
  await p.shutdown();
});

test("a client presenting Terraform's certificate gets the schema, one without a certificate is refused", async () => {
  const p = await launch();
  const schema = await p.call('GetProviderSchema');
  assert.deepEqual(Object.keys(schema.resource_schemas), ['alicloud_thing']);
  assert.equal(schema.server_capabilities.plan_destroy, true);
  assert.equal(schema.server_capabilities.get_provider_schema_optional, true);
  const attrs = schema.resource_schemas.alicloud_thing.block.attributes.map((a: { name: string }) => a.name);
  assert.deepEqual(attrs, ['id', 'name', 'size', 'big', 'tags']);
  const stranger = p.connect({ withClientCertificate: false });
  await assert.rejects(stranger.call('GetProviderSchema'), (e: { code?: number }) => e.code === 14 || e.code === 4);
  stranger.close();
  await p.shutdown();
});

test('Shutdown makes the plugin exit promptly with code 0 and remove its socket', async () => {
  const p = await launch();
  assert.ok(existsSync(p.handshake.address));
  const exit = await p.shutdown();
  assert.deepEqual(exit, { code: 0, signal: null, killed: false });
  assert.equal(existsSync(p.handshake.address), false);
});

test('without PLUGIN_CLIENT_CERT the plugin serves plaintext and leaves the certificate field empty', async () => {
  const p = await launch({ tls: false });
  assert.match(p.handshakeLine, /^1\|6\|unix\|[^|]+\|grpc\|$/);
  const meta = await p.call('GetMetadata');
  assert.deepEqual(meta.resources, [{ type_name: 'alicloud_thing' }]);
  assert.deepEqual(meta.data_sources, [{ type_name: 'alicloud_echo' }]);
  await p.shutdown();
});

test('run by hand without the magic cookie, it explains itself on stderr and exits 1', () => {
  const env = { ...process.env };
  delete env.TF_PLUGIN_MAGIC_COOKIE;
  const r = spawnSync(providerBin, [], { env, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /This binary is a plugin\. These are not meant to be executed directly\./);
  assert.match(r.stderr, /dev_overrides/);
});

test('RPCs decode msgpack with the schema types and keep big numbers exact end to end', async () => {
  const p = await launch();
  const config: ObjectValue = {
    id: null,
    name: 'n1',
    size: tfNumber('1.1'),
    big: tfNumber('12345678901234567890'),
    tags: { a: 'b' },
    rule: [{ port: tfNumber('9007199254740993') }],
    timeouts: null,
  };
  const plan = await p.call('PlanResourceChange', {
    type_name: 'alicloud_thing',
    prior_state: encodeDynamicValue(thingType, null),
    proposed_new_state: encodeDynamicValue(thingType, config),
    config: encodeDynamicValue(thingType, config),
  });
  assert.deepEqual(plan.diagnostics, []);
  const planned = decodeDynamicValue(thingType, plan.planned_state) as ObjectValue;
  assert.ok(planned.id instanceof Unknown);
  assert.equal((planned.big as TfNumber).text, '12345678901234567890');
  assert.equal(((planned.rule as ObjectValue[])[0]!.port as TfNumber).text, '9007199254740993');
  const applied = await p.call('ApplyResourceChange', {
    type_name: 'alicloud_thing',
    prior_state: encodeDynamicValue(thingType, null),
    planned_state: plan.planned_state,
    config: encodeDynamicValue(thingType, config),
    planned_private: plan.planned_private,
  });
  const state = decodeDynamicValue(thingType, applied.new_state) as ObjectValue;
  assert.equal(state.id, 'thing-n1');
  assert.equal((state.size as TfNumber).text, '1.1');
  assert.equal(Buffer.from(applied.private).toString(), 'applied');
  await p.shutdown();
});

test('provider diagnostics keep their attribute path, and an exception becomes an error diagnostic', async () => {
  const p = await launch();
  const bad: ObjectValue = { id: null, name: 'invalid', size: null, big: null, tags: null, rule: [], timeouts: null };
  const v = await p.call('ValidateResourceConfig', { type_name: 'alicloud_thing', config: encodeDynamicValue(thingType, bad) });
  assert.equal(v.diagnostics[0].severity, 'ERROR');
  assert.equal(v.diagnostics[0].summary, 'Invalid Name');
  assert.deepEqual(
    v.diagnostics[0].attribute.steps.map((s: { attribute_name: string }) => s.attribute_name),
    ['name'],
  );
  const boom = { ...bad, name: 'explode' };
  const plan = await p.call('PlanResourceChange', {
    type_name: 'alicloud_thing',
    prior_state: encodeDynamicValue(thingType, null),
    proposed_new_state: encodeDynamicValue(thingType, boom),
    config: encodeDynamicValue(thingType, boom),
  });
  assert.equal(plan.diagnostics[0].severity, 'ERROR');
  assert.match(plan.diagnostics[0].detail, /boom while planning/);
  const unknownType = await p.call('ReadResource', { type_name: 'alicloud_nope', current_state: encodeDynamicValue('dynamic', null) });
  assert.match(unknownType.diagnostics[0].detail, /unknown resource type "alicloud_nope"; this provider has: alicloud_thing/);
  await p.shutdown();
});

test('unknown config values (ext 12 refinements) reach the provider and StopProvider answers', async () => {
  const p = await launch();
  const cfg: ObjectValue = {
    id: null,
    name: new Unknown({ nullable: false, stringPrefix: 'pre-' }),
    size: UNKNOWN,
    big: null,
    tags: null,
    rule: [],
    timeouts: null,
  };
  const v = await p.call('ValidateResourceConfig', { type_name: 'alicloud_thing', config: encodeDynamicValue(thingType, cfg) });
  assert.deepEqual(v.diagnostics, []);
  assert.deepEqual(await p.call('StopProvider'), { Error: '' });
  process.kill(p.child.pid!, 'SIGINT');
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual((await p.call('GetMetadata')).resources, [{ type_name: 'alicloud_thing' }], 'SIGINT is ignored');
  await p.shutdown();
});

test('an unsupported RPC answers Unimplemented and health checks say SERVING', async () => {
  const p = await launch();
  await assert.rejects(p.call('MoveResourceState', {}), (e: { code?: number }) => e.code === 12);
  const health = await p.client.call('Check', { service: 'plugin' }, { service: 'grpc.health.v1.Health' });
  assert.equal(health.status, 'SERVING');
  await p.shutdown();
});

test('exec -> handshake time and RSS are measured', async () => {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const p = await launch();
    samples.push(p.startupMs);
    if (i === 4) {
      await p.call('GetProviderSchema');
      const rss = Number(spawnSync('ps', ['-o', 'rss=', '-p', String(p.child.pid)], { encoding: 'utf8' }).stdout.trim());
      console.error(`RSS after GetProviderSchema: ${(rss / 1024).toFixed(1)} MiB`);
      assert.ok(rss > 0);
    }
    await p.shutdown();
  }
  samples.sort((a, b) => a - b);
  console.error(
    `exec -> handshake over 5 launches: median ${samples[2]!.toFixed(1)} ms, min ${samples[0]!.toFixed(1)} ms, max ${samples[4]!.toFixed(1)} ms`,
  );
  assert.equal(samples.length, 5);
});
