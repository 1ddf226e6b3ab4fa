/**
 * The cloud client: one object per provider configuration, calling ECS, VPC and
 * ResourceManager RPC actions through Alibaba's official `@alicloud/openapi-core`.
 *
 * Requests are built from our own action tables (`src/spec`): {@link AlibabaCloudClient.call}
 * takes the input typed from the table (`ClientInputOf`), flattens it with the generic
 * encoder, signs with V3 (`ACS3-HMAC-SHA256`, default) or V1 (HMAC-SHA1), retries per
 * `retry.ts`, converts every failure to an `EcsError`, checks the body against the table's
 * response shape and resolves with it typed (`OutputOf`). The same code talks to the real cloud
 * (HTTPS, default endpoints) and to the emulator (`protocol: 'HTTP'`,
 * `endpoints: { ecs: '127.0.0.1:PORT' }`). The SDK is loaded on first use, so merely
 * constructing a client (e.g. during provider configure) costs nothing.
 */
import type { ActionSpec } from '../spec/ecs/types.js';
import { decodeOutput, type ClientInputOf, type OutputOf, type UntypedOutput } from '../spec/ecs/infer.js';
import { ShapeMismatchError } from '../spec/ecs/shape.js';
import { regionParamName } from '../spec/ecs/params.js';
import { encodeInput, type LooseInput } from './encode.js';
import { EcsResponseError, isThrottling, toEcsError } from './errors.js';
import { sharedRateLimiter, type RateLimiter } from './rate-limit.js';
import { watchWire, type WireAttempt } from './wire-watch.js';
import { checkEndpoint, defaultEndpoint, isRegionless, productKey, productLabel, type ProductKey } from './endpoints.js';
import { sdkCredential, type CredentialSource } from './credentials.js';
import { DEFAULT_RETRY_POLICY, raceAbort, realClock, withRetry, type Logger, type RetryClock, type RetryPolicy } from './retry.js';

export interface AlibabaCloudClientOptions {
  /** Region id, e.g. `cn-hangzhou`; sent as `RegionId` when the action takes one and the input has none. */
  region: string;
  /** Static key pair; give either `accessKeyId` + `accessKeySecret` or {@link credentials}. */
  accessKeyId?: string;
  accessKeySecret?: string;
  /** STS token, when the static keys are temporary. */
  securityToken?: string;
  /**
   * Where keys come from when they are not static: asked before every request, so temporary
   * keys (assumed role, instance metadata, credentials URI) are refreshed before they expire.
   */
  credentials?: CredentialSource;
  /** Per-product overrides, `host[:port]` without scheme (the provider block's `endpoints {}`). */
  endpoints?: Partial<Record<ProductKey, string>>;
  /** Default `HTTPS`. The emulator speaks `HTTP`. */
  protocol?: 'HTTP' | 'HTTPS';
  /** `v3` (default, ACS3-HMAC-SHA256) or `v1` (HMAC-SHA1, `SignatureVersion=1.0`, what the Go provider sends). */
  signatureAlgorithm?: 'v3' | 'v1';
  /** Appended to the SDK's user agent. */
  userAgent?: string;
  /**
   * How long one request waits for an answer once connected (default 60 000 ms, like the Go
   * provider's `client_read_timeout`). A request that gets no answer in time is not retried.
   */
  readTimeoutMs?: number;
  /** How long one request may take to connect (default 10 000 ms); connect timeouts are retried. */
  connectTimeoutMs?: number;
  /** Overrides of {@link DEFAULT_RETRY_POLICY}. `{ maxAttempts: 1 }` disables retries. */
  retry?: Partial<RetryPolicy>;
  logger?: Logger;
  /** Time and randomness for retries (tests inject a fake). */
  clock?: RetryClock;
  /**
   * The rate budget (`rate-limit.ts`): default the process-wide limiter of this key and endpoint,
   * shared with every other client of the same account; `false` sends unpaced.
   */
  rateLimiter?: RateLimiter | false;
}

export interface CallOptions {
  /** Cancels waiting (backoff and the in-flight request's result) with `EcsCanceledError`. */
  signal?: AbortSignal;
  /**
   * True when sending the request twice has the same effect as once (reads, upserts, creates
   * carrying a ClientToken). Default: true for actions whose table is not `mutating`.
   * Non-idempotent calls are still retried on errors proving the request was not executed.
   */
  idempotent?: boolean;
  /** Overall budget for this call including retries (default: the policy's `deadlineMs`). */
  deadlineMs?: number;
  /**
   * A waiter's poll: the answer must come from a request sent now, never from a read-ahead
   * listing (which can be up to a minute old and would hide the change being waited for).
   */
  current?: boolean;
}

/** The parsed JSON body of a successful call of a table without a response shape. */
export type ResponseBody = UntypedOutput;

const DEFAULT_READ_TIMEOUT_MS = 60_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

interface SdkClient {
  callApi(params: unknown, request: unknown, runtime: unknown): Promise<{ body: unknown; statusCode: number }>;
}
const importSdk = () => import('@alicloud/openapi-core');
type OpenApiModule = Awaited<ReturnType<typeof importSdk>>;

let sdkModule: Promise<OpenApiModule> | undefined;
function loadSdk(): Promise<OpenApiModule> {
  // The package is CommonJS: node's ESM import lists its named exports, a bundled chunk only `default`.
  return (sdkModule ??= importSdk().then((m) => ({ ...(m as unknown as { default: OpenApiModule }).default, ...m })));
}

/** Client for Alibaba Cloud RPC APIs used by the image provider. Cheap to construct; thread-safe to share. */
export class AlibabaCloudClient {
  readonly region: string;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly signatureAlgorithm: 'v3' | 'v1';
  readonly retryPolicy: Readonly<RetryPolicy>;
  private readonly options: AlibabaCloudClientOptions;
  private readonly clock: RetryClock;
  private readonly sdkClients = new Map<ProductKey, Promise<SdkClient>>();
  private readonly limiters = new Map<ProductKey, RateLimiter | undefined>();
  private mutationCount = 0;

  constructor(options: AlibabaCloudClientOptions) {
    if (!options.region) throw new Error('region is required (e.g. "cn-hangzhou")');
    if (!options.credentials && (!options.accessKeyId || !options.accessKeySecret))
      throw new Error('accessKeyId and accessKeySecret (or a credentials source) are required');
    if (options.protocol !== undefined && options.protocol !== 'HTTP' && options.protocol !== 'HTTPS') {
      throw new Error(`protocol must be "HTTP" or "HTTPS", got "${String(options.protocol)}"`);
    }
    if (options.signatureAlgorithm !== undefined && options.signatureAlgorithm !== 'v3' && options.signatureAlgorithm !== 'v1') {
      throw new Error(`signatureAlgorithm must be "v3" or "v1", got "${String(options.signatureAlgorithm)}"`);
    }
    for (const [k, v] of Object.entries(options.endpoints ?? {})) if (v) checkEndpoint(k, v);
    this.options = options;
    this.region = options.region;
    this.protocol = options.protocol ?? 'HTTPS';
    this.signatureAlgorithm = options.signatureAlgorithm ?? 'v3';
    this.retryPolicy = Object.freeze({ ...DEFAULT_RETRY_POLICY, ...options.retry });
    this.clock = options.clock ?? realClock;
  }

  /** How many mutating calls this client has begun: a cached listing made before the last one is stale (`batch.ts`). */
  get mutations(): number {
    return this.mutationCount;
  }

  /** The key pair requests are signed with now (static, or the credentials source's current one), for OSS calls made outside the SDK. */
  async currentKeys(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken?: string }> {
    const o = this.options;
    if (o.credentials) return o.credentials.get();
    return {
      accessKeyId: o.accessKeyId!,
      accessKeySecret: o.accessKeySecret!,
      ...(o.securityToken ? { securityToken: o.securityToken } : {}),
    };
  }

  /** The host[:port] used for `product`: the override when given, else the SDK default for the region. */
  endpointFor(product: ProductKey): string {
    return this.options.endpoints?.[product] || defaultEndpoint(product, this.region);
  }

  /**
   * Call one RPC action. `input` is typed from the table (`ClientInputOf<typeof spec>`: wire
   * names, enums as literals, `Tag: [{Key, Value}]`); `RegionId` defaults to the client's region.
   * Resolves with the body checked against the table's response shape (`OutputOf<typeof spec>`);
   * rejects with `EcsServiceError`, `EcsResponseError` (the answer is not a valid body for the
   * action), `EcsNetworkError`, `EcsTimeoutError`, `EcsCanceledError` or `EcsInputError` (bad
   * input, never sent; the encoder checks at run time what the types check at compile time).
   */
  async call<const S extends ActionSpec>(spec: S, input: ClientInputOf<S>, options: CallOptions = {}): Promise<OutputOf<S>> {
    const key = productKey(spec.product);
    const product = productLabel(key);
    const label = `${product} ${spec.action}`;
    const loose = input as LooseInput;
    const regionKey = regionParamName(spec);
    const withRegion = needsRegion(spec, key) && !loose[regionKey] ? { ...loose, [regionKey]: this.region } : loose;
    const query = encodeInput(spec, withRegion);
    const mutating = isMutating(spec);
    if (mutating) this.mutationCount++;
    const idempotent = options.idempotent ?? !mutating;
    const policy = options.deadlineMs === undefined ? this.retryPolicy : { ...this.retryPolicy, deadlineMs: options.deadlineMs };
    const signal = options.signal;
    const deadline = this.clock.now() + policy.deadlineMs;
    const endpoint = `${this.protocol.toLowerCase()}://${this.endpointFor(key)}`;
    const connectTimeoutMs = this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const limiter = this.limiter(key);
    const family = `${product}:${spec.action}`;
    return withRetry({ label, idempotent, policy, clock: this.clock, signal, logger: this.options.logger }, async () => {
      const grant = limiter && (await limiter.acquire(family, signal));
      const wire: WireAttempt = { connected: false, bodyHead: '' };
      // One attempt never waits for an answer past the call's deadline.
      const readTimeoutMs = Math.max(1, Math.min(this.options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS, deadline - this.clock.now()));
      let res: { body: unknown; statusCode: number };
      try {
        const sdk = await this.sdkClient(key);
        const mod = await loadSdk();
        const params = new mod.$OpenApiUtil.Params({
          action: spec.action,
          version: spec.version,
          protocol: this.protocol,
          method: 'POST',
          authType: spec.anonymous ? 'Anonymous' : 'AK',
          style: 'RPC',
          pathname: '/',
          reqBodyType: 'formData',
          bodyType: 'json',
        });
        const request = new mod.$OpenApiUtil.OpenApiRequest({ query: { ...query } });
        const pending = watchWire(wire, () => sdk.callApi(params, request, { readTimeout: readTimeoutMs }));
        res = signal ? await raceAbort(pending, signal, label) : await pending;
      } catch (err) {
        const e = toEcsError(err, spec.action, product, { endpoint, wire, readTimeoutMs, connectTimeoutMs });
        if (grant && isThrottling(e)) limiter.throttled(grant, e.retryAfterMs);
        throw e;
      }
      if (grant) limiter.succeeded(grant);
      return checkedBody(spec, product, res.statusCode, res.body);
    });
  }

  /** The rate budget of `key`'s endpoint (see {@link AlibabaCloudClientOptions.rateLimiter}). */
  private limiter(key: ProductKey): RateLimiter | undefined {
    if (this.options.rateLimiter !== undefined) return this.options.rateLimiter || undefined;
    let l = this.limiters.get(key);
    if (!l) {
      l = sharedRateLimiter(`${this.protocol}://${this.endpointFor(key)}|${this.options.accessKeyId}`, this.clock);
      this.limiters.set(key, l);
    }
    return l;
  }

  private sdkClient(key: ProductKey): Promise<SdkClient> {
    let c = this.sdkClients.get(key);
    if (!c) {
      c = this.createSdkClient(key);
      this.sdkClients.set(key, c);
      c.catch(() => this.sdkClients.delete(key));
    }
    return c;
  }

  private async createSdkClient(key: ProductKey): Promise<SdkClient> {
    const mod = await loadSdk();
    const o = this.options;
    const config = new mod.$OpenApiUtil.Config({
      ...(o.credentials
        ? { credential: sdkCredential(o.credentials) }
        : { accessKeyId: o.accessKeyId, accessKeySecret: o.accessKeySecret, securityToken: o.securityToken || undefined }),
      regionId: o.region,
      endpoint: this.endpointFor(key),
      protocol: this.protocol.toLowerCase(),
      // openapi-core's name for the legacy HMAC-SHA1 scheme is 'v2' (wire: SignatureVersion=1.0).
      signatureAlgorithm: this.signatureAlgorithm === 'v1' ? 'v2' : undefined,
      userAgent: o.userAgent ?? 'alicloud-image',
      readTimeout: o.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
      connectTimeout: o.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    });
    // The package is CommonJS: under ESM the class sits at `default.default`.
    const ns = mod as unknown as { default: { default?: unknown } & (new (c: unknown) => SdkClient) };
    const Ctor = (ns.default.default ?? ns.default) as new (c: unknown) => SdkClient;
    return new Ctor(config);
  }
}

/**
 * The body of a successful answer, checked against the action's response shape. A `Code` the
 * shape does not declare, next to a `Message`, is an error body under a success status (some
 * gateways do that); the real API never sends one (ecs-api.md 1.7), so it is refused too.
 */
function checkedBody<S extends ActionSpec>(spec: S, product: string, status: number, body: unknown): OutputOf<S> {
  const o = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  const requestId = typeof o?.RequestId === 'string' && o.RequestId !== '' ? o.RequestId : undefined;
  const fail = (path: string, problem: string) =>
    new EcsResponseError({ product, action: spec.action, httpStatus: status, requestId, path, problem });
  if (o && typeof o.Code === 'string' && o.Code !== '' && 'Message' in o && !spec.response?.fields.Code) {
    throw fail('(body)', `an error body under a success status: ${o.Code}: ${String(o.Message)}`);
  }
  if (!spec.response && !o) throw fail('(body)', `expected an object, got ${Array.isArray(body) ? 'an array' : typeof body}`);
  try {
    return decodeOutput(spec, body);
  } catch (err) {
    if (err instanceof ShapeMismatchError) throw fail(err.path, err.problem);
    throw err;
  }
}

function needsRegion(spec: ActionSpec, key: ProductKey): boolean {
  return spec.params.some((p) => p.name === 'RegionId') || !isRegionless(key);
}

function isMutating(spec: ActionSpec): boolean {
  if (spec.mutating !== undefined) return spec.mutating;
  return !/^(Describe|List|Get|Query|Check)/.test(spec.action);
}
