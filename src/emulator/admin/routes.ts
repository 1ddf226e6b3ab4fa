/**
 * Unsigned admin routes under `/_emulator/` (kept off the signed API path):
 * - `GET /_emulator/health` → `{"status":"ok","database":{"id","createdAt","path"}}`: the id changes when the
 *   database file is new or reset, so a caller can tell whether its Terraform state matches this data
 * - `POST /_emulator/reset` → drops all data, seeds again → `{"status":"reset"}`
 * - `GET /_emulator/state` → `{ "<table>": [rows...] }` for every family table
 * Fault injection and request statistics (`/_emulator/faults`, `/_emulator/stats`, `/_emulator/stats/reset`)
 * are answered before this file by the wrapper in `faults/inject.ts`.
 */
import type { SerializedResponse } from '../errors.js';
import { apiError, serializeError } from '../errors.js';
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

export function handleAdmin(core: EmulatorCore, method: string, path: string, requestId: string, hostId: string): SerializedResponse {
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
