import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWhollyKnown, tfNumber, type ObjectValue, type Value } from '../../tfplugin/values.js';
import type { PlainObject } from '../convert.js';
import { full, proposedNew, testContext, widgetSchema } from '../testing/widget.js';
import { memoryStore, widgetServer } from '../testing/widget-provider.js';

const ctx = testContext();
const typeName = 'test_widget';

function setup() {
  const store = memoryStore();
  const server = widgetServer(store);
  const cfg = (p: PlainObject) => full(widgetSchema, { name: 'w', source_instance: 'i-1', ...p });
  async function planApply(prior: Value, config: Value) {
    await server.configureProvider(ctx, { terraformVersion: '1.11.4', config: { prefix: null, region: null } });
    const p = await server.planResourceChange(ctx, {
      typeName,
      priorState: prior,
      proposedNewState: proposedNew(widgetSchema, prior, config),
      config,
    });
    assert.deepEqual(p.diagnostics, []);
    const a = await server.applyResourceChange(ctx, { typeName, priorState: prior, plannedState: p.plannedState, config });
    return { plan: p, apply: a };
  }
  return { store, server, cfg, planApply };
}

test('create returns a wholly known state consistent with the plan', async () => {
  const { cfg, planApply, store } = setup();
  const { apply } = await planApply(null, cfg({ disk: [{ size: 20 }], timeouts: { create: '1m', delete: null } }));
  assert.deepEqual(apply.diagnostics, []);
  const s = apply.newState as ObjectValue;
  assert.equal(isWhollyKnown(s), true);
  assert.equal(s['id'], 'w-1');
  assert.deepEqual(s['size'], tfNumber(1));
  assert.deepEqual(s['timeouts'], { create: '1m', delete: null }, 'timeouts are carried from the plan');
  assert.deepEqual((s['disk'] as ObjectValue[])[0], { size: tfNumber(20), device: '/dev/xvda', format: 'ext4' });
  assert.equal(store.all.size, 1);
});

test('a create that fails after the object exists returns the partial state with the error (Terraform taints it)', async () => {
  const { cfg, planApply } = setup();
  const { apply } = await planApply(null, cfg({ name: 'fail-me' }));
  assert.equal(apply.diagnostics.length, 1);
  assert.equal(apply.diagnostics[0]!.summary, 'Widget Did Not Become Ready');
  const s = apply.newState as ObjectValue;
  assert.equal(s['id'], 'w-1');
  assert.equal(s['name'], 'fail-me', 'known planned values are kept');
  assert.equal(s['status'], null, 'values unknown in the plan become null');
  assert.equal(isWhollyKnown(s), true);
});

test('an update calls the resource with the changed names and keeps useStateForUnknown values', async () => {
  const { cfg, planApply } = setup();
  const created = (await planApply(null, cfg({}))).apply.newState;
  const { apply } = await planApply(created, cfg({ description: 'd' }));
  assert.deepEqual(apply.diagnostics, []);
  const s = apply.newState as ObjectValue;
  assert.equal(s['status'], 'updated');
  assert.equal(s['description'], 'd');
  assert.equal(s['id'], 'w-1');
});

test('a timeouts-only change applies without calling update', async () => {
  const { cfg, planApply } = setup();
  const created = (await planApply(null, cfg({}))).apply.newState;
  const { apply } = await planApply(created, cfg({ timeouts: { create: '2h', delete: null } }));
  assert.equal((apply.newState as ObjectValue)['status'], 'ready');
  assert.deepEqual((apply.newState as ObjectValue)['timeouts'], { create: '2h', delete: null });
});

test('delete returns null and removes the object', async () => {
  const { cfg, planApply, store, server } = setup();
  const created = (await planApply(null, cfg({}))).apply.newState;
  const a = await server.applyResourceChange(ctx, { typeName, priorState: created, plannedState: null, config: null });
  assert.deepEqual(a, { newState: null, diagnostics: [] });
  assert.equal(store.all.size, 0);
});

test('read returns null when the object is gone and the refreshed state otherwise', async () => {
  const { cfg, planApply, store, server } = setup();
  const created = (await planApply(null, cfg({}))).apply.newState as ObjectValue;
  store.all.get('w-1')!.label = 'drifted';
  const r = await server.readResource(ctx, { typeName, currentState: created, private: new Uint8Array([7]) });
  assert.equal((r.newState as ObjectValue)['label'], 'drifted');
  assert.deepEqual(r.private, new Uint8Array([7]));
  store.all.clear();
  assert.equal((await server.readResource(ctx, { typeName, currentState: created })).newState, null);
});

test('import fills the partial state with defaults, nulls and empty blocks', async () => {
  const { cfg, planApply, server } = setup();
  await planApply(null, cfg({}));
  const r = await server.importResourceState(ctx, { typeName, id: 'w-1' });
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.importedResources.length, 1);
  assert.equal(r.importedResources[0]!.typeName, typeName);
  const s = r.importedResources[0]!.state as ObjectValue;
  assert.equal(s['id'], 'w-1');
  assert.deepEqual(s['size'], tfNumber(1));
  assert.equal(s['name'], null);
  assert.deepEqual(s['disk'], []);
  assert.equal(s['timeouts'], null);
  const missing = await server.importResourceState(ctx, { typeName, id: 'w-404' });
  assert.match(missing.diagnostics[0]!.summary, /Non-Existent/);
});

test('the data source returns a wholly known state', async () => {
  const { cfg, planApply, server } = setup();
  await planApply(null, cfg({}));
  const r = await server.readDataSource(ctx, { typeName, config: { id: 'w-1', name: null } });
  assert.deepEqual(r, { state: { id: 'w-1', name: 'w' }, diagnostics: [] });
  const bad = await server.readDataSource(ctx, { typeName, config: { id: 'w-9', name: null } });
  assert.match(bad.diagnostics[0]!.detail!, /widget w-9 not found/);
});

test('provider validation warns about ignored arguments', async () => {
  const { server } = setup();
  const r = await server.validateProviderConfig(ctx, { config: { prefix: null, region: 'cn-hangzhou' } });
  assert.deepEqual(
    r.diagnostics.map((d) => [d.severity, d.summary, d.attribute]),
    [['warning', 'Attribute Ignored', [{ attribute: 'region' }]]],
  );
});
