import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger, hclogTimestamp, logLevelFromEnv } from './log.js';

test('log lines are hclog JSON with a microsecond timestamp and extra fields', () => {
  const lines: string[] = [];
  const log = createLogger({ module: 'alicloud', level: 'debug', write: (l) => lines.push(l) });
  log.trace('hidden');
  log.info('started', { addr: '/tmp/x.sock', err: new Error('e1'), n: 2n });
  assert.equal(lines.length, 1);
  assert.ok(lines[0]!.endsWith('\n'));
  const entry = JSON.parse(lines[0]!);
  assert.equal(entry['@level'], 'info');
  assert.equal(entry['@message'], 'started');
  assert.equal(entry['@module'], 'alicloud');
  assert.match(entry['@timestamp'], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  assert.equal(entry.addr, '/tmp/x.sock');
  assert.match(entry.err, /e1/);
  assert.equal(entry.n, '2');
  assert.equal(hclogTimestamp(new Date('2025-01-02T03:04:05.678Z')), '2025-01-02T03:04:05.678000Z');
});

test('the level comes from TF_LOG_PROVIDER, then TF_LOG, with JSON meaning trace and unset meaning off', () => {
  assert.equal(logLevelFromEnv({}), 'off');
  assert.equal(logLevelFromEnv({ TF_LOG: 'WARN' }), 'warn');
  assert.equal(logLevelFromEnv({ TF_LOG: 'warn', TF_LOG_PROVIDER: 'debug' }), 'debug');
  assert.equal(logLevelFromEnv({ TF_LOG: 'json' }), 'trace');
  assert.equal(logLevelFromEnv({ TF_LOG: 'off' }), 'off');
  const lines: string[] = [];
  createLogger({ level: 'off', write: (l) => lines.push(l) }).error('nope');
  assert.equal(lines.length, 0);
});
