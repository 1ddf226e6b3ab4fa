/**
 * What a resource, data source and provider implement on top of the framework.
 *
 * A resource declares its type name, schema (see `schema/builders.ts`) and docs once, and
 * implements create / read / update / delete plus optional capabilities (importState,
 * modifyPlan, upgradeState, configValidators). Every method receives typed plain objects
 * inferred from the schema, the configured client, the call context (AbortSignal + logger)
 * and a {@link Diagnostics} collector.
 *
 * ## The result contract (create, update, read; a data source's read)
 *
 * A method returns exactly one of:
 * - **the state** (`StateOf<S>`): the whole object, every computed value known. The framework
 *   decodes it over the plan; a value left unknown is reported as a provider bug.
 * - **`NO_STATE`**: the method produced no state, and its error diagnostics say why (add them
 *   before returning). If none does, the framework adds "Missing Resource State" naming the
 *   type: returning `NO_STATE` silently is a provider bug, never a success.
 * - **`null`** (read only): the remote object is gone; Terraform drops it from state.
 *
 * Errors win over a returned value: once an error diagnostic exists, the framework answers with
 * - create: the progress recorded with `saveProgress` (Terraform saves it as *tainted*, so an
 *   object that exists is never orphaned), or no state when nothing was recorded;
 * - update: the prior state overlaid with the recorded progress;
 * - read: the prior state, unchanged (a failed refresh never loses what is stored).
 * An exception that escapes a method is caught and reported as "Unexpected Error During X",
 * with the same outcome; adding diagnostics is the intended path.
 *
 * Planning, validation, defaults, unknowns, requires-replace, the `timeouts` block (resolved
 * to milliseconds per declared operation, see {@link TimeoutsOf}), state upgrades of
 * unchanged schemas and private data are handled by the framework.
 */
import type { Logger } from '../tfplugin/provider-server.js';
import type { Diagnostics } from './diagnostics.js';
import type { ConfigOf, MaybeUnknown, PlanOf, Schema, StateOf, TimeoutsOf } from './schema/types.js';

/**
 * Returned instead of a state when create, update or read produced none; the error
 * diagnostics added before it say why (see the result contract above).
 */
export const NO_STATE: unique symbol = Symbol.for('alicloud-image.framework.no-state');
export type NoState = typeof NO_STATE;

/** Fields every request carries. */
export interface BaseRequest<C> {
  /** The full type name being served, e.g. `alicloud_image` (for messages). */
  typeName: string;
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
  /** Effective timeouts in ms, one number per operation the schema declares. */
  timeouts: TimeoutsOf<S>;
  /**
   * Record that the remote object now exists (call it as soon as the id is known, and again
   * with what later observations add, e.g. the status last seen). If create then fails, the
   * framework returns this state with the errors and Terraform saves it as tainted. Calls
   * merge; attributes never recorded take their planned value, or null when the plan had them
   * unknown.
   */
  saveProgress(state: Partial<StateOf<S>>): void;
}

export interface ReadRequest<S extends Schema, C> extends BaseRequest<C> {
  /** The current state (after upgrade; after import it may be partial: unset attributes are null). */
  state: StateOf<S>;
  timeouts: TimeoutsOf<S>;
}

export interface UpdateRequest<S extends Schema, C> extends BaseRequest<C> {
  config: ConfigOf<S>;
  plan: PlanOf<S>;
  prior: StateOf<S>;
  /** Top-level attribute and block names whose planned value differs from the prior state. */
  changed: ReadonlySet<string>;
  timeouts: TimeoutsOf<S>;
  /** Like create's: what is already changed if the update fails part-way (merged over the prior state). */
  saveProgress(state: Partial<StateOf<S>>): void;
}

export interface DeleteRequest<S extends Schema, C> extends BaseRequest<C> {
  state: StateOf<S>;
  timeouts: TimeoutsOf<S>;
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
 * Registry-page facts of a resource or data source: the generated docs page, its front
 * matter and the example files all come from here and the schema (see `docs.ts`).
 */
export interface TypeDocs {
  /** Registry subcategory (the cloud product), e.g. `ECS`, `VPC`, `Resource Manager`. */
  readonly subcategory: string;
  /** HCL of the Example Usage section, also written to `examples/<kind>/<type>/`. */
  readonly example: string;
  /** Version of the official provider that introduced the type, e.g. `1.64.0`; omit when unknown. */
  readonly availableSince?: string;
  /** The product documentation the page links to. */
  readonly productDocs?: { readonly title: string; readonly url: string };
}

/** {@link TypeDocs} of a managed resource: plus the Import section. */
export interface ResourceDocs extends TypeDocs {
  /** An example id for the Import section and `import.sh`. */
  readonly importId: string;
  /** Markdown after the import command (what import cannot recover, and so on). */
  readonly importNote?: string;
}

/** Validators across attributes, beyond the schema's own rules; unknown config values are `undefined`. */
export type ConfigValidator<S extends Schema> = (config: MaybeUnknown<ConfigOf<S>>, diags: Diagnostics) => void;

/**
 * A managed resource. `S` is its schema, `C` the provider's client type.
 *
 * @example
 * export const widget = defineResource({
 *   typeName: 'test_widget',
 *   schema: widgetSchema,
 *   docs: { subcategory: 'Test', example: 'resource "test_widget" "w" {}', importId: 'w-1' },
 *   async create({ plan, client, diags, saveProgress }) {
 *     const id = await client.createWidget(plan.name);
 *     saveProgress({ id });
 *     if (!(await client.waitReady(id))) {
 *       diags.addError('Widget Did Not Become Ready', `Widget ${id} exists but never started.`);
 *       return NO_STATE; // saved as tainted with id
 *     }
 *     return { ...plan, id, status: 'ready' };
 *   },
 *   async read({ state, client }) { const w = await client.get(state.id!); return w ? { ...state, name: w.name } : null; },
 *   async update({ plan, prior }) { return { ...prior, ...plan, status: prior.status }; },
 *   async delete({ state, client }) { await client.delete(state.id!); },
 *   async importState({ id }) { return { id }; },
 * });
 */
export interface Resource<S extends Schema = Schema, C = unknown> {
  /** The full type name, e.g. `alicloud_image`; must start with the provider's prefix. */
  readonly typeName: string;
  readonly schema: S;
  readonly docs: ResourceDocs;

  /** Apply of a create: the whole new state, or `NO_STATE` after an error (see the result contract). */
  create(req: CreateRequest<S, C>): Promise<StateOf<S> | NoState>;
  /** Refresh (and after import): the state, `null` when the remote object is gone, or `NO_STATE` after an error. */
  read(req: ReadRequest<S, C>): Promise<StateOf<S> | null | NoState>;
  /** Apply of an in-place update (only attributes without requiresReplace changed): the new state or `NO_STATE`. */
  update(req: UpdateRequest<S, C>): Promise<StateOf<S> | NoState>;
  /** Apply of a delete. Succeed when the object is already gone; an error diagnostic keeps the state. */
  delete(req: DeleteRequest<S, C>): Promise<void>;

  /** Import: return a partial state from the id (usually `{ id }`), or null when there is no such object; Terraform then calls read. */
  importState?(req: ImportRequest<C>): Promise<Partial<StateOf<S>> | null>;
  /** Adjust the framework's plan (runs after defaults/unknowns, before requires-replace). */
  modifyPlan?(req: ModifyPlanRequest<S, C>): Promise<void>;
  /**
   * Upgraders from older stored schema versions, keyed by the version they read. Each returns
   * the raw state in the next version's shape; the last must produce the current schema's shape.
   */
  readonly upgradeState?: Readonly<Record<number, (raw: RawState) => RawState>>;
  readonly configValidators?: readonly ConfigValidator<S>[];
}

/** A data source: reads once per plan/apply from its config. */
export interface DataSource<S extends Schema = Schema, C = unknown> {
  readonly typeName: string;
  readonly schema: S;
  readonly docs: TypeDocs;
  /** The whole state (config attributes echoed, computed ones filled, wholly known), or `NO_STATE` after an error. */
  read(req: BaseRequest<C> & { config: ConfigOf<S> }): Promise<StateOf<S> | NoState>;
  readonly configValidators?: readonly ConfigValidator<S>[];
}

/** The provider: its own block's schema, how to build a client, and the registry of what it serves. */
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
  /**
   * The registry: every managed resource, one entry each. The served type list, the docs pages,
   * the examples and the CDKTF bindings are all derived from it (and from nothing else).
   */
  readonly resources: readonly Resource<any, C>[];
  readonly dataSources?: readonly DataSource<any, C>[];
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
