import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, parseDuration } from './duration.js';
import { resolveTimeouts } from './timeouts.js';

const cases: [string, number | undefined][] = [
  ['10m', 600_000],
  ['1h30m', 5_400_000],
  ['90s', 90_000],
  ['1.5h', 5_400_000],
  ['250ms', 250],
  ['0', 0],
  ['-1m', -60_000],
  ['', undefined],
  ['10', undefined],
  ['10 minutes', undefined],
  ['1d', undefined],
  ['m', undefined],
];
for (const [text, ms] of cases) {
  test(`the Go duration ${JSON.stringify(text)} parses to ${ms}`, () => assert.equal(parseDuration(text), ms));
}

test('durations format back in short Go syntax', () => {
  assert.deepEqual(
    [formatDuration(600_000), formatDuration(5_400_000), formatDuration(90_000), formatDuration(0)],
    ['10m', '1h30m', '1m30s', '0s'],
  );
});

test('effective timeouts use the configured value and fall back to the declared default', () => {
  assert.deepEqual(resolveTimeouts({ create: '10m', delete: '5m' }, { create: '1h', delete: null }), {
    create: 3_600_000,
    delete: 300_000,
  });
  assert.deepEqual(resolveTimeouts({ update: '2m' }, null), { update: 120_000 });
});
