/**
 * Fuzz: at least 10,000 random and mutated requests (signed V1 and unsigned; random actions
 * from the spec tables, random and boundary parameter values, odd encodings, methods,
 * headers and body sizes, plus raw malformed HTTP on sockets) against one emulator.
 * The emulator must never answer 5xx, never crash, and keep its memory flat after a warm-up.
 * Deterministic: a seeded PRNG drives every choice, so a failure names a replayable case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startEmulator, families, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_ACCOUNT_ID } from './index.js';
import { isoSeconds } from './core/time.js';
import { mulberry32 } from './faults/rules.js';
import { formEncode, rawSend } from './test-support/clients.js';
import { v1Sign, v1StringToSign } from './signature/v1.js';
import type { ParamSpec, ScalarParam } from '../spec/ecs/types.js';

const TOTAL = 10_500;
const WARMUP = 2_500;
const CONCURRENCY = 8;
const TIME_BUDGET_MS = 90_000;

const acct = DEFAULT_ACCOUNT_ID;
const REAL_IDS = [
  `i-running-${acct}`,
  `i-stopped-${acct}`,
  `i-locked-${acct}`,
  `s-running-system-${acct}`,
  `s-old-system-${acct}`,
  `d-running-system-${acct}`,
  `vpc-default-${acct}`,
  `vsw-default-${acct}`,
  `sg-default-${acct}`,
  `rg-default-${acct}`,
  'ubuntu_22_04_x64_20G_alibase_20240101.vhd',
  'm-doesnotexist000000',
];
const WEIRD = [
  '',
  ' ',
  '%',
  '%%41',
  '\u0000',
  '\ud83d\ude00',
  '中文名字',
  '-1',
  '0',
  '1e309',
  'NaN',
  'true',
  'TRUE',
  'null',
  '[]',
  '["a"]',
  '{"a":1}',
  'a,b,,c',
  '../../etc/passwd',
  "'; DROP TABLE images;--",
  'http://x',
  'aliyun-x',
  'acs:x',
  '9'.repeat(40),
  '/dev/xvda',
  '/dev/xvdz',
  'cn-hangzhou',
  'us-nowhere-1',
];

const specs = families.flatMap((f) => f.specs);

function randomValue(rnd: () => number, p?: Pick<ScalarParam, 'type' | 'enum' | 'min' | 'max' | 'maxLength'>): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const r = rnd();
  if (p?.enum && r < 0.35) return pick(p.enum);
  if (r < 0.5 && p && (p.type === 'integer' || p.type === 'long')) {
    const lo = p.min ?? -5,
      hi = p.max ?? 70000;
    return String(pick([lo, hi, lo - 1, hi + 1, Math.floor(rnd() * (hi - lo + 1)) + lo, 2 ** 53, -(2 ** 31)]));
  }
  if (r < 0.6) return pick(REAL_IDS);
  if (r < 0.8) return pick(WEIRD);
  const len = Math.floor(rnd() * rnd() * ((p?.maxLength ?? 200) + 20));
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCodePoint(rnd() < 0.9 ? 32 + Math.floor(rnd() * 95) : Math.floor(rnd() * 0xd7ff));
  return s;
}

/** Flat wire parameters for one random use of `spec`, following its shape most of the time. */
function randomParams(rnd: () => number, params: readonly ParamSpec[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of params) {
    if (rnd() < (p.required ? 0.15 : 0.55)) continue;
    switch (p.kind) {
      case 'scalar':
        out.set(p.name, randomValue(rnd, p));
        break;
      case 'scalarList':
      case 'packedList': {
        const n = Math.floor(rnd() * 4);
        if (p.kind === 'packedList')
          out.set(
            p.name,
            rnd() < 0.5
              ? JSON.stringify(Array.from({ length: n }, () => randomValue(rnd)))
              : Array.from({ length: n }, () => randomValue(rnd)).join(','),
          );
        else
          for (let i = 1; i <= n; i++)
            out.set(`${p.name}.${rnd() < 0.9 ? i : Math.floor(rnd() * 200) - 1}`, randomValue(rnd, { type: p.type }));
        break;
      }
      case 'repeatList': {
        const n = Math.floor(rnd() * 4);
        for (let i = 1; i <= n; i++) for (const f of p.fields) if (rnd() < 0.8) out.set(`${p.name}.${i}.${f.name}`, randomValue(rnd, f));
        break;
      }
      case 'object':
        for (const f of p.fields) if (rnd() < 0.7) out.set(`${p.name}.${f.name}`, randomValue(rnd, f));
        break;
    }
  }
  if (rnd() < 0.1) out.set(randomValue(rnd).slice(0, 30) || 'X', randomValue(rnd));
  return out;
}

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** One request: signed (valid or mutated signature) or unsigned; query or form; odd methods and headers. */
function makeRequest(rnd: () => number): FuzzRequest {
  const spec = specs[Math.floor(rnd() * specs.length)]!;
  const action = rnd() < 0.95 ? spec.action : randomValue(rnd);
  const version = rnd() < 0.95 ? spec.version : randomValue(rnd);
  const method = rnd() < 0.85 ? (rnd() < 0.7 ? 'POST' : 'GET') : ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'][Math.floor(rnd() * 5)]!;
  const common = new Map<string, string>([
    ['Action', action],
    ['Version', version],
    ['Format', rnd() < 0.95 ? 'json' : randomValue(rnd)],
    ['AccessKeyId', rnd() < 0.95 ? DEFAULT_ACCESS_KEY_ID : randomValue(rnd)],
    ['SignatureMethod', 'HMAC-SHA1'],
    ['SignatureVersion', '1.0'],
    ['SignatureNonce', randomUUID()],
    ['Timestamp', rnd() < 0.95 ? isoSeconds(Date.now()) : randomValue(rnd)],
  ]);
  const params = randomParams(rnd, spec.params);
  const inBody = method === 'POST' && rnd() < 0.6;
  const query = inBody ? common : new Map([...common, ...params]);
  const signed = rnd() < 0.75;
  const all = new Map([...common, ...params]);
  if (signed) {
    let sig = v1Sign(v1StringToSign(method === 'GET' || method === 'POST' ? method : 'POST', all), DEFAULT_ACCESS_KEY_SECRET);
    if (rnd() < 0.1) sig = sig.slice(1) + 'A';
    query.set('Signature', sig);
  }
  const encode = (m: Map<string, string>) =>
    rnd() < 0.8
      ? formEncode(m)
      : [...m]
          .map(
            ([k, v]) =>
              `${encodeURIComponent(k)}=${rnd() < 0.5 ? v.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c)) : encodeURIComponent(v)}`,
          )
          .join('&');
  const headers: Record<string, string> = {};
  let body: Buffer | undefined;
  if (inBody) {
    body = Buffer.from(encode(params), 'utf8');
    headers['content-type'] = [
      'application/x-www-form-urlencoded',
      'application/json',
      'text/plain; charset=latin1',
      'multipart/form-data; boundary=x',
      '',
    ][rnd() < 0.8 ? 0 : Math.floor(rnd() * 5)]!;
  } else if (rnd() < 0.08) {
    const size = [1, 1000, 64 * 1024, 1024 * 1024 + 1][Math.floor(rnd() * 4)]!;
    body = Buffer.alloc(size, rnd() < 0.5 ? 0x41 : 0xff);
  }
  if (rnd() < 0.1) headers['x-acs-action'] = randomValue(rnd).replace(/[^\x21-\x7e]/g, '');
  if (rnd() < 0.05) headers['authorization'] = 'ACS3-HMAC-SHA256 Credential=' + randomValue(rnd).replace(/[^\x21-\x7e]/g, '');
  if (rnd() < 0.05) headers['content-encoding'] = 'gzip';
  const path =
    rnd() < 0.97
      ? `/?${encode(query)}`
      : ['/x', '/_emulator/nope', '/_emulator/state?x=1', '//', `/?${'A'.repeat(8000)}`][Math.floor(rnd() * 5)]!;
  return { method, path, headers, ...(body ? { body } : {}) };
}

/** Bytes no HTTP client would send; the server may close or answer 4xx, never 5xx. */
const RAW_GARBAGE = [
  'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc',
  '\x00\x01\x02\x03 junk\r\n\r\n',
  'GET /?Action=DescribeImages HTTP/1.1\r\nHost: x\r\nX: \x7f\r\n\r\n',
  'GET /' + 'a'.repeat(20000) + ' HTTP/1.1\r\nHost: x\r\n\r\n',
];

const memoryNow = (gc: () => void) => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
};

test(
  'the emulator answers 10,000+ random and mutated requests without a 5xx, a crash or growing memory',
  { timeout: 150_000 },
  async (t) => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const dir = mkdtempSync(join(tmpdir(), 'emu-fuzz-'));
    const emu = await startEmulator({ port: 0, db: join(dir, 'fuzz.db'), settings: { imageCreateSeconds: 0.2 } });
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const statuses = new Map<number, number>();
    const fiveXX: string[] = [];
    let sent = 0;
    let baseline: { rss: number; heap: number } | undefined;
    const started = Date.now();
    try {
      const send = (seed: number) =>
        new Promise<void>((resolve) => {
          const rnd = mulberry32(seed);
          const r = makeRequest(rnd);
          const req = request({ host: '127.0.0.1', port: emu.port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const status = res.statusCode ?? 0;
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
              if (status >= 500 && fiveXX.length < 5)
                fiveXX.push(
                  `seed ${seed}: ${r.method} ${r.path.slice(0, 300)} -> ${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`,
                );
              resolve();
            });
            res.on('error', () => resolve());
          });
          req.on('error', () => {
            statuses.set(-1, (statuses.get(-1) ?? 0) + 1);
            resolve();
          });
          req.end(r.body);
        });

      let next = 0;
      const worker = async () => {
        while (next < TOTAL && Date.now() - started < TIME_BUDGET_MS) {
          const seed = next++;
          await send(seed);
          sent++;
          if (sent === WARMUP) baseline = memoryNow(gc);
          if (seed % 500 === 0) await rawSend(emu.port, RAW_GARBAGE[(seed / 500) % RAW_GARBAGE.length]!);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));

      const health = await fetch(`${emu.url}/_emulator/health`);
      assert.equal(health.status, 200, 'the emulator still answers its health route');
      assert.deepEqual(fiveXX, [], `5xx answers (replay with the seed): ${fiveXX.join('\n')}`);
      assert.ok(sent >= 10_000, `sent only ${sent} requests within ${TIME_BUDGET_MS} ms (statuses ${JSON.stringify([...statuses])})`);
      assert.ok((statuses.get(200) ?? 0) > 0, `some random requests must succeed, statuses ${JSON.stringify([...statuses])}`);
      assert.ok(
        [...statuses.keys()].some((s) => s >= 400 && s < 500),
        'the fuzz must reach the validation errors',
      );
      assert.ok((statuses.get(-1) ?? 0) < sent / 100, `transport errors ${statuses.get(-1)} of ${sent}`);
      const end = memoryNow(gc);
      t.diagnostic(
        `sent ${sent} in ${Date.now() - started} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}; heap ${(baseline!.heap / 2 ** 20).toFixed(1)} -> ${(end.heap / 2 ** 20).toFixed(1)} MiB, RSS ${(baseline!.rss / 2 ** 20).toFixed(1)} -> ${(end.rss / 2 ** 20).toFixed(1)} MiB`,
      );
      const heapGrowth = (end.heap - baseline!.heap) / 2 ** 20;
      const rssGrowth = (end.rss - baseline!.rss) / 2 ** 20;
      assert.ok(heapGrowth < 24, `heap grew ${heapGrowth.toFixed(1)} MiB after the warm-up`);
      assert.ok(rssGrowth < 96, `RSS grew ${rssGrowth.toFixed(1)} MiB after the warm-up`);
    } finally {
      agent.destroy();
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
