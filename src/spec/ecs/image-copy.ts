/**
 * Image copy and sharing actions (CopyImage, CancelCopyImage, ModifyImageSharePermission,
 * DescribeImageSharePermission) and their error codes, written from api-wave2.md sections 1.1-1.3
 * and ecs-api.md 3.9. Domain rules (states, regions, accounts) live in the emulator's handlers.
 */
import type { ActionSpec, ErrorSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { ECS_VERSION, IMAGE_NAME_PATTERN, tagsParam } from './images.js';
import { clientTokenParam } from './params.js';
import { dryRunParam, ownerParams, pageNumberParam, pageSizeParam, regionIdParam } from './params.js';
import { r } from './shape.js';

const imageIdParam = { kind: 'scalar', name: 'ImageId', type: 'string', required: true } as const satisfies ScalarParam;

/** Accounts per AddAccount/RemoveAccount call that ECS processes; later ones are ignored (api-wave2.md 1.3). */
export const SHARE_ACCOUNTS_PER_CALL = 10;
/** Accounts one image can be shared with (api-wave2.md 1.3). */
export const SHARE_ACCOUNTS_PER_IMAGE = 50;

export const copyImageSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'CopyImage',
  mutating: true,
  params: [
    { ...regionIdParam, description: 'Region of the SOURCE image.' },
    { ...imageIdParam, description: 'The source custom image (own, or shared with you in the same region).' },
    {
      kind: 'scalar',
      name: 'DestinationRegionId',
      type: 'string',
      emptyIsAbsent: true,
      description: 'Region the copy is made in (default: the source region).',
    },
    {
      kind: 'scalar',
      name: 'DestinationImageName',
      type: 'string',
      minLength: 2,
      maxLength: 128,
      pattern: IMAGE_NAME_PATTERN,
      forbiddenPrefixes: ['aliyun', 'acs:', 'http://', 'https://'],
      errorCode: 'InvalidImageName.Malformed',
      emptyIsAbsent: true,
      description: '2-128 characters; starts with a letter; must not start with aliyun, acs:, http:// or https://.',
    },
    {
      kind: 'scalar',
      name: 'DestinationDescription',
      type: 'string',
      minLength: 2,
      maxLength: 256,
      forbiddenPrefixes: ['http://', 'https://'],
      errorCode: 'InvalidDescription.Malformed',
      emptyIsAbsent: true,
      description: '2-256 characters; must not start with http:// or https://.',
    },
    { kind: 'scalar', name: 'Encrypted', type: 'boolean', description: 'Encrypt the copy (unset: the backend decides).' },
    { kind: 'scalar', name: 'KMSKeyId', type: 'string', emptyIsAbsent: true, description: 'KMS key of an encrypted copy.' },
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true },
    tagsParam(),
    clientTokenParam,
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'IncorrectImageStatus',
    'InvalidImageId.NotFound',
    'InvalidImageName.Duplicated',
    'InvalidImageName.Malformed',
    'InvalidDescription.Malformed',
    'DestinationRegion.NotFound',
    'OperationDenied.SameRegionOnly',
    'OperationDenied.SystemImage',
    'IdempotentParameterMismatch',
    'InvalidResourceGroup.NotFound',
    'Duplicate.TagKey',
    'InvalidTagKey.Malformed',
    'InvalidTagValue.Malformed',
    'NumberExceed.Tags',
  ],
  response: r.response({ ImageId: r.string }),
});

export const cancelCopyImageSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'CancelCopyImage',
  mutating: true,
  params: [
    { ...regionIdParam, description: 'Region of the COPY (the destination region).' },
    { ...imageIdParam, description: 'The copy being made.' },
    ...ownerParams,
  ],
  errors: ['IncorrectImageStatus', 'ImageCreatedNotFromCopy', 'InvalidImageId.NotFound'],
  response: r.response({}),
});

const accountListParam = (name: 'AddAccount' | 'RemoveAccount') =>
  ({
    kind: 'scalarList',
    name,
    type: 'string',
    description: `Account ids (${name}.1 ..); only the first ${SHARE_ACCOUNTS_PER_CALL} are processed.`,
  }) as const;

export const modifyImageSharePermissionSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyImageSharePermission',
  mutating: true,
  params: [
    regionIdParam,
    imageIdParam,
    accountListParam('AddAccount'),
    accountListParam('RemoveAccount'),
    { kind: 'scalar', name: 'IsPublic', type: 'boolean', description: 'Publish as (true) or withdraw from (false) community images.' },
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'MissingParameter',
    'InvalidImageId.NotFound',
    'InvalidAccount.NotFound',
    'InvalidAccount.Forbbiden',
    'QuotaExceed.ShareImageUser',
    'OperationDeined.EncryptedSnapshot',
    'IncorrectImageStatus',
    'OperationDenied.SystemImage',
  ],
  response: r.response({}),
});

export const describeImageSharePermissionSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeImageSharePermission',
  params: [regionIdParam, imageIdParam, pageNumberParam, pageSizeParam, ...ownerParams],
  errors: ['InvalidImageId.NotFound', 'OperationDenied.SystemImage'],
  response: r.response({
    RegionId: r.string,
    ImageId: r.string,
    TotalCount: r.integer,
    PageNumber: r.integer,
    PageSize: r.integer,
    Accounts: r.def(r.list('Account', r.object({ AliyunId: r.string, SharedTime: r.def(r.string) }))),
    ShareGroups: r.def(r.list('ShareGroup', r.object({ Group: r.string }))),
  }),
});

export const imageCopyActions: readonly ActionSpec[] = [
  copyImageSpec,
  cancelCopyImageSpec,
  modifyImageSharePermissionSpec,
  describeImageSharePermissionSpec,
];

/** Error codes of these actions not already in the image table (statuses per api-wave2.md 1.1-1.3, ecs-api.md 3.4/3.9). */
export const imageCopyErrors: readonly ErrorSpec[] = [
  { code: 'DestinationRegion.NotFound', status: 400, message: 'The specified destination region does not exist.' },
  { code: 'OperationDenied.SameRegionOnly', status: 403, message: 'An image shared with you can only be copied within its region.' },
  { code: 'OperationDenied.ImageCopying', status: 403, message: 'The image is being copied; cancel the copy with CancelCopyImage.' },
  { code: 'ImageCreatedNotFromCopy', status: 400, message: 'The specified image is not the target of a copy.' },
  { code: 'ImageUseShared', status: 403, message: 'The specified image is shared with other accounts.' },
  { code: 'InvalidAccount.NotFound', status: 404, message: 'The specified account does not exist.' },
  { code: 'InvalidAccount.Forbbiden', status: 404, message: 'An image cannot be shared with its own account.' },
  { code: 'QuotaExceed.ShareImageUser', status: 403, message: 'The image is shared with the maximum number of accounts.' },
  { code: 'OperationDeined.EncryptedSnapshot', status: 403, message: 'An image encrypted with the service key cannot be shared.' },
];
