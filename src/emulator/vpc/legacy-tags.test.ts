import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startEmulator } from '../index.js';
import { resourceGroupsFamily } from '../resource-groups/index.js';
import { tagsFamily } from '../tags/index.js';
import { zonesFamily } from '../zones/index.js';
import { DEFAULT_ACCOUNT_ID } from '../accounts.js';
import { getTags } from '../tags/repository.js';
import { vpcFamily } from './index.js';
import { findVpc, VPC_TAG_TYPE } from './repository.js';

test('tags an older database kept as JSON on the VPC row move to the shared tags table at start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emunet-legacy-'));
  const file = join(dir, 'emu.sqlite');
  const families = [resourceGroupsFamily, tagsFamily, vpcFamily, zonesFamily];
  try {
    await (await startEmulator({ families, db: file })).stop();
    const db = new Database(file);
    const vpcId = (db.prepare('SELECT vpc_id AS id FROM vpcs WHERE account_id = ?').get(DEFAULT_ACCOUNT_ID) as { id: string }).id;
    db.prepare('UPDATE vpcs SET tags = ? WHERE vpc_id = ?').run(JSON.stringify([{ Key: 'legacy', Value: 'yes' }]), vpcId);
    db.close();
    await (await startEmulator({ families, db: file })).stop();
    const after = new Database(file);
    try {
      assert.deepEqual(getTags(after, DEFAULT_ACCOUNT_ID, VPC_TAG_TYPE, vpcId), [{ key: 'legacy', value: 'yes' }]);
      assert.equal((after.prepare('SELECT tags FROM vpcs WHERE vpc_id = ?').get(vpcId) as { tags: string }).tags, '[]');
      const region = (after.prepare('SELECT region_id AS r FROM vpcs WHERE vpc_id = ?').get(vpcId) as { r: string }).r;
      assert.deepEqual(findVpc(after, DEFAULT_ACCOUNT_ID, region, vpcId)?.tags, [{ Key: 'legacy', Value: 'yes' }]);
    } finally {
      after.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
