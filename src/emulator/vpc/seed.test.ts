import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, DEFAULT_ACCOUNT_ID } from '../index.js';
import { getInstance } from '../instances/repository.js';
import { findSecurityGroup } from '../security-groups/repository.js';
import { findVpc, findVSwitch } from './repository.js';
import { contains, parseCidr } from './cidr.js';

const cidrContains = (outer: string, inner: string) => contains(parseCidr(outer)!, parseCidr(inner)!);

test('seeds the default VPC, vSwitch and security group the seeded instances point at, once across restarts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emufix-seed-'));
  try {
    for (let run = 0; run < 2; run++) {
      const emu = await startEmulator({ port: 0, db: join(dir, 'seed.db') });
      try {
        const region = 'cn-hangzhou';
        const inst = getInstance(emu.db, DEFAULT_ACCOUNT_ID, region, `i-running-${DEFAULT_ACCOUNT_ID}`)!;
        const vpc = findVpc(emu.db, DEFAULT_ACCOUNT_ID, region, inst.vpcId);
        assert.ok(vpc, `${inst.vpcId} exists`);
        assert.equal(vpc.isDefault, true);
        assert.equal(vpc.cidrBlock, '172.16.0.0/12');
        const vsw = findVSwitch(emu.db, DEFAULT_ACCOUNT_ID, region, inst.vSwitchId)!;
        assert.equal(vsw.vpcId, vpc.vpcId);
        assert.equal(vsw.zoneId, inst.zoneId, "the vSwitch is in the instances' zone");
        assert.ok(
          cidrContains(vpc.cidrBlock, vsw.cidrBlock) && cidrContains(vsw.cidrBlock, `${inst.privateIp}/32`),
          'the seeded private IPs lie in the vSwitch',
        );
        for (const sg of inst.securityGroupIds) assert.equal(findSecurityGroup(emu.db, DEFAULT_ACCOUNT_ID, region, sg)?.vpcId, vpc.vpcId);
        const counts = emu.db
          .prepare(
            `SELECT (SELECT COUNT(*) FROM vpcs WHERE account_id = :a) AS v, (SELECT COUNT(*) FROM vswitches WHERE account_id = :a) AS s,
            (SELECT COUNT(*) FROM security_groups WHERE account_id = :a) AS g`,
          )
          .get({ a: DEFAULT_ACCOUNT_ID });
        assert.deepEqual(counts, { v: 1, s: 1, g: 1 }, `run ${run}: one of each for the account, never duplicated`);
      } finally {
        await emu.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
