/**
 * Automatic snapshot policies through the official ECS SDK in both signature modes: create (JSON
 * arrays, retention, name and tag rules), describe by id and tag, modify, apply to and cancel from
 * disks (DescribeDisks AutoSnapshotPolicyId / EnableAutomatedSnapshotPolicy), delete releasing its disks, the
 * seeded `sp-default-<account>`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne, runRequest } from '../instances/lifecycle-testing.js';

const R = 'cn-hangzhou';

describeInNetwork('automatic snapshot policies over the SDK', (env) => {
  const create = async (over: Partial<ConstructorParameters<typeof $Ecs.CreateAutoSnapshotPolicyRequest>[0]> = {}) =>
    (
      await env.ecs.createAutoSnapshotPolicy(
        new $Ecs.CreateAutoSnapshotPolicyRequest({
          regionId: R,
          timePoints: '["0","12"]',
          repeatWeekdays: '["1","7"]',
          retentionDays: 7,
          autoSnapshotPolicyName: 'sp-one',
          ...over,
        }),
      )
    ).body!.autoSnapshotPolicyId!;
  const one = async (id: string) =>
    (await env.ecs.describeAutoSnapshotPolicyEx(new $Ecs.DescribeAutoSnapshotPolicyExRequest({ regionId: R, autoSnapshotPolicyId: id })))
      .body!.autoSnapshotPolicies!.autoSnapshotPolicy![0];
  const disk = async (id: string) =>
    (await env.ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: R, diskIds: JSON.stringify([id]) }))).body!.disks!.disk![0]!;

  test('create, describe, modify; bad schedules answer their codes', async () => {
    const id = await create({ tag: [new $Ecs.CreateAutoSnapshotPolicyRequestTag({ key: 'team', value: 'a' })] });
    assert.match(id, /^sp-/);
    const p = (await one(id))!;
    assert.deepEqual(
      [p.autoSnapshotPolicyName, p.timePoints, p.repeatWeekdays, p.retentionDays, p.diskNums, p.status],
      ['sp-one', '["0","12"]', '["1","7"]', 7, 0, 'Normal'],
    );
    assert.deepEqual(
      p.tags?.tag?.map((t) => [t.tagKey, t.tagValue]),
      [['team', 'a']],
    );
    const byTag = await env.ecs.describeAutoSnapshotPolicyEx(
      new $Ecs.DescribeAutoSnapshotPolicyExRequest({
        regionId: R,
        tag: [new $Ecs.DescribeAutoSnapshotPolicyExRequestTag({ key: 'team', value: 'a' })],
      }),
    );
    assert.deepEqual(
      byTag.body!.autoSnapshotPolicies!.autoSnapshotPolicy!.map((x) => x.autoSnapshotPolicyId),
      [id],
    );
    await env.ecs.modifyAutoSnapshotPolicyEx(
      new $Ecs.ModifyAutoSnapshotPolicyExRequest({
        regionId: R,
        autoSnapshotPolicyId: id,
        timePoints: '[3]',
        retentionDays: -1,
        autoSnapshotPolicyName: 'sp-two',
      }),
    );
    const q = (await one(id))!;
    assert.deepEqual([q.autoSnapshotPolicyName, q.timePoints, q.repeatWeekdays, q.retentionDays], ['sp-two', '["3"]', '["1","7"]', -1]);
    for (const [over, code] of [
      [{ timePoints: '["24"]' }, 'InvalidTimePoints.Malformed'],
      [{ timePoints: 'nope' }, 'InvalidTimePoints.Malformed'],
      [{ repeatWeekdays: '["0"]' }, 'InvalidRepeatWeekdays.Malformed'],
      [{ retentionDays: 0 }, 'InvalidRetentionDays.Malformed'],
      [{ retentionDays: 65537 }, 'InvalidRetentionDays.Malformed'],
      [{ autoSnapshotPolicyName: 'http://x' }, 'InvalidAutoSnapshotPolicyName.Malformed'],
      [{ timePoints: undefined }, 'MissingParameter'],
    ] as const) {
      const e = await sdkError(create(over));
      assert.deepEqual([e.code, e.statusCode], [code, 400], JSON.stringify(over));
    }
    const gone = await sdkError(
      env.ecs.modifyAutoSnapshotPolicyEx(
        new $Ecs.ModifyAutoSnapshotPolicyExRequest({ regionId: R, autoSnapshotPolicyId: 'sp-none', retentionDays: 3 }),
      ),
    );
    assert.deepEqual([gone.code, gone.statusCode], ['InvalidAutoSnapshotPolicyId.NotFound', 404]);
    const seeded = await env.ecs.describeAutoSnapshotPolicyEx(
      new $Ecs.DescribeAutoSnapshotPolicyExRequest({ regionId: R, autoSnapshotPolicyName: 'default-policy' }),
    );
    assert.match(seeded.body!.autoSnapshotPolicies!.autoSnapshotPolicy![0]!.autoSnapshotPolicyId!, /^sp-default-\d+$/);
  });

  test('apply and cancel on disks; DescribeDisks reports the policy; delete releases the disks', async () => {
    const id = await create({ autoSnapshotPolicyName: 'sp-disks' });
    const inst = await runOne(env.ecs, env.net);
    const sys = (await env.ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: R, instanceId: inst, diskType: 'system' }))).body!
      .disks!.disk![0]!.diskId!;
    assert.deepEqual([(await disk(sys)).autoSnapshotPolicyId, (await disk(sys)).enableAutomatedSnapshotPolicy], ['', false]);
    await env.ecs.applyAutoSnapshotPolicy(
      new $Ecs.ApplyAutoSnapshotPolicyRequest({ regionId: R, autoSnapshotPolicyId: id, diskIds: JSON.stringify([sys]) }),
    );
    assert.deepEqual([(await disk(sys)).autoSnapshotPolicyId, (await disk(sys)).enableAutomatedSnapshotPolicy], [id, true]);
    assert.equal((await one(id))?.diskNums, 1);
    const unknownDisk = await sdkError(
      env.ecs.applyAutoSnapshotPolicy(
        new $Ecs.ApplyAutoSnapshotPolicyRequest({ regionId: R, autoSnapshotPolicyId: id, diskIds: '["d-none"]' }),
      ),
    );
    assert.deepEqual([unknownDisk.code, unknownDisk.statusCode], ['InvalidDiskId.NotFound', 404]);
    const malformed = await sdkError(
      env.ecs.applyAutoSnapshotPolicy(new $Ecs.ApplyAutoSnapshotPolicyRequest({ regionId: R, autoSnapshotPolicyId: id, diskIds: 'd-1' })),
    );
    assert.deepEqual([malformed.code, malformed.statusCode], ['InvalidDiskIds.Malformed', 400]);
    await env.ecs.cancelAutoSnapshotPolicy(new $Ecs.CancelAutoSnapshotPolicyRequest({ regionId: R, diskIds: JSON.stringify([sys]) }));
    assert.equal((await disk(sys)).autoSnapshotPolicyId, '');
    await env.ecs.applyAutoSnapshotPolicy(
      new $Ecs.ApplyAutoSnapshotPolicyRequest({ regionId: R, autoSnapshotPolicyId: id, diskIds: JSON.stringify([sys]) }),
    );
    await env.ecs.deleteAutoSnapshotPolicy(new $Ecs.DeleteAutoSnapshotPolicyRequest({ regionId: R, autoSnapshotPolicyId: id }));
    assert.equal(await one(id), undefined);
    assert.deepEqual([(await disk(sys)).autoSnapshotPolicyId, (await disk(sys)).enableAutomatedSnapshotPolicy], ['', false]);
    const again = await sdkError(
      env.ecs.deleteAutoSnapshotPolicy(new $Ecs.DeleteAutoSnapshotPolicyRequest({ regionId: R, autoSnapshotPolicyId: id })),
    );
    assert.deepEqual([again.code, again.statusCode], ['InvalidAutoSnapshotPolicyId.NotFound', 404]);
  });

  test('RunInstances SystemDisk/DataDisk.N.AutoSnapshotPolicyId: the new disks follow the policies; unknown ids are refused', async () => {
    const a = await create({ autoSnapshotPolicyName: 'sp-sys' });
    const b = await create({ autoSnapshotPolicyName: 'sp-data' });
    const inst = await runOne(env.ecs, env.net, {
      systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ autoSnapshotPolicyId: a }),
      dataDisk: [
        new $Ecs.RunInstancesRequestDataDisk({ size: 20, autoSnapshotPolicyId: b }),
        new $Ecs.RunInstancesRequestDataDisk({ size: 30 }),
      ],
    });
    const disks = (await env.ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: R, instanceId: inst }))).body!.disks!.disk!;
    const bySize = new Map(disks.map((d) => [d.type === 'system' ? 'system' : String(d.size), d.autoSnapshotPolicyId]));
    assert.deepEqual([bySize.get('system'), bySize.get('20'), bySize.get('30')], [a, b, '']);
    const unknown = await sdkError(
      env.ecs.runInstances(
        runRequest(env.net, { dataDisk: [new $Ecs.RunInstancesRequestDataDisk({ size: 20, autoSnapshotPolicyId: 'sp-none' })] }),
      ),
    );
    assert.deepEqual([unknown.code, unknown.statusCode], ['InvalidAutoSnapshotPolicyId.NotFound', 404]);
    assert.match(unknown.message, /DataDisk\.1\.AutoSnapshotPolicyId/);
  });
});
