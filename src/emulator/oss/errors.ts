/**
 * OSS errors: one named factory per code (api-wave2.md §8.3) and the one XML serializer
 * every OSS error leaves through (`<Error><Code/><Message/><RequestId/><HostId/>…</Error>`).
 */
import { xmlDocument, xmlElement } from './xml.js';

/** An OSS error answer: code, HTTP status, message and the code-specific extra elements. */
export class OssError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly extras: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'OssError';
  }
}

export const noSuchBucket = (bucket: string) =>
  new OssError('NoSuchBucket', 404, `The specified bucket does not exist.`, { BucketName: bucket });
export const noSuchKey = (bucket: string, key: string) =>
  new OssError('NoSuchKey', 404, `The specified key does not exist.`, { BucketName: bucket, Key: key });
export const accessDenied = (message: string) => new OssError('AccessDenied', 403, message);
export const invalidAccessKeyId = (id: string) =>
  new OssError('InvalidAccessKeyId', 403, `The OSS Access Key Id you provided does not exist in our records.`, { OSSAccessKeyId: id });
export const signatureDoesNotMatch = (stringToSign: string, provided: string, id: string) =>
  new OssError(
    'SignatureDoesNotMatch',
    403,
    `The request signature we calculated does not match the signature you provided. Check your key and signing method.`,
    {
      StringToSign: stringToSign,
      SignatureProvided: provided,
      OSSAccessKeyId: id,
    },
  );
export const invalidArgument = (message: string, name?: string, value?: string) =>
  new OssError('InvalidArgument', 400, message, name !== undefined ? { ArgumentName: name, ArgumentValue: value ?? '' } : {});
export const bucketAlreadyExists = (bucket: string) =>
  new OssError(
    'BucketAlreadyExists',
    409,
    `The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.`,
    { BucketName: bucket },
  );
export const bucketNotEmpty = (bucket: string) =>
  new OssError('BucketNotEmpty', 409, `The bucket you tried to delete is not empty.`, { BucketName: bucket });
export const invalidBucketName = (bucket: string) =>
  new OssError(
    'InvalidBucketName',
    400,
    `The specified bucket is not valid: 3-63 characters, lower-case letters, digits and "-", starting and ending with a letter or digit.`,
    { BucketName: bucket },
  );
export const invalidObjectName = (message: string) => new OssError('InvalidObjectName', 400, message);
export const tooManyBuckets = (limit: number) =>
  new OssError('TooManyBuckets', 400, `You have attempted to create more than ${limit} buckets in this region.`);
export const invalidDigest = () => new OssError('InvalidDigest', 400, 'The Content-MD5 you specified is not valid for the body sent.');
export const entityTooLarge = (limit: number) =>
  new OssError('EntityTooLarge', 400, `Your proposed upload exceeds the emulator's object size limit of ${limit} bytes.`, {
    MaxAllowedSize: String(limit),
  });
export const methodNotAllowed = (method: string) =>
  new OssError('MethodNotAllowed', 405, `The specified method ${method} is not allowed against this resource.`, { Method: method });
export const notImplemented = (what: string) => new OssError('NotImplemented', 501, `The emulator does not implement ${what}.`);
export const internalError = () => new OssError('InternalError', 500, 'We encountered an internal error. Please try again.');

/** The XML body of an error (HEAD answers carry no body; the code goes in `x-oss-ec`). */
export function errorXml(err: OssError, requestId: string, hostId: string): string {
  const extras = Object.entries(err.extras).map(([k, v]) => xmlElement(k, v));
  return xmlDocument(
    xmlElement('Error', [
      xmlElement('Code', err.code),
      xmlElement('Message', err.message),
      xmlElement('RequestId', requestId),
      xmlElement('HostId', hostId),
      ...extras,
    ]),
  );
}
