/**
 * Where the client's keys come from when they are not a static pair: a {@link CredentialSource}
 * the client asks before every request. Sources for temporary keys cache them and fetch new ones
 * when at most {@link REFRESH_BEFORE_MS} of their life is left (the rule of Alibaba's credential
 * libraries), so a long apply never signs with an expired key.
 *
 * - {@link fromCredentialsUri}: a credentials service (`GET <uri>`), through Alibaba's official
 *   `@alicloud/credentials` (its URI provider, with its own refresh).
 * - {@link fromEcsMetadata}: the RAM role of the ECS instance this runs on, from the instance
 *   metadata service (api-wave2.md 7.1). The official library hard-codes the metadata address,
 *   so this follows the same protocol itself, with a host override for tests.
 * - STS AssumeRole / AssumeRoleWithOIDC sources live in `sts.ts` (they call STS through this client).
 */

/** A key pair, temporary when it has a security token. */
export interface Keys {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** When temporary keys stop working, in milliseconds since the epoch (unknown: never refreshed early). */
  expiresAt?: number;
}

/** A source of keys; `get` may fetch, and rejects with an Error that says what failed. */
export interface CredentialSource {
  /** For logs and the `x-acs-credentials-provider` header: `assume_role`, `ecs_ram_role`, `credentials_uri`, ... */
  readonly name: string;
  get(): Promise<Keys>;
}

/** Temporary keys are renewed when this much of their life is left (3 minutes, as the official libraries do). */
export const REFRESH_BEFORE_MS = 180_000;

/** Caches the keys `fetch` returns and fetches again when they are about to expire. */
export class RefreshingCredentials implements CredentialSource {
  private current: Keys | undefined;
  private pending: Promise<Keys> | undefined;

  constructor(
    readonly name: string,
    private readonly fetch: () => Promise<Keys>,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<Keys> {
    const c = this.current;
    if (c && (c.expiresAt === undefined || c.expiresAt - this.now() > REFRESH_BEFORE_MS)) return Promise.resolve(c);
    // One fetch at a time: concurrent requests share it.
    this.pending ??= this.fetch().then(
      (keys) => {
        this.current = keys;
        this.pending = undefined;
        return keys;
      },
      (err: unknown) => {
        this.pending = undefined;
        throw err;
      },
    );
    return this.pending;
  }
}

/** The object openapi-core's `Config.credential` expects (the shape of `@alicloud/credentials`' Credential). */
export function sdkCredential(source: CredentialSource) {
  const model = async () => {
    const k = await source.get();
    return {
      accessKeyId: k.accessKeyId,
      accessKeySecret: k.accessKeySecret,
      securityToken: k.securityToken,
      type: k.securityToken ? 'sts' : 'access_key',
      providerName: source.name,
    };
  };
  // The SDK's type is the library's class; only these members are used.
  return {
    getCredential: model,
    getAccessKeyId: async () => (await model()).accessKeyId,
    getAccessKeySecret: async () => (await model()).accessKeySecret,
    getSecurityToken: async () => (await model()).securityToken,
    getType: () => 'sts',
    getBearerToken: () => '',
  } as never;
}

/** Parse `yyyy-MM-ddTHH:mm:ssZ`; undefined when absent or unreadable. */
function expiry(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** Keys from a credentials service: `GET <uri>` answers `{AccessKeyId, AccessKeySecret, SecurityToken, Expiration}` (api-wave2.md 7.2). */
export async function fromCredentialsUri(uri: string, timeouts: { readMs: number; connectMs: number }): Promise<CredentialSource> {
  const mod = (await import('@alicloud/credentials')) as unknown as { URICredentialsProvider: UriProviderClass; default?: unknown };
  const Provider = mod.URICredentialsProvider ?? (mod.default as { URICredentialsProvider: UriProviderClass }).URICredentialsProvider;
  const provider = Provider.builder()
    .withCredentialsURI(uri)
    .withReadTimeout(timeouts.readMs)
    .withConnectTimeout(timeouts.connectMs)
    .build();
  return {
    name: 'credentials_uri',
    async get() {
      const c = await provider.getCredentials();
      return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken };
    },
  };
}

interface UriProviderClass {
  builder(): {
    withCredentialsURI(uri: string): ReturnType<UriProviderClass['builder']>;
    withReadTimeout(ms: number): ReturnType<UriProviderClass['builder']>;
    withConnectTimeout(ms: number): ReturnType<UriProviderClass['builder']>;
    build(): { getCredentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken: string }> };
  };
}

/** The ECS instance metadata service's address; {@link EcsMetadataOptions.endpoint} overrides it. */
export const ECS_METADATA_HOST = '100.100.100.200';

export interface EcsMetadataOptions {
  /** The role; discovered from the metadata service when absent. */
  roleName?: string;
  /** `host[:port]` of the metadata service (plain HTTP); default {@link ECS_METADATA_HOST}. */
  endpoint?: string;
  /** Per request (default 1000 ms, as the official libraries). */
  timeoutMs?: number;
  /** Refuse to fall back to IMDSv1 when no metadata token can be had (`ALIBABA_CLOUD_IMDSV1_DISABLED`). */
  disableImdsV1?: boolean;
}

/**
 * Keys of the instance's RAM role: an IMDSv2 token (`PUT /latest/api/token`, optional unless
 * IMDSv1 is disabled), the role name (`GET /latest/meta-data/ram/security-credentials/`) unless
 * given, then `GET .../security-credentials/<role>` answering `Code: "Success"` and the keys.
 */
export function fromEcsMetadata(o: EcsMetadataOptions = {}): RefreshingCredentials {
  const base = `http://${o.endpoint ?? ECS_METADATA_HOST}`;
  const timeoutMs = o.timeoutMs ?? 1000;
  const request = async (method: string, path: string, headers: Record<string, string>): Promise<string> => {
    let res: Response;
    try {
      res = await fetch(base + path, { method, headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new Error(`the ECS metadata service at ${base} did not answer ${method} ${path}: ${(err as Error).message}`, { cause: err });
    }
    const text = await res.text();
    if (res.status !== 200)
      throw new Error(`the ECS metadata service answered ${method} ${path} with HTTP ${res.status}: ${text.slice(0, 200)}`);
    return text;
  };
  return new RefreshingCredentials('ecs_ram_role', async () => {
    let token: string | undefined;
    try {
      token = await request('PUT', '/latest/api/token', { 'x-aliyun-ecs-metadata-token-ttl-seconds': '21600' });
    } catch (err) {
      if (o.disableImdsV1) throw err;
    }
    const headers: Record<string, string> = token ? { 'x-aliyun-ecs-metadata-token': token } : {};
    const role = o.roleName ?? (await request('GET', '/latest/meta-data/ram/security-credentials/', headers)).trim();
    if (!role) throw new Error('the ECS metadata service names no RAM role: attach one to the instance, or set ecs_role_name');
    const text = await request('GET', `/latest/meta-data/ram/security-credentials/${encodeURIComponent(role)}`, headers);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new Error(`the ECS metadata service answered for role "${role}" with a body that is not JSON`);
    }
    const { Code, AccessKeyId, AccessKeySecret, SecurityToken, Expiration } = body;
    if (Code !== 'Success' || typeof AccessKeyId !== 'string' || typeof AccessKeySecret !== 'string' || typeof SecurityToken !== 'string')
      throw new Error(`the ECS metadata service gave no keys for role "${role}" (Code ${JSON.stringify(Code)})`);
    return { accessKeyId: AccessKeyId, accessKeySecret: AccessKeySecret, securityToken: SecurityToken, expiresAt: expiry(Expiration) };
  });
}
