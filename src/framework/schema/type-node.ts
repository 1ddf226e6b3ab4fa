/**
 * Helpers over {@link TypeNode}, the recursive value type of attributes and object fields:
 * cty type, human labels for docs and errors, and walking a value alongside its type.
 */
import type { CtyType } from '../../tfplugin/values.js';
import type { AttributeType, CollectionKind, ObjectElementType, PrimitiveKind, TypeNode } from './types.js';

/** True for the object element of an object collection. */
export function isObjectElement(t: TypeNode | undefined): t is ObjectElementType {
  return typeof t === 'object' && t !== null && 'fields' in t;
}

/** A node split into its parts: a primitive, an object, or a collection of an inner node. */
export type NodeView =
  | { kind: 'primitive'; primitive: PrimitiveKind }
  | { kind: 'object'; object: ObjectElementType }
  | { kind: 'collection'; collection: CollectionKind; element: TypeNode };

/** Classify a node (a collection-less `{ element }` wrapper is its element). */
export function viewOf(t: TypeNode): NodeView {
  if (typeof t === 'string') return { kind: 'primitive', primitive: t };
  if (isObjectElement(t)) return { kind: 'object', object: t };
  return t.collection ? { kind: 'collection', collection: t.collection, element: t.element } : viewOf(t.element);
}

/** The cty type of a node. */
export function ctyOf(t: TypeNode): CtyType {
  const v = viewOf(t);
  if (v.kind === 'primitive') return v.primitive === 'bool' ? 'bool' : v.primitive === 'string' ? 'string' : 'number';
  if (v.kind === 'object') return ['object', Object.fromEntries(Object.entries(v.object.fields).map(([k, f]) => [k, ctyOf(f.type)]))];
  return [v.collection, ctyOf(v.element)];
}

/** Docs label: `String`, `Integer`, `List of String`, `List of Object`, `Map of List of String`. */
export function typeLabel(t: TypeNode): string {
  const v = viewOf(t);
  if (v.kind === 'primitive')
    return v.primitive === 'int' ? 'Integer' : v.primitive === 'bool' ? 'Bool' : v.primitive === 'number' ? 'Number' : 'String';
  if (v.kind === 'object') return 'Object';
  return `${v.collection[0]!.toUpperCase()}${v.collection.slice(1)} of ${typeLabel(v.element)}`;
}

/** The object element of an attribute that is a collection of objects, else undefined. */
export function objectElementOf(t: AttributeType): ObjectElementType | undefined {
  return t.collection && isObjectElement(t.element) ? t.element : undefined;
}

/** True when the node (deeply) contains a set, so comparisons must ignore element order. */
export function containsSet(t: TypeNode): boolean {
  const v = viewOf(t);
  if (v.kind === 'primitive') return false;
  if (v.kind === 'object') return Object.values(v.object.fields).some((f) => containsSet(f.type));
  return v.collection === 'set' || containsSet(v.element);
}
