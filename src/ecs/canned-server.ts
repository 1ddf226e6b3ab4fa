/**
 * A tiny canned-response HTTP server for client tests (127.0.0.1, port 0). Each request
 * is recorded (method, URL query, headers) and answered by the next scripted reply, or
 * by the fallback. Test support only; not exported from index.ts.
 */
import { after, before } from 'node:test';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AlibabaCloudClient, type AlibabaCloudClientOptions } from './client.js';
import type { RetryClock } from './retry.js';

export interface Reply {
  status?: number;
  body?: unknown;
  /** Raw text instead of JSON. */
  raw?: string;
  headers?: Record<string, string>;
  /** Never answer (to provoke a read timeout). */
  hang?: boolean;
  /** Answer this many ms later (a slow cloud). */
  delayMs?: number;
}

export interface Recorded {
  method: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface CannedServer {
  endpoint: string;
  requests: Recorded[];
  /** Replies used in order; when exhausted, `fallback` answers. */
  script: Reply[];
  fallback: (r: Recorded) => Reply;
  close(): Promise<void>;
}

/** A valid answer for the tests' usual actions: an empty DescribeImages page (other actions ignore the extra fields). */
export const OK_BODY = { RequestId: 'REQ-OK', TotalCount: 0, Images: { Image: [] } };

export async function startCannedServer(fallback: (r: Recorded) => Reply = () => ({ body: OK_BODY })): Promise<CannedServer> {
  const requests: Recorded[] = [];
  const state: CannedServer = { endpoint: '', requests, script: [], fallback, close: async () => undefined };
  const hung: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const rec: Recorded = { method: req.method ?? '', query: url.searchParams, headers: req.headers };
      requests.push(rec);
      const reply = state.script.shift() ?? state.fallback(rec);
      if (reply.hang) {
        hung.push(() => res.destroy());
        return;
      }
      const text = reply.raw ?? JSON.stringify(reply.body ?? OK_BODY);
      const send = () => {
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json;charset=utf-8', ...reply.headers });
        res.end(text);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const h of hung) h();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/**
 * One canned server for a whole test file: started before its tests and closed after them. The
 * object forwards to it (so it can be taken at module level); `reset()` forgets requests and script.
 */
export function useCannedServer(): CannedServer & { reset(): void } {
  let srv: CannedServer | undefined;
  before(async () => void (srv = await startCannedServer()));
  after(() => srv?.close());
  const s = (): CannedServer => {
    if (!srv) throw new Error('the canned server starts in before(): use it inside a test');
    return srv;
  };
  return {
    get endpoint() {
      return s().endpoint;
    },
    get requests() {
      return s().requests;
    },
    get script() {
      return s().script;
    },
    get fallback() {
      return s().fallback;
    },
    set fallback(f) {
      s().fallback = f;
    },
    close: () => s().close(),
    reset() {
      s().requests.length = 0;
      s().script.length = 0;
    },
  };
}

/** An ECS error body as the cloud sends it. */
export function errorBody(code: string, message: string, requestId = 'REQ-ERR'): Record<string, string> {
  return {
    RequestId: requestId,
    HostId: 'ecs.aliyuncs.com',
    Code: code,
    Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${code}`,
  };
}

/** A fake clock whose sleeps return at once and are recorded. */
export function fakeClock(randomValues: number[] = [0.5]): RetryClock & { sleeps: number[]; t: number } {
  let i = 0;
  const c = {
    sleeps: [] as number[],
    t: 1_000_000,
    now: () => c.t,
    random: () => randomValues[i++ % randomValues.length],
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new Error('aborted before sleep');
      c.sleeps.push(ms);
      c.t += ms;
    },
  };
  return c;
}

export function testClient(endpoint: string, extra: Partial<AlibabaCloudClientOptions> = {}): AlibabaCloudClient {
  return new AlibabaCloudClient({
    region: 'cn-hangzhou',
    accessKeyId: 'testid',
    accessKeySecret: 'testsecret',
    protocol: 'HTTP',
    endpoints: { ecs: endpoint },
    // Retry tests count each sleep: the shared rate budget (tested in rate-limit.test.ts) stays out.
    rateLimiter: false,
    ...extra,
  });
}
