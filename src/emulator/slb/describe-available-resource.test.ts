/**
 * SLB DescribeAvailableResource in both signature modes. There is no official SLB SDK on npm, so
 * the action is driven through openapi-core's generic `callApi` (the wire answer, errors included)
 * and through our client's `describeSlbZones` (the path `alicloud_zones` takes).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../index.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../accounts.js';
import { callAction, sdkClient, sdkError, type EcsSdkClient } from '../test-support/clients.js';
import { AlibabaCloudClient, describeSlbZones } from '../../ecs/index.js';
import { SLB_VERSION } from '../../spec/slb/zones.js';
import { slbFamily } from './index.js';

interface Pair {
  MasterZoneId: string;
  SlaveZoneId: string;
  SupportResources: { SupportResource: { AddressType: string; AddressIPVersion: string }[] };
}

const hz = (l: string) => `cn-hangzhou-${l}`;

for (const mode of ['v3', 'v1'] as const) {
  describe(`SLB DescribeAvailableResource (${mode})`, () => {
    let emu: RunningEmulator;
    let sdk: EcsSdkClient;
    let client: AlibabaCloudClient;
    before(async () => {
      emu = await startEmulator({ families: [slbFamily] });
      sdk = sdkClient(emu.endpoint, mode);
      client = new AlibabaCloudClient({
        region: 'cn-hangzhou',
        accessKeyId: DEFAULT_ACCESS_KEY_ID,
        accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
        protocol: 'HTTP',
        endpoints: { slb: emu.endpoint },
        signatureAlgorithm: mode,
        retry: { maxAttempts: 1 },
        rateLimiter: false,
      });
    });
    after(async () => {
      await emu.stop();
    });

    const pairs = async (query: Record<string, string>): Promise<Pair[]> => {
      const res = await callAction(sdk, 'DescribeAvailableResource', { RegionId: 'cn-hangzhou', ...query }, { version: SLB_VERSION });
      assert.equal(res.statusCode, 200);
      assert.equal(typeof res.body.RequestId, 'string');
      return (res.body.AvailableResources as { AvailableResource: Pair[] }).AvailableResource;
    };

    test('without filters: every ordered pair of distinct zones, by master then slave, with what each offers', async () => {
      const all = await pairs({});
      assert.equal(all.length, 12);
      assert.deepEqual(
        all.slice(0, 3).map((p) => [p.MasterZoneId, p.SlaveZoneId]),
        [
          [hz('h'), hz('i')],
          [hz('h'), hz('j')],
          [hz('h'), hz('k')],
        ],
      );
      assert.deepEqual(all[0]!.SupportResources.SupportResource, [
        { AddressType: 'vpc', AddressIPVersion: 'ipv4' },
        { AddressType: 'classic_internet', AddressIPVersion: 'ipv4' },
        { AddressType: 'classic_intranet', AddressIPVersion: 'ipv4' },
      ]);
      assert.deepEqual(all.find((p) => p.MasterZoneId === hz('i') && p.SlaveZoneId === hz('j'))!.SupportResources.SupportResource, [
        { AddressType: 'vpc', AddressIPVersion: 'ipv4' },
        { AddressType: 'classic_internet', AddressIPVersion: 'ipv4' },
        { AddressType: 'classic_internet', AddressIPVersion: 'ipv6' },
      ]);
    });

    test('AddressType and AddressIPVersion keep the pairs offering them and list only the matching kinds', async () => {
      const intranet = await pairs({ AddressType: 'classic_intranet' });
      assert.deepEqual(
        intranet.map((p) => [p.MasterZoneId, p.SlaveZoneId]),
        [
          [hz('h'), hz('i')],
          [hz('h'), hz('j')],
          [hz('h'), hz('k')],
        ],
      );
      assert.deepEqual(intranet[0]!.SupportResources.SupportResource, [{ AddressType: 'classic_intranet', AddressIPVersion: 'ipv4' }]);
      const ipv6 = await pairs({ AddressIPVersion: 'ipv6' });
      assert.equal(ipv6.length, 6);
      assert.ok(ipv6.every((p) => p.MasterZoneId !== hz('h') && p.SlaveZoneId !== hz('h')));
      assert.deepEqual(await pairs({ AddressType: 'vpc', AddressIPVersion: 'ipv6' }), []);
      const regionWithTwoZones = await callAction(
        sdk,
        'DescribeAvailableResource',
        { RegionId: 'us-west-1', AddressIPVersion: 'ipv6' },
        { version: SLB_VERSION },
      );
      assert.deepEqual((regionWithTwoZones.body.AvailableResources as { AvailableResource: Pair[] }).AvailableResource, []);
    });

    test('a value outside the allowed ones is refused with InvalidParameter (400) naming the parameter', async () => {
      for (const [name, value] of [
        ['AddressType', 'classic-internet'],
        ['AddressIPVersion', 'IPv4'],
      ] as const) {
        const e = await sdkError(
          callAction(sdk, 'DescribeAvailableResource', { RegionId: 'cn-hangzhou', [name]: value }, { version: SLB_VERSION }),
        );
        assert.equal(e.code, 'InvalidParameter');
        assert.equal(e.statusCode, 400);
        assert.match(e.message, new RegExp(name));
      }
      const missing = await sdkError(callAction(sdk, 'DescribeAvailableResource', {}, { version: SLB_VERSION }));
      assert.equal(missing.code, 'MissingParameter');
      assert.match(missing.message, /RegionId/);
    });

    test("the client's describeSlbZones groups the slave zones by master zone", async () => {
      assert.deepEqual(await describeSlbZones(client, { AddressType: 'vpc' }), [
        { ZoneId: hz('h'), SlaveZoneIds: [hz('i'), hz('j'), hz('k')] },
        { ZoneId: hz('i'), SlaveZoneIds: [hz('h'), hz('j'), hz('k')] },
        { ZoneId: hz('j'), SlaveZoneIds: [hz('h'), hz('i'), hz('k')] },
        { ZoneId: hz('k'), SlaveZoneIds: [hz('h'), hz('i'), hz('j')] },
      ]);
      assert.deepEqual(await describeSlbZones(client, { AddressType: 'classic_internet', AddressIPVersion: 'ipv6' }), [
        { ZoneId: hz('i'), SlaveZoneIds: [hz('j'), hz('k')] },
        { ZoneId: hz('j'), SlaveZoneIds: [hz('i'), hz('k')] },
        { ZoneId: hz('k'), SlaveZoneIds: [hz('i'), hz('j')] },
      ]);
      assert.deepEqual(await describeSlbZones(client, { AddressType: 'classic_intranet' }), [
        { ZoneId: hz('h'), SlaveZoneIds: [hz('i'), hz('j'), hz('k')] },
      ]);
    });
  });
}
