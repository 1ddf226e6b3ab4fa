/**
 * ImportResourceState: the resource turns the id into a partial state; the framework fills
 * every other attribute (defaults, else null; list/set blocks []) so Terraform can call read.
 */
import type { CallContext } from '../../tfplugin/provider-server.js';
import type { ObjectValue } from '../../tfplugin/values.js';
import { Diagnostics } from '../diagnostics.js';
import { PlainDecoder, type Plain, type PlainObject } from '../convert.js';
import type { Resource } from '../resource.js';
import { baseRequest, emptyObject, guard, requireClient, unknownPaths, unknownsToNull, type ServerState } from './common.js';

export async function importResource(state: ServerState, resource: Resource, ctx: CallContext, req: { typeName: string; id: string }) {
  const diags = new Diagnostics();
  const none = { importedResources: [], diagnostics: diags.items };
  if (!resource.importState) {
    diags.addError('Resource Import Not Implemented', `${req.typeName} does not support import. Create it with terraform apply instead.`);
    return none;
  }
  if (!requireClient(state, diags, req.typeName)) return none;
  const partial = await guard(diags, 'Import', () =>
    resource.importState!({ ...baseRequest(state, ctx, diags, req.typeName), id: req.id }),
  );
  if (diags.hasError()) return none;
  if (!partial) {
    diags.addError('Cannot Import Non-Existent Remote Object', `No ${req.typeName} was found with the id ${JSON.stringify(req.id)}.`);
    return none;
  }
  const schema = resource.schema;
  const full: PlainObject = {};
  for (const [name, a] of Object.entries(schema.attributes)) full[name] = (a.options.default ?? null) as Plain;
  const base = emptyObject(schema);
  for (const k of Object.keys(base)) if (!(k in schema.attributes)) full[k] = base[k] === null ? null : [];
  Object.assign(full, partial);
  const value = new PlainDecoder(diags, req.typeName).object(schema, full, null, []) as ObjectValue;
  if (unknownPaths(value).length > 0)
    diags.addError('Invalid Import State', `${req.typeName} importState left values unknown: ${unknownPaths(value).join(', ')}.`);
  if (diags.hasError()) return none;
  return { importedResources: [{ typeName: req.typeName, state: unknownsToNull(value) }], diagnostics: diags.items };
}
