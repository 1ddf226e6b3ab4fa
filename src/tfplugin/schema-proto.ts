/**
 * Conversions between the provider-server contract and tfplugin6 messages:
 * schemas (type as JSON bytes, description kind, nesting enums), diagnostics
 * (severity never INVALID, text made valid UTF-8, attribute paths) and
 * attribute paths in both directions.
 */
import type {
  AttributePath,
  Diagnostic,
  Schema,
  SchemaAttribute,
  SchemaBlock,
  SchemaObject,
  ServerCapabilities,
} from './provider-server.js';
import type { Msg } from './protocol/index.js';
import { typeToJson } from './cty-type.js';

/** A protocol `Schema` message (plain object) for one of our schemas. */
export function schemaToProto(schema: Schema): Msg {
  if (!Number.isInteger(schema.version) || schema.version < 0) {
    throw new RangeError(`schema version must be a non-negative integer, got ${schema.version}`);
  }
  return { version: schema.version, block: blockToProto(schema.block) };
}

function kind(k: 'plain' | 'markdown' | undefined): string {
  return k === 'markdown' ? 'MARKDOWN' : 'PLAIN';
}

function blockToProto(b: SchemaBlock): Msg {
  return {
    version: 0,
    attributes: b.attributes.map(attributeToProto),
    block_types: b.blockTypes.map((nb) => ({
      type_name: nb.typeName,
      block: blockToProto(nb.block),
      nesting: nb.nesting.toUpperCase(),
      min_items: nb.minItems ?? 0,
      max_items: nb.maxItems ?? 0,
    })),
    description: validUtf8(b.description ?? ''),
    description_kind: kind(b.descriptionKind),
    deprecated: b.deprecated ?? false,
  };
}

function attributeToProto(a: SchemaAttribute): Msg {
  if ((a.type === undefined) === (a.nestedType === undefined)) {
    throw new TypeError(`schema attribute "${a.name}" must have exactly one of type or nestedType`);
  }
  return {
    name: a.name,
    type: a.type === undefined ? Buffer.alloc(0) : Buffer.from(typeToJson(a.type), 'utf8'),
    nested_type: a.nestedType === undefined ? null : objectToProto(a.nestedType),
    description: validUtf8(a.description ?? ''),
    required: a.required ?? false,
    optional: a.optional ?? false,
    computed: a.computed ?? false,
    sensitive: a.sensitive ?? false,
    description_kind: kind(a.descriptionKind),
    deprecated: a.deprecated ?? false,
    write_only: a.writeOnly ?? false,
  };
}

function objectToProto(o: SchemaObject): Msg {
  return { attributes: o.attributes.map(attributeToProto), nesting: o.nesting.toUpperCase() };
}

/** Protocol `ServerCapabilities`. */
export function capabilitiesToProto(c: ServerCapabilities | undefined): Msg {
  return {
    plan_destroy: c?.planDestroy ?? false,
    get_provider_schema_optional: c?.getProviderSchemaOptional ?? false,
    move_resource_state: c?.moveResourceState ?? false,
  };
}

/** Protocol `AttributePath` for one of our paths. */
export function attributePathToProto(path: AttributePath): Msg {
  return {
    steps: path.map((s) =>
      'attribute' in s
        ? { attribute_name: s.attribute }
        : 'key' in s
          ? { element_key_string: validUtf8(s.key) }
          : { element_key_int: s.index },
    ),
  };
}

/** Our path for a protocol `AttributePath` (decoded with oneofs). */
export function attributePathFromProto(p: Msg | null | undefined): AttributePath {
  const out: AttributePath = [];
  for (const s of (p?.steps ?? []) as Msg[]) {
    if (s.selector === 'attribute_name' || (s.selector === undefined && s.attribute_name)) out.push({ attribute: s.attribute_name });
    else if (s.selector === 'element_key_string') out.push({ key: s.element_key_string });
    else out.push({ index: Number(s.element_key_int) });
  }
  return out;
}

/** Protocol diagnostics; anything unexpected in a diagnostic still yields a valid message. */
export function diagnosticsToProto(diags: readonly Diagnostic[] | undefined): Msg[] {
  return (diags ?? []).map((d) => ({
    severity: d.severity === 'warning' ? 'WARNING' : 'ERROR',
    summary: validUtf8(String(d.summary ?? '')),
    detail: validUtf8(String(d.detail ?? '')),
    attribute: d.attribute && d.attribute.length > 0 ? attributePathToProto(d.attribute) : null,
  }));
}

/** Our diagnostics from protocol ones (used by the test driver). */
export function diagnosticsFromProto(diags: readonly Msg[] | undefined): Diagnostic[] {
  return (diags ?? []).map((d) => {
    const out: Diagnostic = { severity: d.severity === 'WARNING' ? 'warning' : 'error', summary: d.summary ?? '' };
    if (d.detail) out.detail = d.detail;
    const path = attributePathFromProto(d.attribute);
    if (path.length > 0) out.attribute = path;
    return out;
  });
}

/** Replace lone surrogates (which cannot be encoded as UTF-8) with U+FFFD. */
export function validUtf8(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
