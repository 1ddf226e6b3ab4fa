/**
 * What one SDK request did on the wire, for error messages the SDK cannot give: whether the
 * TCP connection was made, the HTTP status, and the start of the body.
 *
 * The official SDK's HTTP layer (`httpx`) reports every socket idle timeout as
 * "ConnectTimeout", even after the connection was made (its connect timeout is the socket's
 * idle timeout), and reads error bodies as JSON, so an HTML 502 page surfaces as a bare
 * `SyntaxError` without its status. We watch the request through Node's
 * `http.client.request.start` / `http.client.response.finish` diagnostics channels, tied to
 * our call by an AsyncLocalStorage, so other HTTP clients in the process are never touched.
 * Once our socket is connected its idle timeout is cleared: from then on the SDK's own read
 * timer (the client's `readTimeoutMs`) bounds the wait for an answer.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import dc from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** What one attempt saw. */
export interface WireAttempt {
  /** The TCP connection was made (the request may have reached the server). */
  connected: boolean;
  /** HTTP status of the answer, once headers arrived. */
  status?: number;
  /** The first bytes of the answer's body (at most {@link BODY_HEAD_BYTES}). */
  bodyHead: string;
}

const BODY_HEAD_BYTES = 1024;
const store = new AsyncLocalStorage<WireAttempt>();
let installed = false;

function onRequestStart(message: unknown): void {
  const attempt = store.getStore();
  if (!attempt) return;
  const request = (message as { request: ClientRequest }).request;
  const connected = (): void => {
    attempt.connected = true;
    request.setTimeout(0);
  };
  const watch = (socket: Socket): void => {
    if (socket.connecting) socket.once('connect', connected);
    else connected();
  };
  if (request.socket) watch(request.socket as Socket);
  else request.once('socket', watch);
}

function onResponseFinish(message: unknown): void {
  const attempt = store.getStore();
  if (!attempt) return;
  const response = (message as { response: IncomingMessage }).response;
  attempt.status = response.statusCode;
  // Tap 'data' without adding a listener, so the SDK's own reading is unchanged.
  const emit = response.emit.bind(response);
  response.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event === 'data' && attempt.bodyHead.length < BODY_HEAD_BYTES) {
      attempt.bodyHead = (attempt.bodyHead + String(args[0])).slice(0, BODY_HEAD_BYTES);
    }
    return emit(event, ...args);
  }) as typeof response.emit;
}

/** Watched calls not yet settled; the store is switched off when none is left. */
let watching = 0;

function settled(): void {
  // An enabled AsyncLocalStorage keeps Node's promise hooks on for every promise in the process
  // (the gRPC server's too); off between calls, a refresh answered from a listing pays nothing.
  if (--watching === 0) store.disable();
}

/** Run `fn` (one SDK request) while recording what it does on the wire into `attempt`. */
export function watchWire<T>(attempt: WireAttempt, fn: () => Promise<T>): Promise<T> {
  if (!installed) {
    dc.subscribe('http.client.request.start', onRequestStart);
    dc.subscribe('http.client.response.finish', onResponseFinish);
    installed = true;
  }
  watching++;
  let pending: Promise<T>;
  try {
    pending = store.run(attempt, fn);
  } catch (e) {
    settled();
    throw e;
  }
  return pending.finally(settled);
}

/** Watched calls in flight (tests: the store is off when this is 0). */
export function watchedCalls(): number {
  return watching;
}

/**
 * The first line of a body that has text, at most `max` characters: HTML tags are dropped first
 * (a gateway's `<html>` line says nothing; its `<title>502 Bad Gateway</title>` line does).
 */
export function firstLine(text: string, max = 200): string {
  const line = text
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .find((l) => l !== '');
  if (line === undefined) return '';
  return line.length > max ? `${line.slice(0, max)}...` : line;
}
