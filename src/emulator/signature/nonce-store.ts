/**
 * Replay protection: remembers each key's signature nonces for the timestamp window.
 * In memory (a restart forgets them) and bounded: the oldest entries go first.
 */
export class NonceStore {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  /** Record a nonce; false when this key already used it within the window. */
  use(accessKeyId: string, nonce: string, nowMs: number): boolean {
    const key = `${accessKeyId}\n${nonce}`;
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > nowMs) return false;
    this.seen.delete(key);
    this.seen.set(key, nowMs + this.ttlMs);
    this.evict(nowMs);
    return true;
  }

  private evict(nowMs: number): void {
    // Map keeps insertion order, so the first entries are the oldest.
    for (const [key, expires] of this.seen) {
      if (this.seen.size <= this.maxEntries && expires > nowMs) break;
      this.seen.delete(key);
    }
  }

  clear(): void {
    this.seen.clear();
  }
}
