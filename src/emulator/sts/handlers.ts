/**
 * Handlers of STS AssumeRole, AssumeRoleWithOIDC and GetCallerIdentity. A session is issued
 * only when the role exists in the account its ARN names and its trust policy admits the
 * caller (ram/trust-policy.ts); its keys then authenticate like any key pair until they expire.
 */
import type { FamilyQueries, HandlerContext, HandlerOf } from '../context.js';
import { apiError } from '../context.js';
import { isoSeconds } from '../core/time.js';
import {
  DEFAULT_SESSION_SECONDS,
  MIN_SESSION_SECONDS,
  type assumeRoleSpec,
  type assumeRoleWithOIDCSpec,
  type getCallerIdentitySpec,
} from '../../spec/sts/sts.js';
import { mayAssume, parsePolicy, type Principal } from '../ram/trust-policy.js';
import { findSession, insertSession, type SessionRecord } from './repository.js';

type RoleRecord = NonNullable<ReturnType<FamilyQueries['ram']['findRole']>>;

const ROLE_ARN = /^acs:ram::(\d+):role\/([A-Za-z0-9.-]{1,64})$/i;

/** The role a RoleArn names, or EntityNotExist.Role. */
function roleOf(ctx: HandlerContext, arn: string): RoleRecord {
  const m = ROLE_ARN.exec(arn);
  if (!m)
    throw apiError(
      'InvalidParameter.RoleArn',
      `The parameter "RoleArn" must look like acs:ram::<accountId>:role/<roleName>, got "${arn}".`,
    );
  const role = ctx.backend.need('ram').findRole(ctx.db, Number(m[1]), m[2]!);
  if (!role) throw apiError('EntityNotExist.Role', `The role does not exist: "${arn}".`);
  return role;
}

function checkDuration(role: RoleRecord, seconds: number | undefined): number {
  const d = seconds ?? DEFAULT_SESSION_SECONDS;
  if (d < MIN_SESSION_SECONDS || d > role.maxSessionDuration)
    throw apiError(
      'InvalidParameter.DurationSeconds',
      `The parameter "DurationSeconds" must be from ${MIN_SESSION_SECONDS} to the role's MaxSessionDuration ${role.maxSessionDuration}, got ${d}.`,
    );
  return d;
}

function checkPolicy(policy: string | undefined): void {
  if (policy === undefined) return;
  const parsed = parsePolicy(policy);
  if ('problem' in parsed)
    throw apiError('InvalidParameter.PolicyGrammar', `The parameter "Policy" has not passed grammar check: ${parsed.problem}.`);
}

/** The ARN of the identity behind the request's key: the account root, or the role of an STS key. */
function callerArn(ctx: HandlerContext): { arn: string; session?: SessionRecord } {
  const session = ctx.account.accessKeyId.startsWith('STS.') ? findSession(ctx.db, ctx.account.accessKeyId) : undefined;
  if (session) return { arn: `acs:ram::${session.accountId}:role/${session.roleName.toLowerCase()}`, session };
  return { arn: `acs:ram::${ctx.account.accountId}:root` };
}

function issue(
  ctx: HandlerContext,
  role: RoleRecord,
  sessionName: string,
  seconds: number,
  via: string,
  issuedBy: string,
  policy: string | undefined,
) {
  const now = ctx.now().getTime();
  const session: SessionRecord = {
    accessKeyId: `STS.${ctx.newId('')}${ctx.newId('').slice(0, 8)}`,
    accessKeySecret: ctx.newId('') + ctx.newId('').slice(0, 10),
    securityToken: `CAIS${ctx.newId('')}${ctx.newId('')}${ctx.newId('')}`,
    accountId: role.accountId,
    roleName: role.roleName,
    roleId: role.roleId,
    sessionName,
    via,
    issuedBy,
    policy: policy ?? null,
    createdAt: now,
    expiresAt: now + seconds * 1000,
  };
  insertSession(ctx.db, session);
  const arn = ctx.backend.need('ram').roleArn(role);
  return {
    AssumedRoleUser: { Arn: `${arn}/${sessionName}`, AssumedRoleId: `${role.roleId}:${sessionName}` },
    Credentials: {
      AccessKeyId: session.accessKeyId,
      AccessKeySecret: session.accessKeySecret,
      SecurityToken: session.securityToken,
      Expiration: isoSeconds(session.expiresAt),
    },
  };
}

function denied(arn: string, who: string, why: string): Error {
  return apiError(
    'NoPermission',
    `You are not authorized to assume the role "${arn}": ${who} ${why}. Add it to the role's trust policy (AssumeRolePolicyDocument).`,
  );
}

export const assumeRole: HandlerOf<typeof assumeRoleSpec> = (ctx, input) => {
  const role = roleOf(ctx, input.RoleArn);
  const seconds = checkDuration(role, input.DurationSeconds);
  checkPolicy(input.Policy);
  const caller = callerArn(ctx);
  const accountId = caller.session?.accountId ?? ctx.account.accountId;
  const principal: Principal = { kind: 'ram', accountId, arn: caller.arn };
  const context: Record<string, string> = input.ExternalId === undefined ? {} : { 'sts:ExternalId': input.ExternalId };
  if (!mayAssume(role.document, principal, context))
    throw denied(
      input.RoleArn,
      caller.arn,
      `is not admitted by its trust policy${input.ExternalId === undefined ? '' : ' with this ExternalId'}`,
    );
  return {
    ...issue(ctx, role, input.RoleSessionName, seconds, 'AssumeRole', caller.arn, input.Policy),
    SourceIdentity: input.SourceIdentity ?? '',
  };
};

interface OidcClaims {
  iss: string;
  sub: string;
  aud: string[];
  iat?: number;
  exp: number;
}

/** The claims of a JWT (signature not checked: the emulator has no keys of the issuer), or InvalidParameter.OIDCToken. */
function oidcClaims(token: string): OidcClaims {
  const bad = (why: string) => apiError('InvalidParameter.OIDCToken', `The parameter "OIDCToken" is not a valid JWT: ${why}.`);
  const parts = token.split('.');
  if (parts.length !== 3) throw bad('it must have three dot-separated parts');
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw bad('its payload is not base64url-encoded JSON');
  }
  const aud =
    typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud.filter((a) => typeof a === 'string') : [];
  if (typeof claims.iss !== 'string' || typeof claims.sub !== 'string' || aud.length === 0 || typeof claims.exp !== 'number')
    throw bad('its payload must carry iss, sub, aud and exp');
  return { iss: claims.iss, sub: claims.sub, aud, exp: claims.exp, ...(typeof claims.iat === 'number' ? { iat: claims.iat } : {}) };
}

export const assumeRoleWithOIDC: HandlerOf<typeof assumeRoleWithOIDCSpec> = (ctx, input) => {
  const claims = oidcClaims(input.OIDCToken);
  const now = ctx.now().getTime();
  if (claims.exp * 1000 <= now)
    throw apiError('AuthenticationFail.OIDCToken.Expired', `The OIDC token expired at ${isoSeconds(claims.exp * 1000)}; get a new one.`);
  const role = roleOf(ctx, input.RoleArn);
  const seconds = checkDuration(role, input.DurationSeconds);
  checkPolicy(input.Policy);
  const providerAccount = /^acs:ram::(\d+):/.exec(input.OIDCProviderArn)?.[1];
  const principal: Principal = { kind: 'federated', providerArn: input.OIDCProviderArn };
  const admitted = claims.aud.some((aud) =>
    mayAssume(role.document, principal, { 'oidc:iss': claims.iss, 'oidc:aud': aud, 'oidc:sub': claims.sub }),
  );
  if (Number(providerAccount) !== role.accountId || !admitted)
    throw denied(
      input.RoleArn,
      `the OIDC provider "${input.OIDCProviderArn}" (issuer ${claims.iss}, subject ${claims.sub})`,
      'is not admitted by its trust policy',
    );
  const sessionName = input.RoleSessionName ?? `oidc-${ctx.newId('').slice(0, 10)}`;
  return {
    ...issue(ctx, role, sessionName, seconds, 'AssumeRoleWithOIDC', input.OIDCProviderArn, input.Policy),
    OIDCTokenInfo: {
      Issuer: claims.iss,
      Subject: claims.sub,
      ClientIds: claims.aud.join(','),
      IssuanceTime: claims.iat === undefined ? '' : isoSeconds(claims.iat * 1000),
      ExpirationTime: isoSeconds(claims.exp * 1000),
    },
    SourceIdentity: '',
  };
};

export const getCallerIdentity: HandlerOf<typeof getCallerIdentitySpec> = (ctx) => {
  const caller = callerArn(ctx);
  const s = caller.session;
  if (s) {
    return {
      AccountId: String(s.accountId),
      Arn: `acs:ram::${s.accountId}:assumed-role/${s.roleName.toLowerCase()}/${s.sessionName}`,
      IdentityType: 'AssumedRoleUser',
      PrincipalId: `${s.roleId}:${s.sessionName}`,
      RoleId: s.roleId,
      UserId: '',
    };
  }
  const id = String(ctx.account.accountId);
  return { AccountId: id, Arn: caller.arn, IdentityType: 'Account', PrincipalId: id, UserId: id, RoleId: '' };
};
