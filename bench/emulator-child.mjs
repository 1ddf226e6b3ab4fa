/**
 * Child process of the emulator benchmark: start the emulator on a SQLite file, seed N
 * custom images straight into the images repository (one transaction), print one JSON line
 * {url, endpoint, seeded, seedMs, sampleIds, rss}, then serve until SIGTERM.
 * Usage: node bench/emulator-child.mjs DB_FILE COUNT
 */
import { load } from './lib.mjs';

const [dbFile, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 0);
const { startEmulator, DEFAULT_ACCOUNT_ID } = await load('emulator/index.js');
const { insertImage } = await load('emulator/images/repository.js');

const emu = await startEmulator({ port: 0, db: dbFile, settings: { imageCreateSeconds: 0 } });
const t = Date.now();
const now = Date.now() - 3600_000;
const seed = emu.db.transaction(() => {
  for (let i = 0; i < count; i++) {
    const id = `m-bench${String(i).padStart(13, '0')}`;
    insertImage(emu.db, {
      id,
      accountId: DEFAULT_ACCOUNT_ID,
      regionId: 'cn-hangzhou',
      ownerAlias: 'self',
      name: `bench-${i}`,
      description: 'seeded by bench',
      family: '',
      version: '',
      platform: 'Ubuntu',
      osType: 'linux',
      osName: 'Ubuntu 22.04 64位',
      osNameEn: 'Ubuntu 22.04 64 bit',
      architecture: 'x86_64',
      bootMode: 'BIOS',
      sizeGiB: 40,
      deprecated: false,
      createdAt: now + i,
      createSeconds: 0,
      fail: false,
      resourceGroupId: `rg-default-${DEFAULT_ACCOUNT_ID}`,
      licenseType: '',
      nvmeSupport: '',
      imdsSupport: '',
      detectionStrategy: '',
      secureBoot: '',
      productCode: '',
      isPublic: false,
      sourceInstanceId: '',
      disks: [{ device: '/dev/xvda', type: 'system', snapshotId: `s-bench${String(i).padStart(13, '0')}`, sizeGiB: 40, format: '' }],
    });
  }
});
seed();
const seedMs = Date.now() - t;
globalThis.gc?.();
const sampleIds = [0, Math.floor(count / 2), count - 1]
  .filter((i) => i >= 0 && count > 0)
  .map((i) => `m-bench${String(i).padStart(13, '0')}`);
process.stdout.write(
  JSON.stringify({ url: emu.url, endpoint: emu.endpoint, seeded: count, seedMs, sampleIds, rss: process.memoryUsage().rss }) + '\n',
);
const stop = () => void emu.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
