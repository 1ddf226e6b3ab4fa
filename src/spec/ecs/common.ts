/**
 * Common parameters and common error codes shared by every ECS-style product
 * (Ecs 2014-05-26, Vpc 2016-04-28, ResourceManager 2020-03-31), from
 * `docs/ecs-api.md` sections 1.3 and 2.
 *
 * The emulator registers {@link commonErrors} at load; families register their
 * own tables next to their action specs.
 */
import type { ErrorSpec } from './types.js';

/** V1 signature parameters carried next to the API parameters (ecs-api.md 1.3). */
export const signatureParams = ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp'] as const;

/**
 * Parameters every action accepts and ignores: owner overrides, response format,
 * STS token and transport hints the Go clients add.
 */
export const ignoredCommonParams = [
  'OwnerId',
  'OwnerAccount',
  'ResourceOwnerId',
  'ResourceOwnerAccount',
  'Format',
  'SourceIp',
  'SecureTransport',
  'SecurityToken',
  'SignatureType',
] as const;

/** Product name of each API version served on the shared endpoint. */
export const productVersions: Readonly<Record<string, string>> = {
  '2014-05-26': 'Ecs',
  '2016-04-28': 'Vpc',
  '2020-03-31': 'ResourceManager',
};

/** Allowed clock skew, in milliseconds, for V1 `Timestamp` and V3 `x-acs-date`. */
export const timestampWindowMs = 15 * 60 * 1000;

/** Codes every action may answer with (ecs-api.md 2), plus the emulator's transport-level codes. */
export const commonErrors: readonly ErrorSpec[] = [
  { code: 'MissingParameter', status: 400, message: 'A required parameter is not supplied.' },
  { code: 'InvalidParameter', status: 400, message: 'The specified parameter is not valid.' },
  {
    code: 'IllegalTimestamp',
    status: 400,
    message:
      'The input parameter "Timestamp" that is mandatory for processing this request is not supplied or is out of the allowed window.',
  },
  { code: 'IncompleteSignature', status: 400, message: 'The request signature does not conform to Aliyun standards.' },
  { code: 'SignatureDoesNotMatch', status: 400, message: 'Specified signature is not matched with our calculation.' },
  { code: 'InvalidAccessKeyId.NotFound', status: 404, message: 'Specified access key is not found.' },
  { code: 'SignatureNonceUsed', status: 400, message: 'Specified signature nonce was used already.' },
  // Temporary (STS) keys; statuses are a guess (never 404: the Go provider reads any 404 as "resource gone").
  { code: 'MissingSecurityToken', status: 400, message: 'The SecurityToken of a temporary key is not supplied.' },
  { code: 'InvalidSecurityToken.MismatchWithAccessKey', status: 400, message: 'Specified SecurityToken mismatch with the AccessKey.' },
  { code: 'InvalidSecurityToken.Expired', status: 400, message: 'Specified SecurityToken is expired.' },
  { code: 'Throttling', status: 400, message: 'Request was denied due to request throttling.' },
  { code: 'Throttling.User', status: 400, message: 'Request was denied due to user flow control.' },
  {
    code: 'IdempotentParameterMismatch',
    status: 400,
    message: 'The request uses the same client token as a previous, but non-identical request.',
  },
  { code: 'UnsupportedParameter', status: 400, message: 'The parameter is not supported.' },
  { code: 'UnknownError', status: 400, message: 'The request processing has failed due to some unknown error.' },
  { code: 'DryRunOperation', status: 400, message: 'Request validation has been passed with DryRun flag set.' },
  {
    code: 'Forbidden.RAM',
    status: 403,
    message: "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
  },
  { code: 'Forbidden', status: 403, message: 'User not authorized to operate on the specified resource.' },
  // Gateways answer 404 here; we answer 400 because the Go provider reads any 404 as "resource gone".
  { code: 'InvalidAction.NotFound', status: 400, message: 'Specified api is not found, please check your url and method.' },
  { code: 'InvalidVersion', status: 400, message: 'Specified parameter Version is not valid.' },
  { code: 'UnsupportedHTTPMethod', status: 403, message: 'This http method is not supported.' },
  { code: 'InvalidRegionId.NotFound', status: 404, message: 'The specified RegionId does not exist.' },
  { code: 'OperationConflict', status: 409, message: 'Request was denied due to conflict with a previous request.' },
  // Emulator-specific transport code: request bodies are capped at 1 MiB.
  { code: 'RequestEntityTooLarge', status: 413, message: 'The request body is larger than 1 MiB.' },
  { code: 'InternalError', status: 500, message: 'The request processing has failed due to some unknown error, exception or failure.' },
  { code: 'ServiceUnavailable', status: 503, message: 'The request has failed due to a temporary failure of the server.' },
];
