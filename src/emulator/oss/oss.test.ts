import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startEmulator, type RunningEmulator } from '../index.js';
import { ossClient, ossErrorCode } from '../test-support/oss-client.js';
import { signV1 } from './signature.js';

const SECOND = { accessKeyId: 'LTAI5tSecondAccountKey', accessKeySecret: 'SecondSecret' };

/** A raw HTTP call, for what the client cannot send (path style, bad signatures). */
function raw(
  emu: RunningEmulator,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port: emu.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    r.on('error', reject);
    r.end();
  });
}

describe('OSS endpoint through the official ali-oss client', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({
      accounts: [{ accessKeyId: 'LTAI5tEmulatorDefaultKey', accessKeySecret: 'EmulatorDefaultSecret' }, SECOND],
    });
  });
  after(() => emu.stop());

  test('creates a bucket, reports its info and location, and refuses the same name again for any account', async () => {
    const oss = ossClient(emu.endpoint);
    await oss.putBucket('images-a');
    const info = await oss.getBucketInfo('images-a');
    assert.equal(info.bucket.Name, 'images-a');
    assert.equal(info.bucket.Location, 'oss-cn-hangzhou');
    assert.equal((await oss.getBucketLocation('images-a')).location, 'oss-cn-hangzhou');
    assert.equal((await ossErrorCode(oss.putBucket('images-a'))).code, 'BucketAlreadyExists');
    const other = ossClient(emu.endpoint, SECOND);
    const e = await ossErrorCode(other.putBucket('images-a'));
    assert.deepEqual([e.code, e.status], ['BucketAlreadyExists', 409]);
  });

  test('puts, heads, gets (whole and a range), lists and deletes objects', async () => {
    const oss = ossClient(emu.endpoint);
    await oss.putBucket('images-b');
    oss.useBucket('images-b');
    const body = Buffer.from('QFI\xfb disk image bytes', 'latin1');
    const put = await oss.put('disks/system.qcow2', body, { headers: { 'x-oss-meta-owner': 'pipeline' } });
    assert.equal(put.res.status, 200);
    const head = await oss.head('disks/system.qcow2');
    assert.equal(head.res.headers['content-length' as keyof typeof head.res.headers], String(body.length));
    assert.deepEqual(head.meta, { owner: 'pipeline' });
    const got = await oss.get('disks/system.qcow2');
    assert.deepEqual(got.content, body);
    const part = await oss.get('disks/system.qcow2', undefined, { headers: { Range: 'bytes=0-2' } });
    assert.equal(part.res.status, 206);
    assert.deepEqual(part.content, body.subarray(0, 3));
    await oss.put('disks/data.raw', Buffer.from('d'));
    await oss.put('readme.txt', Buffer.from('r'));
    const all = await oss.list({ 'max-keys': 10 }, {});
    assert.deepEqual(
      all.objects.map((o) => [o.name, o.size]),
      [
        ['disks/data.raw', 1],
        ['disks/system.qcow2', body.length],
        ['readme.txt', 1],
      ],
    );
    const top = await oss.list({ delimiter: '/', 'max-keys': 10 }, {});
    assert.deepEqual([top.prefixes, top.objects.map((o) => o.name)], [['disks/'], ['readme.txt']]);
    const page = await oss.list({ 'max-keys': 2 }, {});
    assert.equal(page.isTruncated, true);
    assert.equal(page.nextMarker, 'disks/system.qcow2');
    const v2 = await oss.listV2({ prefix: 'disks/', 'max-keys': 1 }, {});
    assert.equal(v2.keyCount, 1);
    const rest = await oss.listV2({ prefix: 'disks/', 'max-keys': 5, 'continuation-token': v2.nextContinuationToken! }, {});
    assert.deepEqual(
      rest.objects.map((o) => o.name),
      ['disks/system.qcow2'],
    );
    assert.equal((await oss.delete('readme.txt')).res.status, 204);
    assert.equal((await oss.delete('readme.txt')).res.status, 204, 'deleting a missing key is still 204');
    const missing = await ossErrorCode(oss.get('readme.txt'));
    assert.deepEqual([missing.code, missing.status], ['NoSuchKey', 404]);
  });

  test('answers NoSuchBucket, BucketNotEmpty and AccessDenied with their codes', async () => {
    const oss = ossClient(emu.endpoint);
    assert.equal((await ossErrorCode(oss.getBucketInfo('no-such-bucket'))).code, 'NoSuchBucket');
    oss.useBucket('no-such-bucket');
    assert.equal((await ossErrorCode(oss.put('k', Buffer.from('x')))).code, 'NoSuchBucket');
    await oss.putBucket('images-c');
    oss.useBucket('images-c');
    await oss.put('k', Buffer.from('x'));
    assert.equal((await ossErrorCode(oss.deleteBucket('images-c'))).code, 'BucketNotEmpty');
    const other = ossClient(emu.endpoint, { ...SECOND, bucket: 'images-c' });
    const denied = await ossErrorCode(other.get('k'));
    assert.deepEqual([denied.code, denied.status], ['AccessDenied', 403]);
    const wrongRegion = ossClient(emu.endpoint, { bucket: 'images-c', region: 'cn-beijing' });
    assert.equal((await ossErrorCode(wrongRegion.get('k'))).code, 'AccessDenied');
    await oss.delete('k');
    await oss.deleteBucket('images-c');
    assert.equal((await ossErrorCode(oss.getBucketInfo('images-c'))).code, 'NoSuchBucket');
  });

  test('checks the V1 signature: a wrong secret is SignatureDoesNotMatch, an unknown key InvalidAccessKeyId', async () => {
    const bad = ossClient(emu.endpoint, { accessKeyId: 'LTAI5tEmulatorDefaultKey', accessKeySecret: 'wrong' });
    const e = await ossErrorCode(bad.putBucket('images-d'));
    assert.deepEqual([e.code, e.status], ['SignatureDoesNotMatch', 403]);
    const unknown = ossClient(emu.endpoint, { accessKeyId: 'LTAI5tNobody', accessKeySecret: 'x' });
    assert.equal((await ossErrorCode(unknown.putBucket('images-d'))).code, 'InvalidAccessKeyId');
    const v4 = ossClient(emu.endpoint);
    (v4 as unknown as { options: { authorizationV4: boolean } }).options.authorizationV4 = true;
    const refused = await ossErrorCode(v4.putBucket('images-d'));
    assert.equal(refused.code, 'InvalidArgument');
    assert.match(refused.message, /signature V1/);
  });

  test('serves path-style requests to 127.0.0.1 signed by hand, with the XML error body', async () => {
    await ossClient(emu.endpoint).putBucket('images-e');
    const date = new Date().toUTCString();
    const sign = (resource: string) => signV1('EmulatorDefaultSecret', `GET\n\n\n${date}\n${resource}`);
    const ok = await raw(emu, 'GET', '/images-e/?bucketInfo', {
      Date: date,
      Authorization: `OSS LTAI5tEmulatorDefaultKey:${sign('/images-e/?bucketInfo')}`,
    });
    assert.equal(ok.status, 200);
    assert.match(ok.body, /<Name>images-e<\/Name>/);
    const miss = await raw(emu, 'GET', '/images-e/nothing', {
      Date: date,
      Authorization: `OSS LTAI5tEmulatorDefaultKey:${sign('/images-e/nothing')}`,
    });
    assert.equal(miss.status, 404);
    assert.match(miss.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchKey<\/Code>/);
    assert.match(miss.body, /<RequestId>[0-9A-F]{24}<\/RequestId>/);
    assert.equal(miss.headers['x-oss-request-id'], /<RequestId>([0-9A-F]{24})</.exec(miss.body)![1]);
    const badName = await raw(emu, 'PUT', '/Bad_Name/', {
      Date: date,
      Authorization: `OSS LTAI5tEmulatorDefaultKey:${signV1('EmulatorDefaultSecret', `PUT\n\n\n${date}\n/Bad_Name/`)}`,
    });
    assert.match(badName.body, /<Code>InvalidBucketName<\/Code>/);
    const unsigned = await raw(emu, 'GET', '/', { Host: 'images-e.oss-cn-hangzhou.aliyuncs.com', Date: date });
    assert.equal(unsigned.status, 403);
    assert.match(unsigned.body, /<Code>AccessDenied<\/Code>/);
  });

  test('keeps buckets and objects across a restart on the same database file', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'oss-restart-'));
    try {
      const first = await startEmulator({ db: join(dir, 'e.db') });
      const a = ossClient(first.endpoint, { bucket: 'kept' });
      await a.putBucket('kept');
      await a.put('obj', Buffer.from('persisted'));
      await first.stop();
      const second = await startEmulator({ db: join(dir, 'e.db') });
      try {
        const got = await ossClient(second.endpoint, { bucket: 'kept' }).get('obj');
        assert.equal(got.content.toString(), 'persisted');
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
