/** Instance progress survives an emulator restart: status is derived from stored timestamps only. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as $Ecs from '@alicloud/ecs20140526';
import { startHarness } from '../images/testing.js';
import { makeNetwork, runOne, statusOf } from './lifecycle-testing.js';

test('an instance launched before a restart carries on from Pending to Running, and a stop in progress finishes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emuinstances-'));
  const db = join(dir, 'emu.db');
  try {
    const first = await startHarness(db);
    const ecs = first.client('v1');
    const net = await makeNetwork(first, 'v1', ecs);
    const id = await runOne(ecs, net, { deletionProtection: true, hostName: 'keep-me' });
    assert.equal(await statusOf(ecs, id), 'Pending');
    await first.stop();

    const second = await startHarness(db, 10);
    const ecs2 = second.client('v3');
    assert.equal(await statusOf(ecs2, id), 'Running');
    const a = (await ecs2.describeInstanceAttribute(new $Ecs.DescribeInstanceAttributeRequest({ instanceId: id }))).body!;
    assert.equal(a.hostName, 'keep-me');
    await ecs2.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
    await second.stop();

    const third = await startHarness(db, 14);
    assert.equal(await statusOf(third.client('v3'), id), 'Stopped');
    const del = await third
      .client('v3')
      .deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id }))
      .catch((e: { code: string }) => e.code);
    assert.equal(del, 'InvalidOperation.DeletionProtection', 'deletion protection was persisted');
    await third.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
