/**
 * Test clients for the emulator: the official SDK (V3 by default, V1 with `'v1'`), a
 * generic `callApi` for actions the SDK has no method for, and a raw V1 signer for
 * crafting requests byte by byte (nonce replay, Go-style form bodies).
 */
import EcsModule from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../accounts.js';
import { percentEncode } from '../signature/percent-encode.js';
import { v1Sign, v1StringToSign } from '../signature/v1.js';
import { isoSeconds } from '../core/time.js';

// The package is CommonJS: the default import is `module.exports`, whose `default` is the client class.
const EcsClient = EcsModule.default;
export type EcsSdkClient = InstanceType<typeof EcsModule.default>;

export type SignatureMode = 'v3' | 'v1';

export function sdkClient(
  endpoint: string,
  mode: SignatureMode,
  accessKeyId = DEFAULT_ACCESS_KEY_ID,
  accessKeySecret = DEFAULT_ACCESS_KEY_SECRET,
): EcsSdkClient {
  return new EcsClient(
    new $OpenApiUtil.Config({
      accessKeyId,
      accessKeySecret,
      endpoint,
      protocol: 'http',
      regionId: 'cn-hangzhou',
      ...(mode === 'v1' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
}

export interface ApiResult {
  statusCode: number;
  body: Record<string, unknown>;
}

/** Call any RPC action through the SDK's generic `callApi` (query params, optional form body). */
export async function callAction(
  client: EcsSdkClient,
  action: string,
  query: Record<string, string>,
  options: { version?: string; body?: Record<string, string> } = {},
): Promise<ApiResult> {
  const params = new $OpenApiUtil.Params({
    action,
    version: options.version ?? '2014-05-26',
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  const request = new $OpenApiUtil.OpenApiRequest({ query, ...(options.body ? { body: options.body } : {}) });
  const r = (await client.callApi(params, request, {} as never)) as { statusCode: number; body: Record<string, unknown> };
  return { statusCode: r.statusCode, body: r.body };
}

/** The parts of an SDK error the tests look at. */
export interface SdkErrorShape {
  code: string;
  statusCode: number;
  message: string;
  data?: Record<string, unknown>;
}

/** Await a call expected to fail and return its error. */
export async function sdkError(p: Promise<unknown>): Promise<SdkErrorShape> {
  try {
    await p;
  } catch (err) {
    return err as SdkErrorShape;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Common V1 parameters for a raw request (without Signature). */
export function v1CommonParams(
  action: string,
  extra: Record<string, string> = {},
  accessKeyId = DEFAULT_ACCESS_KEY_ID,
): Map<string, string> {
  return new Map(
    Object.entries({
      Action: action,
      Version: '2014-05-26',
      Format: 'json',
      AccessKeyId: accessKeyId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: randomUUID(),
      Timestamp: isoSeconds(Date.now()),
      ...extra,
    }),
  );
}

/** Go-style form encoding (`url.Values.Encode`: space as `+`). */
export function formEncode(pairs: Iterable<[string, string]>): string {
  return [...pairs].map(([k, v]) => `${percentEncode(k)}=${percentEncode(v).replace(/%20/g, '+')}`).join('&');
}

/**
 * Send a raw V1-signed request: `queryParams` go in the URL, `bodyParams` in a form body,
 * and the signature covers both (as the Go provider's tea-rpc does).
 */
export async function rawV1(
  url: string,
  method: 'GET' | 'POST',
  queryParams: Map<string, string>,
  bodyParams: Map<string, string> = new Map(),
  secret = DEFAULT_ACCESS_KEY_SECRET,
): Promise<{ status: number; contentType: string | null; body: Record<string, unknown> }> {
  const all = new Map([...queryParams, ...bodyParams]);
  const signed = new Map(queryParams);
  signed.set('Signature', v1Sign(v1StringToSign(method, all), secret));
  const init: RequestInit = { method };
  if (bodyParams.size > 0) {
    init.body = formEncode(bodyParams);
    init.headers = { 'content-type': 'application/x-www-form-urlencoded' };
  }
  const res = await fetch(`${url}/?${formEncode(signed)}`, init);
  return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> };
}

/** Send raw bytes (anything, even unparseable HTTP) and read until the server closes or `timeoutMs` passes. */
export function rawSend(port: number, bytes: string, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    s.setEncoding('latin1');
    s.on('data', (d: string) => (got += d));
    s.on('error', () => resolve(got));
    s.on('close', () => resolve(got));
    s.setTimeout(timeoutMs, () => s.destroy());
    s.end(bytes, 'latin1');
  });
}
