import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EcsApiError, type HandlerContext } from '../context.js';
import { EmulatorBackend } from '../backend.js';
import { regionsFamily } from '../regions/family.js';
import { applyMigrations } from './migrate.js';
import { openDatabase } from './open.js';
import { clientTokensTableSql, moveClientTokensSql, requestFingerprint, withClientToken } from './client-tokens.js';

function context(accountId = 1): HandlerContext {
  const db = openDatabase(':memory:');
  db.exec(clientTokensTableSql);
  return {
    db,
    account: { accessKeyId: 'k', accountId },
    regionId: 'cn-hangzhou',
    requestId: 'R',
    host: 'h',
    settings: { imageCreateSeconds: 0, instanceStartSeconds: 0, defaultRegionId: 'cn-hangzhou' },
    now: () => new Date(0),
    newId: (p) => `${p}1`,
    backend: new EmulatorBackend([regionsFamily]),
  };
}

test('the fingerprint ignores key order, ClientToken and DryRun but not values', () => {
  assert.equal(
    requestFingerprint({ A: 1, B: { y: 2, x: 1 }, ClientToken: 't', DryRun: true }),
    requestFingerprint({ B: { x: 1, y: 2 }, A: 1 }),
  );
  assert.notEqual(requestFingerprint({ A: 1 }), requestFingerprint({ A: 2 }));
});

test('a repeated token with the same parameters answers the first result without running again', () => {
  const ctx = context();
  let runs = 0;
  const run = () => ({ Id: `x-${++runs}` });
  assert.deepEqual(withClientToken(ctx, 'CreateThing', 'tok', { Name: 'a' }, run), { Id: 'x-1' });
  assert.deepEqual(withClientToken(ctx, 'CreateThing', 'tok', { Name: 'a', ClientToken: 'tok' }, run), { Id: 'x-1' });
  assert.equal(runs, 1);
  assert.deepEqual(withClientToken(ctx, 'OtherThing', 'tok', { Name: 'a' }, run), { Id: 'x-2' }, 'tokens are per action');
});

test('the same token with other parameters is refused with IdempotentParameterMismatch', () => {
  const ctx = context();
  withClientToken(ctx, 'CreateThing', 'tok', { Name: 'a' }, () => ({ Id: 'x' }));
  assert.throws(
    () => withClientToken(ctx, 'CreateThing', 'tok', { Name: 'b' }, () => ({ Id: 'y' })),
    (e: unknown) => e instanceof EcsApiError && e.code === 'IdempotentParameterMismatch' && /CreateThing/.test(e.message),
  );
});

test('no token always runs, and a failed run stores nothing', () => {
  const ctx = context();
  let runs = 0;
  withClientToken(ctx, 'CreateThing', undefined, {}, () => ({ n: ++runs }));
  withClientToken(ctx, 'CreateThing', '', {}, () => ({ n: ++runs }));
  assert.equal(runs, 2);
  assert.throws(
    () =>
      withClientToken(ctx, 'CreateThing', 'tok', {}, () => {
        throw new Error('boom');
      }),
    /boom/,
  );
  assert.deepEqual(
    withClientToken(ctx, 'CreateThing', 'tok', {}, () => ({ n: 'after' })),
    { n: 'after' },
  );
});

test('the move migration copies an older token table into client_tokens and drops it, and works on a new database too', () => {
  const old = openDatabase(':memory:');
  old.exec(`CREATE TABLE old_tokens (account_id INTEGER, region_id TEXT, action TEXT, token TEXT, fingerprint TEXT, result TEXT);
    INSERT INTO old_tokens VALUES (1, 'cn-hangzhou', 'RunInstances', 't1', 'fp', '{"a":1}');`);
  const family = {
    name: 'f',
    product: 'Ecs',
    specs: [],
    handlers: {},
    migrations: [{ id: '001', sql: moveClientTokensSql('old_tokens') }],
  };
  applyMigrations(old, [family]);
  assert.deepEqual(old.prepare('SELECT account_id, action, token, fingerprint, result FROM client_tokens').all(), [
    { account_id: 1, action: 'RunInstances', token: 't1', fingerprint: 'fp', result: '{"a":1}' },
  ]);
  assert.deepEqual(old.prepare("SELECT name FROM sqlite_master WHERE name = 'old_tokens'").all(), []);
  const fresh = openDatabase(':memory:');
  applyMigrations(fresh, [family]);
  assert.deepEqual(fresh.prepare("SELECT name FROM sqlite_master WHERE name IN ('old_tokens', 'client_tokens')").all(), [
    { name: 'client_tokens' },
  ]);
});
