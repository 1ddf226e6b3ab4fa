/**
 * ApplyResourceChange: dispatch to create / update / delete and turn the returned plain
 * state into a wholly known value consistent with the plan, enforcing the result contract of
 * `resource.ts`: NO_STATE (or nothing) without an error is reported as a provider bug; after
 * an error, a create that recorded progress returns that partial state (Terraform taints the
 * object) and an update returns the prior state overlaid with its progress.
 */
import { isUnknown, valuesEqual, type ObjectValue, type Value } from '../../tfplugin/values.js';
import type { CallContext } from '../../tfplugin/provider-server.js';
import { Diagnostics } from '../diagnostics.js';
import { PlainDecoder, objectToPlain, type Plain, type PlainObject } from '../convert.js';
import { canonical, computedCountChanged, hasChange } from '../plan.js';
import { NO_STATE, type Resource } from '../resource.js';
import { blocksOf } from '../schema/timeouts.js';
import type { Schema } from '../schema/types.js';
import { baseRequest, guard, overPlan, requireClient, timeoutsOf, unknownPaths, unknownsToNull, type ServerState } from './common.js';

export interface ApplyRequest {
  typeName: string;
  priorState: Value;
  plannedState: Value;
  config: Value;
  plannedPrivate?: Uint8Array;
}

type Result = { newState: Value; diagnostics: Diagnostics['items']; private?: Uint8Array; legacyTypeSystem?: boolean };

export async function applyResource(state: ServerState, resource: Resource, ctx: CallContext, req: ApplyRequest): Promise<Result> {
  const diags = new Diagnostics();
  const priv = req.plannedPrivate !== undefined ? { private: req.plannedPrivate } : {};
  const schema = resource.schema;
  const done = (newState: Value): Result => ({
    newState,
    diagnostics: diags.items,
    ...priv,
    ...(computedCountChanged(schema, req.plannedState, newState) ? { legacyTypeSystem: true } : {}),
  });
  if (req.plannedState === null) {
    if (req.priorState === null || !requireClient(state, diags, req.typeName)) return done(req.priorState);
    await guard(diags, 'Delete', () =>
      resource.delete({
        ...baseRequest(state, ctx, diags, req.typeName),
        state: objectToPlain(schema, req.priorState) as never,
        timeouts: timeoutsOf(schema, req.priorState),
      }),
    );
    return done(diags.hasError() ? req.priorState : null);
  }
  if (req.priorState !== null && !hasChange(schema, req.plannedState, req.priorState)) return done(req.plannedState);
  if (!requireClient(state, diags, req.typeName)) return done(req.priorState);

  let progress: PlainObject | undefined;
  const saveProgress = (s: object) => void (progress = { ...(progress ?? {}), ...(s as PlainObject) });
  const creating = req.priorState === null;
  const common = {
    ...baseRequest(state, ctx, diags, req.typeName),
    config: objectToPlain(schema, req.config) as never,
    plan: objectToPlain(schema, req.plannedState) as never,
    timeouts: timeoutsOf(schema, req.plannedState),
    saveProgress,
  };
  const result = creating
    ? await guard(diags, 'Create', () => resource.create(common))
    : await guard(diags, 'Update', () =>
        resource.update({
          ...common,
          prior: objectToPlain(schema, req.priorState) as never,
          changed: changedNames(schema, req.priorState, req.plannedState),
        }),
      );
  if (!diags.hasError() && isState(result)) return done(finish(schema, result, req.plannedState, diags, req.typeName, true));
  if (!diags.hasError())
    diags.addError(
      `Missing Resource State After ${creating ? 'Create' : 'Update'}`,
      `${req.typeName} returned no state and no error diagnostic saying why. This is a bug in the provider; please report it.`,
    );
  // Errors win: what exists is what was recorded (create: over the plan, tainted; update: over the prior state).
  if (progress === undefined) return done(req.priorState);
  const base = creating ? req.plannedState : req.priorState;
  return done(unknownsToNull(finish(schema, progress, base, diags, req.typeName, false)));
}

/** A returned plain state (not NO_STATE, nor the undefined/null of an exception or an untyped method). */
function isState(x: unknown): x is Plain {
  return x !== undefined && x !== null && x !== NO_STATE;
}

/** Decode the plain result over the plan; report (not hide) values still unknown. */
function finish(schema: Schema, result: Plain, planned: Value, diags: Diagnostics, typeName: string, strict: boolean): Value {
  let value = new PlainDecoder(diags, typeName).object(schema, result, planned, []);
  value = overPlan(value, planned);
  if (schema.timeouts && value !== null && !isUnknown(value))
    (value as ObjectValue)['timeouts'] = (planned as ObjectValue)['timeouts'] ?? null;
  const missing = unknownPaths(value);
  if (missing.length > 0 && strict) {
    diags.addError(
      'Provider Returned Unknown Values',
      `${typeName} left ${missing.join(', ')} unset although the plan did not know them. ` +
        'Every computed attribute must be set after apply. This is a bug in the provider; please report it.',
    );
  }
  return missing.length > 0 ? unknownsToNull(value) : value;
}

/** Top-level attribute/block names whose planned value differs from the prior (set order ignored). */
function changedNames(schema: Schema, prior: Value, planned: Value): Set<string> {
  const a = canonical(schema, prior) as ObjectValue;
  const b = canonical(schema, planned) as ObjectValue;
  const names = [...Object.keys(schema.attributes), ...Object.keys(blocksOf(schema))];
  return new Set(names.filter((n) => !valuesEqual(a[n] ?? null, b[n] ?? null)));
}
