/**
 * The result contract of `resource.ts`, enforced by the framework: NO_STATE without an error is
 * a provider bug, recorded progress survives a failed create (tainted) or update, a failed read
 * keeps the state, and timeouts arrive as numbers for exactly the operations the schema declares.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ObjectValue, Value } from '../../tfplugin/values.js';
import { NO_STATE, defineDataSource, defineProvider, defineResource, type NoState } from '../resource.js';
import { attr, defineSchema } from '../schema/builders.js';
import type { StateOf, TimeoutsOf } from '../schema/types.js';
import { full, proposedNew, testContext } from '../testing/widget.js';
import { createProviderServer } from './provider-server.js';

const ctx = testContext();
const schema = defineSchema({
  description: 'A thing.',
  timeouts: { create: '10m', update: '5m' },
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'Id.' }),
    name: attr.string({ required: true, description: 'Name.' }),
    status: attr.string({ computed: true, description: 'Status.' }),
  },
});
type State = StateOf<typeof schema>;

/** What the next create / update / read does (set per test). */
let behave: {
  create?: (r: {
    saveProgress(s: Partial<State>): void;
    diags: { addError(s: string, d?: string): unknown };
    timeouts: TimeoutsOf<typeof schema>;
  }) => State | NoState;
  update?: (r: { saveProgress(s: Partial<State>): void; diags: { addError(s: string, d?: string): unknown } }) => State | NoState;
  read?: (r: { diags: { addError(s: string, d?: string): unknown }; state: State }) => State | null | NoState;
  data?: () => { id: string; name: string | null } | NoState;
} = {};

const thing = defineResource({
  typeName: 'x_thing',
  schema,
  docs: { subcategory: 'Test', example: 'resource "x_thing" "t" {}', importId: 't-1' },
  create: async (r) => behave.create!(r),
  read: async (r) => behave.read!(r),
  update: async (r) => behave.update!(r),
  delete: async () => {},
});
const lookupSchema = defineSchema({
  description: 'Lookup.',
  attributes: { id: attr.string({ required: true, description: 'Id.' }), name: attr.string({ computed: true, description: 'Name.' }) },
});
const lookup = defineDataSource({
  typeName: 'x_thing',
  schema: lookupSchema,
  docs: { subcategory: 'Test', example: 'data "x_thing" "t" {}' },
  read: async () => behave.data!(),
});
const server = createProviderServer(
  defineProvider({
    typeNamePrefix: 'x',
    schema: defineSchema({ description: 'p', attributes: {} }),
    resources: [thing],
    dataSources: [lookup],
  }),
);

async function apply(prior: Value, name: string, timeouts: Record<string, string | null> | null = null) {
  const config = full(schema, { name, timeouts });
  const p = await server.planResourceChange(ctx, {
    typeName: 'x_thing',
    priorState: prior,
    proposedNewState: proposedNew(schema, prior, config),
    config,
  });
  return server.applyResourceChange(ctx, { typeName: 'x_thing', priorState: prior, plannedState: p.plannedState, config });
}

const created: ObjectValue = { id: 't-1', name: 'a', status: 'ready', timeouts: null };

test('NO_STATE without an error diagnostic is reported as a provider bug naming the type, and nothing is saved', async () => {
  behave = { create: () => NO_STATE };
  const r = await apply(null, 'a');
  assert.equal(r.newState, null);
  assert.deepEqual(
    r.diagnostics.map((d) => d.summary),
    ['Missing Resource State After Create'],
  );
  assert.match(r.diagnostics[0]!.detail!, /x_thing returned no state and no error/);
});

test('a failed create returns the recorded progress (Terraform taints it); unknown planned values become null', async () => {
  behave = {
    create: ({ saveProgress, diags }) => {
      saveProgress({ id: 't-9' });
      saveProgress({ status: 'Waiting' });
      diags.addError('Thing Did Not Start', 't-9 exists but failed');
      return NO_STATE;
    },
  };
  const r = await apply(null, 'a');
  assert.deepEqual(r.newState, { id: 't-9', name: 'a', status: 'Waiting', timeouts: null });
  assert.deepEqual(
    r.diagnostics.map((d) => d.summary),
    ['Thing Did Not Start'],
  );
});

test('errors win over a returned state: a create that also returned a state keeps only its progress', async () => {
  behave = {
    create: ({ diags }) => {
      diags.addError('Late Failure', 'x');
      return { id: 't-2', name: 'a', status: 'ready' };
    },
  };
  const r = await apply(null, 'a');
  assert.equal(r.newState, null, 'nothing was recorded with saveProgress');
});

test('a failed update returns the prior state overlaid with its progress, not the plan', async () => {
  behave = {
    update: ({ saveProgress, diags }) => {
      saveProgress({ status: 'half-updated' });
      diags.addError('Cannot Update Thing', 'x');
      return NO_STATE;
    },
  };
  const r = await apply(created, 'b');
  assert.deepEqual(r.newState, { id: 't-1', name: 'a', status: 'half-updated', timeouts: null });
  behave = { update: () => NO_STATE };
  const silent = await apply(created, 'b');
  assert.deepEqual(silent.newState, created);
  assert.equal(silent.diagnostics[0]!.summary, 'Missing Resource State After Update');
});

test('timeouts arrive as milliseconds for the declared operations: configured, else the default', async () => {
  const seen: TimeoutsOf<typeof schema>[] = [];
  behave = {
    create: ({ timeouts }) => {
      seen.push(timeouts);
      return { id: 't-1', name: 'a', status: 'ready' };
    },
  };
  await apply(null, 'a');
  await apply(null, 'a', { create: '2s', update: null });
  assert.deepEqual(seen, [
    { create: 600_000, update: 300_000 },
    { create: 2000, update: 300_000 },
  ]);
  const n: number = seen[0]!.create;
  // @ts-expect-error the schema declares no read timeout, so there is none to use
  void seen[0]!.read;
  assert.equal(n, 600_000);
});

test('a failed read keeps the current state unchanged; NO_STATE without an error is a bug and keeps it too', async () => {
  behave = {
    read: ({ diags, state }) => {
      diags.addError(`Cannot Read x_thing ${state.id}`, 'throttled');
      return NO_STATE;
    },
  };
  const failed = await server.readResource(ctx, { typeName: 'x_thing', currentState: created });
  assert.deepEqual(failed.newState, created);
  assert.equal(failed.diagnostics[0]!.summary, 'Cannot Read x_thing t-1');
  behave = { read: () => NO_STATE };
  const silent = await server.readResource(ctx, { typeName: 'x_thing', currentState: created });
  assert.deepEqual(silent.newState, created);
  assert.equal(silent.diagnostics[0]!.summary, 'Missing Resource State After Read');
  behave = { read: () => null };
  assert.equal((await server.readResource(ctx, { typeName: 'x_thing', currentState: created })).newState, null, 'null means gone');
});

test('a data source returning NO_STATE without an error is a bug; with a state it is served', async () => {
  behave = { data: () => NO_STATE };
  const r = await server.readDataSource(ctx, { typeName: 'x_thing', config: { id: 'a', name: null } });
  assert.deepEqual(
    r.diagnostics.map((d) => d.summary),
    ['Missing Data Source State'],
  );
  behave = { data: () => ({ id: 'a', name: 'n' }) };
  assert.deepEqual(await server.readDataSource(ctx, { typeName: 'x_thing', config: { id: 'a', name: null } }), {
    state: { id: 'a', name: 'n' },
    diagnostics: [],
  });
});

test('the registry refuses a type name without the prefix and a type registered twice, at start-up', () => {
  const p = defineSchema({ description: 'p', attributes: {} });
  assert.throws(() => createProviderServer(defineProvider({ typeNamePrefix: 'y', schema: p, resources: [thing] })), /must start with "y_"/);
  assert.throws(
    () => createProviderServer(defineProvider({ typeNamePrefix: 'x', schema: p, resources: [thing, thing] })),
    /x_thing is registered twice/,
  );
});
