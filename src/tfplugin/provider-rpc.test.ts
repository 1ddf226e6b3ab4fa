import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProviderRpc, decodeDynamicValue, encodeDynamicValue } from './provider-rpc.js';
import { createEchoServer, thingSchema } from './fixtures/echo-provider.js';
import { createLogger } from './log.js';
import { impliedType } from './cty-type.js';
import type { ProviderServer } from './provider-server.js';
import type { ObjectValue, TfNumber } from './values.js';

const log = createLogger({ level: 'off' });
const thingType = impliedType(thingSchema.block);

test('UpgradeResourceState parses pretty-printed raw state JSON losslessly and re-encodes it for the current schema', async () => {
  const rpc = new ProviderRpc(createEchoServer(), log);
  const json =
    '{\n  "id": "thing-a",\n  "name": "a",\n  "big": 12345678901234567890,\n  "removed_attr": 1,\n  "rule": [],\n  "size": null, "tags": null, "timeouts": null\n}';
  const res = await rpc.handlers.UpgradeResourceState!({ type_name: 'alicloud_thing', version: 0, raw_state: { json: Buffer.from(json) } });
  assert.deepEqual(res.diagnostics, []);
  const state = decodeDynamicValue(thingType, res.upgraded_state) as ObjectValue;
  assert.equal((state.big as TfNumber).text, '12345678901234567890');
  assert.equal(state.id, 'thing-a');
});

test('RPCs work without a prior GetProviderSchema call, as get_provider_schema_optional allows', async () => {
  const rpc = new ProviderRpc(createEchoServer(), log);
  const res = await rpc.handlers.ReadDataSource!({
    type_name: 'alicloud_echo',
    config: encodeDynamicValue(['object', { input: 'string', output: 'string' }], { input: 'x', output: null }),
  });
  assert.deepEqual(decodeDynamicValue(['object', { input: 'string', output: 'string' }], res.state), { input: 'x', output: 'echo:x' });
});

test('a failing getProviderSchema still answers with a provider schema and an error diagnostic', async () => {
  const broken = {
    ...createEchoServer(),
    getProviderSchema: async () => {
      throw new Error('no schema today');
    },
  } as ProviderServer;
  const res = await new ProviderRpc(broken, log).handlers.GetProviderSchema!({});
  assert.ok(res.provider);
  assert.equal(res.diagnostics[0].severity, 'ERROR');
  assert.match(res.diagnostics[0].detail, /no schema today/);
});

test('a response value that does not match the schema becomes an error diagnostic naming the attribute', async () => {
  const server = {
    ...createEchoServer(),
    readResource: async () => ({ newState: { name: 5 } as never, diagnostics: [] }),
  } as ProviderServer;
  const res = await new ProviderRpc(server, log).handlers.ReadResource!({
    type_name: 'alicloud_thing',
    current_state: encodeDynamicValue(thingType, null),
  });
  assert.match(res.diagnostics[0].detail, /\.name: expected string, got number/);
});

test('StopProvider aborts the signal of in-flight calls', async () => {
  let seen: AbortSignal | undefined;
  const server = {
    ...createEchoServer(),
    configureProvider: (ctx) =>
      new Promise((resolve) => {
        seen = ctx.signal;
        ctx.signal.addEventListener('abort', () => resolve({ diagnostics: [{ severity: 'error', summary: 'Cancelled' }] }));
      }),
  } as ProviderServer;
  const rpc = new ProviderRpc(server, log);
  const pending = rpc.handlers.ConfigureProvider!({ terraform_version: '1.11.4', config: { msgpack: Buffer.from([0xc0]) } });
  while (!seen) await new Promise((r) => setImmediate(r));
  assert.deepEqual(await rpc.handlers.StopProvider!({}), { Error: '' });
  const res = await pending;
  assert.equal(seen.aborted, true);
  assert.equal(res.diagnostics[0].summary, 'Cancelled');
});
