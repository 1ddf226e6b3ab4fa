/**
 * Instance metadata access options through the official ECS SDK in both signature modes:
 * RunInstances' HttpEndpoint / HttpTokens / HttpPutResponseHopLimit, DescribeInstances'
 * MetadataOptions (ECS defaults when none were given) and ModifyInstanceMetadataOptions; DescribeUserData.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError } from '../test-support/clients.js';
import { describeInNetwork, runOne } from './lifecycle-testing.js';

describeInNetwork('instance metadata options over the SDK', (env) => {
  const optionsOf = async (id: string) => {
    const r = await env.ecs.describeInstances(
      new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }),
    );
    const m = r.body!.instances!.instance![0]!.metadataOptions!;
    return [m.httpEndpoint, m.httpTokens, m.httpPutResponseHopLimit];
  };
  const modify = (id: string, over: Partial<ConstructorParameters<typeof $Ecs.ModifyInstanceMetadataOptionsRequest>[0]>) =>
    env.ecs.modifyInstanceMetadataOptions(
      new $Ecs.ModifyInstanceMetadataOptionsRequest({ regionId: 'cn-hangzhou', instanceId: id, ...over }),
    );

  test('launch options are listed (ECS defaults otherwise) and Modify changes only what it is given', async () => {
    const plain = await runOne(env.ecs, env.net);
    assert.deepEqual(await optionsOf(plain), ['enabled', 'optional', 1]);
    const hardened = await runOne(env.ecs, env.net, { httpTokens: 'required', httpPutResponseHopLimit: 3 });
    assert.deepEqual(await optionsOf(hardened), ['enabled', 'required', 3]);
    env.h.advance(2);
    await modify(hardened, { httpEndpoint: 'disabled' });
    assert.deepEqual(await optionsOf(hardened), ['disabled', 'required', 3]);
    await modify(hardened, { httpEndpoint: 'enabled', httpTokens: 'optional' });
    assert.deepEqual(await optionsOf(hardened), ['enabled', 'optional', 3]);
  });

  test('bad values, unknown instances and a pending instance are refused', async () => {
    const id = await runOne(env.ecs, env.net);
    const pending = await sdkError(modify(id, { httpTokens: 'required' }));
    assert.equal(pending.code, 'IncorrectInstanceStatus');
    env.h.advance(2);
    const bad = await sdkError(modify(id, { httpTokens: 'always' }));
    assert.deepEqual([bad.code, bad.statusCode], ['InvalidParameter', 400]);
    const hops = await sdkError(runOne(env.ecs, env.net, { httpPutResponseHopLimit: 65 }));
    assert.equal(hops.code, 'InvalidParameter');
    const missing = await sdkError(modify('i-doesnotexist00000000', { httpTokens: 'required' }));
    assert.deepEqual([missing.code, missing.statusCode], ['InvalidInstanceId.NotFound', 404]);
    assert.deepEqual(await optionsOf(id), ['enabled', 'optional', 1]);
  });

  test('DescribeUserData answers the launch user data, then what ModifyInstanceAttribute set; "" when none', async () => {
    const userDataOf = async (id: string) =>
      (await env.ecs.describeUserData(new $Ecs.DescribeUserDataRequest({ regionId: 'cn-hangzhou', instanceId: id }))).body!;
    const launched = await runOne(env.ecs, env.net, { userData: 'SSBhbSB0aGUgdXNlciBkYXRh' });
    assert.deepEqual(
      [(await userDataOf(launched)).userData, (await userDataOf(launched)).instanceId],
      ['SSBhbSB0aGUgdXNlciBkYXRh', launched],
    );
    await env.ecs.modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: launched, userData: 'ZWNobyBoaQ==' }));
    assert.equal((await userDataOf(launched)).userData, 'ZWNobyBoaQ==');
    assert.equal((await userDataOf(await runOne(env.ecs, env.net))).userData, '');
    const missing = await sdkError(
      env.ecs.describeUserData(new $Ecs.DescribeUserDataRequest({ regionId: 'cn-hangzhou', instanceId: 'i-none' })),
    );
    assert.deepEqual([missing.code, missing.statusCode], ['InvalidInstanceId.NotFound', 404]);
  });
});
