/**
 * What a resource, data source and provider implement on top of the framework.
 *
 * A resource declares its schema once (see `schema/builders.ts`) and implements only
 * create / read / update / delete, plus optional capabilities (importState, modifyPlan,
 * upgradeState, configValidators). Every method receives typed plain objects inferred
 * from the schema, the configured client, the call context (AbortSignal + logger), and a
 * {@link Diagnostics} collector. Methods may throw; the framework turns an escaped
 * exception into an error diagnostic, but adding diagnostics is the intended path.
 *
 * Planning, validation, defaults, unknowns, requires-replace, the `timeouts` block,
 * state upgrades of unchanged schemas and private data are handled by the framework.
 */
import type { Logger } from '../tfplugin/provider-server.js';
import type { Diagnostics } from './diagnostics.js';
import type { ConfigOf, MaybeUnknown, PlanOf, Schema, StateOf } from './schema/types.js';
import type { Timeouts } from './schema/timeouts.js';

/** Fields every request carries. */
export interface BaseRequest<C> {
  /** The client returned by the provider's `configure` (undefined when there is none). */
  client: C;
  /** Aborted when Terraform stops the provider (Ctrl-C); pass it to long waits. */
  signal: AbortSignal;
  log: Logger;
  /** Collects errors and warnings; an error makes the operation fail. */
  diags: Diagnostics;
}

export interface CreateRequest<S extends Schema, C> extends BaseRequest<C> {
  /** The configuration, wholly known. */
  config: ConfigOf<S>;
  /** The planned state: config plus defaults; computed values not yet known are `undefined`. */
  plan: PlanOf<S>;
  /** Effective timeouts in ms for the operations the schema declares. */
  timeouts: Timeouts;
  /**
   * Record that the remote object now exists (call it as soon as the id is known). If create
   * later fails (diagnostic error or exception), the framework returns this state together with
   * the errors, so Terraform saves the object as tainted instead of losing it. Attributes left
   * out take their planned value, or null when the plan had them unknown.
   */
  saveProgress(state: Partial<StateOf<S>>): void;
}

export interface ReadRequest<S extends Schema, C> extends BaseRequest<C> {
  /** The current state (after upgrade; after import it may be partial: unset attributes are null). */
  state: StateOf<S>;
  timeouts: Timeouts;
}

export interface UpdateRequest<S extends Schema, C> extends BaseRequest<C> {
  config: ConfigOf<S>;
  plan: PlanOf<S>;
  prior: StateOf<S>;
  /** Top-level attribute and block names whose planned value differs from the prior state. */
  changed: ReadonlySet<string>;
  timeouts: Timeouts;
  /** Like create's: state to save if the update fails part-way (otherwise the prior state stays). */
  saveProgress(state: Partial<StateOf<S>>): void;
}

export interface DeleteRequest<S extends Schema, C> extends BaseRequest<C> {
  state: StateOf<S>;
  timeouts: Timeouts;
}

export interface ImportRequest<C> extends BaseRequest<C> {
  /** The id given to `terraform import` or an `import` block. */
  id: string;
}

export interface ModifyPlanRequest<S extends Schema, C> extends BaseRequest<C> {
  /** The config; any value may still be unknown (`undefined`). */
  config: MaybeUnknown<ConfigOf<S>>;
  /** The framework's plan (mutable copy). Set a value to `undefined` to plan it unknown. */
  plan: PlanOf<S>;
  /** Null on create. */
  prior: StateOf<S> | null;
  /** Force replacement because of this top-level attribute (ignored on create). */
  requireReplace(attribute: keyof StateOf<S> & string): void;
}

/** A raw stored state object: JSON values; numbers are JS numbers when exact, else decimal strings. */
export type RawState = Record<string, unknown>;

/**
 * A managed resource. `S` is its schema, `C` the provider's client type.
 *
 * @example
 * export const widget = defineResource({
 *   schema: widgetSchema,
 *   async create({ plan, client, saveProgress }) {
 *     const id = await client.createWidget(plan.name);
 *     saveProgress({ id });
 *     await client.waitReady(id);
 *     return { ...plan, id, size: plan.size, status: 'ready' };
 *   },
 *   async read({ state, client }) { const w = await client.get(state.id!); return w ? { ...state, name: w.name } : null; },
 *   async update({ plan, prior }) { return { ...prior, ...plan } as WidgetState; },
 *   async delete({ state, client }) { await client.delete(state.id!); },
 *   async importState({ id }) { return { id }; },
 * });
 */
export interface Resource<S extends Schema = Schema, C = unknown> {
  readonly schema: S;
  /** Examples for generated docs: HCL usage and the import id form. */
  readonly docs?: { example?: string; importId?: string };

  /** Apply of a create. Return the whole new state, wholly known. */
  create(req: CreateRequest<S, C>): Promise<StateOf<S>>;
  /** Refresh (and after import). Return null when the remote object is gone. */
  read(req: ReadRequest<S, C>): Promise<StateOf<S> | null>;
  /** Apply of an in-place update (only attributes without requiresReplace changed). */
  update(req: UpdateRequest<S, C>): Promise<StateOf<S>>;
  /** Apply of a delete. Succeed when the object is already gone. */
  delete(req: DeleteRequest<S, C>): Promise<void>;

  /** Import: return a partial state from the id (usually `{ id }`); Terraform then calls read. */
  importState?(req: ImportRequest<C>): Promise<Partial<StateOf<S>> | null>;
  /** Adjust the framework's plan (runs after defaults/unknowns, before requires-replace). */
  modifyPlan?(req: ModifyPlanRequest<S, C>): Promise<void>;
  /**
   * Upgraders from older stored schema versions, keyed by the version they read. Each returns
   * the raw state in the next version's shape; the last must produce the current schema's shape.
   */
  readonly upgradeState?: Readonly<Record<number, (raw: RawState) => RawState>>;
  /** Cross-attribute checks beyond the schema's; unknown config values are `undefined`. */
  readonly configValidators?: readonly ((config: MaybeUnknown<ConfigOf<S>>, diags: Diagnostics) => void)[];
}

/** A data source: reads once per plan/apply from its config. */
export interface DataSource<S extends Schema = Schema, C = unknown> {
  readonly schema: S;
  readonly docs?: { example?: string };
  /** Return the whole state (config attributes echoed, computed ones filled), wholly known. */
  read(req: BaseRequest<C> & { config: ConfigOf<S> }): Promise<StateOf<S>>;
  readonly configValidators?: readonly ((config: MaybeUnknown<ConfigOf<S>>, diags: Diagnostics) => void)[];
}

/** The provider: its own block's schema, how to build a client, and what it serves. */
export interface ProviderDefinition<PS extends Schema = Schema, C = unknown> {
  /** Prefix of every type name, e.g. "alicloud" for `alicloud_image`. */
  readonly typeNamePrefix: string;
  /** Schema of the `provider "x" {}` block (same DSL; `ignored: true` documents accepted-but-unused arguments). */
  readonly schema: PS;
  /**
   * Build the client from the provider block. When the config still contains unknowns
   * (`undefined`), return undefined to defer; resources then fail with a clear error if
   * they need the client at apply time.
   */
  configure?(req: {
    config: MaybeUnknown<ConfigOf<PS>>;
    terraformVersion: string;
    diags: Diagnostics;
    signal: AbortSignal;
    log: Logger;
  }): Promise<C | undefined>;
  /** Managed resources keyed by full type name (e.g. `alicloud_image`). */
  readonly resources: Readonly<Record<string, Resource<any, C>>>;
  readonly dataSources?: Readonly<Record<string, DataSource<any, C>>>;
}

/** Identity helper that gives a resource object contextual types from its schema. */
export function defineResource<S extends Schema, C = unknown>(r: Resource<S, C>): Resource<S, C> {
  return r;
}

export function defineDataSource<S extends Schema, C = unknown>(d: DataSource<S, C>): DataSource<S, C> {
  return d;
}

export function defineProvider<PS extends Schema, C>(p: ProviderDefinition<PS, C>): ProviderDefinition<PS, C> {
  return p;
}
