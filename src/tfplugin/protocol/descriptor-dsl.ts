/**
 * A tiny DSL that builds protobufjs JSON descriptors (the `INamespace` shape that
 * `Root.fromJSON` accepts), so the protocol definitions read almost like a
 * .proto file while staying plain TypeScript data.
 */

/** `[fieldNumber, type]`, `[n, type, 'repeated']`, `[n, valueType, 'map']` (string keys) or `[n, type, 'optional']`. */
export type FieldSpec = readonly [number, string] | readonly [number, string, 'repeated' | 'map' | 'optional'];

export interface MessageJson {
  fields: Record<string, Record<string, unknown>>;
  nested?: Record<string, unknown>;
  oneofs?: Record<string, { oneof: string[] }>;
}

/** A message with the given fields and optional nested types. */
export function message(fields: Record<string, FieldSpec>, nested?: Record<string, unknown>): MessageJson {
  const out: MessageJson = { fields: {} };
  const oneofs: Record<string, { oneof: string[] }> = {};
  for (const [name, [id, type, rule]] of Object.entries(fields)) {
    if (rule === 'map') out.fields[name] = { keyType: 'string', type, id };
    else if (rule === 'repeated') out.fields[name] = { rule: 'repeated', type, id };
    else if (rule === 'optional') {
      // proto3 `optional` is a synthetic oneof named _<field>.
      out.fields[name] = { type, id, options: { proto3_optional: true } };
      oneofs[`_${name}`] = { oneof: [name] };
    } else out.fields[name] = { type, id };
  }
  if (Object.keys(oneofs).length > 0) out.oneofs = oneofs;
  if (nested) out.nested = nested;
  return out;
}

/** A message that only namespaces nested Request/Response types (e.g. `tfplugin6.GetProviderSchema`). */
export function group(nested: Record<string, unknown>): MessageJson {
  return { fields: {}, nested };
}

/** A message whose fields all belong to one oneof. */
export function oneofMessage(oneofName: string, fields: Record<string, FieldSpec>): MessageJson {
  const m = message(fields);
  m.oneofs = { ...(m.oneofs ?? {}), [oneofName]: { oneof: Object.keys(fields) } };
  return m;
}

export function enumOf(values: Record<string, number>): { values: Record<string, number> } {
  return { values };
}

/** `[requestType, responseType]` or with a third element `'server-stream'`. */
export type MethodSpec = readonly [string, string] | readonly [string, string, 'server-stream'];

export function service(methods: Record<string, MethodSpec>): { methods: Record<string, Record<string, unknown>> } {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, [requestType, responseType, stream]] of Object.entries(methods)) {
    out[name] = { requestType, responseType, ...(stream ? { responseStream: true } : {}) };
  }
  return { methods: out };
}
