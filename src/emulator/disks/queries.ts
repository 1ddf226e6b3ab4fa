/**
 * What other families may ask the disks family: instances launch, list, replace and release
 * their disks; images read an instance's disks; snapshots read the disk they are taken of and
 * the disks made from them.
 */
import type Database from 'better-sqlite3';
import { setTags } from '../tags/repository.js';
import {
  deleteDisk,
  disksFromSnapshots,
  disksOfInstances,
  diskStatus,
  findDiskAnyRegion,
  getDisk,
  insertDisk,
  updateDisk,
  type DiskRecord,
  type DiskStatus,
  type DiskView,
} from './repository.js';
import { newDiskEncryptAlgorithm, newDiskPerformance } from './performance.js';

declare module '../context.js' {
  interface FamilyQueries {
    disks: DiskQueries;
  }
}

/** The instance a set of disks belongs to. */
export interface DiskOwner {
  accountId: number;
  regionId: string;
  zoneId: string;
  instanceId: string;
  resourceGroupId: string;
  /** The image of the system disk. */
  imageId: string;
  /** `yyyy-MM-ddTHH:mmZ` */
  creationTime: string;
  /** ms since epoch: the disks are Attaching from then on. */
  since: number;
}

export interface DiskQueries {
  /** The account's disk in the region, or undefined. */
  find(db: Database.Database, accountId: number, regionId: string, id: string): DiskView | undefined;
  /** The account's disk in any region (actions without RegionId), or undefined. */
  findAnyRegion(db: Database.Database, accountId: number, id: string): DiskView | undefined;
  /** The status a client sees at `now`. */
  status(d: DiskView, now: Date, transitionSeconds: number): DiskStatus;
  /** The disks attached to the instance, system disk first. */
  ofInstance(db: Database.Database, instanceId: string): DiskView[];
  /** Store the disks of a new instance (RunInstances, seeds), in order; they are Attaching from `owner.since`. */
  launch(db: Database.Database, owner: DiskOwner, disks: readonly DiskRecord[]): void;
  /** Replace the instance's system disk (ReplaceSystemDisk): the old one is released. */
  replaceSystemDisk(db: Database.Database, owner: DiskOwner, disk: DiskRecord): void;
  /** The instance is released: disks with DeleteWithInstance go (with their tags), the others become Available. */
  releaseWithInstance(db: Database.Database, accountId: number, instanceId: string, detachedTime: string): void;
  /** Ids of the disks created from each snapshot. */
  fromSnapshots(db: Database.Database, snapshotIds: readonly string[]): Map<string, string[]>;
  /** The AutoPL performance of a disk to launch (`where`: `SystemDisk.`, `DataDisk.2.`), or the ECS error for a bad ask. */
  newDiskPerformance: typeof newDiskPerformance;
  /** The encryption algorithm of a disk to launch, or the ECS error for a bad one. */
  newDiskEncryptAlgorithm: typeof newDiskEncryptAlgorithm;
}

function launchDisk(db: Database.Database, owner: DiskOwner, d: DiskRecord, position: number): void {
  insertDisk(db, {
    id: d.id,
    accountId: owner.accountId,
    regionId: owner.regionId,
    zoneId: owner.zoneId,
    instanceId: owner.instanceId,
    lastInstanceId: '',
    type: d.type,
    sizeGiB: d.sizeGiB,
    category: d.category,
    device: d.device,
    resourceGroupId: owner.resourceGroupId,
    imageId: d.type === 'system' ? owner.imageId : '',
    creationTime: owner.creationTime,
    position,
    name: d.name ?? '',
    description: d.description ?? '',
    status: 'Attaching',
    statusSince: owner.since,
    deleteWithInstance: d.deleteWithInstance ?? true,
    deleteAutoSnapshot: true,
    encrypted: d.encrypted ?? false,
    kmsKeyId: d.kmsKeyId ?? '',
    performanceLevel: d.performanceLevel ?? (d.category === 'cloud_essd' ? 'PL1' : ''),
    sourceSnapshotId: d.sourceSnapshotId ?? '',
    attachedTime: owner.creationTime,
    detachedTime: '',
    burstingEnabled: d.burstingEnabled ?? false,
    provisionedIops: d.provisionedIops ?? 0,
    encryptAlgorithm: d.encryptAlgorithm ?? '',
  });
}

export const diskQueries: DiskQueries = {
  find: getDisk,
  findAnyRegion: findDiskAnyRegion,
  status: diskStatus,
  ofInstance: (db, instanceId) => disksOfInstances(db, [instanceId]).get(instanceId) ?? [],
  launch: (db, owner, disks) => disks.forEach((d, i) => launchDisk(db, owner, d, i)),
  replaceSystemDisk(db, owner, disk) {
    for (const old of diskQueries.ofInstance(db, owner.instanceId).filter((d) => d.type === 'system')) {
      deleteDisk(db, old.id);
      setTags(db, owner.accountId, 'disk', old.id, []);
    }
    launchDisk(db, owner, disk, 0);
    updateDisk(db, disk.id, { status: 'In_use' });
  },
  releaseWithInstance(db, accountId, instanceId, detachedTime) {
    for (const d of diskQueries.ofInstance(db, instanceId)) {
      if (d.deleteWithInstance) {
        deleteDisk(db, d.id);
        setTags(db, accountId, 'disk', d.id, []);
      } else {
        updateDisk(db, d.id, { instanceId: '', lastInstanceId: instanceId, device: '', status: 'Available', detachedTime });
      }
    }
  },
  fromSnapshots: disksFromSnapshots,
  newDiskPerformance,
  newDiskEncryptAlgorithm,
};
