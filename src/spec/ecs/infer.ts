/**
 * Types derived from an action table, and `defineAction`, the one way tables are declared.
 *
 * A table declared with {@link defineAction} keeps its literal type (names, kinds, enums,
 * required flags), so:
 * - {@link InputOf}`<typeof spec>` is the input the emulator's `decodeInput` produces: required
 *   parameters present, enums as literal unions, integers/longs as numbers, booleans, scalar
 *   and packed lists as arrays, repeat lists as arrays of records, objects as records;
 * - {@link ClientInputOf}`<typeof spec>` is what the client's `call` takes: the same, with
 *   `RegionId` (the client's region) and `ClientToken` (generated) optional and lists readonly;
 * - {@link OutputOf}`<typeof spec>` is the checked response body the client resolves with, and
 *   {@link HandlerOutputOf} what an emulator handler returns (without `RequestId`, defaulted
 *   fields optional);
 * - {@link ActionHandler}`<typeof spec, Ctx>` types one emulator handler.
 *
 * For a table typed only as the wide `ActionSpec` these fall back to untyped records.
 */
import { decodeShape, type ObjectShape, type ShapeValue } from './shape.js';
import type { ActionInput, ActionSpec, ParamSpec } from './types.js';

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type KindValue<K> = K extends 'string' ? string : K extends 'boolean' ? boolean : K extends 'integer' | 'long' ? number : never;
/** A scalar's value: the enum's literals when it has one, else its kind's JS type. */
type ScalarValue<P> = P extends { readonly type: 'string'; readonly enum: readonly (infer E extends string)[] }
  ? E
  : P extends { readonly type: infer K }
    ? KindValue<K>
    : never;
type ItemValue<P> = P extends { readonly item: { readonly enum: readonly (infer E extends string)[] } } ? E : ScalarValue<P>;

type Mode = 'decoded' | 'client';
type List<T, M extends Mode> = M extends 'client' ? readonly T[] : T[];

type ParamValue<P, M extends Mode> = P extends { readonly kind: 'scalar' }
  ? ScalarValue<P>
  : P extends { readonly kind: 'scalarList' }
    ? List<ItemValue<P>, M>
    : P extends { readonly kind: 'repeatList'; readonly fields: infer F extends readonly ParamSpec[] }
      ? List<Simplify<Record_<F, M, never> & ListFields<P, M>>, M>
      : P extends { readonly kind: 'object'; readonly fields: infer F extends readonly ParamSpec[] }
        ? Record_<F, M, never>
        : P extends { readonly kind: 'packedList' }
          ? List<string, M>
          : never;

type ListFields<P, M extends Mode> = P extends { readonly listFields: infer L extends readonly ParamSpec[] }
  ? Record_<L, M, never>
  : unknown;

type IsRequired<P, Opt extends string> = P extends { readonly required: true; readonly name: infer N }
  ? N extends Opt
    ? false
    : true
  : false;

/** The record of `Ps`: required parameters (minus `Opt`) required, the rest optional. */
type Record_<Ps extends readonly ParamSpec[], M extends Mode, Opt extends string> = Simplify<
  { -readonly [P in Ps[number] as IsRequired<P, Opt> extends true ? P['name'] : never]: ParamValue<P, M> } & {
    -readonly [P in Ps[number] as IsRequired<P, Opt> extends true ? never : P['name']]?: ParamValue<P, M>;
  }
>;

/** True when `S` is a literal table (not the wide `ActionSpec`). */
type IsLiteral<S extends ActionSpec> = string extends S['params'][number]['name'] ? false : true;

/** The decoded input of `S`, as the emulator's `decodeInput` returns it. */
export type InputOf<S extends ActionSpec> = IsLiteral<S> extends true ? Record_<S['params'], 'decoded', never> : ActionInput;

/** The client's input for `S`: `RegionId` and `ClientToken` are optional (filled by the client). */
export type ClientInputOf<S extends ActionSpec> =
  IsLiteral<S> extends true ? Record_<S['params'], 'client', 'RegionId' | 'ClientToken'> : Readonly<Record<string, unknown>>;

/** The body of a successful call of an action without a (literal) response shape. */
export type UntypedOutput = Record<string, unknown> & { RequestId?: string };

/** The checked, normalized response body of `S` (see `shape.ts`). */
export type OutputOf<S extends ActionSpec> = S extends { readonly response: infer R extends ObjectShape } ? ShapeValue<R> : UntypedOutput;

/** What an emulator handler of `S` returns: the wire body without `RequestId` (the core adds it). */
export type HandlerOutputOf<S extends ActionSpec> = S extends { readonly response: infer R extends ObjectShape }
  ? Omit<ShapeValue<R, true>, 'RequestId'>
  : Record<string, unknown>;

/** One emulator handler of `S`, typed end to end: `(ctx, input: InputOf<S>) => HandlerOutputOf<S>`. */
export type ActionHandler<S extends ActionSpec, Ctx> = (ctx: Ctx, input: InputOf<S>) => HandlerOutputOf<S>;

/** A table as `defineAction` takes it: every table states its response. */
export type ActionDefinition = ActionSpec & { readonly response: ObjectShape };

/**
 * Declare an action table, keeping its literal type. Checks at definition time that parameter
 * names (and the field names of lists and objects) are unique and that the response shape
 * carries `RequestId`, so a bad table fails when its module loads.
 */
export function defineAction<const S extends ActionDefinition>(spec: S): S {
  const where = `${spec.product} ${spec.action}`;
  unique(
    where,
    spec.params.map((p) => p.name),
  );
  for (const p of spec.params) {
    if (p.kind === 'repeatList' || p.kind === 'object') {
      unique(`${where} ${p.name}`, [
        ...p.fields.map((f) => f.name),
        ...(p.kind === 'repeatList' ? (p.listFields ?? []).map((f) => f.name) : []),
      ]);
    }
  }
  if (spec.response.fields.RequestId?.type !== 'string')
    throw new Error(`${where}: the response shape must declare RequestId (use r.response)`);
  return spec;
}

function unique(where: string, names: readonly string[]): void {
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new Error(`${where}: parameter ${dup} is declared twice`);
}

/** Check a successful body against the table's response shape (throws `ShapeMismatchError`). */
export function decodeOutput<const S extends ActionSpec>(spec: S, body: unknown): OutputOf<S> {
  if (!spec.response) return body as OutputOf<S>;
  return decodeShape(spec.response, body) as OutputOf<S>;
}
