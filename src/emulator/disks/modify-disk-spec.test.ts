/**
 * ModifyDiskSpec through the official ECS SDK in both signature modes: what `alicloud_instance`
 * sends for a new system_disk_performance_level or data_disks.performance_level, what DescribeDisks
 * shows afterwards, and the refusals (not ESSD, too small for the level, unknown disk).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne } from '../instances/lifecycle-testing.js';

describeInNetwork('ModifyDiskSpec over the SDK', (env) => {
  const disksOf = async (instanceId: string) =>
    (await env.ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: 'cn-hangzhou', instanceId }))).body!.disks!.disk!;
  const modify = (diskId: string, performanceLevel: string) =>
    env.ecs.modifyDiskSpec(new $Ecs.ModifyDiskSpecRequest({ diskId, performanceLevel }));
  const runWithDisks = () =>
    runOne(env.ecs, env.net, {
      systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: 'cloud_essd', size: '40' }),
      dataDisk: [
        new $Ecs.RunInstancesRequestDataDisk({ category: 'cloud_essd', size: 500, performanceLevel: 'PL1' }),
        new $Ecs.RunInstancesRequestDataDisk({ category: 'cloud_efficiency', size: 20 }),
      ],
    });

  test('the level of a system and a data disk changes in place and DescribeDisks shows it', async () => {
    const id = await runWithDisks();
    env.h.advance(2);
    const [sys, essd] = await disksOf(id);
    assert.deepEqual([sys!.type, sys!.performanceLevel, essd!.performanceLevel], ['system', 'PL1', 'PL1']);
    await modify(sys!.diskId!, 'PL0');
    await modify(essd!.diskId!, 'PL2');
    await modify(essd!.diskId!, 'PL2');
    const after = await disksOf(id);
    assert.deepEqual(
      after.map((d) => [d.diskId, d.performanceLevel, d.status]),
      [
        [sys!.diskId, 'PL0', 'In_use'],
        [essd!.diskId, 'PL2', 'In_use'],
        [after[2]!.diskId, '', 'In_use'],
      ],
    );
  });

  test('DryRun checks without changing: DryRunOperation for a change that would pass, the real code for one that would not; every disk reports EnableAutoSnapshot', async () => {
    const id = await runWithDisks();
    env.h.advance(2);
    const [, essd, efficiency] = await disksOf(id);
    const dry = (diskId: string, performanceLevel: string) =>
      sdkError(env.ecs.modifyDiskSpec(new $Ecs.ModifyDiskSpecRequest({ diskId, performanceLevel, dryRun: true })));
    const passed = await dry(essd!.diskId!, 'PL2');
    assert.deepEqual([passed.code, passed.statusCode], ['DryRunOperation', 400]);
    assert.equal((await disksOf(id))[1]!.performanceLevel, 'PL1', 'nothing changed');
    assert.equal((await dry(efficiency!.diskId!, 'PL2')).code, 'InvalidPerformanceLevel.Malformed');
    assert.deepEqual(
      (await disksOf(id)).map((d) => d.enableAutoSnapshot),
      [true, true, true],
    );
  });

  test('a disk that is not ESSD, too small for the level, unknown or given a bad level is refused', async () => {
    const id = await runWithDisks();
    env.h.advance(2);
    const [sys, essd, efficiency] = await disksOf(id);
    const notEssd = await sdkError(modify(efficiency!.diskId!, 'PL1'));
    assert.deepEqual([notEssd.code, notEssd.statusCode], ['InvalidPerformanceLevel.Malformed', 400]);
    assert.match(notEssd.message, /cloud_efficiency/);
    const small = await sdkError(modify(sys!.diskId!, 'PL2'));
    assert.deepEqual([small.code, small.statusCode], ['InvalidDiskSize.NotSupported', 400]);
    assert.match(small.message, /40 GiB; PL2 needs at least 461 GiB/);
    const big = await sdkError(modify(essd!.diskId!, 'PL3'));
    assert.match(big.message, /500 GiB; PL3 needs at least 1261 GiB/);
    const bad = await sdkError(modify(essd!.diskId!, 'PL9'));
    assert.equal(bad.code, 'InvalidPerformanceLevel.Malformed');
    const gone = await sdkError(modify('d-nothere0000000000', 'PL1'));
    assert.deepEqual([gone.code, gone.statusCode], ['InvalidDiskId.NotFound', 404]);
    assert.deepEqual(
      (await disksOf(id)).map((d) => d.performanceLevel),
      ['PL1', 'PL1', ''],
      'nothing changed',
    );
  });
});
