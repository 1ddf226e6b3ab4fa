/**
 * Routing table: (API version, action) → family, action spec and handler.
 *
 * Several products share one port, told apart by their version (`Ecs` 2014-05-26,
 * `Vpc` 2016-04-28, `ResourceManager` 2020-03-31). Handler names follow the action by a
 * fixed rule: `CreateImage` → `createImage`, looked up in the family's handlers module. A missing
 * handler, a handler no spec routes to, or a duplicate route is an emulator bug and fails at start-up.
 */
import type { Family, Handler } from './context.js';
import type { ActionSpec } from '../spec/ecs/types.js';
import { productVersions } from '../spec/ecs/common.js';
import { apiError } from './errors.js';

export interface Route {
  family: Family;
  spec: ActionSpec;
  /** The family's handler of `spec`, called with the input decoded from `spec` (hence typed for any decoded input here). */
  handler: Handler;
  product: string;
}

/** `CreateImage` → `createImage`. */
export function handlerName(action: string): string {
  return action.charAt(0).toLowerCase() + action.slice(1);
}

export class Dispatcher {
  private readonly routes = new Map<string, Route>();
  /** version → product name. */
  private readonly versions = new Map<string, string>(Object.entries(productVersions));

  constructor(families: readonly Family[]) {
    for (const family of families) {
      const routed = new Set(family.specs.map((s) => handlerName(s.action)));
      const stray = Object.keys(family.handlers).filter((name) => !routed.has(name));
      if (stray.length > 0) throw new Error(`emulator family ${family.name}: handler(s) ${stray.join(', ')} match no action spec`);
      for (const spec of family.specs) {
        const handler = family.handlers[handlerName(spec.action)];
        if (!handler) throw new Error(`emulator family ${family.name}: no handler ${handlerName(spec.action)} for ${spec.action}`);
        const key = `${spec.version}\n${spec.action}`;
        const existing = this.routes.get(key);
        if (existing)
          throw new Error(`emulator: ${spec.action} (${spec.version}) is served by both ${existing.family.name} and ${family.name}`);
        const product = this.versions.get(spec.version) ?? spec.product;
        this.versions.set(spec.version, product);
        this.routes.set(key, { family, spec, handler: handler as Handler, product });
      }
    }
  }

  /** Product of a version, or undefined when the version is unknown. */
  product(version: string): string | undefined {
    return this.versions.get(version);
  }

  /** Resolve a request's route; throws MissingParameter, InvalidVersion or InvalidAction.NotFound (never a 404). */
  resolve(action: string, version: string): Route {
    if (!action)
      throw apiError('MissingParameter', 'The input parameter "Action" that is mandatory for processing this request is not supplied.');
    if (!version)
      throw apiError('MissingParameter', 'The input parameter "Version" that is mandatory for processing this request is not supplied.');
    const product = this.versions.get(version);
    if (!product) {
      const known = [...this.versions].map(([v, p]) => `${v} (${p})`).join(', ');
      throw apiError('InvalidVersion', `Specified parameter Version is not valid: "${version}"; this endpoint serves ${known}.`);
    }
    const route = this.routes.get(`${version}\n${action}`);
    if (!route) {
      throw apiError(
        'InvalidAction.NotFound',
        `Specified api is not found, please check your url and method: ${product} ${version} has no action "${action}" in this emulator.`,
      );
    }
    return route;
  }

  /** Every served route (for docs and coverage). */
  list(): Route[] {
    return [...this.routes.values()];
  }
}
