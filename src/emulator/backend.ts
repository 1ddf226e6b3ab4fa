/**
 * One emulator's backend: the families it serves, collected once at start-up into one object
 * (moto's single backend). It owns everything the families contribute besides their handlers'
 * code: the error table the core answers with, the routing table, the taggable resource types and
 * resource-group members, the queries families answer for each other, and the region directory
 * the core checks `RegionId` against. Nothing is kept in module state, so two emulators in one
 * process (different family sets, different tables) never see each other's.
 *
 * A bad declaration (a spec naming an error code no table has, two families claiming the same
 * resource type, query or route) is an emulator bug and stops the emulator at start-up.
 */
import type Database from 'better-sqlite3';
import type { ActionSpec, ParamSpec } from '../spec/ecs/types.js';
import type { Backend, Family, FamilyQueries, GroupMove, RegionDirectory, ResourceExists } from './context.js';
import { pagingErrors } from './core/paging.js';
import { Dispatcher } from './dispatch.js';
import { ErrorTable } from './errors.js';
import { commonErrors } from '../spec/ecs/common.js';
import { httpErrors } from './http/http-errors.js';

/** Every error code a spec table names: the action's own list and each parameter's codes. */
export function specErrorCodes(spec: ActionSpec): string[] {
  const codes = new Set(spec.errors ?? []);
  const add = (p: Pick<ParamSpec, 'errorCode' | 'missingCode'> & { tooManyCode?: string }) => {
    for (const c of [p.errorCode, p.missingCode, p.tooManyCode]) if (c) codes.add(c);
  };
  for (const p of spec.params) {
    add(p);
    if (p.kind === 'scalarList' && p.item) add(p.item);
    if (p.kind === 'repeatList' || p.kind === 'object') p.fields.forEach(add);
    if (p.kind === 'repeatList') {
      for (const lf of p.listFields ?? []) {
        add(lf);
        if (lf.item) add(lf.item);
      }
    }
  }
  return [...codes];
}

/** Collect `entries` of every family into one map; the same key from two families is a bug. */
function collect<T>(
  families: readonly Family[],
  what: string,
  entries: (f: Family) => Readonly<Record<string, T>> | undefined,
): Map<string, T> {
  const out = new Map<string, T>();
  const owner = new Map<string, string>();
  for (const f of families) {
    for (const [key, value] of Object.entries(entries(f) ?? {})) {
      if (owner.has(key)) throw new Error(`emulator: ${what} "${key}" is declared by both ${owner.get(key)} and ${f.name}`);
      owner.set(key, f.name);
      out.set(key, value);
    }
  }
  return out;
}

export class EmulatorBackend implements Backend {
  /** Common codes, then the paging codes, then each family's table in family order. */
  readonly errors: ErrorTable;
  readonly dispatcher: Dispatcher;
  readonly queries: Readonly<Partial<FamilyQueries>>;
  private readonly taggables: ReadonlyMap<string, ResourceExists>;
  private readonly members: ReadonlyMap<string, GroupMove>;
  private readonly regions: RegionDirectory;

  constructor(readonly families: readonly Family[]) {
    this.dispatcher = new Dispatcher(families);
    this.errors = new ErrorTable([commonErrors, httpErrors, pagingErrors, ...families.map((f) => f.errors ?? [])]);
    for (const f of families)
      for (const spec of f.specs)
        for (const code of specErrorCodes(spec))
          if (!this.errors.get(code))
            throw new Error(`emulator family ${f.name}: ${spec.action} names error code ${code}, which is in no error table`);
    this.taggables = collect(families, 'taggable resource type', (f) => f.taggable);
    this.members = collect(families, 'resource-group member type', (f) => f.groupMembers);
    this.queries = Object.freeze(
      Object.fromEntries(collect(families, 'query set', (f) => f.queries as Record<string, unknown> | undefined)),
    );
    const directories = families.filter((f) => f.regions);
    if (directories.length !== 1)
      throw new Error(
        `emulator: exactly one family must answer the RegionId check (regions), got ${directories.map((f) => f.name).join(', ') || 'none'}`,
      );
    this.regions = directories[0]!.regions!;
  }

  need<K extends keyof FamilyQueries>(name: K): FamilyQueries[K] {
    const q = this.queries[name];
    if (q === undefined) throw new Error(`emulator bug: the ${String(name)} queries are needed but no served family answers them`);
    return q as FamilyQueries[K];
  }

  taggable(resourceType: string): ResourceExists | undefined {
    return this.taggables.get(resourceType);
  }

  groupMember(resourceType: string): GroupMove | undefined {
    return this.members.get(resourceType);
  }

  /** The core's RegionId check (CopyImage asks it of DestinationRegionId). */
  regionExists(db: Database.Database, regionId: string): boolean {
    return this.regions.exists(db, regionId);
  }
}
