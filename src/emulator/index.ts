/**
 * The local ECS emulator: one HTTP endpoint (127.0.0.1) serving the Ecs, Vpc and
 * ResourceManager RPC APIs with real V1/V3 signature checks, spec-driven validation
 * and SQLite state that survives restarts.
 *
 * ```ts
 * const emu = await startEmulator({ port: 0, db: ':memory:' });
 * // SDK: new Config({ accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
 * //                   endpoint: emu.endpoint, protocol: 'http', regionId: 'cn-hangzhou' })
 * await emu.stop();
 * ```
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorSettings, Family } from './context.js';
import { timestampWindowMs } from '../spec/ecs/common.js';
import { buildCredentials, type AccountConfig } from './accounts.js';
import { applyMigrations, applySeeds, wipeData } from './db/migrate.js';
import { openDatabase, type Db } from './db/open.js';
import { EmulatorBackend } from './backend.js';
import { families as registeredFamilies } from './families.js';
import { regionsFamily } from './regions/family.js';
import { createRequestListener, type EmulatorCore } from './server.js';
import { withFaults } from './faults/inject.js';
import { NonceStore } from './signature/nonce-store.js';
import { serializeError, apiError } from './errors.js';

export { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_ACCOUNT_ID, type AccountConfig } from './accounts.js';
export { families } from './families.js';
export type { Account, Backend, EmulatorSettings, Family, FamilyQueries, Handler, HandlerContext, Migration } from './context.js';
export { EcsApiError, apiError } from './errors.js';
export { EmulatorBackend } from './backend.js';

/** Defaults of {@link EmulatorSettings}. */
export const defaultSettings: EmulatorSettings = {
  imageCreateSeconds: 5,
  instanceStartSeconds: 2,
  defaultRegionId: 'cn-hangzhou',
};

export interface EmulatorOptions {
  /** Only loopback is allowed; default `127.0.0.1`. */
  host?: '127.0.0.1';
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** SQLite file path, or `:memory:` (the default) to keep nothing. */
  db?: string;
  /** Key pairs; default one pair: DEFAULT_ACCESS_KEY_ID / DEFAULT_ACCESS_KEY_SECRET, account DEFAULT_ACCOUNT_ID. */
  accounts?: AccountConfig[];
  settings?: Partial<EmulatorSettings>;
  /** Injected resource clock (handler `ctx.now()`, seeds, image progress); default wall clock. */
  clock?: () => Date;
  /**
   * Clock for the ±15 min signature window (V1 `Timestamp`, V3 `x-acs-date`) and nonce expiry;
   * default the wall clock, because real clients sign with theirs even when `clock` is simulated.
   */
  signatureClock?: () => Date;
  /** Families to serve; default every family in `families.ts`. The regions family is always added. */
  families?: Family[];
  /** Injected id generator; default `<prefix>` + 20 random lower-case alphanumerics. */
  newId?: (prefix: string) => string;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `127.0.0.1:PORT`: the SDK `endpoint` / provider `endpoints { ecs = ... }` value. */
  endpoint: string;
  port: number;
  db: Db;
  settings: EmulatorSettings;
  /** Close the server (dropping idle keep-alive connections) and the database. */
  stop(): Promise<void>;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `<prefix>` + 20 random lower-case alphanumerics, the shape of real ECS ids (`m-bp1...`). */
export function randomId(prefix: string): string {
  const bytes = randomBytes(20);
  let s = '';
  for (const b of bytes) s += ID_ALPHABET[b % ID_ALPHABET.length];
  return prefix + s;
}

/** Start the emulator; resolves once it is listening (health answers ok). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error(`emulator host must be 127.0.0.1, got ${String(host)}`);
  const settings: EmulatorSettings = { ...defaultSettings, ...options.settings };
  const clock = options.clock ?? (() => new Date());
  const signatureClock = options.signatureClock ?? (() => new Date());
  const newId = options.newId ?? randomId;
  const chosen = options.families ?? registeredFamilies;
  const families = chosen.includes(regionsFamily) ? chosen : [regionsFamily, ...chosen];
  const backend = new EmulatorBackend(families);
  const credentials = buildCredentials(options.accounts);
  const accounts = [...credentials.values()].map((c) => c.account);

  const db = openDatabase(options.db ?? ':memory:');
  try {
    applyMigrations(db, families);
    applySeeds(db, families, { accounts, settings, newId, now: clock() });
  } catch (err) {
    db.close();
    throw err;
  }

  let endpoint = '';
  const nonces = new NonceStore(2 * timestampWindowMs);
  const core: EmulatorCore = {
    db,
    backend,
    credentials,
    accounts,
    nonces,
    settings,
    clock,
    signatureClock,
    newId,
    endpoint: () => endpoint,
    reset() {
      wipeData(db);
      nonces.clear();
      applySeeds(db, families, { accounts, settings, newId, now: clock() });
    },
  };

  const server = createServer(withFaults(createRequestListener(core)));
  server.on('clientError', (_err, socket) => {
    // Unparseable HTTP (e.g. raw non-ASCII in the URL): answer in the ECS error shape, then close.
    if (!socket.writable) return socket.destroy();
    const r = serializeError(
      apiError('InvalidParameter', 'The HTTP request is malformed and cannot be parsed.'),
      randomUUID().toUpperCase(),
      endpoint,
      'Ecs',
    );
    socket.end(
      `HTTP/1.1 ${r.status} Bad Request\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: ${Buffer.byteLength(r.body)}\r\nConnection: close\r\n\r\n${r.body}`,
    );
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    db.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  endpoint = `${host}:${port}`;

  let stopped: Promise<void> | undefined;
  return {
    url: `http://${endpoint}`,
    endpoint,
    port,
    db,
    settings,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => {
          if (db.open) db.close();
          resolve();
        });
        server.closeIdleConnections();
      });
      return stopped;
    },
  };
}
