/**
 * The contract between the emulator's HTTP core and its resource families.
 *
 * The core (`server.ts` and friends) owns everything about the wire: parsing
 * the query and form body, checking V1/V3 signatures against the configured
 * key pairs, nonce and timestamp checks, decoding and validating the input
 * against the action table in `src/spec`, dispatching, and serializing results
 * and errors. A family (`images/`, `instances/`, `vpc/`, ...) owns its tables,
 * its domain rules and one handler per action.
 *
 * A handler receives already-validated, typed input (see `ActionInput`) and a
 * {@link HandlerContext}; it returns the response body without `RequestId`
 * (the core adds it) or throws an {@link EcsApiError} made by {@link apiError}.
 * Handlers never touch HTTP, and never use wall-clock time or random ids
 * directly: `ctx.now()` and `ctx.newId()` are injected so tests are exact and
 * restarts are deterministic.
 */
import type Database from 'better-sqlite3';
import type { ActionInput, ActionSpec, ErrorSpec } from '../spec/ecs/types.js';

/** An account of the emulator: one configured key pair. Accounts never see each other's resources. */
export interface Account {
  accessKeyId: string;
  /** 64-bit account id, kept below 2^53 so JS clients do not lose precision. */
  accountId: number;
}

/** Emulator settings a handler may read. */
export interface EmulatorSettings {
  /** Seconds an image takes from CreateImage to Available (Waiting/Creating in between). */
  imageCreateSeconds: number;
  /** Seconds a new instance takes from Pending to Running. */
  instanceStartSeconds: number;
  /** The region used when seeding and when a request has none (DescribeRegions). */
  defaultRegionId: string;
}

export interface HandlerContext {
  db: Database.Database;
  account: Account;
  /** `RegionId` of the request (validated to exist when the action requires it). */
  regionId: string;
  /** Upper-case UUID of this request, also returned in the body. */
  requestId: string;
  /** The host the client addressed (used for `HostId` and endpoints). */
  host: string;
  settings: EmulatorSettings;
  /** The injected clock. */
  now(): Date;
  /** A new resource id with the given prefix (`m-`, `s-`, `i-`, `d-`, `sg-`, `vpc-`, `vsw-`, `rg-`). */
  newId(prefix: string): string;
}

export type Handler = (ctx: HandlerContext, input: ActionInput) => Record<string, unknown>;

/** One SQL migration of a family, applied once per database, in order. */
export interface Migration {
  /** Unique within the family, e.g. `001_images`. */
  id: string;
  sql: string;
}

/** What a family contributes to the emulator. */
export interface Family {
  /** Folder name, e.g. `images`. */
  name: string;
  /** Product these actions belong to (`Ecs`, `Vpc`, `ResourceManager`). */
  product: string;
  /** Action tables (from `src/spec`) for the actions this family handles. */
  specs: readonly ActionSpec[];
  /** Handlers keyed by action name; `CreateImage` is handled by `createImage`. */
  handlers: Readonly<Record<string, Handler>>;
  migrations: readonly Migration[];
  /**
   * Seed data for a new account (or shared data when called with `account: null`, once per
   * database). Must be idempotent: it may run again after a restart.
   */
  seed?(db: Database.Database, account: Account | null, settings: EmulatorSettings, newId: (prefix: string) => string, now: Date): void;
}

/** An ECS error as the cloud answers it: code, HTTP status, message. Serialized in one place by the core. */
export class EcsApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EcsApiError';
  }
}

const errorTable = new Map<string, ErrorSpec>();

/** Register error codes (families call this at module load with their tables from `src/spec`). */
export function registerErrors(specs: readonly ErrorSpec[]): void {
  for (const s of specs) errorTable.set(s.code, s);
}

/**
 * Make the named ECS error. The status and default message come from the error tables;
 * `message` overrides the default with a specific sentence (name the parameter and what is allowed).
 */
export function apiError(code: string, message?: string): EcsApiError {
  const spec = errorTable.get(code);
  if (!spec) throw new Error(`emulator bug: error code ${code} is not in any error table`);
  return new EcsApiError(code, spec.status, message ?? spec.message);
}
