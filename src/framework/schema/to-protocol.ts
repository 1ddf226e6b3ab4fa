/**
 * Translate a framework schema into the protocol schema (GetProviderSchema) and compute the
 * cty type it implies (the shape of every config/plan/state object).
 */
import type { CtyType } from '../../tfplugin/values.js';
import type { SchemaAttribute, SchemaBlock, Schema as ProtocolSchema } from '../../tfplugin/provider-server.js';
import { blocksOf } from './timeouts.js';
import { ctyOf } from './type-node.js';
import type { Attribute, AttributeType, ObjectShape, Schema } from './types.js';

/** Wire-level flags of an attribute: a default makes it optional+computed. */
export function wireFlags(a: Attribute): { required: boolean; optional: boolean; computed: boolean } {
  const o = a.options;
  return { required: !!o.required, optional: !!o.optional, computed: !!o.computed || o.default !== undefined };
}

/** The cty type of an attribute; collections of objects are plain `type`s (`["list", ["object", {...}]]`), never nested_type. */
export function ctyTypeOfAttribute(t: AttributeType): CtyType {
  return ctyOf(t);
}

/** The cty object type implied by an object level (attributes plus nested blocks). */
export function impliedType(shape: ObjectShape | Schema): CtyType {
  const members: Record<string, CtyType> = {};
  for (const [name, a] of Object.entries(shape.attributes)) members[name] = ctyTypeOfAttribute(a.type);
  for (const [name, b] of Object.entries(blocksOf(shape))) {
    const inner = impliedType(b.options);
    members[name] = b.nesting === 'single' ? inner : [b.nesting, inner];
  }
  return ['object', members];
}

function attributeToProtocol(name: string, a: Attribute): SchemaAttribute {
  const o = a.options;
  const flags = wireFlags(a);
  const out: SchemaAttribute = {
    name,
    type: ctyTypeOfAttribute(a.type),
    description: o.description,
    descriptionKind: 'markdown',
  };
  if (flags.required) out.required = true;
  if (flags.optional) out.optional = true;
  if (flags.computed) out.computed = true;
  if (o.sensitive) out.sensitive = true;
  if (o.deprecated !== undefined) {
    out.deprecated = true;
    out.deprecationMessage = o.deprecated;
  }
  return out;
}

/** The protocol block for an object level; members are sorted by name for a stable schema. */
export function blockToProtocol(shape: ObjectShape | Schema, description?: string, deprecated?: string): SchemaBlock {
  const out: SchemaBlock = {
    attributes: Object.entries(shape.attributes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, a]) => attributeToProtocol(name, a)),
    blockTypes: Object.entries(blocksOf(shape))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([typeName, b]) => ({
        typeName,
        nesting: b.nesting,
        block: blockToProtocol(b.options, b.options.description, b.options.deprecated),
        ...(b.nesting === 'single' ? (b.options.minItems ? { minItems: 1, maxItems: 1 } : {}) : {}),
        ...(b.nesting !== 'single' && b.options.minItems ? { minItems: b.options.minItems } : {}),
        ...(b.nesting !== 'single' && b.options.maxItems ? { maxItems: b.options.maxItems } : {}),
      })),
  };
  if (description !== undefined) {
    out.description = description;
    out.descriptionKind = 'markdown';
  }
  if (deprecated !== undefined) {
    out.deprecated = true;
    out.deprecationMessage = deprecated;
  }
  return out;
}

/** The protocol `Schema` (version + root block) for a resource, data source or provider. */
export function schemaToProtocol(schema: Schema): ProtocolSchema {
  return { version: schema.version, block: blockToProtocol(schema, schema.description, schema.deprecated) };
}
