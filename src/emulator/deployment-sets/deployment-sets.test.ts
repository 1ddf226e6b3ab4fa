/**
 * Deployment sets through the official ECS SDK in both signature modes: create (strategies,
 * groups, ClientToken), describe filters and members, rename, RunInstances DeploymentSetId with
 * its per-zone and per-group capacity, ModifyInstanceDeployment join/move/leave, and delete refused
 * while instances remain.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne, runRequest } from '../instances/lifecycle-testing.js';

const R = 'cn-hangzhou';

describeInNetwork('deployment sets over the SDK', (env) => {
  const create = async (over: Partial<ConstructorParameters<typeof $Ecs.CreateDeploymentSetRequest>[0]> = {}) =>
    (await env.ecs.createDeploymentSet(new $Ecs.CreateDeploymentSetRequest({ regionId: R, ...over }))).body!.deploymentSetId!;
  const describeSets = async (over: Partial<ConstructorParameters<typeof $Ecs.DescribeDeploymentSetsRequest>[0]> = {}) =>
    (await env.ecs.describeDeploymentSets(new $Ecs.DescribeDeploymentSetsRequest({ regionId: R, ...over }))).body!;
  const one = async (id: string) => (await describeSets({ deploymentSetIds: JSON.stringify([id]) })).deploymentSets!.deploymentSet![0]!;
  const placement = async (id: string) => {
    const i = (await env.ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: R, instanceIds: JSON.stringify([id]) }))).body!
      .instances!.instance![0]!;
    return [i.deploymentSetId, i.deploymentSetGroupNo];
  };
  const modify = (instanceId: string, over: Partial<ConstructorParameters<typeof $Ecs.ModifyInstanceDeploymentRequest>[0]>) =>
    env.ecs.modifyInstanceDeployment(new $Ecs.ModifyInstanceDeploymentRequest({ regionId: R, instanceId, ...over }));

  test('CreateDeploymentSet: defaults, groups, ClientToken, and the name and parameter rules', async () => {
    const plain = await create({ deploymentSetName: 'web-spread', description: 'spread web tier' });
    const s = await one(plain);
    assert.deepEqual(
      [s.deploymentSetName, s.deploymentSetDescription, s.deploymentStrategy, s.domain, s.granularity, s.groupCount, s.instanceAmount],
      ['web-spread', 'spread web tier', 'Availability', 'default', 'host', 0, 0],
    );
    assert.match(s.creationTime!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const grouped = await create({ strategy: 'AvailabilityGroup', clientToken: 'tok-ds-1' });
    assert.equal((await one(grouped)).groupCount, 3);
    assert.equal(await create({ strategy: 'AvailabilityGroup', clientToken: 'tok-ds-1' }), grouped);
    for (const [over, code] of [
      [{ deploymentSetName: '1abc' }, 'InvalidDeploymentSetName.Malformed'],
      [{ deploymentSetName: 'http://x' }, 'InvalidDeploymentSetName.Malformed'],
      [{ description: 'x' }, 'InvalidDescription.Malformed'],
      [{ strategy: 'Anywhere' }, 'InvalidParameter.Strategy'],
      [{ strategy: 'AvailabilityGroup', groupCount: 8 }, 'InvalidParameter.GroupCount'],
      [{ groupCount: 2 }, 'InvalidParameter.GroupCount'],
      [{ strategy: 'AvailabilityGroup', clientToken: 'tok-ds-1', groupCount: 2 }, 'IdempotentParameterMismatch'],
    ] as const) {
      const e = await sdkError(env.ecs.createDeploymentSet(new $Ecs.CreateDeploymentSetRequest({ regionId: R, ...over })));
      assert.deepEqual([e.code, e.statusCode], [code, 400], JSON.stringify(over));
    }
    const byName = await describeSets({ deploymentSetName: 'web-spread' });
    assert.deepEqual(
      byName.deploymentSets!.deploymentSet!.map((d) => d.deploymentSetId),
      [plain],
    );
    const byStrategy = await describeSets({ strategy: 'AvailabilityGroup' });
    assert.ok(byStrategy.deploymentSets!.deploymentSet!.every((d) => d.deploymentStrategy === 'AvailabilityGroup'));
  });

  test('ModifyDeploymentSetAttribute renames; an unknown id is NotFound', async () => {
    const id = await create({ deploymentSetName: 'before' });
    await env.ecs.modifyDeploymentSetAttribute(
      new $Ecs.ModifyDeploymentSetAttributeRequest({
        regionId: R,
        deploymentSetId: id,
        deploymentSetName: 'after',
        description: 'new words',
      }),
    );
    const s = await one(id);
    assert.deepEqual([s.deploymentSetName, s.deploymentSetDescription], ['after', 'new words']);
    const e = await sdkError(
      env.ecs.modifyDeploymentSetAttribute(new $Ecs.ModifyDeploymentSetAttributeRequest({ regionId: R, deploymentSetId: 'ds-none' })),
    );
    assert.deepEqual([e.code, e.statusCode], ['InvalidDeploymentSetId.NotFound', 404]);
  });

  test('RunInstances places members: groups in turn, at most 20 per zone, group numbers only for AvailabilityGroup', async () => {
    const grouped = await create({ strategy: 'AvailabilityGroup', groupCount: 2 });
    const a = await runOne(env.ecs, env.net, { deploymentSetId: grouped });
    const b = await runOne(env.ecs, env.net, { deploymentSetId: grouped });
    const c = await runOne(env.ecs, env.net, { deploymentSetId: grouped, deploymentSetGroupNo: 2 });
    assert.deepEqual(await placement(a), [grouped, 1]);
    assert.deepEqual(await placement(b), [grouped, 2]);
    assert.deepEqual(await placement(c), [grouped, 2]);
    const s = await one(grouped);
    assert.deepEqual(s.instanceIds!.instanceId!.sort(), [a, b, c].sort());
    assert.deepEqual(
      s.capacities!.capacity!.map((x) => [x.usedAmount, x.availableAmount]),
      [[3, 37]],
    );
    const noGroup = await sdkError(env.ecs.runInstances(runRequest(env.net, { deploymentSetId: grouped, deploymentSetGroupNo: 3 })));
    assert.equal(noGroup.code, 'InvalidParameter.DeploymentSetGroupNo');

    const spread = await create();
    assert.deepEqual(await placement(await runOne(env.ecs, env.net, { deploymentSetId: spread })), [spread, 0]);
    const groupOnSpread = await sdkError(env.ecs.runInstances(runRequest(env.net, { deploymentSetId: spread, deploymentSetGroupNo: 1 })));
    assert.equal(groupOnSpread.code, 'InvalidParameter.DeploymentSetGroupNo');
    const full = await sdkError(env.ecs.runInstances(runRequest(env.net, { deploymentSetId: spread, amount: 20 })));
    assert.deepEqual([full.code, full.statusCode], ['QuotaExceed.DeploymentSetInstanceQuotaFull', 403]);
    assert.match(full.message, /holds 1 of its 20 instances/);
    const missing = await sdkError(env.ecs.runInstances(runRequest(env.net, { deploymentSetId: 'ds-none' })));
    assert.deepEqual([missing.code, missing.statusCode], ['InvalidDeploymentSetId.NotFound', 404]);
    const plain = await runOne(env.ecs, env.net);
    assert.deepEqual(await placement(plain), ['', 0]);
  });

  test('ModifyInstanceDeployment joins, moves and leaves while Running; DeleteDeploymentSet waits for an empty set', async () => {
    const first = await create();
    const second = await create({ strategy: 'AvailabilityGroup', groupCount: 1 });
    const id = await runOne(env.ecs, env.net);
    const early = await sdkError(modify(id, { deploymentSetId: first }));
    assert.deepEqual([early.code, early.statusCode], ['IncorrectInstanceStatus', 403]);
    env.h.advance(30);
    await modify(id, { deploymentSetId: first });
    assert.deepEqual(await placement(id), [first, 0]);
    const busy = await sdkError(env.ecs.deleteDeploymentSet(new $Ecs.DeleteDeploymentSetRequest({ regionId: R, deploymentSetId: first })));
    assert.deepEqual([busy.code, busy.statusCode], ['DependencyViolation.NotEmpty', 403]);
    await modify(id, { deploymentSetId: second });
    assert.deepEqual(await placement(id), [second, 1]);
    assert.equal((await one(first)).instanceAmount, 0);
    const wrongSet = await sdkError(modify(id, { deploymentSetId: first, removeFromDeploymentSet: true }));
    assert.equal(wrongSet.code, 'InvalidDeploymentSetId.NotFound');
    await modify(id, { deploymentSetId: second, removeFromDeploymentSet: true });
    assert.deepEqual(await placement(id), ['', 0]);
    const host = await sdkError(modify(id, { dedicatedHostId: 'dh-1' }));
    assert.equal(host.code, 'InvalidDedicatedHostId.NotFound');
    await env.ecs.deleteDeploymentSet(new $Ecs.DeleteDeploymentSetRequest({ regionId: R, deploymentSetId: first }));
    assert.equal((await describeSets({ deploymentSetIds: JSON.stringify([first]) })).totalCount, 0);
    const gone = await sdkError(env.ecs.deleteDeploymentSet(new $Ecs.DeleteDeploymentSetRequest({ regionId: R, deploymentSetId: first })));
    assert.equal(gone.code, 'InvalidDeploymentSetId.NotFound');
  });
});
