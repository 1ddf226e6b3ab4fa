/** PlanResourceChange: schema-driven plan, the resource's optional modifyPlan, requires-replace paths. */
import type { Value } from '../../tfplugin/values.js';
import type { AttributePath, CallContext } from '../../tfplugin/provider-server.js';
import { Diagnostics } from '../diagnostics.js';
import { PlainDecoder, objectToPlain } from '../convert.js';
import { needsLegacyTypeSystem, planValues, requiresReplacePaths } from '../plan.js';
import type { Resource } from '../resource.js';
import { baseRequest, guard, type ServerState } from './common.js';

export interface PlanRequest {
  typeName: string;
  priorState: Value;
  proposedNewState: Value;
  config: Value;
  priorPrivate?: Uint8Array;
}

export async function planResource(state: ServerState, resource: Resource, ctx: CallContext, req: PlanRequest) {
  const diags = new Diagnostics();
  const passPrivate = req.priorPrivate !== undefined ? { plannedPrivate: req.priorPrivate } : {};
  if (req.proposedNewState === null) return { plannedState: null, requiresReplace: [], diagnostics: diags.items, ...passPrivate };
  const schema = resource.schema;
  let planned = planValues(schema, req.priorState, req.proposedNewState, req.config, diags);
  const extra: AttributePath[] = [];
  if (resource.modifyPlan && !diags.hasError()) {
    const plan = objectToPlain(schema, planned) as never;
    await guard(diags, 'Plan', () =>
      resource.modifyPlan!({
        ...baseRequest(state, ctx, diags, req.typeName),
        config: objectToPlain(schema, req.config) as never,
        plan,
        prior: (objectToPlain(schema, req.priorState) ?? null) as never,
        requireReplace: (attribute: string) => void extra.push([{ attribute }]),
      }),
    );
    planned = new PlainDecoder(diags, `${req.typeName} modifyPlan`).object(schema, plan, planned, []);
  }
  const requiresReplace = req.priorState === null ? [] : [...requiresReplacePaths(schema, req.priorState, planned, req.config), ...extra];
  const legacy = needsLegacyTypeSystem(schema, planned, req.config) ? { legacyTypeSystem: true } : {};
  return { plannedState: planned, requiresReplace: dedupe(requiresReplace), diagnostics: diags.items, ...passPrivate, ...legacy };
}

function dedupe(paths: AttributePath[]): AttributePath[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const k = JSON.stringify(p);
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
