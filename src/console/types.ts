/** Shapes of the admin routes' answers the console reads (see `src/emulator/request-log/log.ts`). */

export interface RequestSummary {
  seq: number;
  requestId: string;
  time: string;
  product: string;
  action: string;
  version: string;
  signature: 'V1' | 'V3' | '';
  status: number;
  code: string;
  latencyMs: number;
  params: Record<string, string>;
}

export interface RequestDetail extends RequestSummary {
  request: { method: string; url: string; headers: Record<string, string> };
  answer: { status: number; contentType: string; body: string; truncated: boolean };
}

export interface TimelineBucket {
  t: number;
  total: number;
  errors: number;
  byAction: Record<string, number>;
}

export interface FaultRule {
  action?: string;
  rate: number;
  kind: string;
  latencyMs?: number;
  count?: number;
  fired?: number;
}

/** The account and region the page shows. */
export interface Scope {
  account: string;
  region: string;
}

export const isFailure = (e: { status: number }): boolean => e.status === 0 || e.status >= 400;

/** Actions that only read: everything else may have changed what the page shows. */
export const isRead = (action: string): boolean => /^(Describe|List|Get)/.test(action);
