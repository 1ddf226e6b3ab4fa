/**
 * ESSD AutoPL performance and the encryption algorithm through the official ECS SDK in both
 * signature modes: what `alicloud_instance` sends at RunInstances (`SystemDisk.BurstingEnabled`,
 * `SystemDisk.ProvisionedIops`, `SystemDisk.EncryptAlgorithm`, `DataDisk.N.*`) and later (ModifyDiskSpec
 * `ProvisionedIops`, ModifyDiskAttribute `BurstingEnabled` on the system disk), what `alicloud_ecs_disk`
 * sends to CreateDisk, what DescribeDisks reports, and the ECS refusals on other categories.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { ZONE, describeInNetwork, runOne } from '../instances/lifecycle-testing.js';

describeInNetwork('ESSD AutoPL performance over the SDK', (env) => {
  const disksOf = async (instanceId: string) =>
    (await env.ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: 'cn-hangzhou', instanceId }))).body!.disks!.disk!;
  const instanceCount = async () =>
    (await env.ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', vSwitchId: env.net.vSwitchId }))).body!
      .totalCount!;
  const runAuto = () =>
    runOne(env.ecs, env.net, {
      systemDisk: new $Ecs.RunInstancesRequestSystemDisk({
        category: 'cloud_auto',
        size: '40',
        burstingEnabled: true,
        provisionedIops: 1000,
        encrypted: 'true',
        encryptAlgorithm: 'SM4-128',
      }),
      dataDisk: [
        new $Ecs.RunInstancesRequestDataDisk({ category: 'cloud_auto', size: 100, burstingEnabled: false, provisionedIops: 5000 }),
        new $Ecs.RunInstancesRequestDataDisk({ category: 'cloud_essd', size: 40 }),
      ],
    });

  test('RunInstances stores the AutoPL settings of the system and data disks and DescribeDisks reports them', async () => {
    const id = await runAuto();
    env.h.advance(2);
    const disks = await disksOf(id);
    assert.deepEqual(
      disks.map((d) => [d.type, d.category, d.burstingEnabled, d.provisionedIops, d.encrypted]),
      [
        ['system', 'cloud_auto', true, 1000, true],
        ['data', 'cloud_auto', false, 5000, false],
        ['data', 'cloud_essd', false, 0, false],
      ],
    );
  });

  test('AutoPL settings on other categories, too many IOPS and a bad encryption algorithm are refused with the ECS codes', async () => {
    const before = await instanceCount();
    const cases: [Parameters<typeof runOne>[2], string, RegExp][] = [
      [
        { systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: 'cloud_essd', size: '40', provisionedIops: 0 }) },
        'ProvisionedIopsForDiskCategoryUnsupported',
        /SystemDisk\.ProvisionedIops is for cloud_auto disks only, not cloud_essd/,
      ],
      [
        { systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: 'cloud_essd', size: '40', burstingEnabled: false }) },
        'BurstingEnabledForDiskCategoryUnsupported',
        /SystemDisk\.BurstingEnabled is for cloud_auto disks only/,
      ],
      [
        { dataDisk: [new $Ecs.RunInstancesRequestDataDisk({ category: 'cloud_efficiency', size: 20, burstingEnabled: true })] },
        'BurstingEnabledForDiskCategoryUnsupported',
        /DataDisk\.1\.BurstingEnabled is for cloud_auto disks only, not cloud_efficiency/,
      ],
      [
        { dataDisk: [new $Ecs.RunInstancesRequestDataDisk({ category: 'cloud_auto', size: 40, provisionedIops: 36201 })] },
        'InvalidProvisionedIops.LimitExceed',
        /DataDisk\.1\.ProvisionedIops 36201 is not valid for a 40 GiB cloud_auto disk: an integer from 0 to 36200/,
      ],
      [
        { systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: 'cloud_auto', size: '40', encryptAlgorithm: 'AES-256' }) },
        'InvalidEncrypted.NotMatchEncryptAlgorithm',
        /SystemDisk\.EncryptAlgorithm "AES-256" needs SystemDisk\.Encrypted=true/,
      ],
      [
        {
          systemDisk: new $Ecs.RunInstancesRequestSystemDisk({
            category: 'cloud_auto',
            size: '40',
            encrypted: 'true',
            encryptAlgorithm: 'ROT-13',
          }),
        },
        'InvalidEncryptAlgorithm',
        /"ROT-13" is not valid: AES-256 or SM4-128/,
      ],
    ];
    for (const [over, code, message] of cases) {
      const err = await sdkError(runOne(env.ecs, env.net, over));
      assert.deepEqual([err.code, err.statusCode], [code, 400], JSON.stringify(over));
      assert.match(err.message, message);
    }
    assert.equal(await instanceCount(), before, 'no instance was launched');
  });

  test('ModifyDiskSpec changes the provisioned IOPS of a cloud_auto system disk in place; ModifyDiskAttribute its burst', async () => {
    const id = await runAuto();
    env.h.advance(2);
    const [sys] = await disksOf(id);
    await env.ecs.modifyDiskSpec(new $Ecs.ModifyDiskSpecRequest({ diskId: sys!.diskId, provisionedIops: 20000 }));
    await env.ecs.modifyDiskAttribute(new $Ecs.ModifyDiskAttributeRequest({ diskId: sys!.diskId, burstingEnabled: false }));
    const [after] = await disksOf(id);
    assert.deepEqual([after!.diskId, after!.provisionedIops, after!.burstingEnabled, after!.status], [sys!.diskId, 20000, false, 'In_use']);
  });

  test('ModifyDiskSpec refuses IOPS on a disk that is not cloud_auto, above the size limit, or a call with nothing to change', async () => {
    const id = await runAuto();
    env.h.advance(2);
    const [sys, , essd] = await disksOf(id);
    const notAuto = await sdkError(env.ecs.modifyDiskSpec(new $Ecs.ModifyDiskSpecRequest({ diskId: essd!.diskId, provisionedIops: 0 })));
    assert.deepEqual([notAuto.code, notAuto.statusCode], ['ProvisionedIopsForDiskCategoryUnsupported', 400]);
    const tooMany = await sdkError(env.ecs.modifyDiskSpec(new $Ecs.ModifyDiskSpecRequest({ diskId: sys!.diskId, provisionedIops: 36201 })));
    assert.deepEqual([tooMany.code, tooMany.statusCode], ['InvalidProvisionedIops.LimitExceed', 400]);
    const nothing = await sdkError(env.ecs.modifyDiskSpec(new $Ecs.ModifyDiskSpecRequest({ diskId: sys!.diskId })));
    assert.deepEqual([nothing.code, nothing.statusCode], ['MissingParameter', 400]);
    const burst = await sdkError(
      env.ecs.modifyDiskAttribute(new $Ecs.ModifyDiskAttributeRequest({ diskId: essd!.diskId, burstingEnabled: true })),
    );
    assert.deepEqual([burst.code, burst.statusCode], ['BurstingEnabledForDiskCategoryUnsupported', 400]);
    assert.deepEqual(
      (await disksOf(id)).map((d) => [d.provisionedIops, d.burstingEnabled]),
      [
        [1000, true],
        [5000, false],
        [0, false],
      ],
      'nothing changed',
    );
  });

  test('CreateDisk takes the AutoPL settings for cloud_auto only', async () => {
    const create = (over: Partial<$Ecs.CreateDiskRequest>) =>
      env.ecs.createDisk(new $Ecs.CreateDiskRequest({ regionId: 'cn-hangzhou', zoneId: ZONE, size: 100, ...over }));
    const diskId = (await create({ diskCategory: 'cloud_auto', burstingEnabled: true, provisionedIops: 3000 })).body!.diskId!;
    const [d] = (await env.ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: 'cn-hangzhou', diskIds: JSON.stringify([diskId]) })))
      .body!.disks!.disk!;
    assert.deepEqual([d!.burstingEnabled, d!.provisionedIops], [true, 3000]);
    const refused = await sdkError(create({ diskCategory: 'cloud_essd', provisionedIops: 3000 }));
    assert.deepEqual([refused.code, refused.statusCode], ['ProvisionedIopsForDiskCategoryUnsupported', 400]);
  });
});
