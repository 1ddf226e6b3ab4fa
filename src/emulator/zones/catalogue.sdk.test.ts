/**
 * The zone and instance-type catalogue through the official ECS SDK in both signature modes:
 * the filters `alicloud_instance_types` and `alicloud_zones` rely on (spot capacity, network,
 * system disk, I/O optimization, GPU model, ENI address minimums), DescribePrice and
 * DescribeImageSupportInstanceTypes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { startEmulator, type RunningEmulator } from '../index.js';
import { imagesFamily } from '../images/index.js';
import { resourceGroupsFamily } from '../resource-groups/index.js';
import { tagsFamily } from '../tags/index.js';
import { sdkClient, sdkError, type EcsSdkClient } from '../test-support/clients.js';
import { zonesFamily } from './index.js';

const REGION = 'cn-hangzhou';

for (const mode of ['v3', 'v1'] as const) {
  describe(`zone catalogue over the SDK (${mode})`, () => {
    let emu: RunningEmulator;
    let ecs: EcsSdkClient;
    before(async () => {
      emu = await startEmulator({ families: [resourceGroupsFamily, tagsFamily, imagesFamily, zonesFamily] });
      ecs = sdkClient(emu.endpoint, mode);
    });
    after(async () => {
      await emu.stop();
    });

    const availableTypes = async (extra: Partial<$Ecs.DescribeAvailableResourceRequest>) => {
      const res = await ecs.describeAvailableResource(
        new $Ecs.DescribeAvailableResourceRequest({ regionId: REGION, destinationResource: 'InstanceType', ...extra }),
      );
      return new Map(
        (res.body!.availableZones!.availableZone ?? []).map((z) => [
          z.zoneId!,
          z.availableResources!.availableResource![0]!.supportedResources!.supportedResource!.map((r) => r.value!),
        ]),
      );
    };

    test('spot capacity: none in the first zone and none for ecs.sn1ne; subscription ignores the spot strategy', async () => {
      const all = await availableTypes({ instanceChargeType: 'PostPaid' });
      const spot = await availableTypes({ instanceChargeType: 'PostPaid', spotStrategy: 'SpotAsPriceGo' });
      assert.ok(all.get('cn-hangzhou-h')!.includes('ecs.sn1ne.large'));
      assert.equal(spot.has('cn-hangzhou-h'), false);
      assert.ok(spot.get('cn-hangzhou-i')!.includes('ecs.c6.large'));
      assert.ok(!spot.get('cn-hangzhou-i')!.includes('ecs.sn1ne.large'));
      const prepaid = await availableTypes({ instanceChargeType: 'PrePaid', spotStrategy: 'SpotAsPriceGo' });
      assert.ok(prepaid.get('cn-hangzhou-h')!.includes('ecs.sn1ne.large'));
      const zones = await ecs.describeZones(new $Ecs.DescribeZonesRequest({ regionId: REGION, spotStrategy: 'SpotWithPriceLimit' }));
      const byId = new Map(zones.body!.zones!.zone!.map((z) => [z.zoneId!, z.availableInstanceTypes!.instanceTypes!]));
      assert.deepEqual(byId.get('cn-hangzhou-h'), []);
      assert.ok(!byId.get('cn-hangzhou-i')!.includes('ecs.sn1ne.large'));
    });

    test('classic network, outdated (non-I/O-optimized) types and unsold system disk categories find no zone', async () => {
      assert.equal((await availableTypes({})).size, 4);
      assert.equal((await availableTypes({ networkCategory: 'vpc' })).size, 4);
      assert.equal((await availableTypes({ networkCategory: 'classic' })).size, 0);
      assert.equal((await availableTypes({ ioOptimized: 'none' })).size, 0);
      assert.equal((await availableTypes({ systemDiskCategory: 'cloud_essd' })).size, 4);
      assert.equal((await availableTypes({ systemDiskCategory: 'ephemeral_ssd' })).size, 0);
    });

    test('DescribeInstanceTypes filters by GPU model and ENI address minimums and reports GPU, local disks and credits', async () => {
      const list = async (req: Partial<$Ecs.DescribeInstanceTypesRequest>) =>
        (await ecs.describeInstanceTypes(new $Ecs.DescribeInstanceTypesRequest(req))).body!.instanceTypes!.instanceType!;
      const gpu = await list({ GPUSpec: 'NVIDIA A10' });
      assert.deepEqual(
        gpu.map((t) => [t.instanceTypeId, t.GPUAmount, t.GPUSpec]),
        [
          ['ecs.gn7i-c8g1.2xlarge', 1, 'NVIDIA A10'],
          ['ecs.gn7i-c16g1.4xlarge', 1, 'NVIDIA A10'],
          ['ecs.gn7i-c32g1.8xlarge', 1, 'NVIDIA A10'],
        ],
      );
      assert.deepEqual(await list({ GPUSpec: 'NVIDIA V100' }), []);
      const ipv6 = await list({ minimumEniIpv6AddressQuantity: 1 });
      assert.ok(ipv6.some((t) => t.instanceTypeId === 'ecs.c6.large'));
      assert.ok(!ipv6.some((t) => t.instanceTypeFamily === 'ecs.sn1ne' || t.instanceTypeFamily === 'ecs.d1ne'));
      const manyIps = await list({ minimumEniPrivateIpAddressQuantity: 20 });
      assert.ok(manyIps.length > 0 && manyIps.every((t) => t.eniPrivateIpAddressQuantity! >= 20));
      const [d1ne] = await list({ instanceTypes: ['ecs.d1ne.2xlarge'] });
      assert.deepEqual([d1ne!.localStorageCategory, d1ne!.localStorageAmount, d1ne!.localStorageCapacity], ['local_hdd_pro', 4, 5500]);
      const [t6] = await list({ instanceTypes: ['ecs.t6-c1m2.large'] });
      assert.deepEqual([t6!.baselineCredit, t6!.initialCredit], [10, 60]);
    });

    test('DescribePrice gives the hourly and monthly list price of a type; an unknown type is refused', async () => {
      const price = async (instanceType: string, priceUnit: string) =>
        (await ecs.describePrice(new $Ecs.DescribePriceRequest({ regionId: REGION, resourceType: 'instance', instanceType, priceUnit })))
          .body!.priceInfo!.price!;
      const hour = await price('ecs.g6.large', 'Hour');
      assert.deepEqual([hour.originalPrice, hour.currency], [0.38, 'CNY']);
      assert.ok((await price('ecs.g6.large', 'Month')).originalPrice! > 200);
      assert.ok((await price('ecs.c6.large', 'Hour')).originalPrice! < hour.originalPrice!);
      const bad = await sdkError(
        ecs.describePrice(new $Ecs.DescribePriceRequest({ regionId: REGION, resourceType: 'instance', instanceType: 'ecs.nope' })),
      );
      assert.equal(bad.code, 'InvalidInstanceType.ValueNotSupported');
    });

    test('DescribeImageSupportInstanceTypes lists the x86 types for an x86 BIOS image and none for an arm64 one', async () => {
      const support = async (imageId: string) =>
        (await ecs.describeImageSupportInstanceTypes(new $Ecs.DescribeImageSupportInstanceTypesRequest({ regionId: REGION, imageId })))
          .body!.instanceTypes!.instanceType ?? [];
      const x86 = await support('ubuntu_22_04_x64_20G_alibase_20240101.vhd');
      assert.ok(x86.some((t) => t.instanceTypeId === 'ecs.g6.large') && x86.some((t) => t.instanceTypeId === 'ecs.g8i.large'));
      assert.deepEqual(await support('ubuntu_22_04_arm64_20G_alibase_20240101.vhd'), []);
      const bad = await sdkError(
        ecs.describeImageSupportInstanceTypes(new $Ecs.DescribeImageSupportInstanceTypesRequest({ regionId: REGION, imageId: 'm-nope' })),
      );
      assert.equal(bad.code, 'InvalidImageId.NotFound');
    });
  });
}
