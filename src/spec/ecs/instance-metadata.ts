/**
 * ECS (2014-05-26) instance metadata access options: ModifyInstanceMetadataOptions (the channel
 * on or off, the hardened mode IMDSv2 optional or required, the PUT response hop limit). The same
 * three are RunInstances parameters and DescribeInstances' `MetadataOptions`. Also DescribeUserData,
 * the user data the metadata service hands the instance (base64, as RunInstances and
 * ModifyInstanceAttribute `UserData` took it; '' when none). Parameter names follow the
 * `@alicloud/ecs20140526` request models.
 */
import type { ActionSpec, ScalarParam } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS_VERSION, ownerParams, regionIdParam } from './images.js';
import { instanceIdParam } from './params.js';

export const HTTP_ENDPOINTS = ['enabled', 'disabled'] as const;
export const HTTP_TOKENS = ['optional', 'required'] as const;

/** The three metadata parameters as RunInstances and ModifyInstanceMetadataOptions take them. */
export const metadataOptionParams = [
  { kind: 'scalar', name: 'HttpEndpoint', type: 'string', enum: HTTP_ENDPOINTS, emptyIsAbsent: true, errorCode: 'InvalidParameter' },
  { kind: 'scalar', name: 'HttpTokens', type: 'string', enum: HTTP_TOKENS, emptyIsAbsent: true, errorCode: 'InvalidParameter' },
  { kind: 'scalar', name: 'HttpPutResponseHopLimit', type: 'integer', min: 1, max: 64, errorCode: 'InvalidParameter' },
] as const satisfies readonly ScalarParam[];

/** DescribeInstances' `MetadataOptions` of one instance. */
export const metadataOptionsShape = r.object(
  r.defaults({ HttpEndpoint: r.string, HttpTokens: r.string, HttpPutResponseHopLimit: r.integer }),
);

export const modifyInstanceMetadataOptionsSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyInstanceMetadataOptions',
  mutating: true,
  params: [
    regionIdParam,
    instanceIdParam,
    ...metadataOptionParams,
    {
      kind: 'scalar',
      name: 'InstanceMetadataTags',
      type: 'string',
      enum: HTTP_ENDPOINTS,
      emptyIsAbsent: true,
      errorCode: 'InvalidParameter',
    },
    // The SDK model carries no OwnerAccount.
    ...ownerParams.filter((p) => p.name !== 'OwnerAccount'),
  ],
  errors: ['InvalidInstanceId.NotFound', 'IncorrectInstanceStatus', 'InvalidParameter'],
  response: r.response({}),
});

export const describeUserDataSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'DescribeUserData',
  params: [regionIdParam, instanceIdParam, ...ownerParams.filter((p) => p.name !== 'OwnerAccount')],
  errors: ['InvalidInstanceId.NotFound'],
  response: r.response({ InstanceId: r.string, ...r.defaults({ RegionId: r.string, UserData: r.string }) }),
});

export const instanceMetadataActions: readonly ActionSpec[] = [modifyInstanceMetadataOptionsSpec, describeUserDataSpec];
