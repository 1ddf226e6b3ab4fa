/**
 * Writing answers in the format the request asked for (`docs/ecs-api.md` 1.3, 1.7).
 *
 * The V1 common parameter `Format` is `JSON` or `XML` (any case); when it is absent the RPC
 * API answers XML. The official SDKs always send `Format=json` with V1 and no `Format` with
 * V3, whose answers are JSON, so: `Format` decides when present, else V3 → JSON, V1 → XML.
 * Any other value is refused (InvalidParameter, in JSON).
 *
 * XML is derived from the very JSON body `serializeSuccess`/`serializeError` produced, so
 * both formats carry the same fields: success under `<{Action}Response>`, errors under
 * `<Error>` (the root the SDK reads), a list as its element repeated under the key, and
 * `Content-Type: text/xml;charset=utf-8` (the exact value openapi-core tests for).
 */
import type { ServerResponse } from 'node:http';
import { apiError, invalidMessage, type SerializedResponse } from '../errors.js';

export type ResponseFormat = 'json' | 'xml';

export const JSON_TYPE = 'application/json;charset=utf-8';
export const XML_TYPE = 'text/xml;charset=utf-8';

/** The answer format of a request; throws InvalidParameter for a `Format` other than JSON or XML. */
export function responseFormat(params: ReadonlyMap<string, string> | URLSearchParams, v3: boolean): ResponseFormat {
  const raw = params.get('Format');
  if (raw === null || raw === undefined) return v3 ? 'json' : 'xml';
  const format = raw.toLowerCase();
  if (format === 'json' || format === 'xml') return format;
  throw apiError('InvalidParameter', invalidMessage('Format', `must be JSON or XML, got "${raw.slice(0, 64)}"`));
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Characters XML 1.0 cannot carry, even escaped (controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function element(name: string, value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) element(name, item, out);
    return;
  }
  if (!XML_NAME.test(name)) throw new Error(`emulator bug: response field "${name}" is not an XML element name`);
  if (value !== null && typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [k, v] of Object.entries(value)) element(k, v, out);
    out.push(`</${name}>`);
  } else {
    out.push(`<${name}>${value === null || value === undefined ? '' : text(String(value))}</${name}>`);
  }
}

/** A JSON response body as the equivalent XML document under `root`. */
export function toXml(root: string, body: Record<string, unknown>): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  element(root, body, out);
  return out.join('');
}

/**
 * Write `r` in `format`. `action` names the XML root of a success (`{action}Response`);
 * errors (status >= 400) use `<Error>`.
 */
export function send(
  res: ServerResponse,
  r: SerializedResponse,
  format: ResponseFormat = 'json',
  action = '',
  headers: Record<string, string> = {},
): void {
  let body = r.body;
  let type = JSON_TYPE;
  if (format === 'xml') {
    body = toXml(r.status >= 400 ? 'Error' : `${action || 'Unknown'}Response`, JSON.parse(r.body) as Record<string, unknown>);
    type = XML_TYPE;
  }
  res.writeHead(r.status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
