/** Helpers shared by the per-RPC handlers. */
import { isUnknown, type ObjectValue, type Value } from '../../tfplugin/values.js';
import type { CallContext } from '../../tfplugin/provider-server.js';
import { type Diagnostics } from '../diagnostics.js';
import type { ProviderDefinition } from '../resource.js';
import { blocksOf } from '../schema/timeouts.js';
import type { ObjectShape, Schema, TimeoutsOf } from '../schema/types.js';
import { resolveTimeouts } from '../schema/timeouts.js';

/** Mutable per-process state of a served provider. */
export interface ServerState {
  readonly definition: ProviderDefinition<Schema, unknown>;
  client: unknown;
  configured: boolean;
}

/** Run user code; an exception becomes an error diagnostic naming the operation. */
export async function guard<T>(diags: Diagnostics, what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    const e = err as Error;
    diags.addError(`Unexpected Error During ${what}`, `${e?.message ?? String(err)}${e?.stack ? `\n\n${e.stack}` : ''}`);
    return undefined;
  }
}

/** Error unless a provider with a `configure` step has produced a client. */
export function requireClient(state: ServerState, diags: Diagnostics, typeName: string): boolean {
  if (!state.definition.configure || state.client !== undefined) return true;
  diags.addError(
    'Provider Not Configured',
    `${typeName} needs a configured provider, but the provider block was not configured` +
      `${state.configured ? ' (its arguments were still unknown, e.g. they depend on a resource not yet created)' : ''}. ` +
      'Make the provider arguments known before this operation, or apply in two steps with -target.',
  );
  return false;
}

export function baseRequest(state: ServerState, ctx: CallContext, diags: Diagnostics, typeName: string) {
  return { typeName, client: state.client, signal: ctx.signal, log: ctx.log, diags };
}

export function timeoutsOf(schema: Schema, v: Value): TimeoutsOf<Schema> {
  const o = v && !isUnknown(v) && typeof v === 'object' && !Array.isArray(v) ? (v as ObjectValue) : {};
  const t = o['timeouts'];
  return resolveTimeouts(schema.timeouts, t && !isUnknown(t) && typeof t === 'object' ? (t as Record<string, unknown>) : null);
}

/** An object of the schema's shape with every attribute null, list/set blocks [] and single blocks null. */
export function emptyObject(shape: ObjectShape | Schema): ObjectValue {
  const out: ObjectValue = {};
  for (const name of Object.keys(shape.attributes)) out[name] = null;
  for (const [name, b] of Object.entries(blocksOf(shape))) out[name] = b.nesting === 'single' ? null : [];
  return out;
}

/** Positions that are unknown in `v` as readable paths (for bug reports). */
export function unknownPaths(v: Value, prefix = ''): string[] {
  if (isUnknown(v)) return [prefix || '(root)'];
  if (v === null || typeof v !== 'object' || !('length' in v || Object.getPrototypeOf(v) === Object.prototype)) return [];
  if (Array.isArray(v)) return v.flatMap((x, i) => unknownPaths(x, `${prefix}[${i}]`));
  return Object.entries(v as ObjectValue).flatMap(([k, x]) => unknownPaths(x, prefix ? `${prefix}.${k}` : k));
}

/** Replace every unknown with null (only for states that are returned together with errors). */
export function unknownsToNull(v: Value): Value {
  if (isUnknown(v)) return null;
  if (v === null || typeof v !== 'object' || !(Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)) return v;
  if (Array.isArray(v)) return v.map(unknownsToNull);
  return Object.fromEntries(Object.entries(v as ObjectValue).map(([k, x]) => [k, unknownsToNull(x)]));
}

/** Merge a provider-returned value over the plan: unknown (undefined) in the result takes the planned value. */
export function overPlan(result: Value, planned: Value): Value {
  if (isUnknown(result)) return planned;
  if (result === null || planned === null || isUnknown(planned) || typeof result !== 'object' || typeof planned !== 'object') return result;
  if (Array.isArray(result))
    return Array.isArray(planned) ? result.map((x, i) => (i < planned.length ? overPlan(x, planned[i]!) : x)) : result;
  if (Object.getPrototypeOf(result) !== Object.prototype || Array.isArray(planned)) return result;
  const p = planned as ObjectValue;
  return Object.fromEntries(Object.entries(result as ObjectValue).map(([k, x]) => [k, k in p ? overPlan(x, p[k]!) : x]));
}
