/**
 * The network families through the official SDKs (VPC 2016-04-28, ECS 2014-05-26,
 * ResourceManager 2020-03-31), in both signature modes, against an in-process emulator.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import VpcModule, * as $Vpc from '@alicloud/vpc20160428';
import RmModule, * as $Rm from '@alicloud/resourcemanager20200331';
import * as $Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { startEmulator, type RunningEmulator, type Family } from '../index.js';
import { resourceGroupsFamily } from '../resource-groups/index.js';
import { tagsFamily } from '../tags/index.js';
import { sdkClient, sdkError, type SignatureMode } from '../test-support/clients.js';
import { vpcFamily } from './index.js';
import { securityGroupsFamily } from '../security-groups/index.js';
import { zonesFamily } from '../zones/index.js';
import { resourceManagerFamily } from '../resource-manager/index.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_ACCOUNT_ID } from '../accounts.js';

const FAMILIES: Family[] = [resourceGroupsFamily, tagsFamily, vpcFamily, securityGroupsFamily, zonesFamily, resourceManagerFamily];
const OTHER = { accessKeyId: 'otherid', accessKeySecret: 'othersecret', accountId: 1234567890123 };

function config(endpoint: string, mode: SignatureMode, key = DEFAULT_ACCESS_KEY_ID, secret = DEFAULT_ACCESS_KEY_SECRET) {
  return new $OpenApiUtil.Config({
    accessKeyId: key,
    accessKeySecret: secret,
    endpoint,
    protocol: 'http',
    regionId: 'cn-hangzhou',
    ...(mode === 'v1' ? { signatureAlgorithm: 'v2' } : {}),
  });
}
const vpcClient = (e: string, m: SignatureMode, k?: string, s?: string) => new VpcModule.default(config(e, m, k, s));
const rmClient = (e: string, m: SignatureMode) => new RmModule.default(config(e, m));

for (const mode of ['v3', 'v1'] as const) {
  describe(`network families over the SDK (${mode})`, () => {
    let emu: RunningEmulator;
    // Real time plus an offset the tests advance (signatures need a current clock).
    let offset = 0;
    const clock = () => new Date(Date.now() + offset);
    before(async () => {
      emu = await startEmulator({
        families: FAMILIES,
        clock,
        accounts: [
          { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET, accountId: DEFAULT_ACCOUNT_ID },
          OTHER,
        ],
      });
    });
    after(async () => {
      await emu.stop();
    });
    const tick = (ms: number) => {
      offset += ms;
    };

    test('creates a VPC that is Pending first and Available a second later, and describes it', async () => {
      const vpc = vpcClient(emu.endpoint, mode);
      const created = await vpc.createVpc(
        new $Vpc.CreateVpcRequest({
          regionId: 'cn-hangzhou',
          cidrBlock: '172.17.3.0/24',
          vpcName: 'terraform-example',
          tag: [new $Vpc.CreateVpcRequestTag({ key: 'k', value: 'v' })],
        }),
      );
      const id = created.body!.vpcId!;
      assert.match(id, /^vpc-/);
      assert.match(created.body!.resourceGroupId!, /^rg-default-/);
      let d = await vpc.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou', vpcId: id }));
      assert.equal(d.body!.totalCount, 1);
      assert.equal(d.body!.vpcs!.vpc![0]!.status, 'Pending');
      tick(1500);
      d = await vpc.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou', vpcName: 'terraform-example' }));
      const v = d.body!.vpcs!.vpc![0]!;
      assert.deepEqual([v.vpcId, v.status, v.cidrBlock, v.isDefault, v.tags!.tag![0]!.key], [id, 'Available', '172.17.3.0/24', false, 'k']);
      await vpc.modifyVpcAttribute(
        new $Vpc.ModifyVpcAttributeRequest({ regionId: 'cn-hangzhou', vpcId: id, vpcName: 'renamed', description: 'a vpc' }),
      );
      d = await vpc.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou', vpcId: id }));
      assert.deepEqual([d.body!.vpcs!.vpc![0]!.vpcName, d.body!.vpcs!.vpc![0]!.description], ['renamed', 'a vpc']);
    });

    test('refuses public, badly masked and malformed VPC CIDR blocks with InvalidCidrBlock.Malformed', async () => {
      const vpc = vpcClient(emu.endpoint, mode);
      for (const cidrBlock of ['8.8.0.0/16', '10.0.0.0/29', '10.0.0.1/24', '300.1.0.0/16', 'abc']) {
        const e = await sdkError(vpc.createVpc(new $Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock })));
        assert.equal(e.code, 'InvalidCidrBlock.Malformed', cidrBlock);
        assert.equal(e.statusCode, 400);
      }
    });

    test('returns the same VPC for a repeated ClientToken', async () => {
      const vpc = vpcClient(emu.endpoint, mode);
      const req = () => new $Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '10.0.0.0/16', clientToken: `tok-${mode}` });
      const a = await vpc.createVpc(req());
      const b = await vpc.createVpc(req());
      assert.equal(a.body!.vpcId, b.body!.vpcId);
    });

    test('creates vSwitches inside the VPC CIDR, refuses overlaps, foreign CIDRs and unknown zones, and blocks DeleteVpc', async () => {
      const vpc = vpcClient(emu.endpoint, mode);
      const vpcId = (await vpc.createVpc(new $Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '192.168.0.0/16' }))).body!.vpcId!;
      const mk = (cidrBlock: string, zoneId = 'cn-hangzhou-h') =>
        vpc.createVSwitch(
          new $Vpc.CreateVSwitchRequest({ regionId: 'cn-hangzhou', vpcId, zoneId, cidrBlock, vSwitchName: 'terraform-example' }),
        );
      const vsw = (await mk('192.168.1.0/24')).body!.vSwitchId!;
      assert.match(vsw, /^vsw-/);
      assert.equal((await sdkError(mk('192.168.1.128/25'))).code, 'InvalidCidrBlock.Overlapped');
      assert.equal((await sdkError(mk('10.1.0.0/24'))).code, 'InvalidParameter');
      assert.equal((await sdkError(mk('192.168.2.0/30'))).code, 'InvalidCidrBlock.Malformed');
      const zone = await sdkError(mk('192.168.3.0/24', 'cn-hangzhou-z'));
      assert.deepEqual([zone.code, zone.statusCode], ['InvalidZoneId.NotFound', 404]);
      const d = await vpc.describeVSwitches(new $Vpc.DescribeVSwitchesRequest({ regionId: 'cn-hangzhou', vpcId }));
      const s = d.body!.vSwitches!.vSwitch![0]!;
      assert.deepEqual(
        [s.vSwitchId, s.zoneId, s.cidrBlock, s.availableIpAddressCount, s.vSwitchName],
        [vsw, 'cn-hangzhou-h', '192.168.1.0/24', 252, 'terraform-example'],
      );
      const ecs = sdkClient(emu.endpoint, mode);
      const sg = (
        await ecs.createSecurityGroup(
          new $Ecs.CreateSecurityGroupRequest({ regionId: 'cn-hangzhou', vpcId, securityGroupName: 'terraform-example' }),
        )
      ).body!.securityGroupId!;
      const dep = await sdkError(vpc.deleteVpc(new $Vpc.DeleteVpcRequest({ regionId: 'cn-hangzhou', vpcId })));
      assert.deepEqual([dep.code, dep.statusCode], ['DependencyViolation.VSwitch', 400]);
      await vpc.deleteVSwitch(new $Vpc.DeleteVSwitchRequest({ regionId: 'cn-hangzhou', vSwitchId: vsw }));
      assert.equal(
        (await sdkError(vpc.deleteVpc(new $Vpc.DeleteVpcRequest({ regionId: 'cn-hangzhou', vpcId })))).code,
        'DependencyViolation.SecurityGroup',
      );
      await ecs.deleteSecurityGroup(new $Ecs.DeleteSecurityGroupRequest({ regionId: 'cn-hangzhou', securityGroupId: sg }));
      await vpc.deleteVpc(new $Vpc.DeleteVpcRequest({ regionId: 'cn-hangzhou', vpcId }));
      const gone = await sdkError(vpc.deleteVpc(new $Vpc.DeleteVpcRequest({ regionId: 'cn-hangzhou', vpcId })));
      assert.deepEqual([gone.code, gone.statusCode], ['InvalidVpcId.NotFound', 404]);
    });

    test('manages security groups: VpcId must exist, names are validated, rules and tags round-trip', async () => {
      const vpc = vpcClient(emu.endpoint, mode);
      const ecs = sdkClient(emu.endpoint, mode);
      const vpcId = (await vpc.createVpc(new $Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '172.16.0.0/12' }))).body!.vpcId!;
      const missing = await sdkError(
        ecs.createSecurityGroup(new $Ecs.CreateSecurityGroupRequest({ regionId: 'cn-hangzhou', vpcId: 'vpc-nope' })),
      );
      assert.deepEqual([missing.code, missing.statusCode], ['InvalidVpcId.NotFound', 404]);
      const bad = await sdkError(
        ecs.createSecurityGroup(new $Ecs.CreateSecurityGroupRequest({ regionId: 'cn-hangzhou', vpcId, securityGroupName: '1bad' })),
      );
      assert.equal(bad.code, 'InvalidSecurityGroupName.Malformed');
      const sg = (
        await ecs.createSecurityGroup(
          new $Ecs.CreateSecurityGroupRequest({
            regionId: 'cn-hangzhou',
            vpcId,
            securityGroupName: 'web',
            description: 'web tier',
            tag: [new $Ecs.CreateSecurityGroupRequestTag({ key: 'team', value: 'a' })],
          }),
        )
      ).body!.securityGroupId!;
      await ecs.authorizeSecurityGroup(
        new $Ecs.AuthorizeSecurityGroupRequest({
          regionId: 'cn-hangzhou',
          securityGroupId: sg,
          ipProtocol: 'tcp',
          portRange: '22/22',
          sourceCidrIp: '0.0.0.0/0',
        }),
      );
      const attr = await ecs.describeSecurityGroupAttribute(
        new $Ecs.DescribeSecurityGroupAttributeRequest({ regionId: 'cn-hangzhou', securityGroupId: sg }),
      );
      assert.deepEqual(
        attr.body!.permissions!.permission!.map((p) => [p.ipProtocol, p.portRange, p.sourceCidrIp, p.policy]),
        [['TCP', '22/22', '0.0.0.0/0', 'accept']],
      );
      await ecs.modifySecurityGroupAttribute(
        new $Ecs.ModifySecurityGroupAttributeRequest({ regionId: 'cn-hangzhou', securityGroupId: sg, securityGroupName: 'web2' }),
      );
      const list = await ecs.describeSecurityGroups(new $Ecs.DescribeSecurityGroupsRequest({ regionId: 'cn-hangzhou', vpcId }));
      const g = list.body!.securityGroups!.securityGroup![0]!;
      assert.deepEqual(
        [g.securityGroupId, g.securityGroupName, g.description, g.securityGroupType, g.ruleCount, g.tags!.tag![0]!.tagKey],
        [sg, 'web2', 'web tier', 'normal', 1, 'team'],
      );
      await ecs.deleteSecurityGroup(new $Ecs.DeleteSecurityGroupRequest({ regionId: 'cn-hangzhou', securityGroupId: sg }));
      const gone = await sdkError(
        ecs.describeSecurityGroupAttribute(
          new $Ecs.DescribeSecurityGroupAttributeRequest({ regionId: 'cn-hangzhou', securityGroupId: sg }),
        ),
      );
      assert.deepEqual([gone.code, gone.statusCode], ['InvalidSecurityGroupId.NotFound', 404]);
    });

    test('lists zones with Instance creation and the ecs.sn1ne types smallest first', async () => {
      const ecs = sdkClient(emu.endpoint, mode);
      const zones = await ecs.describeZones(new $Ecs.DescribeZonesRequest({ regionId: 'cn-hangzhou' }));
      const z = zones.body!.zones!.zone!;
      assert.deepEqual(
        z.map((x) => x.zoneId),
        ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k'],
      );
      assert.ok(z[0]!.availableResourceCreation!.resourceTypes!.includes('Instance'));
      assert.ok(z[0]!.availableInstanceTypes!.instanceTypes!.includes('ecs.sn1ne.large'));
      assert.ok(!z[0]!.availableInstanceTypes!.instanceTypes!.includes('ecs.g8i.large'));
      const types = await ecs.describeInstanceTypes(new $Ecs.DescribeInstanceTypesRequest({ instanceTypeFamily: 'ecs.sn1ne' }));
      const t = types.body!.instanceTypes!.instanceType!;
      assert.equal(t[0]!.instanceTypeId, 'ecs.sn1ne.large');
      assert.deepEqual([t[0]!.cpuCoreCount, t[0]!.memorySize, t[0]!.GPUAmount], [2, 4, 0]);
      assert.ok(t.every((x) => x.instanceTypeFamily === 'ecs.sn1ne'));
      const avail = await ecs.describeAvailableResource(
        new $Ecs.DescribeAvailableResourceRequest({
          regionId: 'cn-hangzhou',
          destinationResource: 'InstanceType',
          zoneId: 'cn-hangzhou-h',
          instanceChargeType: 'PostPaid',
        }),
      );
      const values =
        avail.body!.availableZones!.availableZone![0]!.availableResources!.availableResource![0]!.supportedResources!.supportedResource!.map(
          (r) => r.value,
        );
      assert.ok(values.includes('ecs.sn1ne.large'));
      const fam = await ecs.describeInstanceTypeFamilies(
        new $Ecs.DescribeInstanceTypeFamiliesRequest({ regionId: 'cn-hangzhou', generation: 'ecs-6' }),
      );
      assert.deepEqual(
        fam.body!.instanceTypeFamilies!.instanceTypeFamily!.map((f) => f.instanceTypeFamilyId),
        ['ecs.g8i'],
      );
      const bad = await sdkError(
        ecs.describeAvailableResource(new $Ecs.DescribeAvailableResourceRequest({ regionId: 'cn-hangzhou', destinationResource: 'Nope' })),
      );
      assert.equal(bad.code, 'Invalid.DestinationResource');
    });

    test('lists resource groups default first and gets one; an unknown id is EntityNotExist.ResourceGroup', async () => {
      const rm = rmClient(emu.endpoint, mode);
      const l = await rm.listResourceGroups(new $Rm.ListResourceGroupsRequest({ pageSize: 50 }));
      const groups = l.body!.resourceGroups!.resourceGroup!;
      assert.equal(groups[0]!.name, 'default');
      assert.equal(groups[0]!.accountId, String(DEFAULT_ACCOUNT_ID));
      assert.equal(l.body!.totalCount, groups.length);
      const g = await rm.getResourceGroup(new $Rm.GetResourceGroupRequest({ resourceGroupId: groups[0]!.id }));
      assert.equal(g.body!.resourceGroup!.id, groups[0]!.id);
      const e = await sdkError(rm.getResourceGroup(new $Rm.GetResourceGroupRequest({ resourceGroupId: 'rg-nope' })));
      assert.deepEqual([e.code, e.statusCode], ['EntityNotExist.ResourceGroup', 404]);
    });

    test('keeps accounts apart: another key pair sees none of these VPCs, only its own seeded default', async () => {
      const other = vpcClient(emu.endpoint, mode, OTHER.accessKeyId, OTHER.accessKeySecret);
      const d = await other.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' }));
      assert.deepEqual(
        d.body!.vpcs!.vpc!.map((v) => v.vpcId),
        [`vpc-default-${OTHER.accountId}`],
      );
      const mine = await vpcClient(emu.endpoint, mode).describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' }));
      assert.ok(mine.body!.totalCount! > 0);
    });
  });
}

test('VPCs and vSwitches survive an emulator restart on the same database file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emunet-'));
  const db = join(dir, 'emu.sqlite');
  try {
    let emu = await startEmulator({ families: FAMILIES, db });
    const vpc = vpcClient(emu.endpoint, 'v3');
    const vpcId = (await vpc.createVpc(new $Vpc.CreateVpcRequest({ regionId: 'cn-beijing', cidrBlock: '10.0.0.0/8' }))).body!.vpcId!;
    await vpc.createVSwitch(
      new $Vpc.CreateVSwitchRequest({ regionId: 'cn-beijing', vpcId, zoneId: 'cn-beijing-h', cidrBlock: '10.1.0.0/16' }),
    );
    await emu.stop();
    emu = await startEmulator({ families: FAMILIES, db });
    const again = vpcClient(emu.endpoint, 'v3');
    const d = await again.describeVSwitches(new $Vpc.DescribeVSwitchesRequest({ regionId: 'cn-beijing', vpcId }));
    assert.equal(d.body!.vSwitches!.vSwitch![0]!.cidrBlock, '10.1.0.0/16');
    await emu.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
