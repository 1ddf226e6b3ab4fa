/**
 * The request log: the last N API calls (a ring buffer in memory, newest first when read) and a
 * per-second count of calls by action for the last minutes, for the console and its admin routes
 * (`listener.ts`). Recording keeps what the wire carried and an array slot and two map increments;
 * secrets are masked when a call is read (list, detail, event stream), so no route ever shows them
 * and the emulator's hot path pays nothing for it. Listeners are told only when there are any.
 */
import { maskParams, maskValue } from './mask.js';

/** One API call as the request list shows it (secrets already masked). */
export interface RequestSummary {
  /** Increasing number of the call since the emulator started (1, 2, ...); stable across reads. */
  seq: number;
  /** `RequestId` of the answer ('' when the answer was dropped before it was written). */
  requestId: string;
  /** When the request arrived, ISO 8601 with milliseconds. */
  time: string;
  product: string;
  action: string;
  /** API version the caller named (`2014-05-26`, ...). */
  version: string;
  /** How the caller signed: `V1` (HMAC-SHA1 parameters), `V3` (ACS3 Authorization header), '' when unsigned. */
  signature: 'V1' | 'V3' | '';
  /** HTTP status of the answer; 0 when the connection closed without one (fault `drop-after-commit`, client abort). */
  status: number;
  /** Error code of a failed call ('' on success). */
  code: string;
  /** Milliseconds from the request's arrival to the end of its answer. */
  latencyMs: number;
  /** Query and form parameters, secrets masked. */
  params: Record<string, string>;
}

/** One API call with its full request and answer (`GET /_emulator/requests/<seq>`). */
export interface RequestDetail extends RequestSummary {
  request: { method: string; url: string; headers: Record<string, string> };
  answer: { status: number; contentType: string; body: string; truncated: boolean };
}

/** A call as recorded, before masking: the request as it arrived. */
export interface RecordedCall extends Omit<RequestSummary, 'seq' | 'params'> {
  raw: {
    method: string;
    /** The URL's query string (without `?`). */
    query: string;
    /** Query and form parameters as the core parsed them; absent when the core never saw the call (a fault answered it). */
    params?: Iterable<readonly [string, string]>;
    headers: Readonly<Record<string, string | string[] | undefined>>;
  };
  answer: RequestDetail['answer'];
}

interface Stored extends RecordedCall {
  seq: number;
}

/** What the console's event stream carries; `close` ends the streams when the emulator stops. */
export type LogEvent = { type: 'request'; entry: RequestSummary } | { type: 'reset' } | { type: 'close' };

/** Filter of {@link RequestLog.list}. */
export interface RequestFilter {
  /** Case-insensitive substring of the action. */
  action?: string;
  /** Only failed calls (status >= 400 or no answer). */
  errors?: boolean;
  /** Only calls older than this `seq` (to page back). */
  before?: number;
  /** At most this many, newest first. */
  limit: number;
}

/** Per-second counts of the timeline. */
export interface TimelineBucket {
  /** Unix time in seconds. */
  t: number;
  total: number;
  errors: number;
  byAction: Record<string, number>;
}

/** Longest stored answer body; longer ones are cut (the detail says so). */
export const MAX_BODY_CHARS = 64 * 1024;
/** Seconds the timeline keeps. */
export const TIMELINE_SECONDS = 600;

interface Slot {
  t: number;
  total: number;
  errors: number;
  byAction: Map<string, number>;
}

export const isFailure = (e: Pick<RequestSummary, 'status'>): boolean => e.status === 0 || e.status >= 400;

export class RequestLog {
  private readonly ring: (Stored | undefined)[];
  private next = 0;
  private seq = 0;
  private readonly slots: Slot[] = Array.from({ length: TIMELINE_SECONDS }, () => ({ t: -1, total: 0, errors: 0, byAction: new Map() }));
  private readonly listeners = new Set<(e: LogEvent) => void>();

  /** `capacity`: how many calls are kept (default 500). `now`: wall clock in ms (tests inject one). */
  constructor(
    readonly capacity = 500,
    private readonly now: () => number = Date.now,
  ) {
    this.ring = new Array<Stored | undefined>(capacity);
  }

  /** Store one finished call (seq is assigned here) and tell the listeners. */
  record(entry: RecordedCall): number {
    const full = { seq: ++this.seq, ...entry };
    this.ring[this.next] = full;
    this.next = (this.next + 1) % this.capacity;
    const t = Math.floor(Date.parse(full.time) / 1000);
    const slot = this.slots[t % TIMELINE_SECONDS]!;
    if (slot.t !== t) Object.assign(slot, { t, total: 0, errors: 0, byAction: new Map() });
    slot.total++;
    if (isFailure(full)) slot.errors++;
    slot.byAction.set(full.action || '(none)', (slot.byAction.get(full.action || '(none)') ?? 0) + 1);
    if (this.listeners.size > 0) {
      const event: LogEvent = { type: 'request', entry: summary(full) };
      for (const l of this.listeners) l(event);
    }
    return full.seq;
  }

  /** Tell the listeners the emulator's data was reset (the log itself is kept: it is history). */
  resetNotice(): void {
    for (const l of this.listeners) l({ type: 'reset' });
  }

  /** Calls matching `f`, newest first, and how many calls the log holds. */
  list(f: RequestFilter): { entries: RequestSummary[]; held: number; lastSeq: number } {
    const out: RequestSummary[] = [];
    const needle = f.action?.toLowerCase();
    let held = 0;
    for (let i = 1; i <= this.capacity; i++) {
      const e = this.ring[(this.next - i + this.capacity) % this.capacity];
      if (!e) break;
      held++;
      if (out.length >= f.limit) continue;
      if (f.before !== undefined && e.seq >= f.before) continue;
      if (needle && !e.action.toLowerCase().includes(needle)) continue;
      if (f.errors && !isFailure(e)) continue;
      out.push(summary(e));
    }
    return { entries: out, held, lastSeq: this.seq };
  }

  /** One call with its request and answer, while the log still holds it. */
  get(seq: number): RequestDetail | undefined {
    if (seq < 1 || seq > this.seq || seq <= this.seq - this.capacity) return undefined;
    const e = this.ring[(this.next - 1 - (this.seq - seq) + this.capacity * 2) % this.capacity];
    return e && detail(e);
  }

  /** Per-second counts of the last `seconds` (at most {@link TIMELINE_SECONDS}), oldest first, ending now. */
  timeline(seconds: number): { end: number; buckets: TimelineBucket[] } {
    const end = Math.floor(this.now() / 1000);
    const n = Math.max(1, Math.min(TIMELINE_SECONDS, Math.floor(seconds)));
    const buckets: TimelineBucket[] = [];
    for (let t = end - n + 1; t <= end; t++) {
      const slot = this.slots[((t % TIMELINE_SECONDS) + TIMELINE_SECONDS) % TIMELINE_SECONDS]!;
      buckets.push(
        slot.t === t
          ? { t, total: slot.total, errors: slot.errors, byAction: Object.fromEntries(slot.byAction) }
          : { t, total: 0, errors: 0, byAction: {} },
      );
    }
    return { end, buckets };
  }

  /** End every event stream (the emulator is stopping). */
  close(): void {
    for (const l of [...this.listeners]) l({ type: 'close' });
    this.listeners.clear();
  }

  /** Listen to new calls and resets; returns the function that stops listening. */
  subscribe(listener: (e: LogEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

/** The list view of a call, secrets masked. */
function summary(e: Stored): RequestSummary {
  const { raw, answer: _a, ...rest } = e;
  return { ...rest, params: maskParams(raw.params ?? new URLSearchParams(raw.query)) };
}

/** The full call, secrets masked in parameters, URL and headers. */
function detail(e: Stored): RequestDetail {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.raw.headers)) if (v !== undefined) headers[k] = maskValue(k, Array.isArray(v) ? v.join(', ') : v);
  const query = new URLSearchParams(maskParams(new URLSearchParams(e.raw.query))).toString();
  return { ...summary(e), request: { method: e.raw.method, url: query ? `/?${query}` : '/', headers }, answer: e.answer };
}
