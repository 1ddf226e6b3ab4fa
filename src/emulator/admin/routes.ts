/**
 * Unsigned admin routes under `/_emulator/` (kept off the signed API path):
 * - `GET /_emulator/health` → `{"status":"ok","database":{"id","createdAt","path"}}`: the id changes when the
 *   database file is new or reset, so a caller can tell whether its Terraform state matches this data
 * - `POST /_emulator/reset` → drops all data, seeds again → `{"status":"reset"}`
 * - `GET /_emulator/state` → `{ "<table>": [rows...] }` for every family table
 * - `GET /_emulator/accounts` → `{accounts: [{accountId, accessKeyId}], defaultRegionId, settings}` (key ids shortened)
 * - `GET /_emulator/describe?AccountId=&Action=&Version=&<parameters>` → the answer a read-only action
 *   (`Describe*`, `List*`) gives that account, unsigned: the console reads everything through it, so
 *   it shows exactly what the API shows (paging, filters, derived status and progress). `Version`
 *   defaults to the action's product version; `AccountId` to the first account.
 * The request log (`/_emulator/requests`, `/_emulator/timeline`, `/_emulator/events`) is answered by
 * `request-log/listener.ts`. Fault injection and request statistics (`/_emulator/faults`, `/_emulator/stats`, `/_emulator/stats/reset`)
 * are answered before this file by the wrapper in `faults/inject.ts`.
 */
import type { SerializedResponse } from '../errors.js';
import { EcsApiError, apiError, serializeError, serializeSuccess } from '../errors.js';
import { withRelaxedSync } from '../db/open.js';
import { runAction } from '../execute.js';
import { maskKeyId } from '../request-log/mask.js';
import { dataTables, databaseIdentity } from '../db/migrate.js';
import type { EmulatorCore } from '../server.js';

const ok = (body: unknown): SerializedResponse => ({ status: 200, body: JSON.stringify(body) });

function dumpState(core: EmulatorCore): Record<string, unknown[]> {
  const state: Record<string, unknown[]> = {};
  for (const table of dataTables(core.db)) {
    const rows = core.db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}" ORDER BY rowid`).all() as Record<string, unknown>[];
    state[table] = rows.map((row) => {
      for (const [k, v] of Object.entries(row)) if (Buffer.isBuffer(v)) row[k] = v.toString('base64');
      return row;
    });
  }
  return state;
}

/** `GET /_emulator/describe`: run a read-only action for an account without a signature. */
function describeAs(core: EmulatorCore, rawQuery: string, requestId: string, hostId: string): SerializedResponse {
  const params = new Map(new URLSearchParams(rawQuery));
  const accountId = params.get('AccountId');
  params.delete('AccountId');
  try {
    const account = accountId ? core.accounts.find((a) => String(a.accountId) === accountId) : core.accounts[0];
    if (!account) {
      throw apiError(
        'InvalidParameter',
        `AccountId "${accountId!.slice(0, 30)}" is not an account of this emulator; see GET /_emulator/accounts.`,
      );
    }
    const action = params.get('Action') ?? '';
    const version = params.get('Version') || core.backend.dispatcher.list().find((r) => r.spec.action === action)?.spec.version;
    if (action && !version) throw apiError('InvalidAction.NotFound', `This emulator serves no action "${action.slice(0, 100)}".`);
    const route = core.backend.dispatcher.resolve(action, version ?? '');
    if (route.spec.mutating || !/^(Describe|List|Get)[A-Z]/.test(action)) {
      throw apiError(
        'InvalidParameter',
        `${action} changes resources; /_emulator/describe runs only read actions (Describe*, List*, Get*).`,
      );
    }
    const now = core.clock();
    const fields = withRelaxedSync(core.db, () =>
      core.db.transaction(() => runAction(core, route, params, account, requestId, hostId, now))(),
    );
    return serializeSuccess(requestId, fields);
  } catch (err) {
    if (err instanceof EcsApiError) return serializeError(core.backend.errors.resolve(err), requestId, hostId, 'Ecs');
    throw err;
  }
}

export function handleAdmin(
  core: EmulatorCore,
  method: string,
  path: string,
  requestId: string,
  hostId: string,
  rawQuery = '',
): SerializedResponse {
  const routes: Record<string, [string, () => SerializedResponse]> = {
    '/_emulator/health': ['GET', () => ok({ status: 'ok', database: { ...databaseIdentity(core.db), path: core.db.name } })],
    '/_emulator/reset': [
      'POST',
      () => {
        core.reset();
        return ok({ status: 'reset' });
      },
    ],
    '/_emulator/state': ['GET', () => ok(dumpState(core))],
    '/_emulator/accounts': [
      'GET',
      () =>
        ok({
          accounts: core.accounts.map((a) => ({ accountId: a.accountId, accessKeyId: maskKeyId(a.accessKeyId) })),
          defaultRegionId: core.settings.defaultRegionId,
          settings: core.settings,
        }),
    ],
    '/_emulator/describe': ['GET', () => describeAs(core, rawQuery, requestId, hostId)],
  };
  const route = routes[path];
  if (!route) {
    const known = Object.entries(routes)
      .map(([p, [m]]) => `${m} ${p}`)
      .join(', ');
    return serializeError(
      apiError('InvalidAction.NotFound', `Unknown admin route "${path.slice(0, 200)}"; known: ${known}.`),
      requestId,
      hostId,
      'Ecs',
    );
  }
  if (route[0] !== method) {
    return serializeError(apiError('UnsupportedHTTPMethod', `${path} accepts ${route[0]} only, got ${method}.`), requestId, hostId, 'Ecs');
  }
  return route[1]();
}
