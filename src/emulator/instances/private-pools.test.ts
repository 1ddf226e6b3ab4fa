/**
 * Private pool options through the official ECS SDK in both signature modes: RunInstances
 * PrivatePoolOptions (None by default, Open from the public pool, Target needs an id, no pool id
 * exists, spot takes None only), DescribeInstanceAttachmentAttributes and ModifyInstanceAttachmentAttributes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne, runRequest } from './lifecycle-testing.js';

const R = 'cn-hangzhou';
const pool = (matchCriteria?: string, id?: string) => new $Ecs.RunInstancesRequestPrivatePoolOptions({ matchCriteria, id });

describeInNetwork('private pool options over the SDK', (env) => {
  const criteriaOf = async (...ids: string[]) =>
    (
      await env.ecs.describeInstanceAttachmentAttributes(
        new $Ecs.DescribeInstanceAttachmentAttributesRequest({ regionId: R, instanceIds: JSON.stringify([...ids, 'i-unknown']) }),
      )
    ).body!.instances!.instance!.map((i) => [i.instanceId, i.privatePoolOptionsMatchCriteria, i.privatePoolOptionsId]);

  test('None by default, Open kept; Target without an id, any pool id and Open for spot are refused', async () => {
    const plain = await runOne(env.ecs, env.net);
    const open = await runOne(env.ecs, env.net, { privatePoolOptions: pool('Open') });
    assert.deepEqual(await criteriaOf(plain, open), [
      [plain, 'None', ''],
      [open, 'Open', ''],
    ]);
    for (const [over, code] of [
      [{ privatePoolOptions: pool('Target') }, 'MissingParameter.PrivatePoolOptionsId'],
      [{ privatePoolOptions: pool('Target', 'eap-bp1xxxx') }, 'Invalid.PrivatePoolOptionsId'],
      [{ privatePoolOptions: pool('Open'), spotStrategy: 'SpotAsPriceGo' }, 'InvalidParameter.PrivatePoolOptions'],
      [{ privatePoolOptions: pool('Anything') }, 'InvalidParameter'],
    ] as const) {
      const e = await sdkError(env.ecs.runInstances(runRequest(env.net, over)));
      assert.deepEqual([e.code, e.statusCode], [code, 400], JSON.stringify(over));
    }
  });

  test('ModifyInstanceAttachmentAttributes changes them on a running instance', async () => {
    const id = await runOne(env.ecs, env.net);
    env.h.advance(30);
    const modify = (matchCriteria: string, poolId?: string) =>
      env.ecs.modifyInstanceAttachmentAttributes(
        new $Ecs.ModifyInstanceAttachmentAttributesRequest({
          regionId: R,
          instanceId: id,
          privatePoolOptions: new $Ecs.ModifyInstanceAttachmentAttributesRequestPrivatePoolOptions({ matchCriteria, id: poolId }),
        }),
      );
    await modify('Open');
    assert.deepEqual(await criteriaOf(id), [[id, 'Open', '']]);
    const target = await sdkError(modify('Target', 'crp-bp1xxxx'));
    assert.equal(target.code, 'Invalid.PrivatePoolOptionsId');
    await modify('None');
    assert.deepEqual(await criteriaOf(id), [[id, 'None', '']]);
  });
});
