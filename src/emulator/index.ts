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
import { applyMigrations, applySeeds, wipeData, type SeedOptions } from './db/migrate.js';
import { asOpenError, openDatabase, type Db } from './db/open.js';
import { acquireLock, type DatabaseLock } from './db/lock.js';
import { EmulatorBackend } from './backend.js';
import { families as registeredFamilies } from './families.js';
import { regionsFamily } from './regions/family.js';
import { createRequestListener, withAccessChecks, type EmulatorCore } from './server.js';
import { withFaults } from './faults/inject.js';
import { RequestLog } from './request-log/log.js';
import { withRequestLog } from './request-log/listener.js';
import { FlowControl, withFlowControl, type FlowControlConfig } from './faults/flow-control.js';
import { NonceStore } from './signature/nonce-store.js';
import { serializeError, apiError, type EcsApiError } from './errors.js';
import { MAX_URL_BYTES, PARSER_MAX_HEADER_BYTES } from './http/guard.js';
import { withOss } from './oss/listener.js';

export {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  DEFAULT_ACCOUNT_ID,
  SECOND_ACCESS_KEY_ID,
  SECOND_ACCESS_KEY_SECRET,
  SECOND_ACCOUNT_ID,
  type AccountConfig,
} from './accounts.js';
export { DatabaseOpenError, createFolders } from './db/open.js';
export { DatabaseInUseError } from './db/lock.js';
export { ADMIN_HEADER } from './http/guard.js';
export { families } from './families.js';
export type { Account, Backend, EmulatorSettings, Family, FamilyQueries, Handler, HandlerContext, Migration } from './context.js';
export { EcsApiError, apiError } from './errors.js';
export { EmulatorBackend } from './backend.js';
export { type FlowControlConfig, parseFlowControlRates } from './faults/flow-control.js';

/** Defaults of {@link EmulatorSettings}. */
export const defaultSettings: EmulatorSettings = {
  imageCreateSeconds: 5,
  imageUsableLagSeconds: 0.5,
  imageCopySecondsPerGiB: 0.25,
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
  /**
   * Key pairs; default two: DEFAULT_ACCESS_KEY_ID / DEFAULT_ACCESS_KEY_SECRET (account DEFAULT_ACCOUNT_ID) and
   * SECOND_ACCESS_KEY_ID / SECOND_ACCESS_KEY_SECRET (account SECOND_ACCOUNT_ID).
   */
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
  /**
   * When set, every admin route (`/_emulator/...`) needs `Authorization: Bearer <adminToken>`
   * (for shared machines; the routes are unsigned otherwise). See `http/guard.ts` for the rules
   * that always apply (Host, Origin, non-simple admin changes).
   */
  adminToken?: string;
  /** How many API calls the request log keeps (the console's request list); default 500. */
  requestLogSize?: number;
  /** API flow control (token bucket per account and action, `faults/flow-control.ts`); default off. */
  flowControl?: FlowControlConfig;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `127.0.0.1:PORT`: the SDK `endpoint` / provider `endpoints { ecs = ... }` value. */
  endpoint: string;
  /** `http://127.0.0.1:PORT/console/`: the console page (images, resources, request log, faults). */
  consoleUrl: string;
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

/**
 * Open the database, claim it (one emulator per file), migrate, seed, and open the nonce
 * store; on any failure the database is closed again and the error is one clear line.
 */
function openState(
  path: string,
  families: readonly Family[],
  seed: SeedOptions,
  signatureClock: () => Date,
): { db: Db; lock: DatabaseLock; nonces: NonceStore } {
  const db = openDatabase(path);
  let lock: DatabaseLock | undefined;
  try {
    lock = asOpenError(path, () => acquireLock(db, path));
    const nonces = asOpenError(path, () => {
      applyMigrations(db, families);
      applySeeds(db, families, seed);
      const store = new NonceStore(db, { windowMs: timestampWindowMs });
      store.cleanup(signatureClock().getTime());
      return store;
    });
    return { db, lock, nonces };
  } catch (err) {
    lock?.release();
    db.close();
    throw err;
  }
}

/** Start the emulator; resolves once it is listening (health answers ok). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error(`emulator host must be 127.0.0.1, got ${String(host)}`);
  const logSize = options.requestLogSize ?? 500;
  if (!Number.isInteger(logSize) || logSize < 1) throw new Error(`requestLogSize must be a whole number of at least 1, got ${logSize}`);
  const settings: EmulatorSettings = { ...defaultSettings, ...options.settings };
  const clock = options.clock ?? (() => new Date());
  const signatureClock = options.signatureClock ?? (() => new Date());
  const newId = options.newId ?? randomId;
  const chosen = options.families ?? registeredFamilies;
  const families = chosen.includes(regionsFamily) ? chosen : [regionsFamily, ...chosen];
  const backend = new EmulatorBackend(families);
  const credentials = buildCredentials(options.accounts);
  const accounts = [...credentials.values()].map((c) => c.account);

  const path = options.db ?? ':memory:';
  const { db, lock: dbLock, nonces } = openState(path, families, { accounts, settings, newId, now: clock() }, signatureClock);

  let endpoint = '';
  let port = 0;
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
      // Nonces survive a reset: a request signed before it must not be replayable after it.
      wipeData(db);
      applySeeds(db, families, { accounts, settings, newId, now: clock() });
    },
  };

  const policy = { host, port: () => port, ...(options.adminToken !== undefined ? { adminToken: options.adminToken } : {}) };
  const requestLog = new RequestLog(logSize);
  const api = withAccessChecks(
    withRequestLog(withFaults(withFlowControl(createRequestListener(core), new FlowControl(options.flowControl), credentials)), requestLog),
    policy,
    () => endpoint,
  );
  // OSS (when served) shares the port: its requests are told apart by Host or Authorization (oss/listener.ts).
  const ossCore = {
    db,
    credentials,
    clock,
    signatureClock,
    defaultRegionId: settings.defaultRegionId,
    regionExists: (r: string) => backend.regionExists(db, r),
  };
  const server = createServer({ maxHeaderSize: PARSER_MAX_HEADER_BYTES }, backend.queries.oss ? withOss(api, ossCore, policy) : api);
  server.on('clientError', (err: Error & { code?: string; rawPacket?: Buffer }, socket) => {
    // Unparseable HTTP: answer in the ECS error shape, then close.
    if (!socket.writable) return socket.destroy();
    const [reason, error] = clientErrorAnswer(err);
    const r = serializeError(error, randomUUID().toUpperCase(), endpoint, 'Ecs');
    socket.end(
      `HTTP/1.1 ${r.status} ${reason}\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: ${Buffer.byteLength(r.body)}\r\nConnection: close\r\n\r\n${r.body}`,
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
    dbLock.release();
    db.close();
    throw err;
  }
  port = (server.address() as AddressInfo).port;
  endpoint = `${host}:${port}`;
  dbLock.setAddress(`http://${endpoint}`);

  let stopped: Promise<void> | undefined;
  return {
    url: `http://${endpoint}`,
    endpoint,
    consoleUrl: `http://${endpoint}/console/`,
    port,
    db,
    settings,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        requestLog.close();
        server.close(() => {
          dbLock.release();
          if (db.open) db.close();
          resolve();
        });
        server.closeIdleConnections();
      });
      return stopped;
    },
  };
}

/**
 * Status line reason and error for a request Node's parser refused. Past its (1 MiB) header
 * limit: 431 when the refused bytes start the request and its line ended within our URL limit,
 * else 414 (in practice a giant query string; Node hands over only the current chunk, so a long
 * header line seen mid-stream cannot be told apart). Anything else unparseable is 400.
 */
function clientErrorAnswer(err: Error & { code?: string; rawPacket?: Buffer }): [string, EcsApiError] {
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    const packet = err.rawPacket ?? Buffer.alloc(0);
    const startsRequest = /^[A-Z]{3,10} /.test(packet.subarray(0, 12).toString('latin1'));
    const lineEnd = packet.indexOf('\r\n');
    if (startsRequest && lineEnd >= 0 && lineEnd <= MAX_URL_BYTES) {
      return [
        'Request Header Fields Too Large',
        apiError(
          'RequestHeaderFieldsTooLarge',
          `The request headers are over the ${PARSER_MAX_HEADER_BYTES}-byte limit: send fewer or shorter headers.`,
        ),
      ];
    }
    return [
      'URI Too Long',
      apiError(
        'RequestURITooLong',
        `The request line and headers are over the ${PARSER_MAX_HEADER_BYTES}-byte limit: send the parameters in a POST body ` +
          '(Content-Type: application/x-www-form-urlencoded) instead of the query string.',
      ),
    ];
  }
  return ['Bad Request', apiError('InvalidParameter', 'The HTTP request is malformed and cannot be parsed.')];
}
