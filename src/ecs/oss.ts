/**
 * The two OSS calls the provider makes (alicloud_image_export's delete): HeadObject and
 * DeleteObject, signed with OSS signature V1 (api-wave2.md §8.4). Not the official OSS SDK: two
 * requests do not justify a runtime dependency. Addressing follows ali-oss: a host-name endpoint
 * gets the bucket as a sub-domain (`<bucket>.oss-<region>.aliyuncs.com`); an IP endpoint (the
 * emulator) is connected to directly with the bucket's name in the Host header.
 * Errors are `EcsServiceError` with product `OSS` and the OSS code (`NoSuchBucket`, ...).
 */
import { createHmac } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { AlibabaCloudClient } from './client.js';
import { EcsNetworkError, EcsServiceError } from './errors.js';

interface OssAnswer {
  status: number;
  body: string;
  requestId: string | undefined;
}

const encodeKey = (key: string) => encodeURIComponent(key).replace(/%2F/g, '/');

async function send(
  client: AlibabaCloudClient,
  method: 'HEAD' | 'DELETE',
  bucket: string,
  key: string,
  signal?: AbortSignal,
): Promise<OssAnswer> {
  const keys = await client.currentKeys();
  const endpoint = client.endpointFor('oss');
  const [hostName, port] = endpoint.startsWith('[')
    ? [endpoint.slice(0, endpoint.indexOf(']') + 1), endpoint.split(']:')[1]]
    : endpoint.split(':');
  const direct = isIP(hostName!.replace(/^\[|\]$/g, '')) !== 0;
  const host = direct ? `${bucket}.oss-${client.region}.aliyuncs.com` : `${bucket}.${endpoint}`;
  const date = new Date().toUTCString();
  const ossHeaders: Record<string, string> = keys.securityToken ? { 'x-oss-security-token': keys.securityToken } : {};
  const canonical = Object.keys(ossHeaders)
    .sort()
    .map((k) => `${k}:${ossHeaders[k]}\n`)
    .join('');
  const toSign = `${method}\n\n\n${date}\n${canonical}/${bucket}/${key}`;
  const signature = createHmac('sha1', keys.accessKeySecret).update(toSign, 'utf8').digest('base64');
  const headers = { Host: host, Date: date, Authorization: `OSS ${keys.accessKeyId}:${signature}`, ...ossHeaders };
  const https = client.protocol === 'HTTPS';
  const request = https ? httpsRequest : httpRequest;
  return new Promise<OssAnswer>((resolve, reject) => {
    const req = request(
      {
        method,
        host: direct ? hostName!.replace(/^\[|\]$/g, '') : host,
        port: port ? Number(port) : https ? 443 : 80,
        path: `/${encodeKey(key)}`,
        headers,
        signal,
        timeout: 30_000,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const rid = res.headers['x-oss-request-id'];
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            requestId: Array.isArray(rid) ? rid[0] : rid,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`OSS ${method} timed out after 30 s`)));
    req.on('error', (err) =>
      reject(
        new EcsNetworkError(`OSS ${method === 'HEAD' ? 'HeadObject' : 'DeleteObject'} to ${host} failed: ${err.message}`, {
          requestSent: req.reusedSocket || req.writableFinished,
          cause: err,
        }),
      ),
    );
    req.end();
  });
}

function failure(action: string, a: OssAnswer, codeHint: string | undefined): EcsServiceError {
  const code = /<Code>([^<]*)<\/Code>/.exec(a.body)?.[1] ?? codeHint ?? `HTTP${a.status}`;
  const message = /<Message>([^<]*)<\/Message>/.exec(a.body)?.[1] ?? `OSS answered HTTP ${a.status}.`;
  return new EcsServiceError({
    product: 'OSS',
    action,
    code,
    message,
    httpStatus: a.status,
    ...(a.requestId ? { requestId: a.requestId } : {}),
  });
}

/** True when the object exists; false on 404 NoSuchKey. Other answers (NoSuchBucket included) throw. */
export async function ossObjectExists(
  client: AlibabaCloudClient,
  bucket: string,
  key: string,
  opts: { signal?: AbortSignal } = {},
): Promise<boolean> {
  const a = await send(client, 'HEAD', bucket, key, opts.signal);
  if (a.status === 200) return true;
  // A HEAD answer has no body: 404 means the key (a missing bucket is told apart by DeleteObject).
  if (a.status === 404) return false;
  throw failure('HeadObject', a, undefined);
}

/** Delete an object; a missing key is success (OSS answers 204 either way). A missing bucket throws NoSuchBucket. */
export async function deleteOssObject(
  client: AlibabaCloudClient,
  bucket: string,
  key: string,
  opts: { signal?: AbortSignal } = {},
): Promise<{ requestId: string }> {
  const a = await send(client, 'DELETE', bucket, key, opts.signal);
  if (a.status === 204 || a.status === 200) return { requestId: a.requestId ?? '' };
  throw failure('DeleteObject', a, undefined);
}
