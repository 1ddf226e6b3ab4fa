/** Shapes of the admin routes' answers the console reads. */

// The request log's shapes are the emulator's own (type-only: nothing of the emulator is bundled).
export type { RequestDetail, RequestSummary, TimelineBucket } from '../emulator/request-log/log.js';

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
