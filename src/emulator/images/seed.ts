/** Shared seed: the public images of public-images.ts, visible in every region (SEED.md). */
import type Database from 'better-sqlite3';
import { PUBLIC_IMAGES } from './public-images.js';
import { ANY_REGION, insertImage, PUBLIC_ACCOUNT } from './repository.js';

export function seedPublicImages(db: Database.Database): void {
  for (const p of PUBLIC_IMAGES) {
    insertImage(db, {
      id: p.id,
      accountId: PUBLIC_ACCOUNT,
      regionId: ANY_REGION,
      ownerAlias: 'system',
      name: p.name,
      description: '',
      family: p.family,
      version: '',
      platform: p.platform,
      osType: p.osType,
      osName: p.osName,
      osNameEn: p.osNameEn,
      architecture: p.architecture,
      bootMode: p.bootMode,
      sizeGiB: p.sizeGiB,
      deprecated: false,
      createdAt: Date.parse(p.creationTime),
      createSeconds: 0,
      fail: false,
      resourceGroupId: '',
      licenseType: '',
      nvmeSupport: 'supported',
      imdsSupport: 'v2',
      detectionStrategy: '',
      secureBoot: '',
      productCode: '',
      isPublic: true,
      sourceInstanceId: '',
      disks: [{ device: '/dev/xvda', type: 'system', snapshotId: '', sizeGiB: p.sizeGiB, format: '' }],
    });
  }
}
