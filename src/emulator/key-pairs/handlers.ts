/** Handlers of the key-pairs family, one export per action (`CreateKeyPair` -> `createKeyPair`). */
import { apiError, type HandlerContext, type HandlerOf } from '../context.js';
import type {
  attachKeyPairSpec,
  createKeyPairSpec,
  deleteKeyPairsSpec,
  describeKeyPairsSpec,
  detachKeyPairSpec,
  importKeyPairSpec,
} from '../../spec/ecs/key-pairs.js';
import { minuteTime } from '../core/time.js';
import { pageCounts, paginate } from '../core/paging.js';
import { resolveResourceGroup } from '../resource-groups/repository.js';
import { getTags, setTags, tagSet, type Tag } from '../tags/repository.js';
import { tagsFromInput } from '../tags/validate.js';
import { countKeyPairs, deleteKeyPair, findKeyPair, insertKeyPair, listKeyPairs } from './repository.js';
import { fingerprintOf, newRsaKeyPair, parsePublicKey } from './ssh-keys.js';

/** Key pairs per account and region (ECS quota). */
const QUOTA = 500;

function store(
  ctx: HandlerContext,
  input: { KeyPairName: string; ResourceGroupId?: string; Tag?: { Key?: string; Value?: string }[] },
  publicKey: string,
  fingerprint: string,
) {
  const { accountId } = ctx.account;
  if (findKeyPair(ctx.db, accountId, ctx.regionId, input.KeyPairName))
    throw apiError('KeyPair.AlreadyExist', `The key pair "${input.KeyPairName}" already exists in region ${ctx.regionId}.`);
  if (countKeyPairs(ctx.db, accountId, ctx.regionId) >= QUOTA)
    throw apiError('QuotaExceed.KeyPair', `The account already has ${QUOTA} key pairs in region ${ctx.regionId}.`);
  const resourceGroupId = resolveResourceGroup(ctx, input.ResourceGroupId, 'InvalidResourceGroup.NotFound');
  const tags = tagsFromInput(input.Tag);
  insertKeyPair(ctx.db, {
    accountId,
    regionId: ctx.regionId,
    name: input.KeyPairName,
    fingerprint,
    publicKey,
    resourceGroupId,
    creationTime: minuteTime(ctx.now()),
    createdAt: ctx.now().getTime(),
  });
  if (tags.length > 0) setTags(ctx.db, accountId, 'keypair', input.KeyPairName, tags);
}

/** CreateKeyPair: a new RSA pair; the private key is answered once and never stored. */
export const createKeyPair: HandlerOf<typeof createKeyPairSpec> = (ctx, input) => {
  const pair = newRsaKeyPair();
  const fingerprint = fingerprintOf(pair.blob);
  store(ctx, input, pair.publicKey, fingerprint);
  return {
    KeyPairName: input.KeyPairName,
    KeyPairId: input.KeyPairName,
    KeyPairFingerPrint: fingerprint,
    PrivateKeyBody: pair.privateKeyPem,
  };
};

/** ImportKeyPair: an OpenSSH public key line (`ssh-rsa AAAA... comment`). */
export const importKeyPair: HandlerOf<typeof importKeyPairSpec> = (ctx, input) => {
  const key = parsePublicKey(input.PublicKeyBody);
  if (!key)
    throw apiError(
      'InvalidPublicKeyBody.Malformed',
      'PublicKeyBody is not an OpenSSH public key: expected "ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp256 <base64 key> [comment]".',
    );
  const fingerprint = fingerprintOf(key.blob);
  store(ctx, input, key.line, fingerprint);
  return { KeyPairName: input.KeyPairName, KeyPairFingerPrint: fingerprint };
};

/** DeleteKeyPairs: every named pair must be unused; unknown names are skipped (as ECS does). */
export const deleteKeyPairs: HandlerOf<typeof deleteKeyPairsSpec> = (ctx, input) => {
  const names = [...new Set(input.KeyPairNames)];
  if (names.length === 0) throw apiError('InvalidKeyPairNames.ValueNotSupported', 'KeyPairNames must list 1 to 100 names.');
  const { accountId } = ctx.account;
  for (const name of names) {
    const users = ctx.backend.queries.instances?.usingKeyPair(ctx.db, accountId, ctx.regionId, name) ?? [];
    if (users.length > 0)
      throw apiError(
        'InvalidParameter.KeypairAlreadyAttachedInstance',
        `The key pair "${name}" is attached to ${users.join(', ')}; detach it or release those instances first.`,
      );
  }
  for (const name of names) {
    deleteKeyPair(ctx.db, accountId, ctx.regionId, name);
    setTags(ctx.db, accountId, 'keypair', name, []);
  }
  return {};
};

/** `*` in a KeyPairName filter matches any run of characters. */
function namePattern(filter: string): RegExp {
  return new RegExp(
    `^${filter
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

/** DescribeKeyPairs: name (with `*`), fingerprint, resource group and tag filters; newest first, pages of up to 50. */
export const describeKeyPairs: HandlerOf<typeof describeKeyPairsSpec> = (ctx, input) => {
  const { accountId } = ctx.account;
  const name = input.KeyPairName;
  const re = name !== undefined ? namePattern(name) : undefined;
  const wanted: Tag[] = (input.Tag ?? []).filter((t) => t.Key).map((t) => ({ key: t.Key!, value: t.Value ?? '' }));
  const all = listKeyPairs(ctx.db, accountId, ctx.regionId)
    .map((k) => ({ k, tags: getTags(ctx.db, accountId, 'keypair', k.name) }))
    .filter(
      ({ k, tags }) =>
        (!re || re.test(k.name)) &&
        (input.KeyPairFingerPrint === undefined || k.fingerprint === input.KeyPairFingerPrint) &&
        (input.ResourceGroupId === undefined || k.resourceGroupId === input.ResourceGroupId) &&
        wanted.every((w) => tags.some((t) => t.key === w.key && (w.value === '' || t.value === w.value))),
    );
  const page = paginate(all, { PageNumber: input.PageNumber, PageSize: input.PageSize });
  return {
    ...pageCounts(page),
    KeyPairs: {
      KeyPair: page.items.map(({ k, tags }) => ({
        KeyPairName: k.name,
        KeyPairFingerPrint: k.fingerprint,
        CreationTime: k.creationTime,
        PublicKey: input.IncludePublicKey === true ? k.publicKey : '',
        ResourceGroupId: k.resourceGroupId,
        Tags: tagSet(tags),
      })),
    },
  };
};

/**
 * Attach or detach: per-instance results (a 200 can carry failures). The instance must exist,
 * not be Windows, and be Running or Stopped; detaching needs the pair to be the instance's.
 */
function bind(ctx: HandlerContext, input: { KeyPairName: string; InstanceIds: string[] }, attach: boolean) {
  const { accountId } = ctx.account;
  if (!findKeyPair(ctx.db, accountId, ctx.regionId, input.KeyPairName))
    throw apiError('InvalidKeyPairName.NotFound', `The key pair "${input.KeyPairName}" does not exist in region ${ctx.regionId}.`);
  const ids = [...new Set(input.InstanceIds)];
  if (ids.length === 0) throw apiError('InvalidInstanceIds.ValueNotSupported', 'InstanceIds must list 1 to 50 instance ids.');
  const q = ctx.backend.queries.instances;
  const results = ids.map((id) => {
    const inst = q?.find(ctx.db, accountId, ctx.regionId, id);
    const fail = (Code: string, Message: string) => ({ InstanceId: id, Success: 'false', Code, Message });
    if (!q || !inst) return fail('InvalidInstanceId.NotFound', `The instance "${id}" does not exist.`);
    if ((inst.osType ?? 'linux') === 'windows')
      return fail('DependencyViolation.WindowsInstance', 'Key pairs cannot be used with Windows instances.');
    const status = q.status(inst, ctx.now(), ctx.settings.instanceStartSeconds);
    if (status !== 'Running' && status !== 'Stopped') return fail('IncorrectInstanceStatus', `The instance is ${status}.`);
    if (!attach && inst.extra?.keyPairName !== input.KeyPairName)
      return fail('InvalidKeyPairName.NotFound', `The key pair "${input.KeyPairName}" is not attached to the instance.`);
    q.setKeyPair(ctx.db, inst, attach ? input.KeyPairName : undefined);
    return { InstanceId: id, Success: 'true', Code: '200', Message: 'successful' };
  });
  const failed = results.filter((r) => r.Success !== 'true').length;
  return { KeyPairName: input.KeyPairName, TotalCount: String(results.length), FailCount: String(failed), Results: { Result: results } };
}

/** AttachKeyPair: takes effect at the next start (Stopped) or reboot (Running). */
export const attachKeyPair: HandlerOf<typeof attachKeyPairSpec> = (ctx, input) => bind(ctx, input, true);

export const detachKeyPair: HandlerOf<typeof detachKeyPairSpec> = (ctx, input) => bind(ctx, input, false);
