/**
 * `alicloud_ecs_key_pair` / `alicloud_key_pair`: CreateKeyPair (private key to `key_file`) or
 * ImportKeyPair; DescribeKeyPairs by exact name; JoinResourceGroup and tags in place;
 * DeleteKeyPairs (retried while an instance being released still holds it).
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { NO_STATE, defineResource } from '../../framework/index.js';
import {
  createKeyPair,
  deleteKeyPair,
  describeKeyPair,
  joinResourceGroup,
  type AlibabaCloudClient,
  type KeyPair,
} from '../../ecs/index.js';
import { Deadline, attempt, readRemote, retryWhile, syncAliasPlan, syncEcsTags, tagsForState } from '../common/index.js';
import { isEcsServiceError } from '../../ecs/index.js';
import { keyPairSchema, type KeyPairState } from './schema.js';

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidKeyPairName') || code === 'KeyPair.AlreadyExist'
    ? 'key_pair_name'
    : code.startsWith('InvalidPublicKeyBody')
      ? 'public_key'
      : code.startsWith('InvalidResourceGroup')
        ? 'resource_group_id'
        : undefined;

/** A unique name as the official provider makes them: the prefix (default `terraform-`) and a time-ordered suffix. */
function uniqueName(prefix = 'terraform-'): string {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 17);
  return `${prefix}${stamp}${randomBytes(4).toString('hex')}`;
}

function fromKeyPair(k: KeyPair, prior: Partial<KeyPairState>): KeyPairState {
  return {
    id: k.KeyPairName,
    key_pair_name: k.KeyPairName,
    key_name: k.KeyPairName,
    key_name_prefix: prior.key_name_prefix ?? null,
    public_key: prior.public_key ?? null,
    key_file: prior.key_file ?? null,
    resource_group_id: k.ResourceGroupId,
    tags: tagsForState(Object.fromEntries(k.Tags.Tag.map((t) => [t.TagKey, t.TagValue])), prior.tags),
    finger_print: k.KeyPairFingerPrint,
    create_time: k.CreationTime,
  };
}

async function readBack(client: AlibabaCloudClient, name: string, prior: Partial<KeyPairState>, signal: AbortSignal) {
  const k = await describeKeyPair(client, name, { signal });
  if (!k) throw new Error(`key pair ${name} is not listed by DescribeKeyPairs`);
  return fromKeyPair(k, prior);
}

/** The resource under one of its two type names. */
export function keyPairResource(typeName: 'alicloud_ecs_key_pair' | 'alicloud_key_pair') {
  return defineResource<typeof keyPairSchema, AlibabaCloudClient>({
    typeName,
    schema: keyPairSchema,
    docs: {
      subcategory: 'ECS',
      availableSince: typeName === 'alicloud_key_pair' ? '1.0.0' : '1.121.0',
      productDocs: { title: 'Key pairs', url: 'https://www.alibabacloud.com/help/en/ecs/user-guide/ssh-key-pairs' },
      example: `resource "${typeName}" "default" {
  key_pair_name = "terraform-example"
  public_key    = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH me@host"
}
`,
      importId: 'ops-key',
    },

    async modifyPlan({ config, plan }) {
      syncAliasPlan(config, plan, 'key_pair_name', 'key_name');
      if (typeof plan.public_key === 'string') plan.public_key = plan.public_key.trim();
    },

    async create({ plan, client, diags, signal, saveProgress }) {
      const name = plan.key_pair_name ?? plan.key_name ?? uniqueName(plan.key_name_prefix ?? undefined);
      const made = await attempt(diags, { summary: 'Cannot Create Key Pair', attributeFor }, () =>
        createKeyPair(
          client,
          {
            KeyPairName: name,
            ResourceGroupId: plan.resource_group_id ?? undefined,
            Tag: Object.entries(plan.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
            publicKey: plan.public_key ?? undefined,
          },
          { signal },
        ),
      );
      if (made === NO_STATE) return NO_STATE;
      saveProgress({ id: made.name });
      const note = `The key pair ${made.name} is kept in state as tainted.`;
      return attempt(diags, { summary: 'Cannot Finish Creating Key Pair', note }, async () => {
        if (plan.key_file && made.privateKey !== undefined) {
          writeFileSync(plan.key_file, made.privateKey, { mode: 0o600 });
          chmodSync(plan.key_file, 0o400);
        }
        return readBack(client, made.name, plan, signal);
      });
    },

    read: (req) =>
      readRemote(
        req,
        (id) => describeKeyPair(req.client, id, { signal: req.signal }),
        (k) => fromKeyPair(k, req.state),
      ),

    async update({ plan, prior, changed, client, diags, signal }) {
      const id = prior.id!;
      return attempt(diags, { summary: 'Cannot Update Key Pair', attributeFor }, async () => {
        if (changed.has('resource_group_id') && plan.resource_group_id)
          await joinResourceGroup(client, { resourceType: 'keypair', resourceId: id, resourceGroupId: plan.resource_group_id }, { signal });
        if (changed.has('tags')) await syncEcsTags(client, { resourceType: 'keypair', id }, prior.tags, plan.tags, { signal });
        return readBack(client, id, plan, signal);
      });
    },

    async delete({ state, client, diags, signal, timeouts }) {
      await attempt(diags, { summary: 'Cannot Delete Key Pair', timeoutKey: 'delete' }, () =>
        // An instance released in the same apply may still hold the key pair for a moment.
        retryWhile(
          () => deleteKeyPair(client, state.id!, { signal }),
          (err) => isEcsServiceError(err) && err.code === 'InvalidParameter.KeypairAlreadyAttachedInstance',
          { deadline: new Deadline(timeouts.delete), signal },
        ),
      );
    },

    async importState({ id }) {
      return { id };
    },
  });
}

export const ecsKeyPairResource = keyPairResource('alicloud_ecs_key_pair');
export const keyPairLegacyResource = keyPairResource('alicloud_key_pair');
