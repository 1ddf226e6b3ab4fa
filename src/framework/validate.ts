/**
 * Schema-driven config validation (ValidateResourceConfig / ValidateDataResourceConfig /
 * ValidateProviderConfig). Everything known is checked; unknown values (refined or not)
 * are skipped. Every error names the attribute path and says what is allowed.
 */
import { TfNumber, isUnknown, isWhollyKnown, type ObjectValue, type Value } from '../tfplugin/values.js';
import type { AttributePath } from '../tfplugin/provider-server.js';
import { type Diagnostics, formatPath } from './diagnostics.js';
import { attributeToPlain } from './convert.js';
import { blocksOf } from './schema/timeouts.js';
import { wireFlags } from './schema/to-protocol.js';
import { viewOf } from './schema/type-node.js';
import type { Attribute, Block, ObjectShape, Schema, TypeNode, Validator } from './schema/types.js';

/** Validate a config object against a schema, adding diagnostics. */
export function validateConfig(schema: Schema, config: Value, diags: Diagnostics): void {
  if (config === null || isUnknown(config)) return;
  validateObject(schema, config as ObjectValue, [], diags);
}

function isSet(v: Value | undefined): boolean {
  return v !== null && v !== undefined;
}

function run<T>(validators: readonly Validator<T>[] | undefined, value: T, path: AttributePath, diags: Diagnostics): void {
  for (const check of validators ?? []) {
    const problem = check.validate(value);
    if (problem === undefined) continue;
    if (check.severity === 'warning')
      diags.addAttributeWarning(path, 'Unrecognised Attribute Value', `Attribute ${formatPath(path)} ${problem}; it is sent as written.`);
    else diags.addAttributeError(path, 'Invalid Attribute Value', `Attribute ${formatPath(path)} ${problem}.`);
  }
}

function validateAttribute(name: string, a: Attribute, value: Value, path: AttributePath, diags: Diagnostics): void {
  const flags = wireFlags(a);
  const o = a.options;
  const where = formatPath(path);
  if (flags.required && value === null) {
    diags.addAttributeError(path, 'Missing Required Attribute', `The attribute ${where} is required: ${o.description}`);
    return;
  }
  if (!flags.required && !flags.optional && value !== null) {
    diags.addAttributeError(
      path,
      'Invalid Configuration for Read-Only Attribute',
      `The attribute ${where} is set by the provider and cannot be configured.`,
    );
    return;
  }
  if (value === null) return;
  if (o.deprecated !== undefined) diags.addAttributeWarning(path, 'Attribute Deprecated', `${where} is deprecated: ${o.deprecated}`);
  if (o.ignored)
    diags.addAttributeWarning(
      path,
      'Attribute Ignored',
      `${where} is accepted for compatibility with the official provider and has no effect here.`,
    );
  if (isUnknown(value)) return;
  const t = a.type;
  checkIntegers(t, value, path, diags);
  if (isWhollyKnown(value)) run(o.validators as Validator<unknown>[] | undefined, attributeToPlain(t, value), path, diags);
  if (!t.collection) return;
  const elementType: TypeNode = t.element;
  if (t.collection === 'map') {
    for (const [k, x] of Object.entries(value as ObjectValue)) {
      const at = [...path, { key: k }];
      run(o.keyValidators, k, at, diags);
      if (x !== null && isWhollyKnown(x))
        run(o.elementValidators as Validator<unknown>[] | undefined, attributeToPlain(elementType, x), at, diags);
    }
  } else {
    (value as Value[]).forEach((x, i) => {
      const at = t.collection === 'list' ? [...path, { index: i }] : path;
      if (x !== null && isWhollyKnown(x))
        run(o.elementValidators as Validator<unknown>[] | undefined, attributeToPlain(elementType, x), at, diags);
    });
  }
  void name;
}

/** Every known `int` (at any depth: collections, object fields) must be a whole number. */
function checkIntegers(t: TypeNode, value: Value, path: AttributePath, diags: Diagnostics): void {
  if (value === null || isUnknown(value)) return;
  const view = viewOf(t);
  if (view.kind === 'primitive') {
    if (view.primitive === 'int' && value instanceof TfNumber && !value.isInteger()) {
      diags.addAttributeError(path, 'Invalid Attribute Value', `Attribute ${formatPath(path)} must be a whole number, got ${value.text}.`);
    }
    return;
  }
  if (typeof value !== 'object' || value instanceof TfNumber) return;
  if (view.kind === 'object') {
    for (const [k, f] of Object.entries(view.object.fields))
      checkIntegers(f.type, (value as ObjectValue)[k] ?? null, [...path, { attribute: k }], diags);
  } else if (view.collection === 'map') {
    for (const [k, x] of Object.entries(value as ObjectValue)) checkIntegers(view.element, x, [...path, { key: k }], diags);
  } else if (Array.isArray(value)) {
    value.forEach((x, i) => checkIntegers(view.element, x, view.collection === 'list' ? [...path, { index: i }] : path, diags));
  }
}

function validateGroups(shape: ObjectShape, o: ObjectValue, path: AttributePath, diags: Diagnostics): void {
  const check = (groups: readonly (readonly string[])[] | undefined, exact: boolean) => {
    for (const group of groups ?? []) {
      if (group.some((n) => isUnknown(o[n] ?? null))) continue;
      const set = group.filter((n) => isSet(o[n]));
      if (set.length === 0 || (exact && set.length > 1)) {
        const names = group.map((n) => formatPath([...path, { attribute: n }])).join(', ');
        const got = set.length === 0 ? 'none was set' : `got ${set.join(', ')}`;
        const at = set.length > 1 ? [...path, { attribute: set[1]! }] : path;
        diags.addAttributeError(
          at,
          'Invalid Attribute Combination',
          `${exact ? 'Exactly one' : 'At least one'} of ${names} must be set; ${got}.`,
        );
      }
    }
  };
  check(shape.exactlyOneOf, true);
  check(shape.atLeastOneOf, false);
}

function validateObject(shape: ObjectShape | Schema, o: ObjectValue, path: AttributePath, diags: Diagnostics): void {
  for (const [name, a] of Object.entries(shape.attributes)) {
    const at = [...path, { attribute: name }];
    const value = o[name] ?? null;
    validateAttribute(name, a, value, at, diags);
    if (value === null || isUnknown(value)) continue;
    for (const other of a.options.conflictsWith ?? []) {
      const ov = o[other] ?? null;
      if (ov !== null && !isUnknown(ov)) {
        diags.addAttributeError(
          at,
          'Conflicting Attributes',
          `${formatPath(at)} cannot be set together with ${formatPath([...path, { attribute: other }])}; set only one of them.`,
        );
      }
    }
  }
  validateGroups(shape, o, path, diags);
  for (const [name, b] of Object.entries(blocksOf(shape))) {
    const at = [...path, { attribute: name }];
    const value = o[name] ?? null;
    if (isUnknown(value)) continue;
    if (b.nesting === 'single') {
      if (value === null && b.options.minItems) diags.addAttributeError(at, 'Missing Required Block', `A ${name} block is required.`);
      if (value !== null) {
        blockConflicts(name, b, value, o, path, at, diags);
        validateObject(b.options, value as ObjectValue, at, diags);
      }
      continue;
    }
    const items = (value as Value[] | null) ?? [];
    blockConflicts(name, b, items[0], o, path, b.nesting === 'list' ? [...at, { index: 0 }] : at, diags);
    const { minItems = 0, maxItems = 0 } = b.options;
    if (items.length < minItems)
      diags.addAttributeError(at, 'Too Few Blocks', `At least ${minItems} ${name} block(s) are required, got ${items.length}.`);
    if (maxItems > 0 && items.length > maxItems)
      diags.addAttributeError(at, 'Too Many Blocks', `At most ${maxItems} ${name} block(s) are allowed, got ${items.length}.`);
    if (b.options.deprecated !== undefined && items.length > 0)
      diags.addAttributeWarning(at, 'Block Deprecated', `${formatPath(at)} is deprecated: ${b.options.deprecated}`);
    items.forEach((e, i) => {
      if (e !== null && !isUnknown(e))
        validateObject(b.options, e as ObjectValue, b.nesting === 'list' ? [...at, { index: i }] : at, diags);
    });
  }
}

/** A block with content next to a sibling it conflicts with: one error inside the (first) block. */
function blockConflicts(
  name: string,
  b: Block,
  first: Value | undefined,
  siblings: ObjectValue,
  path: AttributePath,
  firstAt: AttributePath,
  diags: Diagnostics,
): void {
  if (first === undefined || first === null || isUnknown(first)) return;
  const item = first as ObjectValue;
  // A path to the block itself renders at the resource header; point at a line inside it.
  const attrs = Object.keys(b.options.attributes);
  const inner = attrs.find((k) => item[k] !== null && item[k] !== undefined && !isUnknown(item[k]!)) ?? attrs[0];
  const at = inner === undefined ? firstAt : [...firstAt, { attribute: inner }];
  for (const other of b.options.conflictsWith ?? []) {
    const ov = siblings[other] ?? null;
    if (ov === null || isUnknown(ov)) continue;
    diags.addAttributeError(
      at,
      'Conflicting Attributes',
      `${formatPath([...path, { attribute: name }])} cannot be set together with ${formatPath([...path, { attribute: other }])}; set only one of them.`,
    );
  }
}
