/**
 * Replay protection: every key's signature nonces, kept in SQLite so a restart forgets none.
 *
 * A nonce is remembered until its request's signed time (V1 `Timestamp`, V3 `x-acs-date`)
 * leaves the ±15 minute window, after which the signature check refuses the request anyway.
 * Expired rows are deleted lazily (every `cleanupEvery` new nonces, and by `cleanup` at start); the table
 * stays bounded by `maxEntries` by dropping the rows that expire soonest.
 * Callers run {@link NonceStore.use} inside the request's transaction, so the nonce is
 * recorded exactly when the request is handled.
 */
import type { Db } from '../db/open.js';

export const NONCE_TABLE = '_emulator_nonces';

export interface NonceStoreOptions {
  /** How long after its signed time a nonce must be remembered (the signature window). */
  windowMs: number;
  /** Upper bound on remembered nonces (default 1,000,000, about 100 MB). */
  maxEntries?: number;
  /** Delete expired rows every this many new nonces (default 1000). */
  cleanupEvery?: number;
}

export class NonceStore {
  private readonly insert;
  private readonly removeExpired;
  private readonly count;
  private readonly removeSoonest;
  private readonly windowMs: number;
  private readonly maxEntries: number;
  private readonly cleanupEvery: number;
  private sinceCleanup = 0;

  constructor(
    private readonly db: Db,
    options: NonceStoreOptions,
  ) {
    this.windowMs = options.windowMs;
    this.maxEntries = options.maxEntries ?? 1_000_000;
    this.cleanupEvery = options.cleanupEvery ?? 1000;
    db.exec(`CREATE TABLE IF NOT EXISTS ${NONCE_TABLE} (
      access_key_id TEXT NOT NULL, nonce TEXT NOT NULL, expires_at INTEGER NOT NULL,
      PRIMARY KEY (access_key_id, nonce)) WITHOUT ROWID`);
    db.exec(`CREATE INDEX IF NOT EXISTS ${NONCE_TABLE}_expiry ON ${NONCE_TABLE} (expires_at)`);
    // A live row blocks the nonce (no change); an expired one is renewed.
    this.insert = db.prepare(
      `INSERT INTO ${NONCE_TABLE} (access_key_id, nonce, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (access_key_id, nonce) DO UPDATE SET expires_at = excluded.expires_at WHERE ${NONCE_TABLE}.expires_at <= ?`,
    );
    this.removeExpired = db.prepare(`DELETE FROM ${NONCE_TABLE} WHERE expires_at <= ?`);
    this.count = db.prepare(`SELECT count(*) AS n FROM ${NONCE_TABLE}`).pluck();
    this.removeSoonest = db.prepare(
      `DELETE FROM ${NONCE_TABLE} WHERE (access_key_id, nonce) IN
         (SELECT access_key_id, nonce FROM ${NONCE_TABLE} ORDER BY expires_at LIMIT ?)`,
    );
  }

  /**
   * Record a nonce of a request signed at `signedAtMs`; false when this key already used it
   * and it has not expired.
   */
  use(accessKeyId: string, nonce: string, signedAtMs: number, nowMs: number): boolean {
    const fresh = this.insert.run(accessKeyId, nonce, signedAtMs + this.windowMs, nowMs).changes === 1;
    if (fresh && ++this.sinceCleanup >= this.cleanupEvery) this.cleanup(nowMs);
    return fresh;
  }

  /** Number of remembered nonces (expired ones included until the next cleanup). */
  size(): number {
    return this.count.get() as number;
  }

  /** Delete expired nonces, then the soonest-expiring ones above `maxEntries`. */
  cleanup(nowMs: number): void {
    this.sinceCleanup = 0;
    this.removeExpired.run(nowMs);
    const excess = (this.count.get() as number) - this.maxEntries;
    if (excess > 0) this.removeSoonest.run(excess);
  }
}
