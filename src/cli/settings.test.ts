import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { UsageError } from './flags.js';
import { dataHome, defaultHome, isSourceCheckout, loopbackHost, resolveSettings } from './settings.js';

const checkout = '/src/alicloud-image';
const installed = '/usr/lib/node_modules/alicloud-image';

test('settings come from the flag, else the ALICLOUD_IMAGE_* variable, else the default', () => {
  const none = resolveSettings(new Map(), {}, checkout);
  assert.deepEqual(
    { port: none.port, home: none.home, db: none.db, seconds: none.imageCreateSeconds },
    { port: 9786, home: join(checkout, '.alicloud-image'), db: join(checkout, '.alicloud-image', 'emulator.db'), seconds: 5 },
  );
  assert.deepEqual(none.sources, { port: 'default', home: 'default', db: 'default', imageCreateSeconds: 'default' });

  const env = { ALICLOUD_IMAGE_PORT: '9000', ALICLOUD_IMAGE_HOME: '/data/ai', ALICLOUD_IMAGE_CREATE_SECONDS: '0.5' };
  const fromEnv = resolveSettings(new Map(), env, checkout);
  assert.deepEqual([fromEnv.port, fromEnv.home, fromEnv.db, fromEnv.imageCreateSeconds], [9000, '/data/ai', '/data/ai/emulator.db', 0.5]);
  assert.deepEqual(fromEnv.sources, { port: 'environment', home: 'environment', db: 'environment', imageCreateSeconds: 'environment' });

  const flags = new Map([
    ['port', '0'],
    ['home', '/flag/home'],
    ['image-create-seconds', '2'],
  ]);
  const fromFlags = resolveSettings(flags, env, checkout);
  assert.deepEqual(
    [fromFlags.port, fromFlags.home, fromFlags.db, fromFlags.imageCreateSeconds],
    [0, '/flag/home', '/flag/home/emulator.db', 2],
  );
  const db = resolveSettings(new Map([['db', ':memory:']]), env, checkout);
  assert.equal(db.db, ':memory:', '--db wins over the home folder');
  assert.equal(resolveSettings(new Map(), { ALICLOUD_IMAGE_PORT: '  ' }, checkout).port, 9786, 'a blank variable counts as unset');
});

test('bad values are usage errors naming the flag or the variable they came from', () => {
  const cases: [Map<string, string>, NodeJS.ProcessEnv, RegExp][] = [
    [new Map(), { ALICLOUD_IMAGE_PORT: 'http' }, /ALICLOUD_IMAGE_PORT must be an integer from 0 to 65535, got "http"/],
    [new Map([['port', '70000']]), {}, /flag --port must be an integer from 0 to 65535/],
    [new Map(), { ALICLOUD_IMAGE_CREATE_SECONDS: '-1' }, /ALICLOUD_IMAGE_CREATE_SECONDS must be a number of seconds/],
    [new Map([['db', '']]), {}, /flag --db must not be empty/],
  ];
  for (const [flags, env, message] of cases)
    assert.throws(
      () => resolveSettings(flags, env, checkout),
      (e: unknown) => e instanceof UsageError && message.test(e.message),
    );
});

test('the default home is .alicloud-image in a source checkout and the XDG data folder in an installed package', () => {
  assert.equal(isSourceCheckout(checkout), true);
  assert.equal(isSourceCheckout(installed), false);
  assert.equal(defaultHome({ HOME: '/home/u' }, installed), '/home/u/.local/share/alicloud-image');
  assert.equal(defaultHome({ HOME: '/home/u', XDG_DATA_HOME: '/xdg' }, installed), '/xdg/alicloud-image');
  assert.equal(defaultHome({ HOME: '/home/u', XDG_DATA_HOME: '/xdg' }, checkout), '/src/alicloud-image/.alicloud-image');
  assert.equal(
    dataHome({ HOME: '/home/u', XDG_DATA_HOME: 'relative' }),
    '/home/u/.local/share',
    'a relative XDG_DATA_HOME is ignored (XDG rule)',
  );
});

test('--host accepts 127.0.0.1 and names that resolve only to loopback, and binds 127.0.0.1', async () => {
  const dns: Record<string, string[]> = {
    localhost: ['::1', '127.0.0.1'],
    'myhost.local': ['127.0.1.1'],
    v6only: ['::1'],
    wide: ['127.0.0.1', '192.168.1.5'],
  };
  const lookup = async (name: string) => {
    if (!dns[name]) throw new Error('ENOTFOUND');
    return dns[name];
  };
  assert.equal(await loopbackHost('127.0.0.1', lookup), '127.0.0.1');
  assert.equal(await loopbackHost('localhost', lookup), '127.0.0.1');
  assert.equal(await loopbackHost('myhost.local', lookup), '127.0.0.1');
  const refused: [string, RegExp][] = [
    ['0.0.0.0', /"0\.0\.0\.0" is not a loopback address/],
    ['::1', /listens on 127\.0\.0\.1 only/],
    ['wide', /resolves to 192\.168\.1\.5, which is not loopback/],
    ['v6only', /no IPv4 loopback address/],
    ['nowhere', /"nowhere" does not resolve/],
  ];
  for (const [host, message] of refused)
    await assert.rejects(
      loopbackHost(host, lookup),
      (e: unknown) => e instanceof UsageError && /^flag --host must be/.test(e.message) && message.test(e.message),
    );
  assert.equal(await loopbackHost('localhost'), '127.0.0.1', 'the real resolver: localhost is loopback here');
});
