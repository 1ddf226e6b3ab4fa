/**
 * Test fixtures for the framework: a `widget` schema exercising every DSL feature, an
 * in-memory widget backend, and helpers that build full cty objects and Terraform-style
 * proposals (core's ProposedNew, simplified) from plain values.
 */
import { UNKNOWN, type ObjectValue, type Value } from '../../tfplugin/values.js';
import type { CallContext, Logger } from '../../tfplugin/provider-server.js';
import { Diagnostics } from '../diagnostics.js';
import { PlainDecoder, type Plain, type PlainObject } from '../convert.js';
import { attr, block, defineSchema } from '../schema/builders.js';
import { blocksOf } from '../schema/timeouts.js';
import { wireFlags } from '../schema/to-protocol.js';
import type { ObjectShape, Schema } from '../schema/types.js';
import { v } from '../schema/validators.js';

export const widgetSchema = defineSchema({
  version: 1,
  description: 'A test widget.',
  timeouts: { create: '10m', delete: '5m' },
  exactlyOneOf: [['source_instance', 'source_snapshot']],
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: 'Widget id.' }),
    name: attr.string({
      required: true,
      validators: [v.length(1, 16), v.notPrefixedWith('http://')],
      description: 'Name.',
      meta: { ecs: 'ImageName' },
    }),
    size: attr.int({ optional: true, default: 1, validators: [v.range(1, 100)], description: 'Size in GiB.' }),
    zone: attr.string({ optional: true, computed: true, requiresReplace: true, validators: [v.oneOf('a', 'b')], description: 'Zone.' }),
    label: attr.string({ optional: true, computed: true, description: 'Label.' }),
    legacy_label: attr.string({
      optional: true,
      computed: true,
      deprecated: 'Use label instead.',
      conflictsWith: ['label'],
      description: 'Old label.',
    }),
    description: attr.string({
      optional: true,
      validators: [v.pattern(/^[^<>]*$/, 'text without angle brackets')],
      description: 'Description.',
    }),
    tags: attr.map('string', {
      optional: true,
      keyValidators: [v.notPrefixedWith('aliyun')],
      elementValidators: [v.length(0, 8)],
      description: 'Tags.',
    }),
    ports: attr.set('int', { optional: true, elementValidators: [v.range(1, 65535)], description: 'Ports.' }),
    source_instance: attr.string({ optional: true, description: 'Instance to copy.' }),
    source_snapshot: attr.string({ optional: true, description: 'Snapshot to copy.' }),
    status: attr.string({ computed: true, description: 'Status.' }),
    serial: attr.number({ computed: true, useStateForUnknown: true, description: 'Serial number.' }),
  },
  blocks: {
    disk: block.list({
      maxItems: 3,
      description: 'Disks.',
      attributes: {
        size: attr.int({ required: true, requiresReplace: true, validators: [v.range(1, 32768)], description: 'Disk size.' }),
        device: attr.string({ optional: true, computed: true, description: 'Device name.' }),
        format: attr.string({ computed: true, description: 'Format.' }),
      },
    }),
  },
});

/** A call context for tests: never aborted, silent logger. */
export function testContext(): CallContext {
  const noop = () => {};
  const log: Logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop };
  return { signal: new AbortController().signal, log };
}

/** A full object of the schema's shape from a partial plain object (missing → null / []). */
export function full(shape: ObjectShape | Schema, partial: PlainObject): ObjectValue {
  const p: PlainObject = {};
  for (const name of Object.keys(shape.attributes)) p[name] = null;
  for (const [name, b] of Object.entries(blocksOf(shape))) p[name] = b.nesting === 'single' ? null : [];
  for (const [k, x] of Object.entries(partial)) {
    const b = blocksOf(shape)[k];
    p[k] = b && Array.isArray(x) ? x.map((e) => full(b.options, e as PlainObject) as unknown as Plain) : x;
  }
  const diags = new Diagnostics();
  const out = new PlainDecoder(diags, 'fixture').object(shape, p, null, []) as ObjectValue;
  if (diags.hasError()) throw new Error(JSON.stringify(diags.items));
  return out;
}

/** Terraform core's proposed new state, simplified: config, with computed attributes null in config taking the prior value. */
export function proposedNew(shape: ObjectShape | Schema, prior: Value, config: Value): Value {
  if (config === null) return null;
  const c = config as ObjectValue;
  const p = (prior ?? {}) as ObjectValue;
  const out: ObjectValue = { ...c };
  for (const [name, a] of Object.entries(shape.attributes)) {
    if (wireFlags(a).computed && c[name] === null) out[name] = prior === null ? null : (p[name] ?? null);
  }
  for (const [name, b] of Object.entries(blocksOf(shape))) {
    const cx = c[name] ?? null;
    const px = p[name] ?? null;
    if (b.nesting === 'single') out[name] = proposedNew(b.options, px, cx);
    else if (Array.isArray(cx)) out[name] = cx.map((e, i) => proposedNew(b.options, Array.isArray(px) ? (px[i] ?? null) : null, e));
  }
  return out;
}

export { UNKNOWN };
