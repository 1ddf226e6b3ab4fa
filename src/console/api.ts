/**
 * The console's only way to the emulator: its documented JSON admin routes (`docs/emulator.md`),
 * same origin. Changes send `X-Emulator-Admin: 1`; when the emulator has an admin token the user
 * types it once and it is kept for the tab (sessionStorage) and sent as a bearer token.
 */

const TOKEN_KEY = 'alicloud-image-admin-token';

export class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let unauthorized: (() => void) | undefined;

/** Called when a route answers 401 (ask the user for the admin token). */
export function onUnauthorized(fn: () => void): void {
  unauthorized = fn;
}

export function setToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

async function answer<T>(r: Response): Promise<T> {
  const text = await r.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { Message: text };
  }
  if (!r.ok) {
    if (r.status === 401) unauthorized?.();
    throw new AdminError(r.status, String(body.Code ?? r.status), String(body.Message ?? r.statusText));
  }
  return body as T;
}

type Query = Record<string, string | number | boolean | undefined>;

function url(path: string, query: Query = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function getJson<T>(path: string, query?: Query): Promise<T> {
  return answer<T>(await fetch(url(path, query), { headers: headers(), cache: 'no-store' }));
}

/** A change (POST/DELETE) through the protected admin API. */
export async function change<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: headers({ 'X-Emulator-Admin': '1', 'Content-Type': 'application/json' }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  return answer<T>(await fetch(path, init));
}

/** A read-only action as `account` sees it (`GET /_emulator/describe`). */
export function describe<T>(account: string, action: string, params: Query = {}): Promise<T> {
  return getJson<T>('/_emulator/describe', { AccountId: account, Action: action, ...params });
}

/**
 * Follow `GET /_emulator/events` (server-sent events, read with fetch so the bearer token can be
 * sent), reconnecting after 2 s; returns the function that stops.
 */
export function followEvents(onEvent: (type: string, data: unknown) => void, onLive: (live: boolean) => void): () => void {
  let stopped = false;
  let abort: AbortController | undefined;
  const run = async () => {
    while (!stopped) {
      abort = new AbortController();
      try {
        const r = await fetch('/_emulator/events', { headers: headers(), signal: abort.signal, cache: 'no-store' });
        if (!r.ok || !r.body) throw new Error(`events: ${r.status}`);
        onLive(true);
        const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            let type = 'message';
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) type = line.slice(7);
              else if (line.startsWith('data: ')) data += line.slice(6);
            }
            if (data) onEvent(type, JSON.parse(data));
          }
        }
      } catch {
        // Reconnect below.
      }
      onLive(false);
      if (!stopped) await new Promise((r) => setTimeout(r, 2000));
    }
  };
  void run();
  return () => {
    stopped = true;
    abort?.abort();
  };
}
