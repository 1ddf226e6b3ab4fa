import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EcsServiceError } from '../../ecs/index.js';
import { defineSchema } from '../../framework/index.js';
import { validationErrors } from '../../framework/testing/fixtures.js';
import { tagsParam } from '../../spec/ecs/images.js';
import { tagParam } from '../../spec/vpc/params.js';
import { isDependencyViolation } from './delete.js';
import { tagChanges, tagsAttribute } from './tags.js';
import { Deadline, pause, retryWhile } from './wait.js';

const busy = () => new EcsServiceError({ action: 'DeleteVpc', code: 'DependencyViolation.VSwitch', message: 'busy', httpStatus: 400 });

test('retryWhile runs again after a retryable error and returns the first success', async () => {
  let calls = 0;
  const seen: number[] = [];
  const out = await retryWhile(
    async () => {
      if (++calls < 3) throw busy();
      return 'done';
    },
    isDependencyViolation,
    { deadline: new Deadline(10_000), signal: new AbortController().signal, firstDelayMs: 5, onRetry: (_e, d) => void seen.push(d) },
  );
  assert.equal(out, 'done');
  assert.equal(calls, 3);
  assert.deepEqual(seen, [5, 8]);
});

test('retryWhile throws a non-retryable error at once, and a retryable one once the deadline would pass', async () => {
  let calls = 0;
  const other = new Error('boom');
  await assert.rejects(
    retryWhile(
      async () => {
        calls++;
        throw other;
      },
      isDependencyViolation,
      { deadline: new Deadline(10_000), signal: new AbortController().signal },
    ),
    other,
  );
  assert.equal(calls, 1);
  await assert.rejects(
    retryWhile(() => Promise.reject(busy()), isDependencyViolation, {
      deadline: new Deadline(50),
      signal: new AbortController().signal,
      firstDelayMs: 20,
    }),
    /busy/,
  );
});

test('a pause ends at once with EcsCanceledError when Terraform cancels', async () => {
  const ac = new AbortController();
  const started = Date.now();
  const p = pause(60_000, ac.signal);
  setTimeout(() => ac.abort(), 10);
  await assert.rejects(p, (e: Error) => e.name === 'EcsCanceledError');
  assert.ok(Date.now() - started < 5000);
});

test('the tags attribute takes its count, key and value rules from the product spec', () => {
  const schema = defineSchema({
    description: 't',
    attributes: { ecs: tagsAttribute(tagsParam(), 'ECS tags.'), vpc: tagsAttribute(tagParam(), 'VPC tags.') },
  });
  const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']));
  assert.deepEqual(validationErrors(schema, { ecs: many }), ['ecs: Attribute ecs must be 0 to 20 entries long, got 21.']);
  assert.deepEqual(validationErrors(schema, { ecs: { 'ACS:x': 'v' } }), [
    'ecs["ACS:x"]: Attribute ecs["ACS:x"] must not start with "aliyun", "acs:", "http://", "https://", got "ACS:x".',
  ]);
  // ECS tag values may start with aliyun; VPC tag values may not (each product's own rule).
  assert.deepEqual(validationErrors(schema, { ecs: { k: 'aliyun-v' } }), []);
  assert.equal(validationErrors(schema, { vpc: { k: 'aliyun-v' } }).length, 1);
  assert.deepEqual(tagChanges({ a: '1', b: '2' }, { b: '3', c: '4' }), { remove: ['a'], upsert: { b: '3', c: '4' } });
});
