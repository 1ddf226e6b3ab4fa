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
 * A handler receives already-validated, typed input (`InputOf<typeof itsSpec>`) and a
 * {@link HandlerContext}; it returns the response body without `RequestId`
 * (the core adds it) or throws an {@link EcsApiError} made by {@link apiError}.
 * Handlers never touch HTTP, and never use wall-clock time or random ids
 * directly: `ctx.now()` and `ctx.newId()` are injected so tests are exact and
 * restarts are deterministic.
 *
 * Everything a family contributes is a field of its {@link Family} declaration: actions and
 * handlers, error tables, tables and seeds, taggable resource types, resource-group members and
 * the queries it answers for other families. Each emulator collects the families it serves into
 * one {@link Backend} (`backend.ts`); nothing is registered in module state, so two emulators in
 * one process share nothing.
 *
 * Families reach each other only through the backend: a family reads another family's state
 * through the small query interface that family declares (an entry of {@link FamilyQueries}),
 * never through its repository, handlers or queries module, so the import graph between family
 * folders stays acyclic (`import-graph.test.ts`). The shared services `tags/`, `resource-groups/`
 * and the static `zones/` catalogue import no family and may be imported by any; a peer's
 * stateless modules (seed ids, CIDR math) may be imported where that adds no cycle.
 */
import type Database from 'better-sqlite3';
import type { ActionHandler } from '../spec/ecs/infer.js';
import type { ActionSpec, ErrorSpec } from '../spec/ecs/types.js';

export { EcsApiError, apiError, pickErrors } from './errors.js';

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
  /** Seconds a new image reports Available before it is Usable (ECS can; waiters must watch Usable). */
  imageUsableLagSeconds?: number;
  /** Seconds CopyImage takes per GiB of the source image (the copy is Waiting/Creating in between; default 0.25). */
  imageCopySecondsPerGiB?: number;
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
  /** The families this emulator serves: their queries, taggable types and resource-group members. */
  backend: Backend;
}

/**
 * The handler of the action table `S` (`HandlerOf<typeof createImageSpec>`): it takes the input
 * exactly as the core decoded and checked it from `S` (`InputOf<S>`: required parameters present,
 * enums as literals, numbers and booleans converted, lists as arrays) and returns the body `S`'s
 * response shape states, without `RequestId`.
 */
export type HandlerOf<S extends ActionSpec> = ActionHandler<S, HandlerContext>;

/** A handler of an untyped table (`ActionSpec`): any decoded input, any body. */
export type Handler = HandlerOf<ActionSpec>;

/** Any family's handler as the family lists it; the core only calls it with the input decoded from its own spec. */
export type AnyHandler = (ctx: HandlerContext, input: never) => Record<string, unknown>;

/** One SQL migration of a family, applied once per database, in order. */
export interface Migration {
  /** Unique within the family, e.g. `001_images`. */
  id: string;
  sql: string;
}

/** Does a resource of this type exist in the account and region? (TagResources, ListTagResources) */
export type ResourceExists = (db: Database.Database, accountId: number, regionId: string, id: string) => boolean;

/**
 * Moves one resource into a resource group. Returns false when the resource does not exist in that
 * account and region (JoinResourceGroup then answers InvalidResourceId.NotFound).
 */
export type GroupMove = (
  db: Database.Database,
  accountId: number,
  regionId: string,
  resourceId: string,
  resourceGroupId: string,
) => boolean;

/**
 * The queries families answer for each other, one entry per answering family. The core declares
 * none: each family adds its own entry where it implements it, by declaration merging
 * (`declare module '../context.js' { interface FamilyQueries { instances: InstanceQueries } }`),
 * and puts the implementation in its {@link Family.queries}. Readers get them from
 * `ctx.backend.queries`, where an entry is absent when its family is not served.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the families through declaration merging
export interface FamilyQueries {}

/** What the core asks about regions: every request's `RegionId` must exist (served by `regions/`). */
export interface RegionDirectory {
  exists(db: Database.Database, regionId: string): boolean;
}

/** What a family contributes to the emulator. */
export interface Family {
  /** Folder name, e.g. `images`. */
  name: string;
  /** Product these actions belong to (`Ecs`, `Vpc`, `ResourceManager`). */
  product: string;
  /** Action tables (from `src/spec`) for the actions this family handles. */
  specs: readonly ActionSpec[];
  /**
   * The family's handlers module (`import * as handlers from './handlers.js'`): the handler of
   * each spec is the export named by the rule `CreateImage` -> `createImage`. A spec without a
   * handler, or a handler without a spec, stops the emulator at start-up.
   */
  handlers: Readonly<Record<string, AnyHandler>>;
  /** Error codes this family answers with, with their HTTP status and default message (the common codes are always known). */
  errors?: readonly ErrorSpec[];
  migrations: readonly Migration[];
  /**
   * Seed data for a new account (or shared data when called with `account: null`, once per
   * database). Must be idempotent: it may run again after a restart.
   */
  seed?(db: Database.Database, account: Account | null, settings: EmulatorSettings, newId: (prefix: string) => string, now: Date): void;
  /** Resource types (TagResources spelling: `image`, `instance`, ...) the tags family may tag, with their existence check. */
  taggable?: Readonly<Record<string, ResourceExists>>;
  /** Resource types (JoinResourceGroup spelling: `image`, `securitygroup`, ...) JoinResourceGroup may move. */
  groupMembers?: Readonly<Record<string, GroupMove>>;
  /** The queries this family answers for the others (its entries of {@link FamilyQueries}). */
  queries?: Partial<FamilyQueries>;
  /** Answers the core's RegionId check; exactly one served family gives it (`regions/`). */
  regions?: RegionDirectory;
}

/** One emulator's families as a handler sees them (built once per emulator by `backend.ts`). */
export interface Backend {
  /** The queries of the served families; an entry is absent when its family is not served. */
  readonly queries: Readonly<Partial<FamilyQueries>>;
  /** A query set this family cannot work without; throws (an emulator bug, answered 500) when its family is not served. */
  need<K extends keyof FamilyQueries>(name: K): FamilyQueries[K];
  /** The existence check of a taggable resource type, if a served family makes it taggable. */
  taggable(resourceType: string): ResourceExists | undefined;
  /** The mover of a resource type JoinResourceGroup may move, if a served family declares one. */
  groupMember(resourceType: string): GroupMove | undefined;
  /** Whether the region exists (the core's RegionId check; CopyImage asks it of DestinationRegionId). */
  regionExists(db: Database.Database, regionId: string): boolean;
}
