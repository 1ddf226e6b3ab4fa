/** Image shares: one row per (image, account it is shared with); DeleteImage drops an image's rows. */
import type Database from 'better-sqlite3';

export interface ImageShare {
  accountId: number;
  /** ms since epoch. */
  sharedAt: number;
}

export function sharesOf(db: Database.Database, imageId: string): ImageShare[] {
  return (
    db.prepare('SELECT account_id, shared_at FROM image_shares WHERE image_id = ? ORDER BY shared_at, account_id').all(imageId) as {
      account_id: number;
      shared_at: number;
    }[]
  ).map((r) => ({ accountId: r.account_id, sharedAt: r.shared_at }));
}

export function addShare(db: Database.Database, imageId: string, accountId: number, at: number): void {
  db.prepare('INSERT OR IGNORE INTO image_shares (image_id, account_id, shared_at) VALUES (?, ?, ?)').run(imageId, accountId, at);
}

export function removeShare(db: Database.Database, imageId: string, accountId: number): void {
  db.prepare('DELETE FROM image_shares WHERE image_id = ? AND account_id = ?').run(imageId, accountId);
}

export function setCommunity(db: Database.Database, imageId: string, isPublic: boolean): void {
  db.prepare('UPDATE images SET is_public = ? WHERE id = ?').run(isPublic ? 1 : 0, imageId);
}
