/**
 * VPC-product TagResources / UnTagResources / ListTagResources / MoveResourceGroup and ECS
 * ModifySecurityGroupPolicy through the official SDKs, in both signature modes, against an
 * in-process emulator with two accounts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import VpcModule, * as $Vpc from '@alicloud/vpc20160428';
import * as $Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { startEmulator, type RunningEmulator, type Family } from '../index.js';
import { resourceGroupsFamily } from '../resource-groups/index.js';
import { seededGroupId } from '../resource-groups/seed.js';
import { tagsFamily } from '../tags/index.js';
import { sdkClient, sdkError, type SignatureMode } from '../test-support/clients.js';
import { vpcFamily } from './index.js';
import { securityGroupsFamily } from '../security-groups/index.js';
import { zonesFamily } from '../zones/index.js';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_ACCOUNT_ID } from '../accounts.js';

const FAMILIES: Family[] = [resourceGroupsFamily, tagsFamily, vpcFamily, securityGroupsFamily, zonesFamily];
const OTHER = { accessKeyId: 'otherid', accessKeySecret: 'othersecret', accountId: 1234567890123 };
const REGION = 'cn-hangzhou';

function vpcClient(endpoint: string, mode: SignatureMode, key = DEFAULT_ACCESS_KEY_ID, secret = DEFAULT_ACCESS_KEY_SECRET) {
  return new VpcModule.default(
    new $OpenApiUtil.Config({
      accessKeyId: key,
      accessKeySecret: secret,
      endpoint,
      protocol: 'http',
      regionId: REGION,
      ...(mode === 'v1' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
}
type VpcClient = ReturnType<typeof vpcClient>;

const tag = (c: VpcClient, type: string, ids: string[], pairs: [string, string][]) =>
  c.tagResources(
    new $Vpc.TagResourcesRequest({
      regionId: REGION,
      resourceType: type,
      resourceId: ids,
      tag: pairs.map(([key, value]) => new $Vpc.TagResourcesRequestTag({ key, value })),
    }),
  );
const listed = async (c: VpcClient, type: string, ids: string[]) =>
  (
    await c.listTagResources(new $Vpc.ListTagResourcesRequest({ regionId: REGION, resourceType: type, resourceId: ids }))
  ).body!.tagResources!.tagResource!.map((t) => [t.resourceId, t.resourceType, t.tagKey, t.tagValue]);
const vpcTags = async (c: VpcClient, vpcId: string) =>
  (await c.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: REGION, vpcId }))).body!.vpcs!.vpc![0]!.tags!.tag!.map((t) => [
    t.key,
    t.value,
  ]);

for (const mode of ['v3', 'v1'] as const) {
  describe(`VPC tags, resource-group moves and security-group policy over the SDK (${mode})`, () => {
    let emu: RunningEmulator;
    let vpcId: string;
    let vswId: string;
    before(async () => {
      emu = await startEmulator({
        families: FAMILIES,
        accounts: [
          { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET, accountId: DEFAULT_ACCOUNT_ID },
          OTHER,
        ],
      });
      const c = vpcClient(emu.endpoint, mode);
      vpcId = (
        await c.createVpc(
          new $Vpc.CreateVpcRequest({
            regionId: REGION,
            cidrBlock: '10.0.0.0/16',
            tag: [new $Vpc.CreateVpcRequestTag({ key: 'made', value: 'at-create' })],
          }),
        )
      ).body!.vpcId!;
      vswId = (
        await c.createVSwitch(new $Vpc.CreateVSwitchRequest({ regionId: REGION, vpcId, zoneId: 'cn-hangzhou-h', cidrBlock: '10.0.1.0/24' }))
      ).body!.vSwitchId!;
    });
    after(async () => {
      await emu.stop();
    });

    test('upserts, lists and removes VPC tags, and DescribeVpcs shows the same tags', async () => {
      const c = vpcClient(emu.endpoint, mode);
      await tag(
        c,
        'VPC',
        [vpcId],
        [
          ['env', 'dev'],
          ['team', 'net'],
        ],
      );
      await tag(c, 'vpc', [vpcId], [['env', 'prod']]);
      assert.deepEqual(await listed(c, 'VPC', [vpcId]), [
        [vpcId, 'VPC', 'made', 'at-create'],
        [vpcId, 'VPC', 'env', 'prod'],
        [vpcId, 'VPC', 'team', 'net'],
      ]);
      assert.deepEqual(await vpcTags(c, vpcId), [
        ['made', 'at-create'],
        ['env', 'prod'],
        ['team', 'net'],
      ]);
      const filtered = await c.describeVpcs(
        new $Vpc.DescribeVpcsRequest({ regionId: REGION, tag: [new $Vpc.DescribeVpcsRequestTag({ key: 'env', value: 'prod' })] }),
      );
      assert.deepEqual(
        filtered.body!.vpcs!.vpc!.map((v) => v.vpcId),
        [vpcId],
      );
      await c.unTagResources(
        new $Vpc.UnTagResourcesRequest({ regionId: REGION, resourceType: 'VPC', resourceId: [vpcId], tagKey: ['team', 'not-there'] }),
      );
      assert.deepEqual(await vpcTags(c, vpcId), [
        ['made', 'at-create'],
        ['env', 'prod'],
      ]);
      await c.unTagResources(new $Vpc.UnTagResourcesRequest({ regionId: REGION, resourceType: 'VPC', resourceId: [vpcId], all: true }));
      assert.deepEqual(await vpcTags(c, vpcId), []);
    });

    test('tags vSwitches under VSWITCH and finds them by tag alone in ListTagResources', async () => {
      const c = vpcClient(emu.endpoint, mode);
      await tag(c, 'VSWITCH', [vswId], [['tier', 'web']]);
      const d = await c.describeVSwitches(new $Vpc.DescribeVSwitchesRequest({ regionId: REGION, vSwitchId: vswId }));
      assert.deepEqual(
        d.body!.vSwitches!.vSwitch![0]!.tags!.tag!.map((t) => [t.key, t.value]),
        [['tier', 'web']],
      );
      const byTag = await c.listTagResources(
        new $Vpc.ListTagResourcesRequest({
          regionId: REGION,
          resourceType: 'VSWITCH',
          tag: [new $Vpc.ListTagResourcesRequestTag({ key: 'tier' })],
        }),
      );
      assert.deepEqual(
        byTag.body!.tagResources!.tagResource!.map((t) => [t.resourceId, t.tagKey, t.tagValue]),
        [[vswId, 'tier', 'web']],
      );
      assert.equal(byTag.body!.nextToken, '');
      // The same id under the other type is not a VPC.
      const wrong = await sdkError(tag(c, 'VPC', [vswId], [['k', 'v']]));
      assert.equal(wrong.code, 'InvalidResourceId.NotFound');
    });

    test('pages ListTagResources with MaxResults and NextToken', async () => {
      const c = vpcClient(emu.endpoint, mode);
      await tag(
        c,
        'VSWITCH',
        [vswId],
        Array.from({ length: 5 }, (_, i) => [`p${i}`, 'v'] as [string, string]),
      );
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const r = await c.listTagResources(
          new $Vpc.ListTagResourcesRequest({
            regionId: REGION,
            resourceType: 'VSWITCH',
            resourceId: [vswId],
            maxResults: 2,
            nextToken: token,
          }),
        );
        seen.push(...r.body!.tagResources!.tagResource!.map((t) => t.tagKey!));
        token = r.body!.nextToken || undefined;
        pages++;
      } while (token);
      assert.deepEqual(seen, ['tier', 'p0', 'p1', 'p2', 'p3', 'p4']);
      assert.equal(pages, 3);
      const bad = await sdkError(
        c.listTagResources(
          new $Vpc.ListTagResourcesRequest({ regionId: REGION, resourceType: 'VSWITCH', resourceId: [vswId], nextToken: 'nope' }),
        ),
      );
      assert.equal(bad.code, 'InvalidNextToken');
    });

    test('rejects unknown types, unknown ids, bad keys, duplicates, a 21st tag and a list with neither ids nor tags', async () => {
      const c = vpcClient(emu.endpoint, mode);
      const type = await sdkError(tag(c, 'EIP', [vpcId], [['k', 'v']]));
      assert.deepEqual([type.code, type.statusCode], ['InvalidResourceType.NotFound', 404]);
      assert.match(type.message, /VPC, VSWITCH/);
      assert.equal((await sdkError(tag(c, 'VPC', ['vpc-nope'], [['k', 'v']]))).code, 'InvalidResourceId.NotFound');
      assert.equal((await sdkError(tag(c, 'VPC', [vpcId], [['acs:k', 'v']]))).code, 'InvalidTagKey.Malformed');
      assert.equal(
        (
          await sdkError(
            tag(
              c,
              'VPC',
              [vpcId],
              [
                ['k', 'v'],
                ['k', 'w'],
              ],
            ),
          )
        ).code,
        'Duplicate.TagKey',
      );
      assert.equal(
        (
          await sdkError(
            tag(
              c,
              'VPC',
              [vpcId],
              Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'] as [string, string]),
            ),
          )
        ).code,
        'NumberExceed.Tags',
      );
      await tag(
        c,
        'VPC',
        [vpcId],
        Array.from({ length: 20 }, (_, i) => [`q${i}`, 'v'] as [string, string]),
      );
      assert.equal((await sdkError(tag(c, 'VPC', [vpcId], [['q20', 'v']]))).code, 'OperationDenied.QuotaExceed');
      await c.unTagResources(new $Vpc.UnTagResourcesRequest({ regionId: REGION, resourceType: 'VPC', resourceId: [vpcId], all: true }));
      const none = await sdkError(c.listTagResources(new $Vpc.ListTagResourcesRequest({ regionId: REGION, resourceType: 'VPC' })));
      assert.equal(none.code, 'MissingParameter');
      const noType = await sdkError(
        c.tagResources(
          new $Vpc.TagResourcesRequest({
            regionId: REGION,
            resourceId: [vpcId],
            tag: [new $Vpc.TagResourcesRequestTag({ key: 'k', value: 'v' })],
          }),
        ),
      );
      assert.equal(noType.code, 'MissingParameter');
      assert.match(noType.message, /ResourceType/);
    });

    test('moves a VPC to another resource group of the account and refuses unknown groups, types and ids', async () => {
      const c = vpcClient(emu.endpoint, mode);
      const dev = seededGroupId(DEFAULT_ACCOUNT_ID, 'dev');
      await c.moveResourceGroup(
        new $Vpc.MoveResourceGroupRequest({ regionId: REGION, resourceId: vpcId, resourceType: 'vpc', newResourceGroupId: dev }),
      );
      const d = await c.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: REGION, vpcId }));
      assert.equal(d.body!.vpcs!.vpc![0]!.resourceGroupId, dev);
      const inDev = await c.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: REGION, resourceGroupId: dev }));
      assert.deepEqual(
        inDev.body!.vpcs!.vpc!.map((v) => v.vpcId),
        [vpcId],
      );
      const move = (over: Partial<{ resourceId: string; resourceType: string; newResourceGroupId: string }>) =>
        c.moveResourceGroup(
          new $Vpc.MoveResourceGroupRequest({ regionId: REGION, resourceId: vpcId, resourceType: 'Vpc', newResourceGroupId: dev, ...over }),
        );
      const group = await sdkError(move({ newResourceGroupId: 'rg-nope' }));
      assert.deepEqual([group.code, group.statusCode], ['InvalidResourceGroupId', 400]);
      // Another account's group is as unknown as a made-up one.
      assert.equal((await sdkError(move({ newResourceGroupId: seededGroupId(OTHER.accountId, 'prod') }))).code, 'InvalidResourceGroupId');
      assert.equal((await sdkError(move({ resourceType: 'bucket' }))).code, 'IllegalParam.ResourceType');
      assert.equal((await sdkError(move({ resourceId: 'vpc-nope' }))).code, 'InvalidResourceId.NotFound');
    });

    test('keeps accounts apart: another account can neither tag, list nor move these VPCs', async () => {
      const other = vpcClient(emu.endpoint, mode, OTHER.accessKeyId, OTHER.accessKeySecret);
      await tag(vpcClient(emu.endpoint, mode), 'VPC', [vpcId], [['owner', 'me']]);
      assert.equal((await sdkError(tag(other, 'VPC', [vpcId], [['k', 'v']]))).code, 'InvalidResourceId.NotFound');
      assert.equal(
        (
          await sdkError(
            other.unTagResources(new $Vpc.UnTagResourcesRequest({ regionId: REGION, resourceType: 'VPC', resourceId: [vpcId], all: true })),
          )
        ).code,
        'InvalidResourceId.NotFound',
      );
      assert.deepEqual(await listed(other, 'VPC', [vpcId]), []);
      const byTag = await other.listTagResources(
        new $Vpc.ListTagResourcesRequest({
          regionId: REGION,
          resourceType: 'VPC',
          tag: [new $Vpc.ListTagResourcesRequestTag({ key: 'owner' })],
        }),
      );
      assert.deepEqual(byTag.body!.tagResources!.tagResource!, []);
      const move = await sdkError(
        other.moveResourceGroup(
          new $Vpc.MoveResourceGroupRequest({
            regionId: REGION,
            resourceId: vpcId,
            resourceType: 'vpc',
            newResourceGroupId: seededGroupId(OTHER.accountId, 'dev'),
          }),
        ),
      );
      assert.equal(move.code, 'InvalidResourceId.NotFound');
      assert.deepEqual(await vpcTags(vpcClient(emu.endpoint, mode), vpcId), [['owner', 'me']]);
    });

    test('ModifySecurityGroupPolicy sets Drop and Accept (any case) as DescribeSecurityGroupAttribute reports', async () => {
      const ecs = sdkClient(emu.endpoint, mode);
      const sg = (
        await ecs.createSecurityGroup(new $Ecs.CreateSecurityGroupRequest({ regionId: REGION, vpcId, securityGroupName: 'policy' }))
      ).body!.securityGroupId!;
      const policy = async () =>
        (
          await ecs.describeSecurityGroupAttribute(
            new $Ecs.DescribeSecurityGroupAttributeRequest({ regionId: REGION, securityGroupId: sg }),
          )
        ).body!.innerAccessPolicy;
      const set = (innerAccessPolicy: string, id = sg) =>
        ecs.modifySecurityGroupPolicy(
          new $Ecs.ModifySecurityGroupPolicyRequest({ regionId: REGION, securityGroupId: id, innerAccessPolicy }),
        );
      assert.equal(await policy(), 'Accept');
      await set('Drop');
      assert.equal(await policy(), 'Drop');
      await set('accept');
      assert.equal(await policy(), 'Accept');
      const bad = await sdkError(set('Allow'));
      assert.deepEqual([bad.code, bad.statusCode], ['InvalidPolicy.Malformed', 400]);
      assert.match(bad.message, /InnerAccessPolicy/);
      assert.equal((await sdkError(set('Drop', 'sg-nope'))).code, 'InvalidSecurityGroupId.NotFound');
      const other = sdkClient(emu.endpoint, mode, OTHER.accessKeyId, OTHER.accessKeySecret);
      const foreign = await sdkError(
        other.modifySecurityGroupPolicy(
          new $Ecs.ModifySecurityGroupPolicyRequest({ regionId: REGION, securityGroupId: sg, innerAccessPolicy: 'Drop' }),
        ),
      );
      assert.equal(foreign.code, 'InvalidSecurityGroupId.NotFound');
      assert.equal(await policy(), 'Accept');
      const ent = (
        await ecs.createSecurityGroup(
          new $Ecs.CreateSecurityGroupRequest({ regionId: REGION, vpcId, securityGroupName: 'ent', securityGroupType: 'enterprise' }),
        )
      ).body!.securityGroupId!;
      assert.equal((await sdkError(set('Accept', ent))).code, 'OperationDenied');
      await ecs.deleteSecurityGroup(new $Ecs.DeleteSecurityGroupRequest({ regionId: REGION, securityGroupId: ent }));
      await ecs.deleteSecurityGroup(new $Ecs.DeleteSecurityGroupRequest({ regionId: REGION, securityGroupId: sg }));
    });
  });
}

test('VPC tags, resource group and a security group policy survive a restart; deleting a VPC drops its tags', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emunet-tags-'));
  const db = join(dir, 'emu.sqlite');
  try {
    let emu = await startEmulator({ families: FAMILIES, db });
    let c = vpcClient(emu.endpoint, 'v3');
    const vpcId = (await c.createVpc(new $Vpc.CreateVpcRequest({ regionId: REGION, cidrBlock: '10.0.0.0/8' }))).body!.vpcId!;
    await tag(c, 'VPC', [vpcId], [['k', 'v']]);
    await c.moveResourceGroup(
      new $Vpc.MoveResourceGroupRequest({
        regionId: REGION,
        resourceId: vpcId,
        resourceType: 'vpc',
        newResourceGroupId: seededGroupId(DEFAULT_ACCOUNT_ID, 'prod'),
      }),
    );
    const sg = (await sdkClient(emu.endpoint, 'v3').createSecurityGroup(new $Ecs.CreateSecurityGroupRequest({ regionId: REGION, vpcId })))
      .body!.securityGroupId!;
    await sdkClient(emu.endpoint, 'v3').modifySecurityGroupPolicy(
      new $Ecs.ModifySecurityGroupPolicyRequest({ regionId: REGION, securityGroupId: sg, innerAccessPolicy: 'Drop' }),
    );
    await emu.stop();
    emu = await startEmulator({ families: FAMILIES, db });
    c = vpcClient(emu.endpoint, 'v3');
    const v = (await c.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: REGION, vpcId }))).body!.vpcs!.vpc![0]!;
    assert.deepEqual([v.tags!.tag!.map((t) => t.key), v.resourceGroupId], [['k'], seededGroupId(DEFAULT_ACCOUNT_ID, 'prod')]);
    const ecs = sdkClient(emu.endpoint, 'v3');
    const attr = await ecs.describeSecurityGroupAttribute(
      new $Ecs.DescribeSecurityGroupAttributeRequest({ regionId: REGION, securityGroupId: sg }),
    );
    assert.equal(attr.body!.innerAccessPolicy, 'Drop');
    await ecs.deleteSecurityGroup(new $Ecs.DeleteSecurityGroupRequest({ regionId: REGION, securityGroupId: sg }));
    await c.deleteVpc(new $Vpc.DeleteVpcRequest({ regionId: REGION, vpcId }));
    const rows = await c.listTagResources(
      new $Vpc.ListTagResourcesRequest({ regionId: REGION, resourceType: 'VPC', tag: [new $Vpc.ListTagResourcesRequestTag({ key: 'k' })] }),
    );
    assert.deepEqual(rows.body!.tagResources!.tagResource!, []);
    await emu.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
