/**
 * Turns the provider's {@link CredentialPlan} into the keys every call is signed with, at
 * configure time: static keys as they are; otherwise a source of temporary keys (credentials
 * URI, instance metadata, OIDC, and AssumeRole on top of any of them) whose first keys are
 * fetched here, so a role that cannot be assumed or a service that does not answer fails the
 * configuration with a diagnostic naming the argument, before any resource is touched.
 */
import { readFileSync } from 'node:fs';
import {
  AlibabaCloudClient,
  assumeRoleCredentials,
  fromCredentialsUri,
  fromEcsMetadata,
  isEcsServiceError,
  oidcRoleCredentials,
  type AlibabaCloudClientOptions,
  type CredentialSource,
  type Logger,
} from '../ecs/index.js';
import type { BaseCredentials, ConfigProblem, CredentialPlan } from './config.js';

const never: CredentialSource = {
  name: 'anonymous',
  get: () => Promise.reject(new Error('an anonymous STS call needs no keys')),
};

function baseSource(
  base: BaseCredentials,
  options: AlibabaCloudClientOptions,
  logger: Logger | undefined,
): Promise<CredentialSource> | CredentialSource {
  switch (base.kind) {
    case 'keys':
      return { name: base.securityToken ? 'static_sts' : 'static_ak', get: () => Promise.resolve(base) };
    case 'uri':
      return fromCredentialsUri(base.uri, { readMs: options.readTimeoutMs ?? 10_000, connectMs: options.connectTimeoutMs ?? 5_000 });
    case 'ecs_role':
      return fromEcsMetadata({
        ...(base.roleName ? { roleName: base.roleName } : {}),
        ...(base.metadataEndpoint ? { endpoint: base.metadataEndpoint } : {}),
        disableImdsV1: base.disableImdsV1,
      });
    case 'oidc': {
      const token = base.token;
      const sts = new AlibabaCloudClient({ ...options, credentials: never, ...(logger ? { logger } : {}) });
      return oidcRoleCredentials(sts, {
        roleArn: base.roleArn,
        oidcProviderArn: base.oidcProviderArn,
        token: () => ('value' in token ? token.value : readFileSync(token.file, 'utf8').trim()),
        sessionName: base.sessionName,
        ...(base.durationSeconds ? { durationSeconds: base.durationSeconds } : {}),
        ...(base.policy ? { policy: base.policy } : {}),
      });
    }
  }
}

const WHAT: Record<BaseCredentials['kind'], string> = {
  keys: 'the access key',
  uri: 'the credentials URI',
  ecs_role: 'the ECS instance metadata service',
  oidc: 'STS AssumeRoleWithOIDC',
};

function reason(err: unknown): string {
  if (isEcsServiceError(err))
    return `${err.code} (HTTP ${err.httpStatus}): ${err.serviceMessage}${err.requestId ? ` (request id ${err.requestId})` : ''}`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * The credential source of `plan`, with its first keys already fetched; or a problem naming the
 * argument whose mode failed and why (the STS code and request id when STS refused).
 */
export async function obtainCredentials(
  plan: CredentialPlan,
  options: AlibabaCloudClientOptions,
  logger?: Logger,
): Promise<CredentialSource | ConfigProblem> {
  let source: CredentialSource;
  const baseAttribute = plan.attribute ?? 'access_key';
  try {
    source = await baseSource(plan.base, options, logger);
    if (plan.base.kind !== 'keys') await source.get();
  } catch (err) {
    return {
      summary: 'Cannot Obtain Credentials',
      attribute: baseAttribute,
      detail: `${baseAttribute} did not yield keys: ${WHAT[plan.base.kind]} failed: ${reason(err)}. Check the argument and that the service is reachable.`,
    };
  }
  const role = plan.assumeRole;
  if (!role) return source;
  const base = new AlibabaCloudClient({ ...options, credentials: source, ...(logger ? { logger } : {}) });
  const assumed = assumeRoleCredentials(base, role);
  try {
    await assumed.get();
  } catch (err) {
    return {
      summary: 'Cannot Assume RAM Role',
      attribute: role.attribute,
      detail:
        `${role.attribute === 'assume_role' ? 'assume_role' : "The profile's role"}: STS AssumeRole of ${role.roleArn} (session "${role.sessionName}", ${role.durationSeconds} s) failed: ${reason(err)}. ` +
        'No resource was touched. Check role_arn, that the role exists, and that its trust policy (AssumeRolePolicyDocument) admits the base credentials' +
        (role.externalId ? ' with this external_id.' : '.'),
    };
  }
  return assumed;
}
