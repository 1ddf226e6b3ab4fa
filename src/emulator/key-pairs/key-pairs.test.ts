/**
 * Key pairs through the official ECS SDK in both signature modes: create (private key once),
 * import (OpenSSH line, fingerprint), describe filters, attach/detach to an instance, RunInstances
 * KeyPairName, and delete refused while attached.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as $Ecs from '@alicloud/ecs20140526';
import { sdkError, type EcsSdkClient } from '../test-support/clients.js';
import { runOne, useNetwork, type TestNetwork } from '../instances/lifecycle-testing.js';

// An ed25519 public key (32 zero bytes as the key): type string + key string.
const blob = Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from('ssh-ed25519'), Buffer.from([0, 0, 0, 32]), Buffer.alloc(32, 7)]);
const PUBLIC = `ssh-ed25519 ${blob.toString('base64')} me@host`;
const FINGERPRINT = createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
const R = 'cn-hangzhou';

for (const mode of ['v3', 'v1'] as const) {
  describe(`key pairs over the SDK (${mode})`, () => {
    let ecs: EcsSdkClient;
    let net: TestNetwork;
    const h = useNetwork(mode, (env) => ({ ecs, net } = env));
    const describeKp = async (over: Partial<ConstructorParameters<typeof $Ecs.DescribeKeyPairsRequest>[0]> = {}) =>
      (await ecs.describeKeyPairs(new $Ecs.DescribeKeyPairsRequest({ regionId: R, ...over }))).body!;

    test('CreateKeyPair answers the private key once; ImportKeyPair takes an OpenSSH line and its MD5 fingerprint', async () => {
      const made = (await ecs.createKeyPair(new $Ecs.CreateKeyPairRequest({ regionId: R, keyPairName: 'made-1' }))).body!;
      assert.match(made.privateKeyBody!, /^-----BEGIN RSA PRIVATE KEY-----/);
      assert.match(made.keyPairFingerPrint!, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
      const imported = (
        await ecs.importKeyPair(new $Ecs.ImportKeyPairRequest({ regionId: R, keyPairName: 'imported.1', publicKeyBody: PUBLIC }))
      ).body!;
      assert.equal(imported.keyPairFingerPrint, FINGERPRINT);
      const dup = await sdkError(ecs.createKeyPair(new $Ecs.CreateKeyPairRequest({ regionId: R, keyPairName: 'made-1' })));
      assert.deepEqual([dup.code, dup.statusCode], ['KeyPair.AlreadyExist', 400]);
      const bad = await sdkError(
        ecs.importKeyPair(new $Ecs.ImportKeyPairRequest({ regionId: R, keyPairName: 'bad', publicKeyBody: 'rsa-key AAAA' })),
      );
      assert.equal(bad.code, 'InvalidPublicKeyBody.Malformed');
      const badName = await sdkError(ecs.createKeyPair(new $Ecs.CreateKeyPairRequest({ regionId: R, keyPairName: '1abc' })));
      assert.equal(badName.code, 'InvalidKeyPairName.Malformed');
      const all = await describeKp({ keyPairName: '*-1' });
      assert.deepEqual(
        all.keyPairs!.keyPair!.map((k) => k.keyPairName),
        ['made-1'],
      );
      const byPrint = await describeKp({ keyPairFingerPrint: FINGERPRINT, includePublicKey: true });
      assert.deepEqual(
        byPrint.keyPairs!.keyPair!.map((k) => [k.keyPairName, k.publicKey]),
        [['imported.1', PUBLIC.replace(' me@host', '')]],
      );
    });

    test('a key pair attaches to an instance at launch or later, and cannot be deleted while attached', async () => {
      await ecs.createKeyPair(new $Ecs.CreateKeyPairRequest({ regionId: R, keyPairName: 'login' }));
      const unknown = await sdkError(ecs.runInstances(new $Ecs.RunInstancesRequest({ ...runReq(), keyPairName: 'nope' })));
      assert.deepEqual([unknown.code, unknown.statusCode], ['InvalidKeyPairName.NotFound', 404]);
      const id = await runOne(ecs, net, { keyPairName: 'login' });
      const inst = async () =>
        (await ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: R, instanceIds: JSON.stringify([id]) }))).body!
          .instances!.instance![0]!;
      assert.equal((await inst()).keyPairName, 'login');
      const busy = await sdkError(ecs.deleteKeyPairs(new $Ecs.DeleteKeyPairsRequest({ regionId: R, keyPairNames: '["login"]' })));
      assert.equal(busy.code, 'InvalidParameter.KeypairAlreadyAttachedInstance');
      h.advance(2);
      const detached = (
        await ecs.detachKeyPair(
          new $Ecs.DetachKeyPairRequest({ regionId: R, keyPairName: 'login', instanceIds: JSON.stringify([id, 'i-none']) }),
        )
      ).body!;
      assert.deepEqual([detached.totalCount, detached.failCount], ['2', '1']);
      assert.equal((await inst()).keyPairName, '');
      await ecs.attachKeyPair(new $Ecs.AttachKeyPairRequest({ regionId: R, keyPairName: 'login', instanceIds: JSON.stringify([id]) }));
      assert.equal((await inst()).keyPairName, 'login');
      await ecs.deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id, force: true }));
      await ecs.deleteKeyPairs(new $Ecs.DeleteKeyPairsRequest({ regionId: R, keyPairNames: '["login"]' }));
      assert.equal((await describeKp({ keyPairName: 'login' })).totalCount, 0);
    });

    function runReq() {
      return {
        regionId: R,
        imageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd',
        instanceType: 'ecs.g7.large',
        vSwitchId: net.vSwitchId,
        securityGroupIds: [net.securityGroupId],
      };
    }
  });
}
