import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@alicloud/ecs20140526';
import { callAction, sdkError } from '../test-support/clients.js';
import { REGION, useHarness } from '../images/testing.js';
import { currentInstanceStatus, getInstance, insertInstance, updateInstance, deleteInstance, listInstances } from './repository.js';

describe('DescribeInstances and DescribeDisks', () => {
  const h = useHarness();
  const acct = h.accounts[0];
  const list = async (req: Partial<E.DescribeInstancesRequest>) =>
    (await h.client().describeInstances(new E.DescribeInstancesRequest({ regionId: REGION, ...req }))).body!;

  test('lists the seeded instances with status, locks, security groups, VPC attributes and OS', async () => {
    const body = await list({});
    assert.equal(body.totalCount, 3);
    const byId = new Map(body.instances!.instance!.map((i) => [i.instanceId, i]));
    assert.equal(byId.get(`i-running-${acct}`)!.status, 'Running');
    assert.equal(byId.get(`i-stopped-${acct}`)!.status, 'Stopped');
    const locked = byId.get(`i-locked-${acct}`)!;
    assert.deepEqual(
      locked.operationLocks!.lockReason!.map((l) => l.lockReason),
      ['security'],
    );
    assert.deepEqual(locked.securityGroupIds!.securityGroupId, [`sg-default-${acct}`]);
    assert.equal(locked.vpcAttributes!.vpcId, `vpc-default-${acct}`);
    assert.equal(locked.OSType, 'linux');
    assert.equal(byId.get(`i-running-${acct}`)!.imageId, 'ubuntu_22_04_x64_20G_alibase_20240101.vhd');
    assert.equal(byId.get(`i-running-${acct}`)!.memory, 8192);
  });

  test('filters by JSON InstanceIds, Status, ImageId, wildcard name and LockReason', async () => {
    assert.equal((await list({ instanceIds: JSON.stringify([`i-running-${acct}`, 'i-nope']) })).totalCount, 1);
    assert.deepEqual(
      (await list({ status: 'Stopped' })).instances!.instance!.map((i) => i.instanceId),
      [`i-stopped-${acct}`],
    );
    assert.equal((await list({ imageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd' })).totalCount, 2);
    assert.equal((await list({ instanceName: 'seed-*ed' })).totalCount, 2);
    assert.equal((await list({ lockReason: 'security' })).totalCount, 1);
  });

  test('pages with PageSize and with MaxResults/NextToken', async () => {
    const p = await list({ pageSize: 2, pageNumber: 2 });
    assert.equal(p.instances!.instance!.length, 1);
    const first = await list({ maxResults: 2 });
    assert.equal(first.instances!.instance!.length, 2);
    assert.ok(first.nextToken);
    const second = await list({ maxResults: 2, nextToken: first.nextToken });
    assert.equal(second.instances!.instance!.length, 1);
    assert.equal(second.nextToken, '');
  });

  test('rejects an unknown Status and more than 100 InstanceIds', async () => {
    assert.equal((await sdkError(list({ status: 'Sleeping' }))).code, 'InvalidStatus.NotFound');
    const ids = JSON.stringify(Array.from({ length: 101 }, (_, i) => `i-${i}`));
    assert.equal((await sdkError(list({ instanceIds: ids }))).statusCode, 400);
  });

  test('lists the disks of an instance', async () => {
    const r = await callAction(h.client(), 'DescribeDisks', { RegionId: REGION, InstanceId: `i-running-${acct}` });
    const disks = (r.body.Disks as { Disk: Record<string, unknown>[] }).Disk;
    assert.deepEqual(
      disks.map((d) => [d.DiskId, d.Type, d.Size, d.Device]),
      [
        [`d-running-system-${acct}`, 'system', 40, '/dev/xvda'],
        [`d-running-data-${acct}`, 'data', 100, '/dev/xvdb'],
      ],
    );
  });

  test('derives Pending, Starting and Running from the stored status time, and the repository round-trips records', () => {
    const db = h.emu.db;
    insertInstance(db, {
      id: 'i-repo-test',
      accountId: acct,
      regionId: REGION,
      zoneId: 'cn-hangzhou-i',
      name: 'repo',
      instanceType: 'ecs.g7.large',
      imageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd',
      status: 'Pending',
      statusSince: 1_000_000,
      vpcId: 'vpc-x',
      vSwitchId: 'vsw-x',
      securityGroupIds: ['sg-x'],
      resourceGroupId: `rg-default-${acct}`,
      creationTime: '2024-02-01T00:00Z',
      internetMaxBandwidthOut: 5,
      locks: [],
    });
    const rec = getInstance(db, acct, REGION, 'i-repo-test')!;
    assert.equal(currentInstanceStatus(rec, new Date(1_000_500), 2), 'Pending');
    assert.equal(currentInstanceStatus(rec, new Date(1_001_500), 2), 'Starting');
    assert.equal(currentInstanceStatus(rec, new Date(1_002_000), 2), 'Running');
    updateInstance(db, 'i-repo-test', { status: 'Stopped', statusSince: 5, name: 'renamed', securityGroupIds: ['sg-y'] });
    const upd = getInstance(db, acct, REGION, 'i-repo-test')!;
    assert.deepEqual([upd.status, upd.name, upd.securityGroupIds], ['Stopped', 'renamed', ['sg-y']]);
    assert.deepEqual(
      listInstances(db, acct, REGION, { vpcId: 'vpc-x' }).map((i) => i.id),
      ['i-repo-test'],
    );
    deleteInstance(db, 'i-repo-test');
    assert.equal(getInstance(db, acct, REGION, 'i-repo-test'), undefined);
  });
});
