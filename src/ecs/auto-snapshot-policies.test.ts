/** The automatic snapshot policy calls on the wire: lower-camel `regionId` from the client's region, JSON arrays. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testClient, useCannedServer } from './canned-server.js';
import {
  applyAutoSnapshotPolicy,
  cancelAutoSnapshotPolicy,
  createAutoSnapshotPolicy,
  describeAutoSnapshotPolicy,
} from './auto-snapshot-policies.js';

const srv = useCannedServer();

test('createAutoSnapshotPolicy sends regionId (not RegionId) and the schedule as JSON arrays; returns the id', async () => {
  srv.reset();
  srv.script.push({ body: { RequestId: 'R1', AutoSnapshotPolicyId: 'sp-1' } });
  const id = await createAutoSnapshotPolicy(testClient(srv.endpoint), {
    timePoints: ['0', '12'],
    repeatWeekdays: ['1'],
    retentionDays: -1,
  });
  assert.equal(id, 'sp-1');
  const q = srv.requests[0]!.query;
  assert.deepEqual(
    [q.get('regionId'), q.get('RegionId'), q.get('timePoints'), q.get('repeatWeekdays'), q.get('retentionDays')],
    ['cn-hangzhou', null, '["0","12"]', '["1"]', '-1'],
  );
});

test('apply and cancel send diskIds as a JSON array; describe finds one policy by id', async () => {
  srv.reset();
  srv.script.push({ body: { RequestId: 'R1' } }, { body: { RequestId: 'R2' } });
  srv.script.push({
    body: {
      RequestId: 'R3',
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
      AutoSnapshotPolicies: { AutoSnapshotPolicy: [{ AutoSnapshotPolicyId: 'sp-1', RetentionDays: 7 }] },
    },
  });
  const c = testClient(srv.endpoint);
  await applyAutoSnapshotPolicy(c, 'sp-1', ['d-1', 'd-2']);
  await cancelAutoSnapshotPolicy(c, ['d-1']);
  assert.equal((await describeAutoSnapshotPolicy(c, 'sp-1'))?.RetentionDays, 7);
  const [apply, cancel, describe] = srv.requests.map((r) => r.query);
  assert.deepEqual([apply!.get('autoSnapshotPolicyId'), apply!.get('diskIds')], ['sp-1', '["d-1","d-2"]']);
  assert.deepEqual([cancel!.get('diskIds'), cancel!.get('autoSnapshotPolicyId')], ['["d-1"]', null]);
  assert.deepEqual([describe!.get('RegionId'), describe!.get('AutoSnapshotPolicyId')], ['cn-hangzhou', 'sp-1']);
});
