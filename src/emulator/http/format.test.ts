/**
 * `Format=XML` (issue 12 item 15): answered in XML, success and error, for every action, from
 * the same serializer as JSON, in the shape the official SDK parses; `Format` absent means XML
 * for V1 and JSON for V3 (what the SDKs rely on); any other value is refused.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import dara from '@darabonba/typescript';
import { startEmulator, families, type RunningEmulator } from '../index.js';
import { regionsFamily } from '../regions/family.js';
import { DEFAULT_ACCESS_KEY_SECRET } from '../accounts.js';
import { v1Sign, v1StringToSign } from '../signature/v1.js';
import { callAction, formEncode, sdkClient, sdkError, v1CommonParams } from '../test-support/clients.js';
import { toXml } from './respond.js';

let emu: RunningEmulator;
before(async () => {
  emu = await startEmulator({ port: 0, db: ':memory:' });
});
after(() => emu.stop());

interface Answer {
  status: number;
  type: string | null;
  text: string;
}

/** A V1-signed GET with exactly these parameters. */
async function v1Get(params: Map<string, string>): Promise<Answer> {
  const signed = new Map(params);
  signed.set('Signature', v1Sign(v1StringToSign('GET', params), DEFAULT_ACCESS_KEY_SECRET));
  const res = await fetch(`${emu.url}/?${formEncode(signed)}`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** The value the SDK's XML parser (xml2js, explicitArray off) makes of a JSON value. */
function asParsedXml(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (Array.isArray(v)) {
      if (v.length === 1) out[k] = asParsedXml(v[0]);
      else if (v.length > 1) out[k] = v.map(asParsedXml);
    } else out[k] = asParsedXml(v);
  }
  return Object.keys(out).length === 0 ? '' : out;
}

function parseXml(text: string): Record<string, Record<string, unknown>> {
  return dara.XML.parseXml(text, null) as Record<string, Record<string, unknown>>;
}

test('every action answers Format=XML in XML with the same fields and code as its JSON answer', async () => {
  const specs = [regionsFamily, ...families].flatMap((f) => f.specs);
  let successes = 0;
  for (const spec of specs) {
    const base = v1CommonParams(spec.action, { Version: spec.version, RegionId: 'cn-hangzhou' });
    const json = await v1Get(new Map([...base, ['Format', 'JSON'], ['SignatureNonce', `${base.get('SignatureNonce')}-j`]]));
    const xml = await v1Get(new Map([...base, ['Format', 'XML']]));
    const where = `${spec.action}: ${xml.text.slice(0, 300)}`;
    assert.equal(xml.status, json.status, where);
    assert.equal(xml.type, 'text/xml;charset=utf-8', where);
    assert.equal(json.type, 'application/json;charset=utf-8', where);
    assert.match(xml.text, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    const parsed = parseXml(xml.text);
    const body = JSON.parse(json.text) as Record<string, unknown>;
    if (xml.status >= 400) {
      assert.deepEqual(Object.keys(parsed), ['Error'], where);
      assert.deepEqual(Object.keys(parsed.Error!), ['RequestId', 'HostId', 'Code', 'Message', 'Recommend'], where);
      assert.equal(parsed.Error!.Code, body.Code, where);
      continue;
    }
    successes++;
    assert.deepEqual(Object.keys(parsed), [`${spec.action}Response`], where);
    const { RequestId: xmlId, ...xmlFields } = parsed[`${spec.action}Response`]!;
    const { RequestId: _jsonId, ...jsonFields } = body;
    assert.match(String(xmlId), /^[0-9A-F-]{36}$/);
    if (spec.mutating) assert.deepEqual(Object.keys(xmlFields).sort(), Object.keys(jsonFields).sort(), where);
    else assert.deepEqual(xmlFields, asParsedXml(jsonFields), where);
  }
  assert.ok(successes >= 10, `only ${successes} actions succeeded with RegionId alone; the comparison must cover successes`);
});

test('a list answers as its repeated element and every value is escaped', () => {
  const xml = toXml('DescribeThingsResponse', {
    RequestId: 'R',
    Things: { Thing: [{ Name: 'a<b & "c"' }, { Name: 'd\u0001e' }] },
    Empty: { Thing: [] },
    Count: 2,
    Flag: false,
    Nothing: null,
  });
  assert.equal(
    xml,
    '<?xml version="1.0" encoding="UTF-8"?><DescribeThingsResponse><RequestId>R</RequestId><Things><Thing><Name>a&lt;b &amp; "c"</Name>' +
      '</Thing><Thing><Name>d\uFFFDe</Name></Thing></Things><Empty></Empty><Count>2</Count><Flag>false</Flag><Nothing></Nothing>' +
      '</DescribeThingsResponse>',
  );
});

test('the official SDK reads an XML error answer (V3 with Format=XML) as the same typed error', async () => {
  const err = await sdkError(callAction(sdkClient(emu.endpoint, 'v3'), 'DescribeImages', { RegionId: 'nowhere-1', Format: 'XML' }));
  assert.equal(err.code, 'InvalidRegionId.NotFound');
  assert.equal(err.statusCode, 404);
  assert.match(err.message, /nowhere-1/);
});

test('without Format a V1 request is answered in XML and a V3 request in JSON; the SDK works in both modes', async () => {
  const params = v1CommonParams('DescribeRegions');
  params.delete('Format');
  const v1 = await v1Get(params);
  assert.equal(v1.status, 200);
  assert.equal(v1.type, 'text/xml;charset=utf-8');
  assert.ok(parseXml(v1.text).DescribeRegionsResponse);
  for (const mode of ['v3', 'v1'] as const) {
    const r = await callAction(sdkClient(emu.endpoint, mode), 'DescribeRegions', {});
    assert.equal(r.statusCode, 200, mode);
    assert.ok(r.body.Regions, mode);
  }
});

test('a Format other than JSON or XML is InvalidParameter naming the allowed values', async () => {
  const r = await v1Get(v1CommonParams('DescribeRegions', { Format: 'yaml' }));
  assert.equal(r.status, 400);
  const body = JSON.parse(r.text) as { Code: string; Message: string };
  assert.equal(body.Code, 'InvalidParameter');
  assert.match(body.Message, /"Format".*JSON or XML.*yaml/);
});
