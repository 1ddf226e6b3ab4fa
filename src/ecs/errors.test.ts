import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError, ServerError, ThrottlingError } from '@alicloud/openapi-core';
import { isEcsServiceError, isNotFoundError, isRetryable, isThrottling, toEcsError, type EcsServiceError } from './errors.js';

const body = (code: string) => ({ RequestId: 'RID', Code: code, Message: `msg for ${code}`, Recommend: 'https://x' });

test('converts openapi-core ThrottlingError, ClientError and ServerError with their fault', () => {
  const t = toEcsError(
    new ThrottlingError({
      statusCode: 400,
      code: 'Throttling.User',
      message: 'code: 400, x',
      data: body('Throttling.User'),
      retryAfter: 1500,
      requestId: 'RID',
    }),
    'DescribeImages',
  ) as EcsServiceError;
  assert.ok(isEcsServiceError(t) && isThrottling(t) && isRetryable(t));
  assert.equal(t.fault, 'throttling');
  assert.equal(t.retryAfterMs, 1500);
  const c = toEcsError(
    new ClientError({ statusCode: 403, code: 'ImageUsingByInstance', message: 'x', data: body('ImageUsingByInstance'), requestId: 'RID' }),
    'DeleteImage',
  ) as EcsServiceError;
  assert.equal(c.fault, 'client');
  assert.equal(c.serviceMessage, 'msg for ImageUsingByInstance');
  assert.ok(!isRetryable(c));
  assert.equal(c.message, 'ECS DeleteImage failed: ImageUsingByInstance (HTTP 403): msg for ImageUsingByInstance. Request id: RID.');
  const s = toEcsError(
    new ServerError({ statusCode: 502, code: 'BadGateway', message: 'x', data: {}, requestId: 'undefined' }),
    'X',
  ) as EcsServiceError;
  assert.equal(s.fault, 'server');
  assert.equal(s.code, 'BadGateway');
  assert.equal(s.requestId, undefined, 'the SDK\'s "undefined" string is not a request id');
  assert.ok(isRetryable(s));
});

test('not-found means HTTP 404 or a code ending in .NotFound', () => {
  const mk = (code: string, status: number) =>
    toEcsError(new ClientError({ statusCode: status, code, message: 'x', data: body(code) }), 'X');
  assert.ok(isNotFoundError(mk('InvalidAccessKeyId.NotFound', 400)));
  assert.ok(isNotFoundError(mk('Whatever', 404)));
  assert.ok(!isNotFoundError(mk('InvalidParameter', 400)));
  assert.ok(!isNotFoundError(new Error('NotFound')));
});

test('converts socket errors to network errors and remembers whether the request was sent', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  const a = toEcsError(refused, 'CreateImage') as { name: string; requestSent: boolean };
  const b = toEcsError(reset, 'CreateImage') as { name: string; requestSent: boolean };
  assert.equal(a.name, 'EcsNetworkError');
  assert.equal(a.requestSent, false);
  assert.equal(b.requestSent, true);
});

test('leaves programming errors alone', () => {
  const e = new TypeError('oops');
  assert.equal(toEcsError(e, 'X'), e);
});

test('network error messages drop the request line the SDK glues to the system message', async () => {
  const { withoutRequestLine } = await import('./errors.js');
  assert.equal(withoutRequestLine('connect ECONNREFUSED 127.0.0.1:1POST http://127.0.0.1:1/?x=1'), 'connect ECONNREFUSED 127.0.0.1:1');
  assert.equal(withoutRequestLine('read ECONNRESET'), 'read ECONNRESET');
});
