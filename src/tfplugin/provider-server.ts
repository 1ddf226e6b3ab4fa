/**
 * The contract between the protocol layer (`src/tfplugin`) and whatever serves
 * a provider (the schema-driven framework in `src/framework`).
 *
 * The gRPC server in this folder decodes each tfplugin6 request (msgpack/JSON
 * DynamicValues into {@link Value}s, using the types implied by the schema that
 * {@link ProviderServer.getProviderSchema} returned), calls the matching method
 * here, and encodes the response. Implementations never see bytes, gRPC or
 * msgpack, and must never throw: every failure is a {@link Diagnostic}. (The
 * protocol layer still converts an escaped exception into an error diagnostic,
 * as a last resort.)
 *
 * Method names are the RPC names in lowerCamel case; each one documents when
 * Terraform calls it (facts from Terraform 1.11.4, see docs/tfplugin6.md).
 */
import type { CtyType, Value } from './values.js';

/** One step of an attribute path: an attribute name, a map key, or a list index. */
export type AttributePathStep = { attribute: string } | { key: string } | { index: number };

/** Where in a config/plan/state a diagnostic or a requires-replace applies. */
export type AttributePath = AttributePathStep[];

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Short, title-case summary, e.g. "Invalid Image Name". */
  summary: string;
  /** What happened and what to do; for cloud errors the action, code and request id. */
  detail?: string;
  /** The config attribute the diagnostic is about, when there is one. */
  attribute?: AttributePath;
}

export type DescriptionKind = 'plain' | 'markdown';

/** A schema attribute, in protocol terms. Exactly one of `type` / `nestedType`. */
export interface SchemaAttribute {
  name: string;
  type?: CtyType;
  nestedType?: SchemaObject;
  description?: string;
  descriptionKind?: DescriptionKind;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  deprecationMessage?: string;
  writeOnly?: boolean;
}

/** A nested attribute type (`nested_type`). */
export interface SchemaObject {
  attributes: SchemaAttribute[];
  nesting: 'single' | 'list' | 'set' | 'map';
}

export interface SchemaNestedBlock {
  typeName: string;
  block: SchemaBlock;
  nesting: 'single' | 'list' | 'set' | 'map' | 'group';
  minItems?: number;
  maxItems?: number;
}

export interface SchemaBlock {
  attributes: SchemaAttribute[];
  blockTypes: SchemaNestedBlock[];
  description?: string;
  descriptionKind?: DescriptionKind;
  deprecated?: boolean;
  deprecationMessage?: string;
}

export interface Schema {
  /** State schema version, stored per instance and sent back to UpgradeResourceState. */
  version: number;
  block: SchemaBlock;
}

export interface ServerCapabilities {
  planDestroy?: boolean;
  getProviderSchemaOptional?: boolean;
  moveResourceState?: boolean;
}

export interface ClientCapabilities {
  deferralAllowed?: boolean;
  writeOnlyAttributesAllowed?: boolean;
}

export interface GetProviderSchemaResponse {
  provider: Schema;
  providerMeta?: Schema;
  resourceSchemas: Record<string, Schema>;
  dataSourceSchemas: Record<string, Schema>;
  serverCapabilities?: ServerCapabilities;
  diagnostics: Diagnostic[];
}

/** Per-call context the protocol layer passes to every method. */
export interface CallContext {
  /** Aborted when Terraform calls StopProvider (Ctrl-C) or the process shuts down. */
  signal: AbortSignal;
  log: Logger;
}

/** hclog-style structured logger (JSON lines on stderr, filtered by TF_LOG / TF_LOG_PROVIDER). */
export interface Logger {
  trace(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface WithDiagnostics {
  diagnostics: Diagnostic[];
}

export interface ProviderServer {
  /** First call on every plugin process; must be cheap and static. */
  getProviderSchema(ctx: CallContext): Promise<GetProviderSchemaResponse>;

  /** validate/plan/apply walks, when a provider block exists. `config` may contain unknowns. */
  validateProviderConfig(ctx: CallContext, req: { config: Value }): Promise<WithDiagnostics>;

  /** validate/plan/apply walks, once per resource. `config` may contain unknowns. */
  validateResourceConfig(
    ctx: CallContext,
    req: { typeName: string; config: Value; clientCapabilities?: ClientCapabilities },
  ): Promise<WithDiagnostics>;

  validateDataResourceConfig(ctx: CallContext, req: { typeName: string; config: Value }): Promise<WithDiagnostics>;

  /** Once per process and walk, before any resource operation. `config` may contain unknowns. */
  configureProvider(
    ctx: CallContext,
    req: { terraformVersion: string; config: Value; clientCapabilities?: ClientCapabilities },
  ): Promise<WithDiagnostics>;

  /**
   * Every managed instance read from state, even at the same version. Must return the state
   * re-encoded against the current schema, wholly known. `rawStateJson` is the stored JSON text
   * (parse it losslessly: numbers may exceed 2^53).
   */
  upgradeResourceState(
    ctx: CallContext,
    req: { typeName: string; version: number; rawStateJson?: string; rawStateFlatmap?: Record<string, string> },
  ): Promise<WithDiagnostics & { upgradedState: Value }>;

  /** Refresh. Return `newState: null` when the remote object is gone. Never return unknowns. */
  readResource(
    ctx: CallContext,
    req: { typeName: string; currentState: Value; private?: Uint8Array; providerMeta?: Value },
  ): Promise<WithDiagnostics & { newState: Value; private?: Uint8Array }>;

  /**
   * Plan. `priorState` null means create; `proposedNewState` null means destroy (only with
   * planDestroy). Called again during apply with the final config; must be reproducible.
   */
  planResourceChange(
    ctx: CallContext,
    req: {
      typeName: string;
      priorState: Value;
      proposedNewState: Value;
      config: Value;
      priorPrivate?: Uint8Array;
      providerMeta?: Value;
      clientCapabilities?: ClientCapabilities;
    },
  ): Promise<
    WithDiagnostics & {
      plannedState: Value;
      requiresReplace: AttributePath[];
      plannedPrivate?: Uint8Array;
      /** Ask core for SDKv2 leniency (plan validity checks only logged); see framework/plan.ts needsLegacyTypeSystem. */
      legacyTypeSystem?: boolean;
    }
  >;

  /**
   * Apply. `plannedState` null means delete (return `newState: null`). On a failed create, return
   * the partial state (with the id) together with the error so Terraform taints the object.
   */
  applyResourceChange(
    ctx: CallContext,
    req: {
      typeName: string;
      priorState: Value;
      plannedState: Value;
      config: Value;
      plannedPrivate?: Uint8Array;
      providerMeta?: Value;
    },
  ): Promise<WithDiagnostics & { newState: Value; private?: Uint8Array; legacyTypeSystem?: boolean }>;

  /** `terraform import` and `import` blocks. Exactly one resource; Terraform then calls readResource. */
  importResourceState(
    ctx: CallContext,
    req: { typeName: string; id: string; clientCapabilities?: ClientCapabilities },
  ): Promise<WithDiagnostics & { importedResources: { typeName: string; state: Value; private?: Uint8Array }[] }>;

  /** Data sources; the result must be wholly known. */
  readDataSource(
    ctx: CallContext,
    req: { typeName: string; config: Value; providerMeta?: Value; clientCapabilities?: ClientCapabilities },
  ): Promise<WithDiagnostics & { state: Value }>;
}
