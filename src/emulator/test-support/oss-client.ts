/**
 * Alibaba's official OSS client (ali-oss) pointed at an emulator: the endpoint is the emulator's
 * IP address, so the client names the bucket in the Host header (`<bucket>.oss-<region>.aliyuncs.com`)
 * and signs with V1, both of which the emulator's OSS endpoint expects.
 */
import OSS from 'ali-oss';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../accounts.js';

export function ossClient(
  endpoint: string,
  options: { bucket?: string; region?: string; accessKeyId?: string; accessKeySecret?: string } = {},
): OSS {
  return new OSS({
    endpoint: `http://${endpoint}`,
    region: `oss-${options.region ?? 'cn-hangzhou'}`,
    accessKeyId: options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID,
    accessKeySecret: options.accessKeySecret ?? DEFAULT_ACCESS_KEY_SECRET,
    ...(options.bucket !== undefined ? { bucket: options.bucket } : {}),
    timeout: 10_000,
  });
}

/** The OSS error code ali-oss raised (`NoSuchKey`, `AccessDenied`, ...), or a failure when the call succeeded. */
export async function ossErrorCode(p: Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; status?: number; message?: string };
    return { code: e.code ?? '', status: e.status ?? 0, message: e.message ?? '' };
  }
  throw new Error('expected the OSS call to fail');
}
