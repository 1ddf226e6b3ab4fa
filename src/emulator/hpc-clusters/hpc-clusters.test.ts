/**
 * HPC clusters through the official ECS SDK in both signature modes: create (ClientToken, name
 * rules), describe by ids, modify, RunInstances HpcClusterId (required for an SCC type, refused for
 * the others, unknown ids), DescribeInstances HpcClusterId, and delete refused while an instance
 * remains.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne, runRequest } from '../instances/lifecycle-testing.js';

const R = 'cn-hangzhou';
const SCC = { instanceType: 'ecs.sccc7.32xlarge', imageId: 'aliyun_3_x64_20G_scc_alibase_20230510.vhd' };

describeInNetwork('HPC clusters over the SDK', (env) => {
  const create = async (over: Partial<ConstructorParameters<typeof $Ecs.CreateHpcClusterRequest>[0]> = {}) =>
    (await env.ecs.createHpcCluster(new $Ecs.CreateHpcClusterRequest({ regionId: R, name: 'hpc-one', ...over }))).body!.hpcClusterId!;
  const one = async (id: string) =>
    (await env.ecs.describeHpcClusters(new $Ecs.DescribeHpcClustersRequest({ regionId: R, hpcClusterIds: JSON.stringify([id]) }))).body!
      .hpcClusters!.hpcCluster![0];

  test('create, describe, modify; the name and id rules answer their codes', async () => {
    const id = await create({ description: 'first cluster', clientToken: 'tok-hpc-1' });
    assert.match(id, /^hpc-/);
    assert.equal(await create({ description: 'first cluster', clientToken: 'tok-hpc-1' }), id);
    assert.deepEqual([(await one(id))?.name, (await one(id))?.description], ['hpc-one', 'first cluster']);
    await env.ecs.modifyHpcClusterAttribute(
      new $Ecs.ModifyHpcClusterAttributeRequest({ regionId: R, hpcClusterId: id, name: 'hpc-renamed', description: 'second words' }),
    );
    assert.deepEqual([(await one(id))?.name, (await one(id))?.description], ['hpc-renamed', 'second words']);
    for (const [call, code] of [
      [() => env.ecs.createHpcCluster(new $Ecs.CreateHpcClusterRequest({ regionId: R, name: '9hpc' })), 'Invalid.Parameter'],
      [() => env.ecs.createHpcCluster(new $Ecs.CreateHpcClusterRequest({ regionId: R })), 'MissingParameter'],
      [
        () => env.ecs.modifyHpcClusterAttribute(new $Ecs.ModifyHpcClusterAttributeRequest({ regionId: R, hpcClusterId: 'hpc-none' })),
        'NotExists.HpcCluster',
      ],
      [() => env.ecs.deleteHpcCluster(new $Ecs.DeleteHpcClusterRequest({ regionId: R })), 'MissingParameter.HpcClusterId'],
      [
        () =>
          env.ecs.describeHpcClusters(
            new $Ecs.DescribeHpcClustersRequest({
              regionId: R,
              hpcClusterIds: JSON.stringify(Array.from({ length: 101 }, (_, i) => `hpc-${i}`)),
            }),
          ),
        'InvalidHpcClusterIds.ExceedLimit',
      ],
    ] as const) {
      const e = await sdkError(call());
      assert.deepEqual([e.code, e.statusCode], [code, 400]);
    }
  });

  test('RunInstances: an SCC type needs a cluster, another type refuses one; DeleteHpcCluster waits for an empty cluster', async () => {
    const id = await create({ name: 'hpc-run' });
    const need = await sdkError(env.ecs.runInstances(runRequest(env.net, SCC)));
    assert.deepEqual([need.code, need.statusCode], ['InvalidHpcClusterId.Necessary', 400]);
    const extra = await sdkError(env.ecs.runInstances(runRequest(env.net, { hpcClusterId: id })));
    assert.deepEqual([extra.code, extra.statusCode], ['InvalidHpcClusterId.Unnecessary', 400]);
    const unknown = await sdkError(env.ecs.runInstances(runRequest(env.net, { ...SCC, hpcClusterId: 'hpc-none' })));
    assert.deepEqual([unknown.code, unknown.statusCode], ['InvalidHpcClusterId.NotFound', 404]);
    const inst = await runOne(env.ecs, env.net, { ...SCC, hpcClusterId: id });
    const described = (
      await env.ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: R, instanceIds: JSON.stringify([inst]) }))
    ).body!.instances!.instance![0]!;
    assert.equal(described.hpcClusterId, id);
    const busy = await sdkError(env.ecs.deleteHpcCluster(new $Ecs.DeleteHpcClusterRequest({ regionId: R, hpcClusterId: id })));
    assert.deepEqual([busy.code, busy.statusCode], ['NotEmpty.HpcCluster', 400]);
    assert.match(busy.message, new RegExp(inst));
    await env.ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: inst, force: true }));
    await env.ecs.deleteHpcCluster(new $Ecs.DeleteHpcClusterRequest({ regionId: R, hpcClusterId: id }));
    assert.equal(await one(id), undefined);
  });
});
