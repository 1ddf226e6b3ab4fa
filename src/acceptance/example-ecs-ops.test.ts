/**
 * The client operations behind the example resources, against an in-process emulator (no
 * terraform): create/describe/modify/delete round trips, "gone" answers, waiters and paging.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  AlibabaCloudClient,
  createSecurityGroup,
  createVpc,
  createVSwitch,
  deleteInstance,
  deleteSecurityGroup,
  deleteVpc,
  deleteVSwitch,
  describeAllInstanceTypes,
  describeAllVpcs,
  describeInnerAccessPolicy,
  describeInstanceDetail,
  describeSecurityGroup,
  describeSystemDisk,
  describeVpc,
  describeVSwitch,
  describeZones,
  isEcsServiceError,
  listAllResourceGroups,
  modifyInstanceAttribute,
  modifySecurityGroupAttribute,
  modifyVpcAttribute,
  modifyVSwitchAttribute,
  runInstance,
  stopInstance,
  waitInstanceDeleted,
  waitInstanceStatus,
  waitVpcAvailable,
  waitVSwitchAvailable,
} from '../ecs/index.js';
import {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  DEFAULT_ACCOUNT_ID,
  startEmulator,
  type RunningEmulator,
} from '../emulator/index.js';

let emu: RunningEmulator;
let c: AlibabaCloudClient;
before(async () => {
  emu = await startEmulator({ settings: { instanceStartSeconds: 1 } });
  c = new AlibabaCloudClient({
    region: 'cn-hangzhou',
    accessKeyId: DEFAULT_ACCESS_KEY_ID,
    accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
    protocol: 'HTTP',
    endpoints: { ecs: emu.endpoint, vpc: emu.endpoint, resourcemanager: emu.endpoint },
    retry: { maxAttempts: 1 },
  });
});
after(async () => {
  await emu?.stop();
});

test('a VPC goes Pending to Available, renames, lists, and a second delete reports it gone', async () => {
  const { vpcId, routerId, routeTableId } = await createVpc(c, { CidrBlock: '10.1.0.0/16', VpcName: 'a', Tag: [{ Key: 'k', Value: 'v' }] });
  assert.match(routerId, /^vrt-/);
  const ready = await waitVpcAvailable(c, vpcId, { timeoutMs: 10_000 });
  assert.deepEqual(
    [ready.Status, ready.CidrBlock, ready.RouteTableIds, ready.Tags, ready.ResourceGroupId],
    ['Available', '10.1.0.0/16', [routeTableId], { k: 'v' }, `rg-default-${DEFAULT_ACCOUNT_ID}`],
  );
  await modifyVpcAttribute(c, { VpcId: vpcId, VpcName: 'b', Description: 'dd' });
  assert.deepEqual([(await describeVpc(c, vpcId))?.VpcName, (await describeVpc(c, vpcId))?.Description], ['b', 'dd']);
  assert.ok((await describeAllVpcs(c)).some((v) => v.VpcId === vpcId));
  assert.deepEqual(await deleteVpc(c, vpcId), { notFound: false });
  assert.deepEqual(await deleteVpc(c, vpcId), { notFound: true });
  assert.equal(await describeVpc(c, vpcId), undefined);
});

test('a vSwitch waits Available, renames, blocks its VPC delete with DependencyViolation, and deletes idempotently', async () => {
  const { vpcId } = await createVpc(c, { CidrBlock: '10.2.0.0/16' });
  const { vswitchId } = await createVSwitch(c, { VpcId: vpcId, ZoneId: 'cn-hangzhou-i', CidrBlock: '10.2.1.0/24', VSwitchName: 's' });
  const s = await waitVSwitchAvailable(c, vswitchId, { timeoutMs: 10_000 });
  assert.deepEqual([s.VpcId, s.ZoneId, s.CidrBlock, s.VSwitchName], [vpcId, 'cn-hangzhou-i', '10.2.1.0/24', 's']);
  await modifyVSwitchAttribute(c, { VSwitchId: vswitchId, VSwitchName: 's2' });
  assert.equal((await describeVSwitch(c, vswitchId))?.VSwitchName, 's2');
  await assert.rejects(deleteVpc(c, vpcId), (e) => isEcsServiceError(e) && e.code === 'DependencyViolation.VSwitch');
  assert.deepEqual(await deleteVSwitch(c, vswitchId), { notFound: false });
  assert.deepEqual(await deleteVSwitch(c, vswitchId), { notFound: true });
  assert.equal(await describeVSwitch(c, vswitchId), undefined);
  await deleteVpc(c, vpcId);
});

test('a security group reads back its name, type, tags and inner policy, and deletes idempotently', async () => {
  const { vpcId } = await createVpc(c, { CidrBlock: '10.3.0.0/16' });
  const { securityGroupId } = await createSecurityGroup(c, { VpcId: vpcId, SecurityGroupName: 'web', Tag: [{ Key: 'a', Value: 'b' }] });
  const g = await describeSecurityGroup(c, securityGroupId);
  assert.deepEqual([g?.SecurityGroupName, g?.SecurityGroupType, g?.VpcId, g?.Tags], ['web', 'normal', vpcId, { a: 'b' }]);
  assert.equal(await describeInnerAccessPolicy(c, securityGroupId), 'Accept');
  await modifySecurityGroupAttribute(c, { SecurityGroupId: securityGroupId, Description: 'front end' });
  assert.equal((await describeSecurityGroup(c, securityGroupId))?.Description, 'front end');
  assert.deepEqual(await deleteSecurityGroup(c, securityGroupId), { notFound: false });
  assert.deepEqual(await deleteSecurityGroup(c, securityGroupId), { notFound: true });
  await deleteVpc(c, vpcId);
});

test('an instance runs, reaches Running, reports its network and system disk, stops, and is released', async () => {
  const { vpcId } = await createVpc(c, { CidrBlock: '10.5.0.0/16' });
  const { vswitchId } = await createVSwitch(c, { VpcId: vpcId, ZoneId: 'cn-hangzhou-i', CidrBlock: '10.5.1.0/24' });
  const { securityGroupId } = await createSecurityGroup(c, { VpcId: vpcId });
  const [type] = await describeAllInstanceTypes(c, { InstanceTypeFamily: 'ecs.g7' });
  const { instanceId } = await runInstance(c, {
    ImageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd',
    InstanceType: type!.InstanceTypeId,
    VSwitchId: vswitchId,
    SecurityGroupIds: [securityGroupId],
    InstanceName: 'vm',
    SystemDisk: { Category: 'cloud_essd', Size: '40' },
    InternetMaxBandwidthOut: 5,
  });
  const running = await waitInstanceStatus(c, instanceId, 'Running', { timeoutMs: 20_000 });
  assert.deepEqual(
    [running.VSwitchId, running.VpcId, running.SecurityGroupIds, running.InstanceName, running.InternetMaxBandwidthOut],
    [vswitchId, vpcId, [securityGroupId], 'vm', 5],
  );
  assert.match(running.PrivateIp, /^10\.5\.1\./);
  const disk = await describeSystemDisk(c, instanceId);
  assert.match(disk?.diskId ?? '', /^d-[a-z0-9]+$/);
  assert.deepEqual(disk, { diskId: disk!.diskId, category: 'cloud_essd', size: 40 });
  await modifyInstanceAttribute(c, { InstanceId: instanceId, InstanceName: 'vm2', DeletionProtection: true });
  assert.deepEqual(
    [(await describeInstanceDetail(c, instanceId))?.InstanceName, (await describeInstanceDetail(c, instanceId))?.DeletionProtection],
    ['vm2', true],
  );
  await modifyInstanceAttribute(c, { InstanceId: instanceId, DeletionProtection: false });
  await stopInstance(c, instanceId);
  assert.equal((await waitInstanceStatus(c, instanceId, 'Stopped', { timeoutMs: 20_000 })).Status, 'Stopped');
  assert.deepEqual(await deleteInstance(c, instanceId), { notFound: false });
  await waitInstanceDeleted(c, instanceId, { timeoutMs: 20_000 });
  assert.deepEqual(await deleteInstance(c, instanceId), { notFound: true });
});

test('zones, instance types and resource groups come back complete', async () => {
  const zones = await describeZones(c);
  assert.deepEqual(
    zones.map((z) => z.ZoneId),
    ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k'],
  );
  assert.ok(zones[0]!.AvailableResourceCreation.includes('Instance'));
  assert.ok(!zones[0]!.AvailableInstanceTypes.some((t) => t.startsWith('ecs.g8i.')), 'the first zone sells no ecs.g8i');
  const sn1ne = await describeAllInstanceTypes(c, { InstanceTypeFamily: 'ecs.sn1ne' });
  assert.deepEqual(sn1ne[0], { ...sn1ne[0], InstanceTypeId: 'ecs.sn1ne.large', CpuCoreCount: 2, MemorySize: 4 });
  const groups = await listAllResourceGroups(c);
  assert.deepEqual(
    groups.map((g) => g.Name),
    ['default', 'dev', 'prod'],
  );
});
