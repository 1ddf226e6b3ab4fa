/**
 * Image storage. Custom images belong to an account and region; public (system) images have
 * `accountId` 0 and region `*` and are visible everywhere. Status is never stored except the
 * user-set Deprecated flag: it is derived from `createdAt` + `createSeconds` (see model.ts).
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statements.js';

/** Account id and region of the public images. */
export const PUBLIC_ACCOUNT = 0;
export const ANY_REGION = '*';

export interface ImageDiskMapping {
  device: string;
  type: 'system' | 'data';
  snapshotId: string;
  sizeGiB: number;
  format: string;
  /** Bucket and object an imported disk came from (ImportImage); absent otherwise. */
  importOssBucket?: string;
  importOssObject?: string;
}

export interface ImageRecord {
  id: string;
  accountId: number;
  regionId: string;
  ownerAlias: 'system' | 'self';
  name: string;
  description: string;
  family: string;
  version: string;
  platform: string;
  osType: 'linux' | 'windows';
  osName: string;
  osNameEn: string;
  architecture: string;
  bootMode: string;
  sizeGiB: number;
  deprecated: boolean;
  /** ms since epoch when CreateImage was accepted. */
  createdAt: number;
  /** Seconds the creation takes (settings.imageCreateSeconds at creation time). */
  createSeconds: number;
  /** True when the creation ends in CreateFailed (the `emulator:fail` marker). */
  fail: boolean;
  resourceGroupId: string;
  licenseType: string;
  nvmeSupport: string;
  imdsSupport: string;
  detectionStrategy: string;
  secureBoot: string;
  productCode: string;
  isPublic: boolean;
  sourceInstanceId: string;
  disks: ImageDiskMapping[];
  /** The source image's id when CopyImage made this image ('' or absent otherwise). */
  copiedFrom?: string;
  encrypted?: boolean;
  kmsKeyId?: string;
}

interface Row {
  id: string;
  account_id: number;
  region_id: string;
  owner_alias: 'system' | 'self';
  name: string;
  description: string;
  family: string;
  version: string;
  platform: string;
  os_type: 'linux' | 'windows';
  os_name: string;
  os_name_en: string;
  architecture: string;
  boot_mode: string;
  size_gib: number;
  deprecated: number;
  created_at: number;
  create_seconds: number;
  fail: number;
  resource_group_id: string;
  license_type: string;
  nvme_support: string;
  imds_support: string;
  detection_strategy: string;
  secure_boot: string;
  product_code: string;
  is_public: number;
  source_instance_id: string;
  copied_from: string;
  encrypted: number;
  kms_key_id: string;
}
interface MappingRow {
  device: string;
  type: 'system' | 'data';
  snapshot_id: string;
  size_gib: number;
  format: string;
  import_oss_bucket: string;
  import_oss_object: string;
}

function toMapping(m: MappingRow): ImageDiskMapping {
  return {
    device: m.device,
    type: m.type,
    snapshotId: m.snapshot_id,
    sizeGiB: m.size_gib,
    format: m.format,
    ...(m.import_oss_bucket ? { importOssBucket: m.import_oss_bucket, importOssObject: m.import_oss_object } : {}),
  };
}

function mappings(db: Database.Database, imageId: string): ImageDiskMapping[] {
  return (db.prepare('SELECT * FROM image_disk_mappings WHERE image_id = ? ORDER BY position').all(imageId) as MappingRow[]).map(toMapping);
}

function toRecord(db: Database.Database, r: Row, disks?: ImageDiskMapping[]): ImageRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    regionId: r.region_id,
    ownerAlias: r.owner_alias,
    name: r.name,
    description: r.description,
    family: r.family,
    version: r.version,
    platform: r.platform,
    osType: r.os_type,
    osName: r.os_name,
    osNameEn: r.os_name_en,
    architecture: r.architecture,
    bootMode: r.boot_mode,
    sizeGiB: r.size_gib,
    deprecated: r.deprecated === 1,
    createdAt: r.created_at,
    createSeconds: r.create_seconds,
    fail: r.fail === 1,
    resourceGroupId: r.resource_group_id,
    licenseType: r.license_type,
    nvmeSupport: r.nvme_support,
    imdsSupport: r.imds_support,
    detectionStrategy: r.detection_strategy,
    secureBoot: r.secure_boot,
    productCode: r.product_code,
    isPublic: r.is_public === 1,
    sourceInstanceId: r.source_instance_id,
    disks: disks ?? mappings(db, r.id),
    copiedFrom: r.copied_from,
    encrypted: r.encrypted === 1,
    kmsKeyId: r.kms_key_id,
  };
}

/**
 * The images with these ids, in the order of `ids` (unknown ids are skipped), with their disk
 * mappings: two queries whatever the count (DescribeImages loads only its page this way).
 */
export function imagesByIds(db: Database.Database, ids: readonly string[]): ImageRecord[] {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  const rows = cachedStatement(db, 'SELECT * FROM images WHERE id IN (SELECT value FROM json_each(?))').all(json) as Row[];
  const maps = cachedStatement(
    db,
    'SELECT * FROM image_disk_mappings WHERE image_id IN (SELECT value FROM json_each(?)) ORDER BY image_id, position',
  ).all(json) as (MappingRow & { image_id: string })[];
  const disks = new Map<string, ImageDiskMapping[]>();
  for (const m of maps) {
    const list = disks.get(m.image_id) ?? [];
    list.push(toMapping(m));
    disks.set(m.image_id, list);
  }
  const byId = new Map(rows.map((r) => [r.id, toRecord(db, r, disks.get(r.id) ?? [])]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Insert an image with its disk mappings; ignored when the id exists (seeds run again after restarts). */
export function insertImage(db: Database.Database, i: ImageRecord): void {
  const res = db
    .prepare(
      `INSERT OR IGNORE INTO images (id, account_id, region_id, owner_alias, name, description, family, version, platform, os_type,
      os_name, os_name_en, architecture, boot_mode, size_gib, deprecated, created_at, create_seconds, fail, resource_group_id, license_type,
      nvme_support, imds_support, detection_strategy, secure_boot, product_code, is_public, source_instance_id, copied_from, encrypted,
      kms_key_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      i.id,
      i.accountId,
      i.regionId,
      i.ownerAlias,
      i.name,
      i.description,
      i.family,
      i.version,
      i.platform,
      i.osType,
      i.osName,
      i.osNameEn,
      i.architecture,
      i.bootMode,
      i.sizeGiB,
      i.deprecated ? 1 : 0,
      i.createdAt,
      i.createSeconds,
      i.fail ? 1 : 0,
      i.resourceGroupId,
      i.licenseType,
      i.nvmeSupport,
      i.imdsSupport,
      i.detectionStrategy,
      i.secureBoot,
      i.productCode,
      i.isPublic ? 1 : 0,
      i.sourceInstanceId,
      i.copiedFrom ?? '',
      i.encrypted ? 1 : 0,
      i.kmsKeyId ?? '',
    );
  if (res.changes === 0) return;
  const ins = db.prepare(
    `INSERT INTO image_disk_mappings (image_id, position, device, type, snapshot_id, size_gib, format, import_oss_bucket, import_oss_object)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  i.disks.forEach((d, n) =>
    ins.run(i.id, n, d.device, d.type, d.snapshotId, d.sizeGiB, d.format, d.importOssBucket ?? '', d.importOssObject ?? ''),
  );
}

/** A custom image of the account in the region, or undefined. */
export function getCustomImage(db: Database.Database, accountId: number, regionId: string, id: string): ImageRecord | undefined {
  const row = db.prepare('SELECT * FROM images WHERE id = ? AND account_id = ? AND region_id = ?').get(id, accountId, regionId) as
    Row | undefined;
  return row && toRecord(db, row);
}

/** An image of another account shared with `accountId`, in the region, or undefined. */
export function getSharedImage(db: Database.Database, accountId: number, regionId: string, id: string): ImageRecord | undefined {
  const row = db
    .prepare('SELECT i.* FROM images i JOIN image_shares s ON s.image_id = i.id WHERE i.id = ? AND s.account_id = ? AND i.region_id = ?')
    .get(id, accountId, regionId) as Row | undefined;
  return row && toRecord(db, row);
}

/** A public image by id, or undefined. */
export function getPublicImage(db: Database.Database, id: string): ImageRecord | undefined {
  const row = db.prepare('SELECT * FROM images WHERE id = ? AND account_id = ?').get(id, PUBLIC_ACCOUNT) as Row | undefined;
  return row && toRecord(db, row);
}

/** The image an instance of the account runs: its own custom image (any region), one shared with it, or a public one. */
export function findImageAnyOwner(db: Database.Database, accountId: number, id: string): ImageRecord | undefined {
  const row = db
    .prepare(
      'SELECT * FROM images WHERE id = ? AND (account_id IN (?, ?) OR id IN (SELECT image_id FROM image_shares WHERE account_id = ?))',
    )
    .get(id, accountId, PUBLIC_ACCOUNT, accountId) as Row | undefined;
  return row && toRecord(db, row);
}

/** The custom image of the account in the region carrying this name, if any. */
export function findImageByName(db: Database.Database, accountId: number, regionId: string, name: string): string | undefined {
  const row = db.prepare('SELECT id FROM images WHERE account_id = ? AND region_id = ? AND name = ?').get(accountId, regionId, name) as
    { id: string } | undefined;
  return row?.id;
}

const columns: Partial<Record<keyof ImageRecord, string>> = {
  name: 'name',
  description: 'description',
  family: 'family',
  bootMode: 'boot_mode',
  deprecated: 'deprecated',
  licenseType: 'license_type',
  nvmeSupport: 'nvme_support',
  imdsSupport: 'imds_support',
  resourceGroupId: 'resource_group_id',
};

/** Change the mutable attributes of an image (ModifyImageAttribute, JoinResourceGroup). */
export function updateImage(
  db: Database.Database,
  id: string,
  patch: Partial<
    Pick<
      ImageRecord,
      'name' | 'description' | 'family' | 'bootMode' | 'deprecated' | 'licenseType' | 'nvmeSupport' | 'imdsSupport' | 'resourceGroupId'
    >
  >,
): void {
  const sets: string[] = [];
  const args: unknown[] = [];
  for (const [k, v] of Object.entries(patch) as [keyof ImageRecord, unknown][]) {
    if (v === undefined || !columns[k]) continue;
    sets.push(`${columns[k]} = ?`);
    args.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
  }
  if (sets.length > 0) db.prepare(`UPDATE images SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
}

/** Delete an image, its mappings and its shares (its snapshots stay). */
export function deleteImage(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM image_shares WHERE image_id = ?').run(id);
  db.prepare('DELETE FROM image_disk_mappings WHERE image_id = ?').run(id);
  db.prepare('DELETE FROM images WHERE id = ?').run(id);
}

/** Ids of the images whose disk mappings reference the snapshot (DeleteSnapshot, snapshot Usage). */
export function imagesUsingSnapshot(db: Database.Database, snapshotId: string): string[] {
  return (
    db.prepare('SELECT DISTINCT image_id AS id FROM image_disk_mappings WHERE snapshot_id = ? ORDER BY image_id').all(snapshotId) as {
      id: string;
    }[]
  ).map((r) => r.id);
}
