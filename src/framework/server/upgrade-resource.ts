/**
 * UpgradeResourceState: parse the stored JSON losslessly (numbers beyond 2^53 keep every
 * digit), run the resource's upgraders for older versions, then re-shape the object to the
 * current schema: unknown keys are dropped, missing ones become null (list/set blocks []).
 */
import { LosslessNumber, isLosslessNumber, isSafeNumber } from 'lossless-json';
import { parseExact } from '../../tfplugin/json-value.js';
import { TfNumber, tfNumber, type ObjectValue, type Value } from '../../tfplugin/values.js';
import type { AttributePath } from '../../tfplugin/provider-server.js';
import { Diagnostics, formatPath } from '../diagnostics.js';
import type { RawState, Resource } from '../resource.js';
import { blocksOf } from '../schema/timeouts.js';
import { viewOf } from '../schema/type-node.js';
import type { ObjectShape, PrimitiveKind, Schema, TypeNode } from '../schema/types.js';

export function upgradeResource(
  resource: Resource,
  req: { typeName: string; version: number; rawStateJson?: string; rawStateFlatmap?: Record<string, string> },
) {
  const diags = new Diagnostics();
  const schema = resource.schema;
  const fail = () => ({ upgradedState: null, diagnostics: diags.items });
  if (req.rawStateJson === undefined) {
    diags.addError(
      'Unsupported State Format',
      `${req.typeName} state is in the pre-0.12 flatmap format, which this provider cannot read. Re-import the resource.`,
    );
    return fail();
  }
  if (req.version > schema.version) {
    diags.addError(
      'Resource State From A Newer Provider',
      `${req.typeName} state has schema version ${req.version}, newer than this provider's ${schema.version}. Use a newer provider.`,
    );
    return fail();
  }
  let raw: unknown;
  try {
    raw = parseExact(req.rawStateJson, (token) => new LosslessNumber(token));
  } catch (err) {
    diags.addError('Invalid Stored State', `${req.typeName} state is not valid JSON: ${(err as Error).message}`);
    return fail();
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    diags.addError('Invalid Stored State', `${req.typeName} state must be a JSON object.`);
    return fail();
  }
  for (let v = req.version; v < schema.version; v++) {
    const step = resource.upgradeState?.[v];
    if (!step) {
      diags.addError(
        'Unable To Upgrade Resource State',
        `${req.typeName} has no upgrader from schema version ${v} to ${v + 1}. This is a bug in the provider; please report it.`,
      );
      return fail();
    }
    try {
      raw = step(toRaw(raw) as RawState);
    } catch (err) {
      diags.addError('Unable To Upgrade Resource State', `Upgrading ${req.typeName} state from version ${v}: ${(err as Error).message}`);
      return fail();
    }
  }
  const upgradedState = reshape(schema, raw, [], diags, req.typeName);
  return diags.hasError() ? fail() : { upgradedState, diagnostics: diags.items };
}

/** Lossless numbers → JS numbers when exact, else decimal strings (for upgraders). */
function toRaw(x: unknown): unknown {
  if (isLosslessNumber(x)) return isSafeNumber(x.value) ? Number(x.value) : x.value;
  if (Array.isArray(x)) return x.map(toRaw);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, toRaw(y)]));
  return x;
}

function reshape(shape: ObjectShape | Schema, raw: unknown, path: AttributePath, diags: Diagnostics, who: string): Value {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) return bad(diags, who, path, 'an object');
  const o = raw as Record<string, unknown>;
  const out: ObjectValue = {};
  for (const [name, a] of Object.entries(shape.attributes))
    out[name] = attribute(a.type, o[name], [...path, { attribute: name }], diags, who);
  for (const [name, b] of Object.entries(blocksOf(shape))) {
    const at = [...path, { attribute: name }];
    const x = o[name];
    if (b.nesting === 'single') out[name] = reshape(b.options, Array.isArray(x) ? (x[0] ?? null) : x, at, diags, who);
    else if (x === null || x === undefined) out[name] = [];
    else if (!Array.isArray(x)) out[name] = bad(diags, who, at, 'a list');
    else out[name] = x.map((e, i) => reshape(b.options, e, [...at, { index: i }], diags, who));
  }
  return out;
}

function attribute(t: TypeNode, x: unknown, path: AttributePath, diags: Diagnostics, who: string): Value {
  if (x === null || x === undefined) return null;
  const view = viewOf(t);
  if (view.kind === 'primitive') return primitive(view.primitive, x, path, diags, who);
  const isRecord = typeof x === 'object' && !Array.isArray(x) && !isLosslessNumber(x);
  if (view.kind === 'object') {
    if (!isRecord) return bad(diags, who, path, 'an object');
    const o = x as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(view.object.fields).map(([k, f]) => [k, attribute(f.type, o[k], [...path, { attribute: k }], diags, who)]),
    );
  }
  if (view.collection === 'map') {
    if (!isRecord) return bad(diags, who, path, 'a map');
    return Object.fromEntries(
      Object.entries(x as object).map(([k, y]) => [k, attribute(view.element, y, [...path, { key: k }], diags, who)]),
    );
  }
  if (!Array.isArray(x)) return bad(diags, who, path, `a ${view.collection}`);
  return x.map((y, i) => attribute(view.element, y, [...path, { index: i }], diags, who));
}

function primitive(kind: PrimitiveKind, x: unknown, path: AttributePath, diags: Diagnostics, who: string): Value {
  if (x === null || x === undefined) return null;
  if (kind === 'string')
    return typeof x === 'string'
      ? x
      : isLosslessNumber(x)
        ? x.value
        : typeof x === 'number' || typeof x === 'boolean'
          ? String(x)
          : bad(diags, who, path, 'a string');
  if (kind === 'bool') return typeof x === 'boolean' ? x : x === 'true' ? true : x === 'false' ? false : bad(diags, who, path, 'a bool');
  try {
    if (isLosslessNumber(x)) return new TfNumber(x.value);
    if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'string') return tfNumber(x);
  } catch {
    // fall through to the error below
  }
  return bad(diags, who, path, 'a number');
}

function bad(diags: Diagnostics, who: string, path: AttributePath, expected: string): null {
  diags.addError(
    'Invalid Stored State',
    `${who} state has a value at ${formatPath(path)} that is not ${expected}. Remove the resource from state and import it again.`,
  );
  return null;
}
