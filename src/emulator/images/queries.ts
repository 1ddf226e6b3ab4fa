/**
 * What other families may ask the images family: instances read the image they launch from or
 * run; snapshots read the images built on them.
 */
import type Database from 'better-sqlite3';
import { imageState, type ImageStatus } from './model.js';
import { findImageAnyOwner, getCustomImage, getPublicImage, getSharedImage, imagesUsingSnapshot, type ImageRecord } from './repository.js';

declare module '../context.js' {
  interface FamilyQueries {
    images: ImageQueries;
  }
}

export interface ImageQueries {
  /** The image an instance of the account runs: its own custom image (any region) or a public one. */
  findForAccount(db: Database.Database, accountId: number, id: string): ImageRecord | undefined;
  /** An image to launch from or to put on a system disk: the account's custom image in the region, one shared with it there, or a public one. */
  findLaunchable(db: Database.Database, accountId: number, regionId: string, id: string): ImageRecord | undefined;
  /** The image's status at `now`. */
  status(img: ImageRecord, now: Date): ImageStatus;
  /** Ids of the images whose disk mappings reference the snapshot. */
  usingSnapshot(db: Database.Database, snapshotId: string): string[];
}

export const imageQueries: ImageQueries = {
  findForAccount: findImageAnyOwner,
  findLaunchable: (db, accountId, regionId, id) =>
    getCustomImage(db, accountId, regionId, id) ?? getSharedImage(db, accountId, regionId, id) ?? getPublicImage(db, id),
  status: (img, now) => imageState(img, now).status,
  usingSnapshot: imagesUsingSnapshot,
};
