/** ReadResource (refresh) and ReadDataSource. Results must be wholly known; null means "gone". */
import type { Value } from '../../tfplugin/values.js';
import type { CallContext } from '../../tfplugin/provider-server.js';
import { Diagnostics } from '../diagnostics.js';
import { PlainDecoder, objectToPlain, type Plain } from '../convert.js';
import type { DataSource, Resource } from '../resource.js';
import type { ObjectValue } from '../../tfplugin/values.js';
import { baseRequest, guard, overPlan, requireClient, timeoutsOf, unknownPaths, type ServerState } from './common.js';

export async function readResource(
  state: ServerState,
  resource: Resource,
  ctx: CallContext,
  req: { typeName: string; currentState: Value; private?: Uint8Array },
) {
  const diags = new Diagnostics();
  const priv = req.private !== undefined ? { private: req.private } : {};
  const current = req.currentState;
  if (current === null || !requireClient(state, diags, req.typeName)) return { newState: current, diagnostics: diags.items, ...priv };
  const schema = resource.schema;
  const result = await guard(diags, 'Read', () =>
    resource.read({
      ...baseRequest(state, ctx, diags),
      state: objectToPlain(schema, current) as never,
      timeouts: timeoutsOf(schema, current),
    }),
  );
  if (result === undefined || diags.hasError()) return { newState: current, diagnostics: diags.items, ...priv };
  if (result === null) return { newState: null, diagnostics: diags.items, ...priv };
  let value = overPlan(new PlainDecoder(diags, req.typeName).object(schema, result as unknown as Plain, current, []), current);
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
    dataSource.read({ ...baseRequest(state, ctx, diags), config: objectToPlain(schema, req.config) as never }),
  );
  if (result === undefined || result === null || diags.hasError()) {
    if (!diags.hasError())
      diags.addError('Missing Data Source State', `${req.typeName} returned no state. This is a bug in the provider; please report it.`);
    return { state: null, diagnostics: diags.items };
  }
  const value = overPlan(new PlainDecoder(diags, req.typeName).object(schema, result as unknown as Plain, req.config, []), req.config);
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
