/**
 * ReadResource (refresh) and ReadDataSource, enforcing the result contract of `resource.ts`:
 * results must be wholly known; `null` means "gone"; after an error (or NO_STATE) a refresh
 * keeps the current state unchanged, and NO_STATE without an error is a provider bug.
 */
import type { ObjectValue, Value } from '../../tfplugin/values.js';
import type { CallContext } from '../../tfplugin/provider-server.js';
import { Diagnostics } from '../diagnostics.js';
import { PlainDecoder, objectToPlain, type Plain } from '../convert.js';
import { NO_STATE, type DataSource, type Resource } from '../resource.js';
import { baseRequest, guard, overPlan, requireClient, timeoutsOf, unknownPaths, type ServerState } from './common.js';

/** Report NO_STATE (or nothing) returned without an error diagnostic saying why. */
function missingState(diags: Diagnostics, typeName: string, what: string): void {
  if (!diags.hasError())
    diags.addError(
      what,
      `${typeName} returned no state and no error diagnostic saying why. This is a bug in the provider; please report it.`,
    );
}

export async function readResource(
  state: ServerState,
  resource: Resource,
  ctx: CallContext,
  req: { typeName: string; currentState: Value; private?: Uint8Array },
) {
  const diags = new Diagnostics();
  const priv = req.private !== undefined ? { private: req.private } : {};
  const current = req.currentState;
  const keep = () => ({ newState: current, diagnostics: diags.items, ...priv });
  if (current === null || !requireClient(state, diags, req.typeName)) return keep();
  const schema = resource.schema;
  const result = await guard(diags, 'Read', () =>
    resource.read({
      ...baseRequest(state, ctx, diags, req.typeName),
      state: objectToPlain(schema, current) as never,
      timeouts: timeoutsOf(schema, current),
    }),
  );
  if (result === NO_STATE || result === undefined) missingState(diags, req.typeName, 'Missing Resource State After Read');
  if (diags.hasError() || result === NO_STATE || result === undefined) return keep();
  if (result === null) return { newState: null, diagnostics: diags.items, ...priv };
  let value = overPlan(new PlainDecoder(diags, req.typeName).object(schema, result as Plain, current, []), current);
  if (schema.timeouts) (value as ObjectValue)['timeouts'] = (current as ObjectValue)['timeouts'] ?? null;
  const missing = unknownPaths(value);
  if (missing.length > 0) {
    diags.addError(
      'Provider Returned Unknown Values',
      `${req.typeName} read left ${missing.join(', ')} unknown. This is a bug in the provider; please report it.`,
    );
    value = current;
  }
  return { newState: value, diagnostics: diags.items, ...priv };
}

export async function readDataSource(
  state: ServerState,
  dataSource: DataSource,
  ctx: CallContext,
  req: { typeName: string; config: Value },
) {
  const diags = new Diagnostics();
  const schema = dataSource.schema;
  if (!requireClient(state, diags, req.typeName)) return { state: null, diagnostics: diags.items };
  const result = await guard(diags, 'Read', () =>
    dataSource.read({ ...baseRequest(state, ctx, diags, req.typeName), config: objectToPlain(schema, req.config) as never }),
  );
  if (result === undefined || result === null || result === NO_STATE || diags.hasError()) {
    missingState(diags, req.typeName, 'Missing Data Source State');
    return { state: null, diagnostics: diags.items };
  }
  const value = overPlan(new PlainDecoder(diags, req.typeName).object(schema, result as Plain, req.config, []), req.config);
  const missing = unknownPaths(value);
  if (missing.length > 0) {
    diags.addError(
      'Provider Returned Unknown Values',
      `${req.typeName} left ${missing.join(', ')} unknown. This is a bug in the provider; please report it.`,
    );
    return { state: null, diagnostics: diags.items };
  }
  return { state: value, diagnostics: diags.items };
}
