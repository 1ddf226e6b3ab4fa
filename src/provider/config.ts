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

/**
 * Endpoint keys the client uses (`sts` for the assumed roles, `ram` for alicloud_ram_role, `oss` for
 * alicloud_image_export's object, `slb` for alicloud_zones' SLB zone pairs).
 */
const USED_ENDPOINTS = ['ecs', 'vpc', 'resourcemanager', 'sts', 'ram', 'oss', 'slb'] as const;
/** Other keys of the official `endpoints` block: accepted, ignored with a warning. */
const IGNORED_ENDPOINTS = [
  'acr',
  'actiontrail',
  'adb',
  'aiworkspace',
  'alb',
  'alidfs',
  'alidns',
  'alikafka',
  'amqp',
  'antiddos_public',
  'apig',
  'apigateway',
  'arms',
  'bastionhost',
  'beebot',
  'bpstudio',
  'brain_industrial',
  'bssopenapi',
  'cas',
  'cassandra',
  'cbn',
  'cbs',
  'cddc',
  'cdn',
  'cds',
  'cen',
  'chatbot',
  'clickhouse',
  'cloudapi',
  'cloudauth',
  'cloudfirewall',
  'cloudfw',
  'cloudphone',
  'cloudsso',
  'cms',
  'computenest',
  'config',
  'cr',
  'cs',
  'das',
  'datahub',
  'dataworks_public',
  'dataworkspublic',
  'dbfs',
  'dbs',
  'dcdn',
  'ddosbasic',
  'ddosbgp',
  'ddoscoo',
  'dds',
  'devops_rdc',
  'devopsrdc',
  'dfs',
  'dg',
  'dm',
  'dms_enterprise',
  'dmsenterprise',
  'dns',
  'drds',
  'dts',
  'dysms',
  'dysmsapi',
  'eais',
  'ebs',
  'ecd',
  'eci',
  'edas',
  'edasschedulerx',
  'eds_user',
  'edsuser',
  'eflo',
  'eflo_cnp',
  'eflo_controller',
  'ehpc',
  'ehs',
  'eipanycast',
  'elasticsearch',
  'emr',
  'ens',
  'esa',
  'ess',
  'eventbridge',
  'fc',
  'fc_open',
  'fnf',
  'ga',
  'gaplus',
  'gdb',
  'gds',
  'gpdb',
  'gwlb',
  'gwsecd',
  'hbase',
  'hbr',
  'hcs_sgw',
  'hitsdb',
  'imm',
  'imp',
  'ims',
  'iot',
  'kms',
  'kvstore',
  'location',
  'log',
  'market',
  'maxcompute',
  'mhub',
  'mns',
  'mns_open',
  'mscopensubscription',
  'mse',
  'nas',
  'nlb',
  'oceanbase',
  'oceanbasepro',
  'ons',
  'onsproxy',
  'oos',
  'opensearch',
  'ots',
  'polardb',
  'polardbx',
  'privatelink',
  'pvtz',
  'quickbi',
  'quickbi_public',
  'quotas',
  'r_kvstore',
  'rds',
  'redisa',
  'resourcesharing',
  'ressharing',
  'rocketmq',
  'ros',
  'sae',
  'sas',
  'scdn',
  'schedulerx2',
  'sddp',
  'selectdb',
  'serverless',
  'servicecatalog',
  'servicemesh',
  'sgw',
  'smartag',
  'srvcatalog',
  'swas',
  'swas_open',
  'tag',
  'vod',
  'vpcipam',
  'vpcpeer',
  'vs',
  'waf',
  'waf_openapi',
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
        'Profile of the aliyun CLI config file to take credentials and region from (env `ALICLOUD_PROFILE`): modes `AK`, `StsToken`, `RamRoleArn`, `ChainableRamRoleArn`, `EcsRamRole`, `CredentialsURI` and `OIDC`. The browser and external-process modes (`CloudSSO`, `OAuth`, `External`) are refused with an error.',
    }),
    shared_credentials_file: attr.string({
      optional: true,
      description: 'Path of the aliyun CLI config file (env `ALICLOUD_SHARED_CREDENTIALS_FILE`; default `~/.aliyun/config.json`).',
    }),
    protocol: attr.string({
      optional: true,
      default: 'HTTPS',
      validators: [v.oneOf('HTTP', 'HTTPS')],
      description: 'Protocol of API requests. Use `HTTP` for the local emulator.',
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
    security_transport: ignoredString('Older name of `secure_transport` (used when that is unset in the official provider; not used).'),
    configuration_source: attr.string({
      optional: true,
      validators: [v.length(0, 1024)],
      description:
        'Source of the configuration (e.g. a module name), appended to the User-Agent of every API request (env `TF_APPEND_USER_AGENT`).',
    }),
    credentials_uri: attr.string({
      optional: true,
      description:
        'URI of a credentials service (a sidecar): `GET <uri>` answers `AccessKeyId`, `AccessKeySecret`, `SecurityToken` and `Expiration`; used when no access key is set (env `ALICLOUD_CREDENTIALS_URI` or `ALIBABA_CLOUD_CREDENTIALS_URI`).',
    }),
    ecs_role_name: attr.string({
      optional: true,
      description:
        'RAM role of the ECS instance Terraform runs on: its temporary keys come from the instance metadata service (env `ALICLOUD_ECS_ROLE_NAME` or `ALIBABA_CLOUD_ECS_METADATA`). The metadata address `100.100.100.200` can be overridden with `ALICLOUD_ECS_METADATA_ENDPOINT` (`host[:port]`, this provider only; for tests).',
    }),
    fc: ignoredString('Function Compute endpoint (deprecated in the official provider; not used).'),
    log_endpoint: ignoredString('Log Service endpoint (deprecated in the official provider; not used).'),
    mns_endpoint: ignoredString('MNS endpoint (deprecated in the official provider; not used).'),
    ots_instance_name: ignoredString('Table Store instance name (deprecated in the official provider; not used).'),
  },
  blocks: {
    endpoints: block.set({
      description:
        'Custom endpoints per product. `ecs`, `vpc`, `resourcemanager`, `sts`, `ram`, `oss` and `slb` are used; the other keys are accepted and ignored.',
      attributes: endpointAttributes(),
    }),
    assume_role: block.set({
      maxItems: 1,
      description:
        "Assume a RAM role with STS AssumeRole before any other call, signed with the base credentials; every resource is then managed with the role's temporary keys (renewed before they expire).",
      attributes: {
        role_arn: attr.string({
          optional: true,
          description:
            'ARN of the role, `acs:ram::<accountId>:role/<roleName>` (required; env `ALICLOUD_ASSUME_ROLE_ARN` or `ALIBABA_CLOUD_ROLE_ARN`).',
        }),
        session_name: attr.string({
          optional: true,
          description:
            'Session name, 2 to 64 letters, digits and `. @ - _` (env `ALICLOUD_ASSUME_ROLE_SESSION_NAME` or `ALIBABA_CLOUD_ROLE_SESSION_NAME`; default `terraform`).',
        }),
        policy: attr.string({
          optional: true,
          description: 'Session policy (JSON): the session gets at most these permissions of the role.',
        }),
        session_expiration: attr.int({
          optional: true,
          validators: [v.range(900, 43200)],
          description:
            "Session lifetime in seconds, 900 to 43200 and at most the role's MaxSessionDuration (env `ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION`; default 3600).",
        }),
        external_id: attr.string({
          optional: true,
          description: "External id the role's trust policy asks for (condition `sts:ExternalId`).",
        }),
      },
    }),
    assume_role_with_oidc: block.list({
      maxItems: 1,
      description: 'Assume a RAM role with an OIDC token (STS AssumeRoleWithOIDC, no access key needed); used when no access key is set.',
      attributes: {
        oidc_provider_arn: attr.string({
          optional: true,
          description: 'ARN of the OIDC identity provider (required; env `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`).',
        }),
        role_arn: attr.string({ optional: true, description: 'ARN of the role (required; env `ALIBABA_CLOUD_ROLE_ARN`).' }),
        oidc_token: attr.string({
          optional: true,
          sensitive: true,
          validators: [v.length(4, 20000)],
          description: 'The OIDC token (env `ALIBABA_CLOUD_OIDC_TOKEN`); this or `oidc_token_file` is required.',
        }),
        oidc_token_file: attr.string({
          optional: true,
          description: 'File holding the OIDC token, read again at each renewal (env `ALIBABA_CLOUD_OIDC_TOKEN_FILE`).',
        }),
        role_session_name: attr.string({
          optional: true,
          description: 'Session name (env `ALIBABA_CLOUD_ROLE_SESSION_NAME`; default `terraform`).',
        }),
        policy: attr.string({ optional: true, description: 'Session policy (JSON).' }),
        session_expiration: attr.int({
          optional: true,
          validators: [v.range(900, 43200)],
          description: "Session lifetime in seconds, 900 to the role's MaxSessionDuration (default 3600).",
        }),
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
              default: false,
              description:
                'When true, a change of `alicloud_instance.image_id` replaces the instance instead of reinstalling its system disk in place (ReplaceSystemDisk).',
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

/** Where the base keys come from, before an optional `assume_role`. */
export type BaseCredentials =
  | { kind: 'keys'; accessKeyId: string; accessKeySecret: string; securityToken?: string }
  | { kind: 'uri'; uri: string }
  | { kind: 'ecs_role'; roleName?: string; metadataEndpoint?: string; disableImdsV1: boolean }
  | {
      kind: 'oidc';
      roleArn: string;
      oidcProviderArn: string;
      /** The token itself, or the file to read it from at each renewal. */
      token: { value: string } | { file: string };
      sessionName: string;
      durationSeconds?: number;
      policy?: string;
    };

/** STS AssumeRole on top of the base keys (`assume_role`, or a RamRoleArn / ChainableRamRoleArn profile). */
export interface AssumeRolePlan {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  policy?: string;
  externalId?: string;
  /** The argument to name in errors: `assume_role` or `profile`. */
  attribute: 'assume_role' | 'profile';
}

export interface CredentialPlan {
  base: BaseCredentials;
  assumeRole?: AssumeRolePlan;
  /** The argument that chose the base mode, for errors (`credentials_uri`, `ecs_role_name`, `assume_role_with_oidc`, `profile`). */
  attribute?: string;
}

export interface ResolvedConfig {
  /** Client options; the keys are set only for static keys without `assume_role` (else see {@link credentials}). */
  options: AlibabaCloudClientOptions;
  features: ProviderFeatures;
  credentials: CredentialPlan;
  /** Where the credentials came from, for logs (never the secret). */
  credentialSource: string;
}

interface CliProfile {
  name?: string;
  mode?: string;
  access_key_id?: string;
  access_key_secret?: string;
  sts_token?: string;
  region_id?: string;
  ram_role_arn?: string;
  ram_session_name?: string;
  expired_seconds?: number;
  ram_role_name?: string;
  source_profile?: string;
  credentials_uri?: string;
  oidc_provider_arn?: string;
  oidc_token_file?: string;
  external_id?: string;
  policy?: string;
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

/** Profile modes this provider carries out. */
const PROFILE_MODES = ['AK', 'StsToken', 'RamRoleArn', 'ChainableRamRoleArn', 'EcsRamRole', 'CredentialsURI', 'OIDC'];

/** Read one profile of the aliyun CLI config file, or a problem naming the file and the profile. */
function loadProfile(path: string, name: string, readFile: (p: string) => string, all?: CliProfile[]): CliProfile | ConfigProblem {
  let doc: { current?: string; profiles?: CliProfile[] };
  if (all) doc = { profiles: all };
  else {
    try {
      doc = JSON.parse(readFile(path)) as typeof doc;
    } catch (err) {
      return {
        summary: 'Cannot Read Credentials Profile',
        attribute: 'profile',
        detail: `Profile "${name}" was requested, but ${path} cannot be read as JSON: ${(err as Error).message}. Create it with \`aliyun configure --profile ${name}\`, or set shared_credentials_file to the right path.`,
      };
    }
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
  if (p.mode && !PROFILE_MODES.includes(p.mode)) {
    return {
      summary: 'Unsupported Credentials Profile',
      attribute: 'profile',
      detail: `Profile "${name}" in ${path} uses mode ${p.mode}, which needs a browser sign-in or an external process this provider does not run; supported modes: ${PROFILE_MODES.join(', ')}. Use one of them, or set access_key/secret_key.`,
    };
  }
  if (p.mode === 'ChainableRamRoleArn') {
    if (!p.source_profile || p.source_profile === name)
      return {
        summary: 'Invalid Credentials Profile',
        attribute: 'profile',
        detail: `Profile "${name}" in ${path} is ChainableRamRoleArn but names no other source_profile.`,
      };
    const src = loadProfile(path, p.source_profile, readFile, doc.profiles);
    if ('summary' in src) return src;
    if (src.mode === 'ChainableRamRoleArn' || src.mode === 'RamRoleArn')
      return {
        summary: 'Invalid Credentials Profile',
        attribute: 'profile',
        detail: `Profile "${name}" chains to "${p.source_profile}", which assumes a role itself; chain to a profile with plain keys (AK, StsToken, EcsRamRole, CredentialsURI or OIDC).`,
      };
    // The source profile supplies the base keys; this one adds the role.
    return { ...src, name, chained: p } as CliProfile;
  }
  return p;
}

/** The problem of a missing argument of a credential mode. */
const missing = (attribute: string, what: string, env: string): ConfigProblem => ({
  summary: 'Missing Credentials Argument',
  attribute: attribute.split('.')[0]!,
  detail: `${attribute} is required: ${what} (or set ${env}).`,
});

/** The OIDC mode from the block (or an OIDC profile), with the upstream environment fallbacks. */
function oidcPlan(
  c: NonNullable<ProviderConfig>,
  env: NodeJS.ProcessEnv,
  profile: CliProfile,
  problems: ConfigProblem[],
): BaseCredentials | undefined {
  const b = c.assume_role_with_oidc?.[0];
  const fromProfile = profile.mode === 'OIDC';
  if (!b && !fromProfile) return undefined;
  const at = fromProfile && !b ? 'profile' : 'assume_role_with_oidc.0';
  const roleArn = first(b?.role_arn, env.ALIBABA_CLOUD_ROLE_ARN, fromProfile ? profile.ram_role_arn : undefined);
  const providerArn = first(b?.oidc_provider_arn, env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN, fromProfile ? profile.oidc_provider_arn : undefined);
  const value = first(b?.oidc_token, env.ALIBABA_CLOUD_OIDC_TOKEN);
  const file = first(b?.oidc_token_file, env.ALIBABA_CLOUD_OIDC_TOKEN_FILE, fromProfile ? profile.oidc_token_file : undefined);
  if (!roleArn) problems.push(missing(`${at}.role_arn`, 'the ARN of the role to assume', 'ALIBABA_CLOUD_ROLE_ARN'));
  if (!providerArn) problems.push(missing(`${at}.oidc_provider_arn`, 'the ARN of the OIDC provider', 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN'));
  if (!value && !file)
    problems.push(
      missing(
        `${at}.oidc_token`,
        'one of oidc_token and oidc_token_file must be set',
        'ALIBABA_CLOUD_OIDC_TOKEN or ALIBABA_CLOUD_OIDC_TOKEN_FILE',
      ),
    );
  if (!roleArn || !providerArn || (!value && !file)) return undefined;
  return {
    kind: 'oidc',
    roleArn,
    oidcProviderArn: providerArn,
    token: value ? { value } : { file: file! },
    sessionName:
      first(b?.role_session_name, env.ALIBABA_CLOUD_ROLE_SESSION_NAME, fromProfile ? profile.ram_session_name : undefined) ?? 'terraform',
    ...(b?.session_expiration ? { durationSeconds: b.session_expiration } : {}),
    ...(b?.policy ? { policy: b.policy } : {}),
  };
}

/**
 * Resolve the provider block (wholly known) into client options and a credential plan, or the
 * list of problems. Pure apart from reading the profile file through `readFile`; fetching
 * temporary keys is `obtainCredentials` (credentials.ts), at configure time.
 *
 * Order of the credential modes (the official provider's): access keys (arguments, environment,
 * profile) → credentials_uri → ecs_role_name → assume_role_with_oidc; then assume_role on top of
 * whichever gave the base keys. A mode argument set next to access keys is an error, never ignored.
 */
export function resolveProviderConfig(config: ProviderConfig, io: ResolveEnv): ResolvedConfig | { problems: ConfigProblem[] } {
  const env = io.env;
  const c = config!;
  const problems: ConfigProblem[] = [];
  const profileName = first(c.profile, env.ALICLOUD_PROFILE, env.ALIBABA_CLOUD_PROFILE);
  let profile: CliProfile & { chained?: CliProfile } = {};
  if (profileName) {
    const path =
      first(c.shared_credentials_file, env.ALICLOUD_SHARED_CREDENTIALS_FILE) ?? join(io.home ?? homedir(), '.aliyun', 'config.json');
    const loaded = loadProfile(path, profileName, io.readFile ?? ((p) => readFileSync(p, 'utf8')));
    if ('summary' in loaded) problems.push(loaded);
    else profile = loaded;
  }
  const profileKeys = profile.mode === undefined || ['AK', 'StsToken', 'RamRoleArn'].includes(profile.mode);

  const argKey = first(c.access_key);
  const envKey = first(env.ALICLOUD_ACCESS_KEY, env.ALIBABA_CLOUD_ACCESS_KEY_ID, env.ALIBABACLOUD_ACCESS_KEY_ID);
  const accessKeyId = first(argKey, envKey, profileKeys ? profile.access_key_id : undefined);
  const accessKeySecret = first(
    c.secret_key,
    env.ALICLOUD_SECRET_KEY,
    env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    env.ALIBABACLOUD_ACCESS_KEY_SECRET,
    profileKeys ? profile.access_key_secret : undefined,
  );
  const securityToken = first(
    c.security_token,
    env.ALICLOUD_SECURITY_TOKEN,
    env.ALIBABA_CLOUD_SECURITY_TOKEN,
    profile.mode === 'StsToken' || profile.mode === undefined ? profile.sts_token : undefined,
  );

  const uri = first(c.credentials_uri, env.ALICLOUD_CREDENTIALS_URI, env.ALIBABA_CLOUD_CREDENTIALS_URI);
  const roleName = first(c.ecs_role_name, env.ALICLOUD_ECS_ROLE_NAME, env.ALIBABA_CLOUD_ECS_METADATA);
  const haveKeys = accessKeyId !== undefined && accessKeySecret !== undefined;
  const explicitModes = [
    c.credentials_uri ? 'credentials_uri' : '',
    c.ecs_role_name ? 'ecs_role_name' : '',
    c.assume_role_with_oidc?.length ? 'assume_role_with_oidc' : '',
  ].filter(Boolean);
  let base: BaseCredentials | undefined;
  let attribute: string | undefined;
  if (haveKeys && explicitModes.length > 0) {
    problems.push({
      summary: 'Conflicting Credentials',
      attribute: explicitModes[0],
      detail: `${explicitModes.join(' and ')} cannot be used together with an access key (found in ${argKey ? 'access_key' : envKey ? 'the environment' : `profile "${profileName}"`}): the access key would win and ${explicitModes.join(' and ')} would have no effect. Remove one of them.`,
    });
  } else if (explicitModes.length > 1) {
    problems.push({
      summary: 'Conflicting Credentials',
      attribute: explicitModes[1],
      detail: `Set only one of ${explicitModes.join(', ')}: each one is a complete source of credentials.`,
    });
  } else if (haveKeys) {
    base = { kind: 'keys', accessKeyId: accessKeyId!, accessKeySecret: accessKeySecret!, ...(securityToken ? { securityToken } : {}) };
  } else if (first(uri, profile.mode === 'CredentialsURI' ? profile.credentials_uri : undefined)) {
    base = { kind: 'uri', uri: first(uri, profile.credentials_uri)! };
    attribute = uri ? 'credentials_uri' : 'profile';
    if (!/^https?:\/\/[^/\s]+/i.test(base.uri)) {
      problems.push({
        summary: 'Invalid Credentials URI',
        attribute,
        detail: `credentials_uri must be an http:// or https:// URL, got ${JSON.stringify(base.uri)}.`,
      });
    }
  } else if (roleName || profile.mode === 'EcsRamRole') {
    const metadataEndpoint = first(env.ALICLOUD_ECS_METADATA_ENDPOINT);
    if (metadataEndpoint !== undefined && endpointProblem(metadataEndpoint))
      problems.push({
        summary: 'Invalid Metadata Endpoint',
        attribute: 'ecs_role_name',
        detail: `The environment variable ALICLOUD_ECS_METADATA_ENDPOINT ${endpointProblem(metadataEndpoint)}.`,
      });
    if (/^true$/i.test(env.ALIBABA_CLOUD_ECS_METADATA_DISABLED ?? ''))
      problems.push({
        summary: 'Instance Metadata Disabled',
        attribute: 'ecs_role_name',
        detail: 'ecs_role_name needs the ECS instance metadata service, but ALIBABA_CLOUD_ECS_METADATA_DISABLED=true turns it off.',
      });
    const name = first(roleName, profile.ram_role_name);
    base = {
      kind: 'ecs_role',
      ...(name ? { roleName: name } : {}),
      ...(metadataEndpoint ? { metadataEndpoint } : {}),
      disableImdsV1: /^true$/i.test(env.ALIBABA_CLOUD_IMDSV1_DISABLED ?? ''),
    };
    attribute = roleName ? 'ecs_role_name' : 'profile';
  } else {
    base = oidcPlan(c, env, profile, problems);
    if (base) attribute = c.assume_role_with_oidc?.length ? 'assume_role_with_oidc' : 'profile';
  }
  if (!base && problems.length === 0) {
    const lacking = [!accessKeyId ? 'access key id' : '', !accessKeySecret ? 'access key secret' : ''].filter(Boolean).join(' and ');
    problems.push({
      summary: 'Missing Alibaba Cloud Credentials',
      detail:
        `No ${lacking} was found. Set access_key and secret_key in the provider "alicloud" block, ` +
        'or the environment variables ALICLOUD_ACCESS_KEY / ALIBABA_CLOUD_ACCESS_KEY_ID and ALICLOUD_SECRET_KEY / ALIBABA_CLOUD_ACCESS_KEY_SECRET ' +
        '(plus ALICLOUD_SECURITY_TOKEN for STS keys), or name an aliyun CLI profile with profile / ALICLOUD_PROFILE, ' +
        'or use credentials_uri, ecs_role_name or assume_role_with_oidc. ' +
        'For the local emulator use its documented key pair (see `alicloud-image emulator --help`).',
    });
  }

  const assumeRole = assumeRolePlan(c, env, profile, problems);

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

  if (problems.length > 0 || !base) return { problems };
  const readTimeoutMs = c.client_read_timeout ?? envInt(env, 'CLIENT_READ_TIMEOUT');
  const connectTimeoutMs = c.client_connect_timeout ?? envInt(env, 'CLIENT_CONNECT_TIMEOUT');
  const maxRetrySeconds = c.max_retry_timeout ?? envInt(env, 'MAX_RETRY_TIMEOUT');
  const staticKeys = base.kind === 'keys' && !assumeRole ? base : undefined;
  const options: AlibabaCloudClientOptions = {
    region,
    ...(staticKeys
      ? {
          accessKeyId: staticKeys.accessKeyId,
          accessKeySecret: staticKeys.accessKeySecret,
          ...(staticKeys.securityToken ? { securityToken: staticKeys.securityToken } : {}),
        }
      : {}),
    protocol: (c.protocol as 'HTTP' | 'HTTPS' | null) ?? 'HTTPS',
    endpoints,
    userAgent: userAgentOf(first(c.configuration_source, env.TF_APPEND_USER_AGENT)),
    ...(readTimeoutMs !== undefined ? { readTimeoutMs } : {}),
    ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}),
    ...(maxRetrySeconds !== undefined ? { retry: { deadlineMs: maxRetrySeconds * 1000 } } : {}),
  };
  const from =
    base.kind !== 'keys'
      ? attribute === 'profile'
        ? `profile ${profileName}`
        : attribute!
      : argKey
        ? 'arguments'
        : envKey
          ? 'environment'
          : `profile ${profileName}`;
  const credentialSource = assumeRole ? `assume_role ${assumeRole.roleArn} over ${from}` : from;
  return {
    options,
    features: resolveFeatures(c),
    credentials: { base, ...(assumeRole ? { assumeRole } : {}), ...(attribute ? { attribute } : {}) },
    credentialSource,
  };
}

/** The User-Agent of API requests: ours, then the `configuration_source` when there is one. */
export function userAgentOf(source: string | undefined): string {
  const extra = source?.trim();
  return extra ? `terraform-provider-alicloud-ts ${extra}` : 'terraform-provider-alicloud-ts';
}

/** The AssumeRole step: the `assume_role` block (with upstream's environment fallbacks), else a RamRoleArn profile's role. */
function assumeRolePlan(
  c: NonNullable<ProviderConfig>,
  env: NodeJS.ProcessEnv,
  profile: CliProfile & { chained?: CliProfile },
  problems: ConfigProblem[],
): AssumeRolePlan | undefined {
  const b = c.assume_role?.[0];
  const p = profile.chained ?? (profile.mode === 'RamRoleArn' ? profile : undefined);
  if (!b && !p?.ram_role_arn) return undefined;
  const roleArn = b ? first(b.role_arn, env.ALICLOUD_ASSUME_ROLE_ARN, env.ALIBABA_CLOUD_ROLE_ARN) : p!.ram_role_arn;
  if (!roleArn) {
    problems.push(
      missing('assume_role.role_arn', 'the ARN of the role to assume, acs:ram::<accountId>:role/<roleName>', 'ALICLOUD_ASSUME_ROLE_ARN'),
    );
    return undefined;
  }
  const envSeconds = envInt(env, 'ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION');
  const durationSeconds = (b ? (b.session_expiration ?? envSeconds) : p?.expired_seconds) ?? 3600;
  if (durationSeconds < 900 || durationSeconds > 43200)
    problems.push({
      summary: 'Invalid Session Expiration',
      attribute: b ? 'assume_role' : 'profile',
      detail: `The session lifetime must be 900 to 43200 seconds, got ${durationSeconds}${b?.session_expiration ? '' : " (from ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION or the profile's expired_seconds)"}.`,
    });
  const sessionName =
    (b ? first(b.session_name, env.ALICLOUD_ASSUME_ROLE_SESSION_NAME, env.ALIBABA_CLOUD_ROLE_SESSION_NAME) : first(p?.ram_session_name)) ??
    'terraform';
  const policy = b ? first(b.policy) : first(p?.policy);
  const externalId = b ? first(b.external_id) : first(p?.external_id);
  return {
    roleArn,
    sessionName,
    durationSeconds,
    ...(policy ? { policy } : {}),
    ...(externalId ? { externalId } : {}),
    attribute: b ? 'assume_role' : 'profile',
  };
}
