/**
 * Schema-driven planning (PlanResourceChange), following the rules Terraform core checks
 * (docs/tfplugin6.md §5.2–5.4). The rule for computed values, chosen to be sound and free of
 * perpetual diffs:
 *
 * - Defaults: an attribute with a static default whose config is null is planned as the default.
 * - Create: a computed attribute whose config is null (and has no default) is planned unknown.
 * - Update with no change (the proposal, after defaults, equals the prior state outside the
 *   `timeouts` block): the plan is the prior state; nothing becomes unknown.
 * - Update with a change: a computed attribute whose config is null is planned unknown, unless it
 *   is `useStateForUnknown` or `requiresReplace` (an in-place update cannot change a value that
 *   would force replacement); those keep the prior value.
 * - Nested block elements are matched to prior elements by index (list) or by their configured
 *   attributes (set); an element with no prior match is planned as a create.
 * - List/set blocks are never null and keep exactly the config's element count, except a
 *   `computed` list block with no blocks in the config: create plans it unknown, update keeps the
 *   prior blocks (SDKv2's Optional+Computed). Such plans need the legacy type system flag
 *   ({@link needsLegacyTypeSystem}).
 * - requires_replace lists only paths whose planned value differs from the prior (unknown differs).
 */
import { UNKNOWN, isUnknown, valuesEqual, Unknown, TfNumber, type ObjectValue, type Value } from '../tfplugin/values.js';
import type { AttributePath } from '../tfplugin/provider-server.js';
import { type Diagnostics } from './diagnostics.js';
import { PlainDecoder, attributeToPlain } from './convert.js';
import { blocksOf } from './schema/timeouts.js';
import { wireFlags } from './schema/to-protocol.js';
import { containsSet, viewOf } from './schema/type-node.js';
import type { Attribute, AttributeMap, Block, ObjectShape, Schema, TypeNode } from './schema/types.js';

type Shape = ObjectShape | Schema;

function asObject(v: Value | undefined): ObjectValue | null {
  return v !== null && v !== undefined && !isUnknown(v) && typeof v === 'object' && !Array.isArray(v) && !(v instanceof TfNumber)
    ? (v as ObjectValue)
    : null;
}

/** A stable text key for a value (sets are compared order-insensitively through it). */
function key(v: Value): string {
  if (v === null) return 'null';
  if (v instanceof Unknown) return '?';
  if (v instanceof TfNumber) return `n${v.text}`;
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(key).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${key(v[k]!)}`)
    .join(',')}}`;
}

/** Copy of `v` with every set (attribute or block) sorted by key, so valuesEqual ignores set order. */
export function canonical(shape: Shape, v: Value): Value {
  const o = asObject(v);
  if (!o) return v;
  const out: ObjectValue = { ...o };
  for (const [name, a] of Object.entries(shape.attributes)) {
    const x = o[name] ?? null;
    if (containsSet(a.type)) out[name] = canonicalValue(a.type, x);
  }
  for (const [name, b] of Object.entries(blocksOf(shape))) {
    const x = o[name] ?? null;
    if (b.nesting === 'single') out[name] = canonical(b.options, x);
    else if (Array.isArray(x)) {
      const items = x.map((e) => canonical(b.options, e));
      out[name] = b.nesting === 'set' ? items.sort((p, q) => key(p).localeCompare(key(q))) : items;
    }
  }
  return out;
}

/** Copy of an attribute value with every set inside it (at any depth) sorted by key. */
export function canonicalValue(t: TypeNode, v: Value): Value {
  if (v === null || isUnknown(v)) return v;
  const view = viewOf(t);
  if (view.kind === 'primitive') return v;
  const o = asObject(v);
  if (view.kind === 'object')
    return o
      ? Object.fromEntries(
          Object.entries(o).map(([k, x]) => [k, view.object.fields[k] ? canonicalValue(view.object.fields[k]!.type, x) : x]),
        )
      : v;
  if (view.collection === 'map') return o ? Object.fromEntries(Object.entries(o).map(([k, x]) => [k, canonicalValue(view.element, x)])) : v;
  if (!Array.isArray(v)) return v;
  const items = v.map((x) => canonicalValue(view.element, x));
  return view.collection === 'set' ? items.sort((p, q) => key(p).localeCompare(key(q))) : items;
}

/** Set-aware equality of two values of one object level. */
export function sameObject(shape: Shape, a: Value, b: Value): boolean {
  return valuesEqual(canonical(shape, a), canonical(shape, b));
}

/** Project an object onto its configurable, non-computed attributes (used to correlate set elements). */
function configuredKey(shape: Shape, v: Value): string {
  const o = asObject(v);
  if (!o) return key(v);
  const parts: string[] = [];
  for (const [name, a] of Object.entries(shape.attributes)) if (!wireFlags(a).computed) parts.push(`${name}=${key(o[name] ?? null)}`);
  const sorted = canonical(shape, o) as ObjectValue;
  for (const name of Object.keys(blocksOf(shape))) parts.push(`${name}=${key(sorted[name] ?? null)}`);
  return parts.join(';');
}

function matchSetElement(shape: Shape, candidates: Value[], target: Value): Value {
  const k = configuredKey(shape, target);
  return candidates.find((c) => configuredKey(shape, c) === k) ?? null;
}

function defaultValue(a: Attribute, diags: Diagnostics): Value {
  return new PlainDecoder(diags, 'The schema default').attribute(a.type, a.options.default as never, null, []);
}

/** Phase 1: fill defaults for null config values; make list/set blocks non-null. */
function withDefaults(shape: Shape, proposed: Value, config: Value, diags: Diagnostics): Value {
  const p = asObject(proposed);
  if (!p) return proposed;
  const c = asObject(config) ?? {};
  const out: ObjectValue = { ...p };
  for (const [name, a] of Object.entries(shape.attributes)) {
    if (a.options.default !== undefined && (c[name] ?? null) === null) out[name] = defaultValue(a, diags);
  }
  for (const [name, b] of Object.entries(blocksOf(shape))) {
    const x = p[name] ?? null;
    const cx = c[name] ?? null;
    if (b.nesting === 'single') out[name] = withDefaults(b.options, x, cx, diags);
    else if (x === null) out[name] = [];
    else if (Array.isArray(x)) {
      const configs = Array.isArray(cx) ? cx : [];
      out[name] = x.map((e, i) =>
        withDefaults(b.options, e, b.nesting === 'list' ? (configs[i] ?? null) : matchSetElement(b.options, configs, e), diags),
      );
    }
  }
  return out;
}

/** Phase 2: plan computed values per the module rule. `prior` null at this level means create. */
function markUnknowns(shape: Shape, planned: Value, prior: Value, config: Value, changed: boolean): Value {
  const p = asObject(planned);
  if (!p) return planned;
  const pr = asObject(prior);
  const c = asObject(config) ?? {};
  const out: ObjectValue = { ...p };
  for (const [name, a] of Object.entries(shape.attributes)) {
    const flags = wireFlags(a);
    if (!flags.computed || a.options.default !== undefined || (c[name] ?? null) !== null) continue;
    if (!pr) out[name] = UNKNOWN;
    else if (changed && !a.options.useStateForUnknown && !a.options.requiresReplace) out[name] = UNKNOWN;
    else out[name] = pr[name] ?? null;
  }
  for (const [name, b] of Object.entries(blocksOf(shape))) {
    const x = p[name] ?? null;
    const cx = c[name] ?? null;
    const px = pr ? (pr[name] ?? null) : null;
    if (b.nesting === 'single') out[name] = markUnknowns(b.options, x, px, cx, changed);
    else if (unwrittenComputed(b, cx)) out[name] = pr ? (px ?? []) : UNKNOWN;
    else if (Array.isArray(x)) {
      const configs = Array.isArray(cx) ? cx : [];
      const priors = Array.isArray(px) ? px : [];
      out[name] = x.map((e, i) =>
        b.nesting === 'list'
          ? markUnknowns(b.options, e, priors[i] ?? null, configs[i] ?? null, changed)
          : markUnknowns(b.options, e, matchSetElement(b.options, priors, e), matchSetElement(b.options, configs, e), changed),
      );
    }
  }
  return out;
}

/** A `computed` list block the config writes no block of (an unknown `dynamic` list is not "unwritten"). */
function unwrittenComputed(b: Block, config: Value): boolean {
  return b.nesting === 'list' && b.options.computed === true && (config === null || (Array.isArray(config) && config.length === 0));
}

/** The proposal with the prior blocks kept for every unwritten computed block (before the change check). */
function keepComputedBlocks(schema: Schema, filled: Value, prior: Value, config: Value): Value {
  const f = asObject(filled);
  const pr = asObject(prior);
  if (!f || !pr) return filled;
  const c = asObject(config) ?? {};
  const out: ObjectValue = { ...f };
  for (const [name, b] of Object.entries(blocksOf(schema))) if (unwrittenComputed(b, c[name] ?? null)) out[name] = pr[name] ?? [];
  return out;
}

/**
 * True when the plan fills a `computed` list block the config does not write (unknown at create,
 * prior blocks on update). Terraform core rejects such a plan ("planned for existence but config
 * wants absence") unless the response sets `legacy_type_system`, as SDKv2 always does; the
 * framework sets it only then.
 */
export function needsLegacyTypeSystem(shape: Shape, planned: Value, config: Value): boolean {
  const p = asObject(planned);
  if (!p) return false;
  const c = asObject(config) ?? {};
  for (const [name, b] of Object.entries(blocksOf(shape))) {
    const x = p[name] ?? null;
    const cx = c[name] ?? null;
    if (unwrittenComputed(b, cx) && (isUnknown(x) || (Array.isArray(x) && x.length > 0))) return true;
    if (b.nesting === 'single' && needsLegacyTypeSystem(b.options, x, cx)) return true;
    if (
      b.nesting === 'list' &&
      Array.isArray(x) &&
      Array.isArray(cx) &&
      x.some((e, i) => needsLegacyTypeSystem(b.options, e, cx[i] ?? null))
    )
      return true;
  }
  return false;
}

/**
 * True when apply returns another count of a `computed` list block than a known plan had (the API
 * reported more or fewer disks than written): without the flag Terraform would call the result
 * inconsistent and taint a new object; SDKv2 only logs it.
 */
export function computedCountChanged(shape: Shape, planned: Value, result: Value): boolean {
  const p = asObject(planned);
  const r = asObject(result);
  if (!p || !r) return false;
  return Object.entries(blocksOf(shape)).some(([name, b]) => {
    const x = p[name];
    const y = r[name];
    return b.nesting === 'list' && b.options.computed === true && Array.isArray(x) && Array.isArray(y) && x.length !== y.length;
  });
}

/** True when anything outside the `timeouts` block differs between the two states. */
export function hasChange(schema: Schema, planned: Value, prior: Value): boolean {
  const strip = (v: Value): Value => {
    const o = asObject(v);
    if (!o || !schema.timeouts) return v;
    const { timeouts: _ignored, ...rest } = o;
    return rest;
  };
  const shape = { ...schema, timeouts: undefined } as Schema;
  return !sameObject(shape, strip(planned), strip(prior));
}

/** Plan a create/update: defaults, then unknowns. Destroy (proposed null) plans null. */
export function planValues(schema: Schema, prior: Value, proposed: Value, config: Value, diags: Diagnostics): Value {
  if (proposed === null) return null;
  const filled = withDefaults(schema, proposed, config, diags);
  if (prior === null) return markUnknowns(schema, filled, null, config, true);
  const kept = keepComputedBlocks(schema, filled, prior, config);
  const changed = hasChange(schema, kept, prior);
  return markUnknowns(schema, kept, prior, config, changed);
}

/** The requires-replace paths of an update: declared attributes/blocks whose planned value differs from prior. */
export function requiresReplacePaths(schema: Schema, prior: Value, planned: Value, config: Value): AttributePath[] {
  if (prior === null || planned === null) return [];
  const out: AttributePath[] = [];
  walkReplace(schema, prior, planned, config, [], out);
  return out;
}

function walkReplace(shape: Shape, prior: Value, planned: Value, config: Value, path: AttributePath, out: AttributePath[]): void {
  const pr = asObject(prior) ?? {};
  const pl = asObject(planned) ?? {};
  const c = asObject(config) ?? {};
  for (const [name, a] of Object.entries(shape.attributes)) {
    const rr = a.options.requiresReplace;
    if (!rr) continue;
    const before = pr[name] ?? null;
    const after = pl[name] ?? null;
    const differs = isUnknown(after) || !sameAttr(a, before, after);
    if (!differs) continue;
    const hit =
      rr === true ||
      rr({
        prior: attributeToPlain(a.type, before),
        planned: attributeToPlain(a.type, after),
        config: attributeToPlain(a.type, c[name] ?? null),
      } as never);
    if (hit) out.push([...path, { attribute: name }]);
  }
  for (const [name, b] of Object.entries(blocksOf(shape))) {
    const at = [...path, { attribute: name }];
    const before = pr[name] ?? null;
    const after = pl[name] ?? null;
    if (b.options.requiresReplace) {
      const wrap = { attributes: {}, blocks: { [name]: b } } as ObjectShape;
      if (isUnknown(after) || !sameObject(wrap, { [name]: before }, { [name]: after })) out.push(at);
      continue;
    }
    if (b.nesting === 'single') walkReplace(b.options, before, after, c[name] ?? null, at, out);
    else if (b.nesting === 'list' && Array.isArray(after)) {
      const priors = Array.isArray(before) ? before : [];
      const configs = Array.isArray(c[name]) ? (c[name] as Value[]) : [];
      after.forEach((e, i) => walkReplace(b.options, priors[i] ?? null, e, configs[i] ?? null, [...at, { index: i }], out));
    } else if (b.nesting === 'set' && Array.isArray(after)) {
      const sub: AttributePath[] = [];
      const priors = Array.isArray(before) ? before : [];
      for (const e of after) walkReplace(b.options, matchSetElement(b.options, priors, e) ?? null, e, null, [], sub);
      const declares = Object.values(b.options.attributes as AttributeMap).some((a) => a.options.requiresReplace);
      if (sub.length > 0 || (declares && priors.length !== after.length)) out.push(at);
    }
  }
}

function sameAttr(a: Attribute, x: Value, y: Value): boolean {
  return containsSet(a.type) ? valuesEqual(canonicalValue(a.type, x), canonicalValue(a.type, y)) : valuesEqual(x, y);
}
