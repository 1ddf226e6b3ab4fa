/**
 * ECS (2014-05-26) SSH key pairs: CreateKeyPair, ImportKeyPair, DeleteKeyPairs, DescribeKeyPairs,
 * AttachKeyPair, DetachKeyPair, and their error codes (api-wave2.md section 4). Parameter names
 * follow the official `@alicloud/ecs20140526` 7.x request models.
 */
import type { ActionSpec, ErrorSpec, ParamSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ecsTagsShape, pageFields } from './outputs.js';
import { ECS_VERSION, regionIdParam, tagsParam } from './images.js';
import { tagFilterParam } from './params.js';

/** 2-128 characters, starting with a letter; letters, digits, `:`, `_`, `-` (and `.` for imported keys). */
export const KEY_PAIR_NAME_PATTERN = '[A-Za-z][A-Za-z0-9:_.-]{1,127}';

/** The owner parameters the key pair request models carry (no OwnerAccount in them). */
const ownerParams = [
  { kind: 'scalar', name: 'OwnerId', type: 'long' },
  { kind: 'scalar', name: 'ResourceOwnerId', type: 'long' },
  { kind: 'scalar', name: 'ResourceOwnerAccount', type: 'string' },
] as const satisfies readonly ParamSpec[];

const keyPairName = {
  kind: 'scalar',
  name: 'KeyPairName',
  type: 'string',
  required: true,
  minLength: 2,
  maxLength: 128,
  pattern: KEY_PAIR_NAME_PATTERN,
  errorCode: 'InvalidKeyPairName.Malformed',
  description: '2 to 128 characters, starting with a letter; letters, digits, colons, underscores, periods and hyphens.',
} as const satisfies ScalarParam;
const resourceGroupId = { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true } as const satisfies ScalarParam;
const instanceIds = {
  kind: 'packedList',
  name: 'InstanceIds',
  packing: 'json',
  required: true,
  maxItems: 50,
  tooManyCode: 'InvalidInstanceIds.ValueNotSupported',
  errorCode: 'InvalidInstanceIds.ValueNotSupported',
  description: 'JSON array of up to 50 instance ids.',
} as const;
const attachResult = r.response({
  ...r.defaults({
    KeyPairName: r.string,
    TotalCount: r.string,
    FailCount: r.string,
    Results: r.list('Result', r.object(r.defaults({ InstanceId: r.string, Success: r.string, Code: r.string, Message: r.string }))),
  }),
});

export const createKeyPairSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'CreateKeyPair',
  mutating: true,
  params: [regionIdParam, keyPairName, resourceGroupId, tagsParam(), ...ownerParams],
  errors: ['InvalidKeyPairName.Malformed', 'KeyPair.AlreadyExist', 'QuotaExceed.KeyPair', 'InvalidResourceGroup.NotFound'],
  response: r.response({
    KeyPairName: r.string,
    ...r.defaults({ KeyPairId: r.string, KeyPairFingerPrint: r.string, PrivateKeyBody: r.string }),
  }),
});

export const importKeyPairSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ImportKeyPair',
  mutating: true,
  params: [
    regionIdParam,
    keyPairName,
    { kind: 'scalar', name: 'PublicKeyBody', type: 'string', required: true, errorCode: 'InvalidPublicKeyBody.Malformed' },
    resourceGroupId,
    tagsParam(),
    ...ownerParams,
  ],
  errors: [
    'InvalidKeyPairName.Malformed',
    'InvalidPublicKeyBody.Malformed',
    'KeyPair.AlreadyExist',
    'QuotaExceed.KeyPair',
    'InvalidResourceGroup.NotFound',
    'MissingParameter',
  ],
  response: r.response({ KeyPairName: r.string, ...r.defaults({ KeyPairFingerPrint: r.string }) }),
});

export const deleteKeyPairsSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DeleteKeyPairs',
  mutating: true,
  params: [
    regionIdParam,
    {
      kind: 'packedList',
      name: 'KeyPairNames',
      packing: 'json',
      required: true,
      maxItems: 100,
      tooManyCode: 'InvalidKeyPairNames.ValueNotSupported',
      errorCode: 'InvalidKeyPairNames.ValueNotSupported',
      description: 'JSON array of up to 100 key pair names.',
    },
    ...ownerParams,
  ],
  errors: ['InvalidKeyPairNames.ValueNotSupported', 'MissingParameter', 'InvalidParameter.KeypairAlreadyAttachedInstance'],
  response: r.response({}),
});

export const describeKeyPairsSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeKeyPairs',
  params: [
    regionIdParam,
    { kind: 'scalar', name: 'KeyPairName', type: 'string', emptyIsAbsent: true, description: 'Exact name, or a pattern with `*`.' },
    { kind: 'scalar', name: 'KeyPairFingerPrint', type: 'string', emptyIsAbsent: true },
    { kind: 'scalar', name: 'IncludePublicKey', type: 'boolean' },
    resourceGroupId,
    tagFilterParam,
    { kind: 'scalar', name: 'PageNumber', type: 'integer', min: 1 },
    { kind: 'scalar', name: 'PageSize', type: 'integer', min: 1, max: 50 },
    ...ownerParams,
  ],
  errors: ['InvalidTagCount'],
  response: r.response({
    TotalCount: r.integer,
    ...pageFields,
    KeyPairs: r.list(
      'KeyPair',
      r.object({
        KeyPairName: r.string,
        ...r.defaults({
          KeyPairFingerPrint: r.string,
          CreationTime: r.string,
          PublicKey: r.string,
          ResourceGroupId: r.string,
          Tags: ecsTagsShape,
        }),
      }),
    ),
  }),
});

export const attachKeyPairSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'AttachKeyPair',
  mutating: true,
  params: [regionIdParam, keyPairName, instanceIds, ...ownerParams],
  errors: ['InvalidKeyPairName.NotFound', 'InvalidInstanceIds.ValueNotSupported', 'DependencyViolation.WindowsInstance'],
  response: attachResult,
});

export const detachKeyPairSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DetachKeyPair',
  mutating: true,
  params: [regionIdParam, keyPairName, instanceIds, ...ownerParams],
  errors: ['InvalidKeyPairName.NotFound', 'InvalidInstanceIds.ValueNotSupported', 'DependencyViolation.WindowsInstance'],
  response: attachResult,
});

export const keyPairActions: readonly ActionSpec[] = [
  createKeyPairSpec,
  importKeyPairSpec,
  deleteKeyPairsSpec,
  describeKeyPairsSpec,
  attachKeyPairSpec,
  detachKeyPairSpec,
];

export const keyPairErrors: readonly ErrorSpec[] = [
  {
    code: 'InvalidKeyPairName.Malformed',
    status: 400,
    message: 'The specified KeyPairName is not valid: 2 to 128 characters, starting with a letter; letters, digits, ":", "_", "." and "-".',
  },
  { code: 'KeyPair.AlreadyExist', status: 400, message: 'The key pair already exists.' },
  { code: 'QuotaExceed.KeyPair', status: 403, message: 'The number of key pairs exceeds the quota of the account (500 per region).' },
  { code: 'InvalidPublicKeyBody.Malformed', status: 400, message: 'The specified PublicKeyBody is not a valid OpenSSH public key.' },
  {
    code: 'InvalidKeyPairNames.ValueNotSupported',
    status: 400,
    message: 'The specified KeyPairNames is not valid: a JSON array of 1 to 100 names.',
  },
  {
    code: 'InvalidParameter.KeypairAlreadyAttachedInstance',
    status: 400,
    message: 'The key pair is still attached to instances; detach it (or release the instances) first.',
  },
  { code: 'InvalidKeyPairName.NotFound', status: 404, message: 'The specified key pair does not exist.' },
  {
    code: 'InvalidInstanceIds.ValueNotSupported',
    status: 400,
    message: 'The specified InstanceIds is not valid: a JSON array of 1 to 50 ids.',
  },
  { code: 'DependencyViolation.WindowsInstance', status: 403, message: 'Key pairs cannot be used with Windows instances.' },
];
