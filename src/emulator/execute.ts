/**
 * Running one action for an account once the caller is known: decode and validate the input
 * (spec tables), check `RegionId`, call the family's handler in a savepoint. Shared by the signed
 * API (`server.ts`, inside its request transaction) and the console's read-only admin route
 * `/_emulator/describe` (`admin/routes.ts`), so both answer with the very same body.
 */
import type { Account, HandlerContext } from './context.js';
import type { Route } from './dispatch.js';
import type { EmulatorCore } from './server.js';
import { apiError } from './errors.js';
import { decodeInput } from './validate-input.js';
import { regionParamName } from '../spec/ecs/params.js';

/** The body of `route` for `account` (without `RequestId`); throws EcsApiError for a refused request. Run inside a transaction. */
export function runAction(
  core: EmulatorCore,
  route: Route,
  params: ReadonlyMap<string, string>,
  account: Account,
  requestId: string,
  hostId: string,
  now: Date,
): Record<string, unknown> {
  const input = decodeInput(route.spec, params);
  const regionKey = regionParamName(route.spec);
  const hasRegionParam = route.spec.params.some((p) => p.name === regionKey);
  const given = input[regionKey];
  const regionId = typeof given === 'string' ? given : params.get(regionKey) || core.settings.defaultRegionId;
  if (hasRegionParam && typeof given === 'string' && !core.backend.regionExists(core.db, given)) {
    throw apiError(
      'InvalidRegionId.NotFound',
      `The specified ${regionKey} "${given}" does not exist; call DescribeRegions for the known regions.`,
    );
  }
  const ctx: HandlerContext = {
    db: core.db,
    account,
    regionId,
    requestId,
    host: hostId,
    settings: core.settings,
    now: () => now,
    newId: core.newId,
    backend: core.backend,
  };
  const result = core.db.transaction(() => {
    const out = route.handler(ctx, input);
    if (out === null || typeof out !== 'object' || 'Code' in out) {
      throw new Error(
        `handler ${route.family.name}.${route.spec.action} returned ${out === null || typeof out !== 'object' ? 'no object' : 'a top-level Code'}`,
      );
    }
    return out;
  })();
  const { RequestId: _ignored, ...fields } = result;
  return fields;
}
