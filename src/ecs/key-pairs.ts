/**
 * ECS key pairs: CreateKeyPair / ImportKeyPair, DescribeKeyPairs (one by name, or a filtered list),
 * DeleteKeyPairs. Types come from the table (`src/spec/ecs/key-pairs.ts`).
 */
import {
  attachKeyPairSpec,
  createKeyPairSpec,
  detachKeyPairSpec,
  deleteKeyPairsSpec,
  describeKeyPairsSpec,
  importKeyPairSpec,
} from '../spec/ecs/key-pairs.js';
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

export type KeyPair = OutputOf<typeof describeKeyPairsSpec>['KeyPairs']['KeyPair'][number];
export type CreateKeyPairInput = ClientInputOf<typeof createKeyPairSpec>;
export type DescribeKeyPairsFilter = Omit<ClientInputOf<typeof describeKeyPairsSpec>, 'PageNumber' | 'PageSize'>;

/** Make a key pair (ImportKeyPair when `publicKey` is given, else CreateKeyPair, which answers the private key once). */
export async function createKeyPair(
  client: AlibabaCloudClient,
  input: CreateKeyPairInput & { publicKey?: string },
  opts: CallOptions = {},
): Promise<{ name: string; fingerprint: string; privateKey?: string }> {
  const { publicKey, ...rest } = input;
  if (publicKey !== undefined) {
    const b = await client.call(importKeyPairSpec, { ...rest, PublicKeyBody: publicKey }, opts);
    return { name: b.KeyPairName, fingerprint: b.KeyPairFingerPrint };
  }
  const b = await client.call(createKeyPairSpec, rest, opts);
  return { name: b.KeyPairName, fingerprint: b.KeyPairFingerPrint, privateKey: b.PrivateKeyBody };
}

/** Every key pair matching the filter (all pages of 50). */
export async function describeKeyPairs(
  client: AlibabaCloudClient,
  filter: DescribeKeyPairsFilter = {},
  opts: CallOptions = {},
): Promise<KeyPair[]> {
  const out: KeyPair[] = [];
  for (let page = 1; ; page++) {
    const b = await client.call(describeKeyPairsSpec, { ...filter, PageNumber: page, PageSize: 50 }, opts);
    out.push(...b.KeyPairs.KeyPair);
    if (b.KeyPairs.KeyPair.length < 50 || out.length >= b.TotalCount) return out;
  }
}

/** The key pair with exactly this name (the name filter is also a `*` pattern, so the answer is matched exactly), or undefined. */
export async function describeKeyPair(client: AlibabaCloudClient, name: string, opts: CallOptions = {}): Promise<KeyPair | undefined> {
  const list = await describeKeyPairs(client, { KeyPairName: name, IncludePublicKey: true }, opts);
  return list.find((k) => k.KeyPairName === name);
}

export async function deleteKeyPair(client: AlibabaCloudClient, name: string, opts: CallOptions = {}): Promise<void> {
  await client.call(deleteKeyPairsSpec, { KeyPairNames: [name] }, { idempotent: true, ...opts });
}

/**
 * Attach (`attach`) or detach the key pair to one instance (AttachKeyPair / DetachKeyPair). The API
 * answers 200 with per-instance results; a failed result is thrown as an error with its code.
 */
export async function bindKeyPair(
  client: AlibabaCloudClient,
  input: { keyPairName: string; instanceId: string; attach: boolean },
  opts: CallOptions = {},
): Promise<void> {
  const spec = input.attach ? attachKeyPairSpec : detachKeyPairSpec;
  const b = await client.call(spec, { KeyPairName: input.keyPairName, InstanceIds: [input.instanceId] }, opts);
  const r = b.Results.Result.find((x) => x.InstanceId === input.instanceId);
  if (r && r.Success !== 'true')
    throw new Error(
      `ECS ${spec.action} of key pair ${input.keyPairName} on ${input.instanceId} failed: ${r.Code} ${r.Message} (request id ${b.RequestId})`,
    );
}
