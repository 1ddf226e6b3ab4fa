/**
 * Executable entry of the schema floor (bench rows f and g): a plugin that serves exactly our
 * provider's schema over our protocol layer and does the least any plugin must do: decode the
 * stored JSON state against the schema, answer ReadResource with the state it was given, plan a
 * create by marking unset computed top-level attributes unknown, apply by filling them with
 * placeholders. No cloud, no framework work per call. Terraform's cost for a resource grows with
 * its schema, so a refresh or an apply through this plugin is what the same configuration costs
 * before any of our per-resource code runs.
 */
import { serve } from '../tfplugin/serve.js';
import type { Diagnostic, ProviderServer, SchemaBlock } from '../tfplugin/provider-server.js';
import { UNKNOWN, isUnknown, tfNumber, type CtyType, type ObjectValue, type Value } from '../tfplugin/values.js';

let made = 0;

/** A known placeholder of the type for an attribute left unknown at plan. */
function placeholder(type: CtyType | undefined): Value {
  if (type === 'string') return `floor-${++made}`;
  if (type === 'number') return tfNumber(0);
  if (type === 'bool') return false;
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) return [];
  if (Array.isArray(type) && type[0] === 'map') return {};
  return null;
}

await serve(async (): Promise<ProviderServer> => {
  const [{ createProviderServer }, { alicloudProvider }, { impliedType }, { decodeJsonValue }] = await Promise.all([
    import('../framework/index.js'),
    import('../provider/provider.js'),
    import('../tfplugin/cty-type.js'),
    import('../tfplugin/json-value.js'),
  ]);
  const real = createProviderServer(alicloudProvider);
  const types = new Map<string, CtyType>();
  const blocks = new Map<string, SchemaBlock>();
  const ok = async () => ({ diagnostics: [] as Diagnostic[] });
  const refuse = (what: string): Diagnostic[] => [
    { severity: 'error', summary: 'Not Served', detail: `The schema floor plugin only refreshes; ${what} is not served.` },
  ];
  return {
    async getProviderSchema(ctx) {
      const schema = await real.getProviderSchema(ctx);
      for (const [name, s] of Object.entries(schema.resourceSchemas)) {
        types.set(name, impliedType(s.block));
        blocks.set(name, s.block);
      }
      return schema;
    },
    validateProviderConfig: ok,
    validateResourceConfig: ok,
    validateDataResourceConfig: ok,
    configureProvider: ok,
    async upgradeResourceState(_ctx, req) {
      const type = types.get(req.typeName)!;
      return { upgradedState: decodeJsonValue(type, req.rawStateJson ?? 'null', { ignoreUnknownAttributes: true }), diagnostics: [] };
    },
    async readResource(_ctx, req) {
      return { newState: req.currentState, diagnostics: [], ...(req.private ? { private: req.private } : {}) };
    },
    async planResourceChange(_ctx, req) {
      const proposed = req.proposedNewState as ObjectValue | null;
      if (proposed === null || req.priorState !== null)
        return { plannedState: req.priorState ?? null, requiresReplace: [], diagnostics: [] };
      const planned: ObjectValue = { ...proposed };
      for (const a of blocks.get(req.typeName)!.attributes) if (a.computed && planned[a.name] === null) planned[a.name] = UNKNOWN;
      return { plannedState: planned, requiresReplace: [], diagnostics: [] };
    },
    async applyResourceChange(_ctx, req) {
      const planned = req.plannedState as ObjectValue | null;
      if (planned === null) return { newState: null, diagnostics: [] };
      const state: ObjectValue = { ...planned };
      for (const a of blocks.get(req.typeName)!.attributes) if (isUnknown(state[a.name])) state[a.name] = placeholder(a.type);
      return { newState: state, diagnostics: [] };
    },
    async importResourceState() {
      return { importedResources: [], diagnostics: refuse('import') };
    },
    async readDataSource() {
      return { state: null, diagnostics: refuse('data sources') };
    },
  };
});
