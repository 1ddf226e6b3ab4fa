/**
 * RunInstances validation codes and the image round trip (instance -> CreateImage -> instance),
 * through the official SDK in both signature modes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { CREATE_SECONDS, startHarness, type Harness } from '../images/testing.js';
import { sdkError, type EcsSdkClient } from '../test-support/clients.js';
import { makeNetwork, runOne, runRequest, statusOf, OLD_ZONE, type TestNetwork } from './lifecycle-testing.js';

for (const mode of ['v3', 'v1'] as const) {
  describe(`RunInstances rules over the SDK (${mode})`, () => {
    let h: Harness;
    let ecs: EcsSdkClient;
    let net: TestNetwork;
    before(async () => {
      h = await startHarness();
      ecs = h.client(mode);
      net = await makeNetwork(h, mode, ecs);
    });
    after(async () => {
      await h.stop();
    });

    const fails = async (over: Parameters<typeof runRequest>[1], code: string, status: number) => {
      const err = await sdkError(ecs.runInstances(runRequest(net, over)));
      assert.deepEqual([err.code, err.statusCode], [code, status], err.message);
      return err;
    };

    test('every invalid input is refused with its ECS code and nothing is created', async () => {
      await fails({ imageId: 'm-nope' }, 'InvalidImageId.NotFound', 404);
      await fails({ instanceType: 'ecs.nope.large' }, 'InvalidInstanceType.NotFound', 404);
      await fails({ instanceType: 'ecs.g8i.large', vSwitchId: net.oldZoneVSwitchId }, 'InvalidInstanceType.ValueUnauthorized', 403);
      await fails({ zoneId: OLD_ZONE }, 'InvalidParameter.Mismatch', 400);
      await fails({ zoneId: 'cn-hangzhou-z' }, 'InvalidZoneId.NotFound', 404);
      await fails({ vSwitchId: 'vsw-nope' }, 'InvalidVSwitchId.NotFound', 404);
      await fails({ vSwitchId: undefined }, 'MissingParameter', 400);
      await fails({ securityGroupIds: ['sg-nope'] }, 'InvalidSecurityGroupId.NotFound', 404);
      await fails({ securityGroupIds: undefined }, 'MissingParameter', 400);
      await fails({ systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ size: '10' }) }, 'InvalidSystemDiskSize', 400);
      await fails({ systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ size: '4096' }) }, 'InvalidSystemDiskSize', 400);
      await fails(
        { systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: 'cloud' }) },
        'InvalidSystemDiskCategory.ValueNotSupported',
        403,
      );
      await fails({ dataDisk: [new $Ecs.RunInstancesRequestDataDisk({ size: 5 })] }, 'InvalidDataDiskSize.ValueNotSupported', 400);
      await fails({ password: 'short1A' }, 'InvalidPassword.Malformed', 400);
      await fails({ password: 'onlylowercase' }, 'InvalidPassword.Malformed', 400);
      await fails({ hostName: 'a..b' }, 'InvalidHostName.Malformed', 400);
      await fails({ instanceName: 'http://x' }, 'InvalidInstanceName.Malformed', 400);
      await fails({ internetMaxBandwidthOut: 101 }, 'InvalidInternetMaxBandwidthOut.Malformed', 400);
      await fails({ internetChargeType: 'PayByMood' }, 'InvalidInternetChargeType.ValueNotSupported', 400);
      await fails({ resourceGroupId: 'rg-nope' }, 'InvalidResourceGroup.NotFound', 404);
      await fails({ amount: 2, minAmount: 3 }, 'InvalidParameter', 400);
      await fails({ privateIpAddress: '192.168.0.10' }, 'InvalidPrivateIpAddress', 400);
      await fails({ imageId: 'ubuntu_22_04_arm64_20G_alibase_20240101.vhd' }, 'InvalidParameter.Mismatch', 400);
      const dry = await fails({ dryRun: true, instanceName: 'dry-run' }, 'DryRunOperation', 400);
      assert.match(dry.message, /DryRun/);
      const all = (await ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', vSwitchId: net.vSwitchId })))
        .body!;
      assert.equal(all.totalCount, 0);
    });

    test('a chosen private address is honoured once and refused when taken', async () => {
      const ip = `${net.cidr.split('.').slice(0, 3).join('.')}.77`;
      const id = await runOne(ecs, net, { privateIpAddress: ip });
      const a = (await ecs.describeInstanceAttribute(new $Ecs.DescribeInstanceAttributeRequest({ instanceId: id }))).body!;
      assert.deepEqual(a.vpcAttributes!.privateIpAddress!.ipAddress, [ip]);
      await fails({ privateIpAddress: ip }, 'InvalidPrivateIpAddress.Duplicated', 400);
    });

    test('an image made from a new instance inherits its platform, outlives the instance, and launches instances itself', async () => {
      const src = await runOne(ecs, net, { instanceName: 'image-source' });
      const busy = await sdkError(
        ecs.createImage(new $Ecs.CreateImageRequest({ regionId: 'cn-hangzhou', instanceId: src, imageName: `early-${mode}` })),
      );
      assert.equal(busy.code, 'IncorrectInstanceStatus');
      h.advance(2);
      const imageId = (
        await ecs.createImage(new $Ecs.CreateImageRequest({ regionId: 'cn-hangzhou', instanceId: src, imageName: `from-instance-${mode}` }))
      ).body!.imageId!;
      const creating = await sdkError(ecs.runInstances(runRequest(net, { imageId })));
      assert.equal(creating.code, 'IncorrectImageStatus');
      await ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: src, force: true }));
      h.advance(CREATE_SECONDS);
      const img = (await ecs.describeImages(new $Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou', imageId }))).body!.images!.image![0]!;
      assert.deepEqual([img.status, img.platform], ['Available', 'Ubuntu']);
      const child = await runOne(ecs, net, { imageId, instanceName: 'from-custom' });
      h.advance(2);
      assert.equal(await statusOf(ecs, child), 'Running');
      const inUse = await sdkError(ecs.deleteImage(new $Ecs.DeleteImageRequest({ regionId: 'cn-hangzhou', imageId })));
      assert.equal(inUse.code, 'ImageUsingByInstance');
      await ecs.deleteImage(new $Ecs.DeleteImageRequest({ regionId: 'cn-hangzhou', imageId, force: true }));
      const d = (
        await ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([child]) }))
      ).body!;
      assert.match(d.instances!.instance![0]!.OSNameEn!, /Ubuntu/, 'the OS recorded at launch survives the image');
    });
  });
}
