/**
 * What other families may ask the snapshots family: images and instances read a snapshot they
 * build on; CreateImage stores the snapshots it takes of an instance's disks.
 */
import type Database from 'better-sqlite3';
import { deleteSnapshot, getSnapshot, insertSnapshot, progressingOfDisk, snapshotState, type SnapshotRecord } from './repository.js';

declare module '../context.js' {
  interface FamilyQueries {
    snapshots: SnapshotQueries;
  }
}

export interface SnapshotQueries {
  /** The account's snapshot in the region, or undefined. */
  find(db: Database.Database, accountId: number, regionId: string, id: string): SnapshotRecord | undefined;
  /** Whether the snapshot is done at `now`. */
  status(s: SnapshotRecord, now: Date): 'progressing' | 'accomplished';
  /** Store a snapshot another family took (CreateImage snapshots each disk of its instance). */
  insert(db: Database.Database, s: SnapshotRecord): void;
  /** Drop a snapshot another family made (CancelCopyImage removes the copy's snapshots). */
  remove(db: Database.Database, id: string): void;
  /** Whether a snapshot of the disk is still progressing at `now` (DeleteDisk waits for it). */
  progressingOfDisk(db: Database.Database, diskId: string, now: Date): boolean;
}

export const snapshotQueries: SnapshotQueries = {
  find: getSnapshot,
  status: (s, now) => snapshotState(s, now).status,
  insert: insertSnapshot,
  remove: deleteSnapshot,
  progressingOfDisk,
};
