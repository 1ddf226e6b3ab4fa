/**
 * Temporary keys from STS through this client (so the STS call honours the provider's protocol,
 * `endpoints { sts }`, signature mode, timeouts and retries): AssumeRole signed with the base
 * keys, AssumeRoleWithOIDC anonymous. Each source re-assumes the role shortly before the keys
 * expire. The official credential libraries cannot serve here: they call STS over HTTPS only.
 */
import { assumeRoleSpec, assumeRoleWithOIDCSpec } from '../spec/sts/sts.js';
import type { AlibabaCloudClient } from './client.js';
import { RefreshingCredentials, type Keys } from './credentials.js';

export interface AssumeRoleInput {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  policy?: string;
  externalId?: string;
}

function keysOf(c: { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string; Expiration: string }): Keys {
  const t = Date.parse(c.Expiration);
  return {
    accessKeyId: c.AccessKeyId,
    accessKeySecret: c.AccessKeySecret,
    securityToken: c.SecurityToken,
    ...(Number.isNaN(t) ? {} : { expiresAt: t }),
  };
}

/** Keys of `input.roleArn`, assumed with the keys of `base` (a client of the caller). */
export function assumeRoleCredentials(base: AlibabaCloudClient, input: AssumeRoleInput, now?: () => number): RefreshingCredentials {
  return new RefreshingCredentials(
    'assume_role',
    async () => {
      const body = await base.call(assumeRoleSpec, {
        RoleArn: input.roleArn,
        RoleSessionName: input.sessionName,
        DurationSeconds: input.durationSeconds,
        ...(input.policy ? { Policy: input.policy } : {}),
        ...(input.externalId ? { ExternalId: input.externalId } : {}),
      });
      return keysOf(body.Credentials);
    },
    now,
  );
}

export interface OidcInput {
  roleArn: string;
  oidcProviderArn: string;
  /** Read on every renewal (a token file is rotated by its issuer). */
  token: () => string;
  sessionName: string;
  durationSeconds?: number;
  policy?: string;
}

/** Keys of `input.roleArn` for an OIDC token; `client` only addresses STS (the call is anonymous). */
export function oidcRoleCredentials(client: AlibabaCloudClient, input: OidcInput, now?: () => number): RefreshingCredentials {
  return new RefreshingCredentials(
    'oidc_role_arn',
    async () => {
      const body = await client.call(assumeRoleWithOIDCSpec, {
        RoleArn: input.roleArn,
        OIDCProviderArn: input.oidcProviderArn,
        OIDCToken: input.token(),
        RoleSessionName: input.sessionName,
        ...(input.durationSeconds ? { DurationSeconds: input.durationSeconds } : {}),
        ...(input.policy ? { Policy: input.policy } : {}),
      });
      return keysOf(body.Credentials);
    },
    now,
  );
}
