/**
 * The network actions no other SDK test drives, through the official VPC and ECS SDKs in both
 * signature modes: VPC attributes, secondary blocks, ClassicLink, default VPC and vSwitch, vSwitch
 * attributes, the route table, and the security group rule actions (egress, revoke, modify).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import VpcModule, * as $Vpc from '@alicloud/vpc20160428';
import * as $Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { startEmulator, type RunningEmulator, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../index.js';
import { resourceGroupsFamily } from '../resource-groups/index.js';
import { tagsFamily } from '../tags/index.js';
import { securityGroupsFamily } from '../security-groups/index.js';
import { zonesFamily } from '../zones/index.js';
import { sdkClient, sdkError, type EcsSdkClient, type SignatureMode } from '../test-support/clients.js';
import { vpcFamily } from './index.js';

const REGION = 'cn-hangzhou';

function vpcSdk(endpoint: string, mode: SignatureMode) {
  return new VpcModule.default(
    new $OpenApiUtil.Config({
      accessKeyId: DEFAULT_ACCESS_KEY_ID,
      accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
      endpoint,
      protocol: 'http',
      regionId: REGION,
      ...(mode === 'v1' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
}

for (const mode of ['v3', 'v1'] as const) {
  describe(`VPC attributes and security group rules over the SDK (${mode})`, () => {
    let emu: RunningEmulator;
    let vpc: ReturnType<typeof vpcSdk>;
    let ecs: EcsSdkClient;
    before(async () => {
      emu = await startEmulator({ families: [resourceGroupsFamily, tagsFamily, vpcFamily, securityGroupsFamily, zonesFamily] });
      vpc = vpcSdk(emu.endpoint, mode);
      ecs = sdkClient(emu.endpoint, mode);
    });
    after(async () => {
      await emu.stop();
    });

    const newVpc = async (cidrBlock: string) =>
      (await vpc.createVpc(new $Vpc.CreateVpcRequest({ regionId: REGION, cidrBlock, vpcName: 'attrs' }))).body!.vpcId!;
    const attribute = async (vpcId: string) =>
      (await vpc.describeVpcAttribute(new $Vpc.DescribeVpcAttributeRequest({ regionId: REGION, vpcId }))).body!;

    test('DescribeVpcAttribute follows ModifyVpcAttribute and ClassicLink; an unknown VPC is NotFound', async () => {
      const vpcId = await newVpc('10.20.0.0/16');
      await vpc.modifyVpcAttribute(new $Vpc.ModifyVpcAttributeRequest({ regionId: REGION, vpcId, vpcName: 'renamed' }));
      let a = await attribute(vpcId);
      assert.deepEqual([a.vpcName, a.cidrBlock, a.classicLinkEnabled], ['renamed', '10.20.0.0/16', false]);
      await vpc.enableVpcClassicLink(new $Vpc.EnableVpcClassicLinkRequest({ regionId: REGION, vpcId }));
      assert.equal((await attribute(vpcId)).classicLinkEnabled, true);
      await vpc.disableVpcClassicLink(new $Vpc.DisableVpcClassicLinkRequest({ regionId: REGION, vpcId }));
      a = await attribute(vpcId);
      assert.equal(a.classicLinkEnabled, false);
      const gone = await sdkError(vpc.describeVpcAttribute(new $Vpc.DescribeVpcAttributeRequest({ regionId: REGION, vpcId: 'vpc-nope' })));
      assert.equal(gone.code, 'InvalidVpcId.NotFound');
    });

    test('a secondary block is associated, refused when it overlaps, kept while a vSwitch uses it, then unassociated', async () => {
      const vpcId = await newVpc('10.30.0.0/16');
      const assoc = (block: string) =>
        vpc.associateVpcCidrBlock(new $Vpc.AssociateVpcCidrBlockRequest({ regionId: REGION, vpcId, secondaryCidrBlock: block }));
      const unassoc = (block: string) =>
        vpc.unassociateVpcCidrBlock(new $Vpc.UnassociateVpcCidrBlockRequest({ regionId: REGION, vpcId, secondaryCidrBlock: block }));
      await assoc('172.20.0.0/16');
      assert.equal((await sdkError(assoc('10.30.8.0/24'))).code, 'InvalidCidrBlock.Overlapped');
      const described = await vpc.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: REGION, vpcId }));
      assert.deepEqual(described.body!.vpcs!.vpc![0]!.secondaryCidrBlocks!.secondaryCidrBlock, ['172.20.0.0/16']);
      const vSwitchId = (
        await vpc.createVSwitch(
          new $Vpc.CreateVSwitchRequest({ regionId: REGION, vpcId, zoneId: 'cn-hangzhou-i', cidrBlock: '172.20.1.0/24' }),
        )
      ).body!.vSwitchId!;
      assert.equal((await sdkError(unassoc('172.20.0.0/16'))).code, 'OperationFailed.CidrInUse');
      await vpc.deleteVSwitch(new $Vpc.DeleteVSwitchRequest({ regionId: REGION, vSwitchId }));
      await unassoc('172.20.0.0/16');
      assert.equal((await sdkError(unassoc('172.20.0.0/16'))).code, 'InvalidCidrBlock.NotFound');
    });

    test('the seeded default VPC refuses a second one; a default vSwitch takes the next free /20 of a zone once', async () => {
      assert.equal(
        (await sdkError(vpc.createDefaultVpc(new $Vpc.CreateDefaultVpcRequest({ regionId: REGION })))).code,
        'OperationFailed.DefaultVpcExist',
      );
      const made = await vpc.createDefaultVSwitch(new $Vpc.CreateDefaultVSwitchRequest({ regionId: REGION, zoneId: 'cn-hangzhou-k' }));
      const vSwitchId = made.body!.vSwitchId!;
      const sw = (await vpc.describeVSwitches(new $Vpc.DescribeVSwitchesRequest({ regionId: REGION, vSwitchId }))).body!.vSwitches!
        .vSwitch![0]!;
      assert.deepEqual([sw.zoneId, sw.isDefault], ['cn-hangzhou-k', true]);
      assert.match(sw.cidrBlock!, /\/20$/);
      const again = await sdkError(
        vpc.createDefaultVSwitch(new $Vpc.CreateDefaultVSwitchRequest({ regionId: REGION, zoneId: 'cn-hangzhou-k' })),
      );
      assert.equal(again.code, 'OperationFailed.DefaultVSwitchExist');
      await vpc.modifyVSwitchAttribute(
        new $Vpc.ModifyVSwitchAttributeRequest({ regionId: REGION, vSwitchId, vSwitchName: 'dflt-k', description: 'zone k' }),
      );
      const changed = (await vpc.describeVSwitches(new $Vpc.DescribeVSwitchesRequest({ regionId: REGION, vSwitchId }))).body!.vSwitches!
        .vSwitch![0]!;
      assert.deepEqual([changed.vSwitchName, changed.description], ['dflt-k', 'zone k']);
    });

    test("a VPC's system route table is listed with its vSwitches and renamed in place", async () => {
      const vpcId = await newVpc('10.40.0.0/16');
      const list = async () =>
        (await vpc.describeRouteTableList(new $Vpc.DescribeRouteTableListRequest({ regionId: REGION, vpcId }))).body!.routerTableList!
          .routerTableListType!;
      const [table] = await list();
      assert.equal(table!.routeTableType, 'System');
      await vpc.modifyRouteTableAttributes(
        new $Vpc.ModifyRouteTableAttributesRequest({ regionId: REGION, routeTableId: table!.routeTableId, routeTableName: 'main' }),
      );
      assert.equal((await list())[0]!.routeTableName, 'main');
      const bad = await sdkError(
        vpc.modifyRouteTableAttributes(new $Vpc.ModifyRouteTableAttributesRequest({ regionId: REGION, routeTableId: 'vtb-nope' })),
      );
      assert.equal(bad.code, 'InvalidRouteTableId.NotFound');
    });

    test('egress rules are authorized and revoked, ingress rules modified and revoked by id', async () => {
      const vpcId = await newVpc('10.50.0.0/16');
      const securityGroupId = (await ecs.createSecurityGroup(new $Ecs.CreateSecurityGroupRequest({ regionId: REGION, vpcId }))).body!
        .securityGroupId!;
      const rules = async (direction: string) =>
        (
          await ecs.describeSecurityGroupAttribute(
            new $Ecs.DescribeSecurityGroupAttributeRequest({ regionId: REGION, securityGroupId, direction }),
          )
        ).body!.permissions!.permission!.filter((p) => p.direction === direction);
      await ecs.authorizeSecurityGroupEgress(
        new $Ecs.AuthorizeSecurityGroupEgressRequest({
          regionId: REGION,
          securityGroupId,
          permissions: [{ ipProtocol: 'tcp', portRange: '443/443', destCidrIp: '0.0.0.0/0' }],
        }),
      );
      assert.deepEqual(
        (await rules('egress')).map((r) => [r.ipProtocol?.toLowerCase(), r.portRange, r.destCidrIp]),
        [['tcp', '443/443', '0.0.0.0/0']],
      );
      await ecs.modifySecurityGroupEgressRule(
        new $Ecs.ModifySecurityGroupEgressRuleRequest({
          regionId: REGION,
          securityGroupId,
          ipProtocol: 'tcp',
          portRange: '443/443',
          destCidrIp: '0.0.0.0/0',
          description: 'https out',
        }),
      );
      assert.equal((await rules('egress'))[0]!.description, 'https out');
      await ecs.revokeSecurityGroupEgress(
        new $Ecs.RevokeSecurityGroupEgressRequest({
          regionId: REGION,
          securityGroupId,
          permissions: [{ ipProtocol: 'tcp', portRange: '443/443', destCidrIp: '0.0.0.0/0' }],
        }),
      );
      assert.deepEqual(await rules('egress'), []);
      await ecs.authorizeSecurityGroup(
        new $Ecs.AuthorizeSecurityGroupRequest({
          regionId: REGION,
          securityGroupId,
          permissions: [{ ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '10.0.0.0/8', priority: '1' }],
        }),
      );
      const [ssh] = await rules('ingress');
      await ecs.modifySecurityGroupRule(
        new $Ecs.ModifySecurityGroupRuleRequest({
          regionId: REGION,
          securityGroupId,
          securityGroupRuleId: ssh!.securityGroupRuleId,
          priority: '5',
        }),
      );
      assert.equal((await rules('ingress'))[0]!.priority, '5');
      const missing = await sdkError(
        ecs.modifySecurityGroupRule(
          new $Ecs.ModifySecurityGroupRuleRequest({ regionId: REGION, securityGroupId, securityGroupRuleId: 'sgr-nope', priority: '2' }),
        ),
      );
      assert.equal(missing.code, 'InvalidSecurityGroupRule.NotFound');
      await ecs.revokeSecurityGroup(
        new $Ecs.RevokeSecurityGroupRequest({ regionId: REGION, securityGroupId, securityGroupRuleId: [ssh!.securityGroupRuleId!] }),
      );
      assert.deepEqual(await rules('ingress'), []);
    });
  });
}
