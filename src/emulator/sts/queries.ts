/** What the STS family answers for the core: the temporary keys it issued, and a record of their use. */
import type Database from 'better-sqlite3';
import { findSession, recordUse, type SessionRecord } from './repository.js';

declare module '../context.js' {
  interface FamilyQueries {
    sts: StsQueries;
  }
}

export interface StsQueries {
  /** The session of a temporary AccessKey id (`STS.` prefix), expired or not; undefined when STS never issued it. */
  findSession(db: Database.Database, accessKeyId: string): SessionRecord | undefined;
  /** Count one authenticated request of `action` made with the temporary key. */
  recordUse(db: Database.Database, accessKeyId: string, action: string): void;
}

export const stsQueries: StsQueries = { findSession, recordUse };
