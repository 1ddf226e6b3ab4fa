/**
 * STS and RAM through the official SDKs (@alicloud/sts20150401, @alicloud/ram20150501), in both
 * signature modes: roles with trust policies, AssumeRole's rules, temporary keys that work with
 * their token and stop at expiry, AssumeRoleWithOIDC without a key, GetCallerIdentity, and the
 * instance RAM role actions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as $Sts from '@alicloud/sts20150401';
import * as $Ram from '@alicloud/ram20150501';
import * as $Ecs from '@alicloud/ecs20140526';
import { startHarness, SECOND_KEY_ID, SECOND_KEY_SECRET, type Harness } from '../images/testing.js';
import { makeNetwork, runOne } from '../instances/lifecycle-testing.js';
import { sdkError, type SignatureMode } from '../test-support/clients.js';
import { ecsClient, oidcToken, ramClient, ROOT_KEYS, stsClient, trustPolicy, type Keys } from './testing.js';

const SECOND: Keys = { accessKeyId: SECOND_KEY_ID, accessKeySecret: SECOND_KEY_SECRET };

async function withHarness(fn: (h: Harness) => Promise<void>): Promise<void> {
  const h = await startHarness();
  try {
    await fn(h);
  } finally {
    await h.stop();
  }
}

async function createRole(h: Harness, mode: SignatureMode, name: string, document: string, maxSessionDuration?: number) {
  const r = await ramClient(h.emu.endpoint, mode).createRole(
    new $Ram.CreateRoleRequest({
      roleName: name,
      assumeRolePolicyDocument: document,
      ...(maxSessionDuration ? { maxSessionDuration } : {}),
    }),
  );
  return r.body!.role!;
}

async function assume(h: Harness, mode: SignatureMode, req: ConstructorParameters<typeof $Sts.AssumeRoleRequest>[0], keys = ROOT_KEYS) {
  return (await stsClient(h.emu.endpoint, mode, keys).assumeRole(new $Sts.AssumeRoleRequest(req))).body!;
}

for (const mode of ['v3', 'v1'] as const) {
  test(`RAM roles: create, get, list, update, tag and delete with real codes (${mode})`, () =>
    withHarness(async (h) => {
      const ram = ramClient(h.emu.endpoint, mode);
      const doc = trustPolicy({ Service: ['ecs.aliyuncs.com'] });
      const created = await createRole(h, mode, 'WebRole', doc);
      assert.equal(created.arn, `acs:ram::${h.accounts[0]}:role/webrole`);
      assert.match(created.roleId!, /^\d{19}$/);
      assert.equal(created.maxSessionDuration, 3600);
      const dup = await sdkError(ram.createRole(new $Ram.CreateRoleRequest({ roleName: 'webrole', assumeRolePolicyDocument: doc })));
      assert.equal(dup.code, 'EntityAlreadyExists.Role');
      assert.equal(dup.statusCode, 409);
      const bad = await sdkError(
        ram.createRole(new $Ram.CreateRoleRequest({ roleName: 'Other', assumeRolePolicyDocument: '{"Version":"1"}' })),
      );
      assert.equal(bad.code, 'MalformedPolicyDocument');
      const badName = await sdkError(ram.createRole(new $Ram.CreateRoleRequest({ roleName: 'bad name', assumeRolePolicyDocument: doc })));
      assert.equal(badName.code, 'InvalidParameter.RoleName.InvalidChars');

      const updated = await ram.updateRole(
        new $Ram.UpdateRoleRequest({ roleName: 'WebRole', newDescription: 'web servers', newMaxSessionDuration: 7200 }),
      );
      assert.equal(updated.body!.role!.description, 'web servers');
      assert.equal(updated.body!.role!.maxSessionDuration, 7200);
      const got = (await ram.getRole(new $Ram.GetRoleRequest({ roleName: 'WebRole' }))).body!.role!;
      assert.equal(got.assumeRolePolicyDocument, doc);
      assert.equal(got.description, 'web servers');

      await ram.tagResources(
        new $Ram.TagResourcesRequest({
          resourceType: 'role',
          resourceNames: ['WebRole'],
          tag: [new $Ram.TagResourcesRequestTag({ key: 'env', value: 'dev' })],
        }),
      );
      const tags = (await ram.listTagResources(new $Ram.ListTagResourcesRequest({ resourceType: 'role', resourceNames: ['WebRole'] })))
        .body!;
      assert.deepEqual(
        tags.tagResources!.map((t) => [t.resourceName, t.tagKey, t.tagValue]),
        [['WebRole', 'env', 'dev']],
      );
      await ram.untagResources(new $Ram.UntagResourcesRequest({ resourceType: 'role', resourceNames: ['WebRole'], tagKeys: ['env'] }));
      const none = (await ram.listTagResources(new $Ram.ListTagResourcesRequest({ resourceType: 'role', resourceNames: ['WebRole'] })))
        .body!;
      assert.deepEqual(none.tagResources, []);

      await createRole(h, mode, 'b-role', doc);
      const page = (await ram.listRoles(new $Ram.ListRolesRequest({ maxItems: 1 }))).body!;
      assert.equal(page.isTruncated, true);
      assert.deepEqual(
        page.roles!.role!.map((r) => r.roleName),
        ['b-role'],
      );
      const rest = (await ram.listRoles(new $Ram.ListRolesRequest({ maxItems: 10, marker: page.marker }))).body!;
      assert.deepEqual(
        rest.roles!.role!.map((r) => r.roleName),
        ['ecs-image-builder', 'WebRole'],
        'after the marker: the seeded instance role, then ours (by name, case-insensitive)',
      );
      assert.equal(rest.isTruncated, false);

      await ram.deleteRole(new $Ram.DeleteRoleRequest({ roleName: 'WebRole' }));
      const gone = await sdkError(ram.getRole(new $Ram.GetRoleRequest({ roleName: 'WebRole' })));
      assert.equal(gone.code, 'EntityNotExist.Role');
      assert.equal(gone.statusCode, 404);
    }));

  test(`AssumeRole issues keys that act in the role's account with their token, are recorded, and expire (${mode})`, () =>
    withHarness(async (h) => {
      const [own, other] = h.accounts;
      await createRole(h, mode, 'deployer', trustPolicy({ RAM: [`acs:ram::${own}:root`] }), 7200);
      const body = await assume(h, mode, { roleArn: `acs:ram::${own}:role/deployer`, roleSessionName: 'terraform', durationSeconds: 900 });
      const c = body.credentials!;
      assert.match(c.accessKeyId!, /^STS\./);
      assert.equal(body.assumedRoleUser!.arn, `acs:ram::${own}:role/deployer/terraform`);
      assert.match(c.expiration!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const temp: Keys = { accessKeyId: c.accessKeyId!, accessKeySecret: c.accessKeySecret!, securityToken: c.securityToken! };

      const who = (await stsClient(h.emu.endpoint, mode, temp).getCallerIdentity()).body!;
      assert.equal(who.identityType, 'AssumedRoleUser');
      assert.equal(who.accountId, String(own));
      assert.equal(who.arn, `acs:ram::${own}:assumed-role/deployer/terraform`);
      const root = (await stsClient(h.emu.endpoint, mode).getCallerIdentity()).body!;
      assert.deepEqual([root.identityType, root.arn], ['Account', `acs:ram::${own}:root`]);

      const regions = await ecsClient(h.emu.endpoint, mode, temp).describeRegions(new $Ecs.DescribeRegionsRequest({}));
      assert.ok(regions.body!.regions!.region!.length > 0);
      const usage = h.emu.db
        .prepare('SELECT action, count FROM sts_key_usage WHERE access_key_id = ? ORDER BY action')
        .all(temp.accessKeyId);
      assert.deepEqual(usage, [
        { action: 'DescribeRegions', count: 1 },
        { action: 'GetCallerIdentity', count: 1 },
      ]);

      const noToken = await sdkError(
        ecsClient(h.emu.endpoint, mode, { ...temp, securityToken: undefined }).describeRegions(new $Ecs.DescribeRegionsRequest({})),
      );
      assert.equal(noToken.code, 'MissingSecurityToken');
      const wrong = await sdkError(
        ecsClient(h.emu.endpoint, mode, { ...temp, securityToken: 'CAISwrong' }).describeRegions(new $Ecs.DescribeRegionsRequest({})),
      );
      assert.equal(wrong.code, 'InvalidSecurityToken.MismatchWithAccessKey');

      h.advance(901);
      const expired = await sdkError(ecsClient(h.emu.endpoint, mode, temp).describeRegions(new $Ecs.DescribeRegionsRequest({})));
      assert.equal(expired.code, 'InvalidSecurityToken.Expired');
      assert.equal(expired.statusCode, 400);

      // Another account is not in the trust policy: NoPermission; trusting it by root admits it.
      const denied = await sdkError(assume(h, mode, { roleArn: `acs:ram::${own}:role/deployer`, roleSessionName: 'x-acct' }, SECOND));
      assert.equal(denied.code, 'NoPermission');
      assert.equal(denied.statusCode, 403);
      await ramClient(h.emu.endpoint, mode).updateRole(
        new $Ram.UpdateRoleRequest({ roleName: 'deployer', newAssumeRolePolicyDocument: trustPolicy({ RAM: [`acs:ram::${other}:root`] }) }),
      );
      const cross = await assume(h, mode, { roleArn: `acs:ram::${own}:role/deployer`, roleSessionName: 'x-acct' }, SECOND);
      const crossWho = await stsClient(h.emu.endpoint, mode, {
        accessKeyId: cross.credentials!.accessKeyId!,
        accessKeySecret: cross.credentials!.accessKeySecret!,
        securityToken: cross.credentials!.securityToken!,
      }).getCallerIdentity();
      assert.equal(crossWho.body!.accountId, String(own));
    }));

  test(`AssumeRole refuses bad ARNs, unknown roles, bad session names, durations, policies and external ids (${mode})`, () =>
    withHarness(async (h) => {
      const own = h.accounts[0];
      await createRole(h, mode, 'ext', trustPolicy({ RAM: [`acs:ram::${own}:root`] }, { StringEquals: { 'sts:ExternalId': 'abc-123' } }));
      const arn = `acs:ram::${own}:role/ext`;
      const cases: [ConstructorParameters<typeof $Sts.AssumeRoleRequest>[0], string][] = [
        [{ roleArn: 'arn:aws:iam::1:role/x', roleSessionName: 'ok-name' }, 'InvalidParameter.RoleArn'],
        [{ roleArn: `acs:ram::${own}:role/missing`, roleSessionName: 'ok-name' }, 'EntityNotExist.Role'],
        [{ roleArn: arn, roleSessionName: 'a' }, 'InvalidParameter.RoleSessionName'],
        [{ roleArn: arn, roleSessionName: 'has space' }, 'InvalidParameter.RoleSessionName'],
        [{ roleArn: arn, roleSessionName: 'ok-name', durationSeconds: 899, externalId: 'abc-123' }, 'InvalidParameter.DurationSeconds'],
        [{ roleArn: arn, roleSessionName: 'ok-name', durationSeconds: 3601, externalId: 'abc-123' }, 'InvalidParameter.DurationSeconds'],
        [{ roleArn: arn, roleSessionName: 'ok-name', policy: '{"Statement":', externalId: 'abc-123' }, 'InvalidParameter.PolicyGrammar'],
        [{ roleArn: arn, roleSessionName: 'ok-name' }, 'NoPermission'],
        [{ roleArn: arn, roleSessionName: 'ok-name', externalId: 'wrong-id' }, 'NoPermission'],
      ];
      for (const [req, code] of cases) assert.equal((await sdkError(assume(h, mode, req))).code, code, JSON.stringify(req));
      const ok = await assume(h, mode, { roleArn: arn, roleSessionName: 'ok-name', externalId: 'abc-123' });
      assert.match(ok.credentials!.accessKeyId!, /^STS\./);
    }));

  test(`AssumeRoleWithOIDC needs no key: the provider named in the trust policy and the token's claims decide (${mode})`, () =>
    withHarness(async (h) => {
      const own = h.accounts[0];
      const provider = `acs:ram::${own}:oidc-provider/ci`;
      await createRole(h, mode, 'ci-role', trustPolicy({ Federated: [provider] }, { StringEquals: { 'oidc:aud': 'sts.aliyuncs.com' } }));
      const now = Math.floor(Date.now() / 1000);
      const token = oidcToken({ iss: 'https://ci.example', sub: 'repo:main', aud: 'sts.aliyuncs.com', iat: now, exp: now + 600 });
      const anon = stsClient(h.emu.endpoint, mode, null);
      const call = (over: Partial<ConstructorParameters<typeof $Sts.AssumeRoleWithOIDCRequest>[0]> = {}) =>
        anon.assumeRoleWithOIDC(
          new $Sts.AssumeRoleWithOIDCRequest({
            OIDCProviderArn: provider,
            OIDCToken: token,
            roleArn: `acs:ram::${own}:role/ci-role`,
            roleSessionName: 'ci',
            ...over,
          }),
        );
      const body = (await call()).body!;
      assert.match(body.credentials!.accessKeyId!, /^STS\./);
      assert.equal(body.OIDCTokenInfo!.subject, 'repo:main');
      const wrongAud = oidcToken({ iss: 'https://ci.example', sub: 'repo:main', aud: 'other', exp: now + 600 });
      assert.equal((await sdkError(call({ OIDCToken: wrongAud }))).code, 'NoPermission');
      const stale = oidcToken({ iss: 'https://ci.example', sub: 'repo:main', aud: 'sts.aliyuncs.com', exp: now - 10 });
      assert.equal((await sdkError(call({ OIDCToken: stale }))).code, 'AuthenticationFail.OIDCToken.Expired');
      assert.equal((await sdkError(call({ OIDCToken: 'not-a-jwt' }))).code, 'InvalidParameter.OIDCToken');
      assert.equal((await sdkError(call({ OIDCProviderArn: `acs:ram::${own}:oidc-provider/other` }))).code, 'NoPermission');
    }));

  test(`instance RAM roles: attach needs an ECS role, answers per instance, and detach removes it (${mode})`, () =>
    withHarness(async (h) => {
      const ecs = h.client(mode);
      const net = await makeNetwork(h, mode, ecs);
      const id = await runOne(ecs, net);
      await createRole(h, mode, 'EcsRole', trustPolicy({ Service: ['ecs.aliyuncs.com'] }));
      await createRole(h, mode, 'NotEcs', trustPolicy({ RAM: [`acs:ram::${h.accounts[0]}:root`] }));
      const attach = (role: string, ids: string[]) =>
        ecs.attachInstanceRamRole(
          new $Ecs.AttachInstanceRamRoleRequest({ regionId: 'cn-hangzhou', ramRoleName: role, instanceIds: JSON.stringify(ids) }),
        );
      assert.equal((await sdkError(attach('missing', [id]))).code, 'InvalidRamRole.NotFound');
      assert.equal((await sdkError(attach('NotEcs', [id]))).code, 'InvalidRamRole.NotEcsRole');
      const r = (await attach('EcsRole', [id, 'i-doesnotexist'])).body!;
      assert.equal(r.totalCount, 2);
      assert.equal(r.failCount, 1);
      assert.deepEqual(
        r.attachInstanceRamRoleResults!.attachInstanceRamRoleResult!.map((x) => [x.instanceId, x.success, x.code]),
        [
          [id, true, '200'],
          ['i-doesnotexist', false, 'InvalidInstanceId.NotFound'],
        ],
      );
      const described = (
        await ecs.describeInstanceRamRole(
          new $Ecs.DescribeInstanceRamRoleRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }),
        )
      ).body!;
      assert.deepEqual(
        described.instanceRamRoleSets!.instanceRamRoleSet!.map((x) => [x.instanceId, x.ramRoleName]),
        [[id, 'EcsRole']],
      );
      const d = await ecs.detachInstanceRamRole(
        new $Ecs.DetachInstanceRamRoleRequest({ regionId: 'cn-hangzhou', ramRoleName: 'EcsRole', instanceIds: JSON.stringify([id]) }),
      );
      assert.equal(d.body!.failCount, 0);
      const after = await ecs.describeInstanceRamRole(
        new $Ecs.DescribeInstanceRamRoleRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([id]) }),
      );
      assert.equal(after.body!.totalCount, 0);
    }));
}
