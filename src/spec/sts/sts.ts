/**
 * STS (Security Token Service, 2015-04-01) action table: AssumeRole, AssumeRoleWithOIDC,
 * GetCallerIdentity (api-wave2.md section 5). Names and types follow `@alicloud/sts20150401`.
 * AssumeRoleWithOIDC is anonymous: no AccessKey and no signature; the OIDC token is the proof.
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from '../ecs/types.js';
import { defineAction } from '../ecs/infer.js';
import { r } from '../ecs/shape.js';

export const STS_PRODUCT = 'Sts';
export const STS_VERSION = '2015-04-01';
const STS = { product: STS_PRODUCT, version: STS_VERSION } as const;

/** Shortest and longest session a role hands out, in seconds (the upper bound is the role's MaxSessionDuration). */
export const MIN_SESSION_SECONDS = 900;
export const MAX_SESSION_SECONDS = 43200;
export const DEFAULT_SESSION_SECONDS = 3600;

const roleArnParam = {
  name: 'RoleArn',
  kind: 'scalar',
  type: 'string',
  required: true,
  maxLength: 2048,
  errorCode: 'InvalidParameter.RoleArn',
  description: 'ARN of the role: acs:ram::<accountId>:role/<roleName>.',
} as const satisfies ScalarParam;

const sessionNameParam = () =>
  ({
    name: 'RoleSessionName',
    kind: 'scalar',
    type: 'string',
    minLength: 2,
    maxLength: 64,
    pattern: '[A-Za-z0-9.@_-]+',
    errorCode: 'InvalidParameter.RoleSessionName',
    description: '2 to 64 characters: letters, digits and . @ - _.',
  }) as const satisfies ScalarParam;

const durationParam = {
  name: 'DurationSeconds',
  kind: 'scalar',
  type: 'long',
  errorCode: 'InvalidParameter.DurationSeconds',
  description: `Session lifetime in seconds: ${MIN_SESSION_SECONDS} to the role's MaxSessionDuration (at most ${MAX_SESSION_SECONDS}); default ${DEFAULT_SESSION_SECONDS}.`,
} as const satisfies ScalarParam;

const policyParam = {
  name: 'Policy',
  kind: 'scalar',
  type: 'string',
  minLength: 1,
  maxLength: 2048,
  errorCode: 'InvalidParameter.PolicySize',
  description: 'Session policy (JSON, 1 to 2048 characters); the session gets the intersection with the role policy.',
} as const satisfies ScalarParam;

const credentialsShape = r.object({ AccessKeyId: r.string, AccessKeySecret: r.string, SecurityToken: r.string, Expiration: r.string });
const assumedRoleUserShape = r.object({ Arn: r.string, AssumedRoleId: r.string });

export const assumeRoleSpec = defineAction({
  ...STS,
  action: 'AssumeRole',
  mutating: true,
  params: [
    roleArnParam,
    { ...sessionNameParam(), required: true },
    durationParam,
    policyParam,
    {
      name: 'ExternalId',
      kind: 'scalar',
      type: 'string',
      minLength: 2,
      maxLength: 1224,
      pattern: '[\\w+=,.@:\\/-]*',
      errorCode: 'InvalidParameter.ExternalId',
      description: '2 to 1224 characters: letters, digits and + = , . @ : / - _.',
    },
    { name: 'SourceIdentity', kind: 'scalar', type: 'string', maxLength: 64 },
  ],
  errors: [
    'InvalidParameter.RoleArn',
    'InvalidParameter.RoleSessionName',
    'InvalidParameter.DurationSeconds',
    'InvalidParameter.PolicyGrammar',
    'InvalidParameter.PolicySize',
    'InvalidParameter.ExternalId',
    'NoPermission',
    'EntityNotExist.Role',
  ],
  response: r.response({
    AssumedRoleUser: assumedRoleUserShape,
    Credentials: credentialsShape,
    ...r.defaults({ SourceIdentity: r.string }),
  }),
});

export const assumeRoleWithOIDCSpec = defineAction({
  ...STS,
  action: 'AssumeRoleWithOIDC',
  mutating: true,
  anonymous: true,
  params: [
    {
      name: 'OIDCProviderArn',
      kind: 'scalar',
      type: 'string',
      required: true,
      pattern: 'acs:ram::\\d+:oidc-provider/[A-Za-z0-9._-]+',
      errorCode: 'InvalidParameter.OIDCProviderArn',
      description: 'ARN of the OIDC identity provider: acs:ram::<accountId>:oidc-provider/<name>.',
    },
    {
      name: 'OIDCToken',
      kind: 'scalar',
      type: 'string',
      required: true,
      minLength: 4,
      maxLength: 20000,
      errorCode: 'InvalidParameter.OIDCToken',
      description: 'The raw OIDC token (a JWT, 4 to 20000 characters, not base64-encoded again).',
    },
    roleArnParam,
    sessionNameParam(),
    durationParam,
    policyParam,
  ],
  errors: [
    'InvalidParameter.RoleArn',
    'InvalidParameter.RoleSessionName',
    'InvalidParameter.DurationSeconds',
    'InvalidParameter.PolicyGrammar',
    'InvalidParameter.PolicySize',
    'InvalidParameter.OIDCProviderArn',
    'InvalidParameter.OIDCToken',
    'AuthenticationFail.OIDCToken.Expired',
    'NoPermission',
    'EntityNotExist.Role',
  ],
  response: r.response({
    AssumedRoleUser: assumedRoleUserShape,
    Credentials: credentialsShape,
    OIDCTokenInfo: r.object(
      r.defaults({ Issuer: r.string, Subject: r.string, ClientIds: r.string, IssuanceTime: r.string, ExpirationTime: r.string }),
    ),
    ...r.defaults({ SourceIdentity: r.string }),
  }),
});

export const getCallerIdentitySpec = defineAction({
  ...STS,
  action: 'GetCallerIdentity',
  params: [],
  response: r.response({
    AccountId: r.string,
    Arn: r.string,
    IdentityType: r.string,
    PrincipalId: r.string,
    ...r.defaults({ UserId: r.string, RoleId: r.string }),
  }),
});

export const stsActionSpecs: readonly ActionSpec[] = [assumeRoleSpec, assumeRoleWithOIDCSpec, getCallerIdentitySpec];

/** STS error codes (api-wave2.md 5.1; the OIDC token codes are a guess after the documented families). */
export const stsErrorSpecs: readonly ErrorSpec[] = [
  { code: 'InvalidParameter.RoleArn', status: 400, message: 'The parameter RoleArn is wrongly formed.' },
  { code: 'InvalidParameter.RoleSessionName', status: 400, message: 'The parameter RoleSessionName is wrongly formed.' },
  { code: 'InvalidParameter.DurationSeconds', status: 400, message: 'The Min/Max value of DurationSeconds is 15min/1hr.' },
  { code: 'InvalidParameter.PolicyGrammar', status: 400, message: 'The parameter Policy has not passed grammar check.' },
  { code: 'InvalidParameter.PolicySize', status: 400, message: 'The size of Policy must be smaller than 2048 bytes.' },
  { code: 'InvalidParameter.ExternalId', status: 400, message: 'The parameter ExternalId is wrongly formed.' },
  { code: 'InvalidParameter.OIDCProviderArn', status: 400, message: 'The parameter OIDCProviderArn is wrongly formed.' },
  { code: 'InvalidParameter.OIDCToken', status: 400, message: 'The parameter OIDCToken is not a valid JWT.' },
  { code: 'AuthenticationFail.OIDCToken.Expired', status: 400, message: 'The OIDC token has expired.' },
  { code: 'NoPermission', status: 403, message: 'You are not authorized to do this action. You should be authorized by RAM.' },
  { code: 'EntityNotExist.Role', status: 404, message: 'The role not exists.' },
];
