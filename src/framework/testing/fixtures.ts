/**
 * Typed fixtures for unit tests of resources built on the framework: plain objects of a
 * schema's shape (every attribute null, list/set blocks [], single blocks null, then the
 * given values), the validation errors of a partial config as `path: detail` lines, and a
 * silent logger. The casts a fixture needs live here, not in the tests.
 */
import type { Logger } from '../../tfplugin/provider-server.js';
import type { PlainObject } from '../convert.js';
import { Diagnostics, formatPath } from '../diagnostics.js';
import type { ConfigOf, ObjectShape, Schema, StateOf } from '../schema/types.js';
import { validateConfig } from '../validate.js';
import { full } from './widget.js';

/** `T` with every member optional, inside blocks too (a fixture fills the missing ones with null, blocks with []). */
export type Loose<T> = {
  [K in keyof T]?: T[K] extends readonly (infer E)[] ? Loose<E>[] : T[K] extends object | null ? Loose<T[K]> | null : T[K];
};

/** `over` completed to the shape: missing attributes null, missing list/set blocks [], single blocks null (recursively). */
function complete(shape: ObjectShape, over: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(shape.attributes)) out[name] = name in over ? over[name] : null;
  for (const [name, b] of Object.entries(shape.blocks ?? {})) {
    const x = over[name];
    const item = (e: unknown) => complete(b.options, (e ?? {}) as Record<string, unknown>);
    out[name] = b.nesting === 'single' ? (x === null || x === undefined ? null : item(x)) : Array.isArray(x) ? x.map(item) : [];
  }
  return out;
}

/** A state of `schema` with every value null (blocks empty), then `over`. Required attributes the test needs go in `over`. */
export function nullState<S extends Schema>(schema: S, over: Loose<StateOf<S>> = {}): StateOf<S> {
  return complete(schema, over) as StateOf<S>;
}

/** A config of `schema` with every value null (blocks empty), then `over` (inside blocks too). */
export function nullConfig<S extends Schema>(schema: S, over: Loose<ConfigOf<S>> = {}): ConfigOf<S> {
  return complete(schema, over) as ConfigOf<S>;
}

/** Validation errors of `partial` (missing attributes are null) as `path: detail` strings, as users read them. */
export function validationErrors(schema: Schema, partial: Readonly<Record<string, unknown>>): string[] {
  const diags = new Diagnostics();
  validateConfig(schema, full(schema, partial as PlainObject), diags);
  return diags.errors().map((d) => `${d.attribute ? formatPath(d.attribute) : '(block)'}: ${d.detail ?? d.summary}`);
}

/** A logger that drops everything. */
export const silentLog: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };
