/**
 * The `provider "alicloud" {}` block: its schema (the official provider's arguments, the
 * unused ones accepted with a warning) and {@link resolveProviderConfig}, which turns the
 * block, the environment and an optional aliyun CLI profile into client options.
 *
 * Precedence per value: provider argument, then environment variable, then the profile
 * (`profile` / `ALICLOUD_PROFILE` in `~/.aliyun/config.json` or `shared_credentials_file`),
 * then the default (region `cn-beijing`, protocol `HTTPS`).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { attr, block, defineSchema, v, type ConfigOf } from '../framework/index.js';
import type { AlibabaCloudClient, AlibabaCloudClientOptions } from '../ecs/index.js';
import { isKnownRegion } from './regions.js';

/** Endpoint keys the client uses. */
const USED_ENDPOINTS = ['ecs', 'vpc', 'resourcemanager'] as const;
/** Other keys of the official `endpoints` block: accepted, ignored with a warning. */
const IGNORED_ENDPOINTS = [
  'actiontrail',
  'adb',
  'alb',
  'alidns',
  'alikafka',
  'apigateway',
  'arms',
  'bssopenapi',
  'cas',
  'cbn',
  'cdn',
  'cen',
  'cms',
  'config',
  'cr',
  'cs',
  'dcdn',
  'ddosbgp',
  'ddoscoo',
  'dds',
  'dms_enterprise',
  'dns',
  'drds',
  'eci',
  'edas',
  'ehpc',
  'elasticsearch',
  'emr',
  'ess',
  'fc',
  'fnf',
  'gpdb',
  'hbase',
  'kms',
  'kvstore',
  'location',
  'log',
  'market',
  'maxcompute',
  'mns',
  'mse',
  'nas',
  'ons',
  'oos',
  'oss',
  'ots',
  'polardb',
  'privatelink',
  'ram',
  'rds',
  'redisa',
  'ros',
  'sas',
  'slb',
  'sts',
  'tag',
  'vpcpeer',
  'waf',
] as const;

const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * Why `value` is not an endpoint `host[:port]` (host a DNS name or an IPv4 address, port 1 to
 * 65535, no scheme or path), or undefined when it is one. Checked at validate time for the block
 * and at configure time for the environment variables, so a typo never turns into retries.
 */
export function endpointProblem(value: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.includes('/'))
    return `must be host[:port] without scheme or path (e.g. "127.0.0.1:8080"), got ${JSON.stringify(value)}; choose HTTP or HTTPS with the protocol argument`;
  const m = /^([^:]*)(?::(\d*))?$/.exec(value);
  const host = m?.[1] ?? '';
  const ipv4 = /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
  const hostOk = ipv4
    ? host.split('.').every((o) => Number(o) <= 255)
    : host.length > 0 && host.length <= 253 && host.split('.').every((label) => HOST_LABEL.test(label)) && !/^[\d.]+$/.test(host);
  if (!m || !hostOk) return `must be host[:port] with a host name or an IPv4 address as host, got ${JSON.stringify(value)}`;
  const port = m[2];
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535))
    return `must have a port from 1 to 65535, got ${JSON.stringify(value)}`;
  return undefined;
}

const endpointValidator = v.custom<string>(
  'must be `host[:port]`: a host name or an IPv4 address, and a port from 1 to 65535',
  endpointProblem,
);

function endpointAttributes() {
  const out: Record<string, ReturnType<typeof attr.string>> = {};
  for (const k of USED_ENDPOINTS) {
    out[k] = attr.string({
      optional: true,
      validators: [endpointValidator],
      description: `Custom ${k} endpoint, \`host[:port]\` without scheme (env \`ALIBABA_CLOUD_ENDPOINT_${k.toUpperCase()}\` or \`${k.toUpperCase()}_ENDPOINT\`).`,
    });
  }
  for (const k of IGNORED_ENDPOINTS)
    out[k] = attr.string({ optional: true, ignored: true, description: `Custom ${k} endpoint (not used by this provider).` });
  return out;
}

const ignoredString = (description: string) => attr.string({ optional: true, ignored: true, description });

export const providerSchema = defineSchema({
  description: 'The Alibaba Cloud provider: credentials, region and endpoints for ECS image management.',
  attributes: {
    region: attr.string({
      optional: true,
      description:
        'Region id, e.g. `cn-hangzhou` (env `ALICLOUD_REGION`, `ALIBABA_CLOUD_REGION` or `ALIBABA_CLOUD_REGION_ID`; default `cn-beijing`).',
    }),
    access_key: attr.string({ optional: true, description: 'Access key id (env `ALICLOUD_ACCESS_KEY` or `ALIBABA_CLOUD_ACCESS_KEY_ID`).' }),
    secret_key: attr.string({
      optional: true,
      sensitive: true,
      description: 'Access key secret (env `ALICLOUD_SECRET_KEY` or `ALIBABA_CLOUD_ACCESS_KEY_SECRET`).',
    }),
    security_token: attr.string({
      optional: true,
      sensitive: true,
      description: 'STS security token for temporary keys (env `ALICLOUD_SECURITY_TOKEN` or `ALIBABA_CLOUD_SECURITY_TOKEN`).',
    }),
    profile: attr.string({
      optional: true,
      description:
        'Profile of the aliyun CLI config file to read keys and region from (env `ALICLOUD_PROFILE`). Only the AK mode is supported.',
    }),
    shared_credentials_file: attr.string({
      optional: true,
      description: 'Path of the aliyun CLI config file (env `ALICLOUD_SHARED_CREDENTIALS_FILE`; default `~/.aliyun/config.json`).',
    }),
    protocol: attr.string({
      optional: true,
      validators: [v.oneOf('HTTP', 'HTTPS')],
      description: 'Protocol of API requests (default `HTTPS`). Use `HTTP` for the local emulator.',
    }),
    skip_region_validation: attr.bool({
      optional: true,
      description: 'Accept a region id that is not in the static list of known regions (env `ALICLOUD_SKIP_REGION_VALIDATION`).',
    }),
    client_read_timeout: attr.int({
      optional: true,
      validators: [v.range(1)],
      description: 'Read timeout of one API request in milliseconds (env `CLIENT_READ_TIMEOUT`; default 60000).',
    }),
    client_connect_timeout: attr.int({
      optional: true,
      validators: [v.range(1)],
      description: 'Connect timeout of one API request in milliseconds (env `CLIENT_CONNECT_TIMEOUT`; default 10000).',
    }),
    max_retry_timeout: attr.int({
      optional: true,
      validators: [v.range(0)],
      description: 'Budget in seconds for retrying one API call on throttling and 5xx answers (env `MAX_RETRY_TIMEOUT`; default 120).',
    }),
    account_id: ignoredString('Account id (not needed by this provider).'),
    account_type: attr.string({
      optional: true,
      ignored: true,
      validators: [v.oneOf('Domestic', 'International')],
      description: 'Account site type (not needed: this provider never queries BssOpenApi).',
    }),
    source_ip: ignoredString('Source IP of the caller (not used).'),
    secure_transport: ignoredString('Whether to require secure transport (not used).'),
    configuration_source: ignoredString('Source of the configuration, appended to the user agent in the official provider (not used).'),
    credentials_uri: ignoredString('URI of a credentials service (not supported).'),
    ecs_role_name: ignoredString('RAM role of the ECS instance to take credentials from (not supported).'),
    fc: ignoredString('Function Compute endpoint (deprecated in the official provider; not used).'),
    log_endpoint: ignoredString('Log Service endpoint (deprecated in the official provider; not used).'),
    mns_endpoint: ignoredString('MNS endpoint (deprecated in the official provider; not used).'),
    ots_instance_name: ignoredString('Table Store instance name (deprecated in the official provider; not used).'),
  },
  blocks: {
    endpoints: block.set({
      description:
        'Custom endpoints per product. Only `ecs`, `vpc` and `resourcemanager` are used; the other keys are accepted and ignored.',
      attributes: endpointAttributes(),
    }),
    assume_role: block.list({
      maxItems: 1,
      description: 'Assume a RAM role with STS (not supported: the base credentials are used; set keys of the role directly).',
      attributes: {
        role_arn: attr.string({ optional: true, ignored: true, description: 'ARN of the role.' }),
        session_name: attr.string({ optional: true, ignored: true, description: 'Session name.' }),
        policy: attr.string({ optional: true, ignored: true, description: 'Session policy.' }),
        session_expiration: attr.int({ optional: true, ignored: true, description: 'Session lifetime in seconds.' }),
        external_id: attr.string({ optional: true, ignored: true, description: 'External id.' }),
      },
    }),
    assume_role_with_oidc: block.list({
      maxItems: 1,
      description: 'Assume a RAM role with an OIDC token (not supported).',
      attributes: {
        oidc_provider_arn: attr.string({ optional: true, ignored: true, description: 'ARN of the OIDC provider.' }),
        role_arn: attr.string({ optional: true, ignored: true, description: 'ARN of the role.' }),
        oidc_token: attr.string({ optional: true, ignored: true, sensitive: true, description: 'OIDC token.' }),
        oidc_token_file: attr.string({ optional: true, ignored: true, description: 'File holding the OIDC token.' }),
        role_session_name: attr.string({ optional: true, ignored: true, description: 'Session name.' }),
        policy: attr.string({ optional: true, ignored: true, description: 'Session policy.' }),
        session_expiration: attr.int({ optional: true, ignored: true, description: 'Session lifetime in seconds.' }),
      },
    }),
    features: block.list({
      maxItems: 1,
      description: 'Opt-in behaviour changes (since the official provider 1.289.0).',
      attributes: {},
      blocks: {
        ecs_instance: block.list({
          maxItems: 1,
          description: 'Behaviour of `alicloud_instance`.',
          attributes: {
            replace_on_image_update: attr.bool({
              optional: true,
              description:
                'When true, a change of `alicloud_instance.image_id` replaces the instance instead of reinstalling its system disk in place (ReplaceSystemDisk). Default `false`.',
            }),
          },
        }),
      },
    }),
    sign_version: block.list({
      maxItems: 1,
      description: 'Signature versions per product (not used: requests are signed with ACS3-HMAC-SHA256).',
      attributes: {
        oss: attr.string({ optional: true, ignored: true, description: 'OSS signature version.' }),
        sls: attr.string({ optional: true, ignored: true, description: 'SLS signature version.' }),
      },
    }),
  },
});

/** The provider block as `configure` sees it (unknown values are `undefined`). */
export type ProviderConfig = ConfigOf<typeof providerSchema>;

/** A problem found while resolving the configuration; `attribute` names the argument when one applies. */
export interface ConfigProblem {
  summary: string;
  detail: string;
  attribute?: string;
}

/** Opt-in behaviour switches of the `features` block; {@link DEFAULT_FEATURES} when absent. */
export interface ProviderFeatures {
  ecsInstance: {
    /** `features { ecs_instance { replace_on_image_update } }`: a new image_id replaces the instance. */
    replaceOnImageUpdate: boolean;
  };
}

export const DEFAULT_FEATURES: Readonly<ProviderFeatures> = Object.freeze({ ecsInstance: Object.freeze({ replaceOnImageUpdate: false }) });

/**
 * The client every resource and data source receives: the ECS client plus the provider's
 * `features`, absent when the provider block was still unknown at configure time (use the defaults).
 */
export type ProviderClient = AlibabaCloudClient & { readonly features?: ProviderFeatures };

/** The `features` block of a wholly known provider block as {@link ProviderFeatures}; unset switches take their default. */
export function resolveFeatures(config: ProviderConfig): ProviderFeatures {
  const ecs = config?.features?.[0]?.ecs_instance?.[0];
  return { ecsInstance: { replaceOnImageUpdate: ecs?.replace_on_image_update ?? DEFAULT_FEATURES.ecsInstance.replaceOnImageUpdate } };
}

export interface ResolvedConfig {
  options: AlibabaCloudClientOptions;
  features: ProviderFeatures;
  /** Where the credentials came from, for logs (never the secret). */
  credentialSource: 'arguments' | 'environment' | `profile ${string}`;
}

interface CliProfile {
  name?: string;
  mode?: string;
  access_key_id?: string;
  access_key_secret?: string;
  sts_token?: string;
  region_id?: string;
}

/** Inputs besides the block, injectable for tests. */
export interface ResolveEnv {
  env: NodeJS.ProcessEnv;
  home?: string;
  readFile?: (path: string) => string;
}

const first = (...xs: (string | null | undefined)[]): string | undefined =>
  xs.find((x) => x !== undefined && x !== null && x !== '') ?? undefined;

function envInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Read one profile of the aliyun CLI config file, or a problem naming the file and the profile. */
function loadProfile(path: string, name: string, readFile: (p: string) => string): CliProfile | ConfigProblem {
  let doc: { current?: string; profiles?: CliProfile[] };
  try {
    doc = JSON.parse(readFile(path)) as typeof doc;
  } catch (err) {
    return {
      summary: 'Cannot Read Credentials Profile',
      attribute: 'profile',
      detail: `Profile "${name}" was requested, but ${path} cannot be read as JSON: ${(err as Error).message}. Create it with \`aliyun configure --profile ${name}\`, or set shared_credentials_file to the right path.`,
    };
  }
  const p = (doc.profiles ?? []).find((x) => x.name === name);
  if (!p) {
    const known = (doc.profiles ?? []).map((x) => x.name).join(', ') || 'none';
    return {
      summary: 'Unknown Credentials Profile',
      attribute: 'profile',
      detail: `Profile "${name}" is not in ${path} (profiles there: ${known}).`,
    };
  }
  if (p.mode && p.mode !== 'AK' && p.mode !== 'StsToken') {
    return {
      summary: 'Unsupported Credentials Profile',
      attribute: 'profile',
      detail: `Profile "${name}" in ${path} uses mode ${p.mode}; only AK and StsToken profiles are supported. Use an AK profile or set access_key/secret_key.`,
    };
  }
  return p;
}

/**
 * Resolve the provider block (wholly known) into client options, or the list of problems.
 * Pure apart from reading the profile file through `readFile`.
 */
export function resolveProviderConfig(config: ProviderConfig, io: ResolveEnv): ResolvedConfig | { problems: ConfigProblem[] } {
  const env = io.env;
  const c = config!;
  const problems: ConfigProblem[] = [];
  const profileName = first(c.profile, env.ALICLOUD_PROFILE, env.ALIBABA_CLOUD_PROFILE);
  let profile: CliProfile = {};
  if (profileName) {
    const path =
      first(c.shared_credentials_file, env.ALICLOUD_SHARED_CREDENTIALS_FILE) ?? join(io.home ?? homedir(), '.aliyun', 'config.json');
    const loaded = loadProfile(path, profileName, io.readFile ?? ((p) => readFileSync(p, 'utf8')));
    if ('summary' in loaded) problems.push(loaded);
    else profile = loaded;
  }

  const argKey = first(c.access_key);
  const envKey = first(env.ALICLOUD_ACCESS_KEY, env.ALIBABA_CLOUD_ACCESS_KEY_ID, env.ALIBABACLOUD_ACCESS_KEY_ID);
  const accessKeyId = first(argKey, envKey, profile.access_key_id);
  const accessKeySecret = first(
    c.secret_key,
    env.ALICLOUD_SECRET_KEY,
    env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    env.ALIBABACLOUD_ACCESS_KEY_SECRET,
    profile.access_key_secret,
  );
  const securityToken = first(c.security_token, env.ALICLOUD_SECURITY_TOKEN, env.ALIBABA_CLOUD_SECURITY_TOKEN, profile.sts_token);
  if (!accessKeyId || !accessKeySecret) {
    const missing = [!accessKeyId ? 'access key id' : '', !accessKeySecret ? 'access key secret' : ''].filter(Boolean).join(' and ');
    problems.push({
      summary: 'Missing Alibaba Cloud Credentials',
      detail:
        `No ${missing} was found. Set access_key and secret_key in the provider "alicloud" block, ` +
        'or the environment variables ALICLOUD_ACCESS_KEY / ALIBABA_CLOUD_ACCESS_KEY_ID and ALICLOUD_SECRET_KEY / ALIBABA_CLOUD_ACCESS_KEY_SECRET ' +
        '(plus ALICLOUD_SECURITY_TOKEN for STS keys), or name an aliyun CLI profile with profile / ALICLOUD_PROFILE. ' +
        'For the local emulator use its documented key pair (see `alicloud-image emulator --help`).',
    });
  }

  const region =
    first(c.region, env.ALICLOUD_REGION, env.ALIBABA_CLOUD_REGION, env.ALIBABA_CLOUD_REGION_ID, profile.region_id) ?? 'cn-beijing';
  const skipRegion = c.skip_region_validation ?? /^(1|true)$/i.test(env.ALICLOUD_SKIP_REGION_VALIDATION ?? '');
  if (!/^[a-z0-9-]+$/.test(region)) {
    problems.push({
      summary: 'Invalid Region',
      attribute: 'region',
      detail: `region must be a region id of lower-case letters, digits and "-", e.g. "cn-hangzhou", got "${region}".`,
    });
  } else if (!skipRegion && !isKnownRegion(region)) {
    problems.push({
      summary: 'Unknown Region',
      attribute: 'region',
      detail: `"${region}" is not a known Alibaba Cloud region (e.g. cn-hangzhou, cn-beijing, ap-southeast-1). Fix the region, or set skip_region_validation = true (env ALICLOUD_SKIP_REGION_VALIDATION=true) for a private or new region.`,
    });
  }

  const endpoints: Partial<Record<(typeof USED_ENDPOINTS)[number], string>> = {};
  const blocks = (c.endpoints ?? []) as Record<string, string | null | undefined>[];
  for (const k of USED_ENDPOINTS) {
    const fromBlock = first(...blocks.map((b) => b?.[k]));
    const value = first(fromBlock, env[`ALIBABA_CLOUD_ENDPOINT_${k.toUpperCase()}`], env[`${k.toUpperCase()}_ENDPOINT`]);
    if (value === undefined) continue;
    const problem = endpointProblem(value);
    if (problem !== undefined) {
      problems.push({
        summary: 'Invalid Endpoint',
        attribute: 'endpoints',
        detail: `endpoints.${k} ${problem}${fromBlock === undefined ? ` (from the environment variable ALIBABA_CLOUD_ENDPOINT_${k.toUpperCase()} or ${k.toUpperCase()}_ENDPOINT)` : ''}.`,
      });
      continue;
    }
    endpoints[k] = value;
  }

  if (problems.length > 0) return { problems };
  const readTimeoutMs = c.client_read_timeout ?? envInt(env, 'CLIENT_READ_TIMEOUT');
  const connectTimeoutMs = c.client_connect_timeout ?? envInt(env, 'CLIENT_CONNECT_TIMEOUT');
  const maxRetrySeconds = c.max_retry_timeout ?? envInt(env, 'MAX_RETRY_TIMEOUT');
  const options: AlibabaCloudClientOptions = {
    region,
    accessKeyId: accessKeyId!,
    accessKeySecret: accessKeySecret!,
    ...(securityToken ? { securityToken } : {}),
    protocol: (c.protocol as 'HTTP' | 'HTTPS' | null) ?? 'HTTPS',
    endpoints,
    userAgent: 'terraform-provider-alicloud-ts',
    ...(readTimeoutMs !== undefined ? { readTimeoutMs } : {}),
    ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}),
    ...(maxRetrySeconds !== undefined ? { retry: { deadlineMs: maxRetrySeconds * 1000 } } : {}),
  };
  const credentialSource = argKey ? 'arguments' : envKey ? 'environment' : (`profile ${profileName}` as const);
  return { options, features: resolveFeatures(c), credentialSource };
}
