/**
 * ECS JoinResourceGroup (docs/ecs-api.md section 3.6) and its error codes. Every parameter is
 * optional in the SDK model, yet a missing one answers `MissingParameter` with HTTP 403 in this
 * API's own table, so the handler (not the table) checks presence.
 */
import type { ActionSpec, ErrorSpec } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS_VERSION, ownerParams } from './images.js';

/** Resource types JoinResourceGroup accepts (case-sensitive, ecs-api.md 3.6). */
export const JOIN_RESOURCE_TYPES = [
  'instance',
  'disk',
  'snapshot',
  'image',
  'securitygroup',
  'ddh',
  'ddhcluster',
  'eni',
  'keypair',
  'launchtemplate',
  'command',
  'activation',
  'managedinstance',
] as const;

export const joinResourceGroupSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'JoinResourceGroup',
  mutating: true,
  params: [
    { kind: 'scalar', name: 'RegionId', type: 'string' },
    { kind: 'scalar', name: 'ResourceId', type: 'string', emptyIsAbsent: true },
    {
      kind: 'scalar',
      name: 'ResourceType',
      type: 'string',
      emptyIsAbsent: true,
      description: 'image, instance, snapshot, disk, securitygroup, ...',
    },
    { kind: 'scalar', name: 'ResourceGroupId', type: 'string', emptyIsAbsent: true, description: 'Destination resource group.' },
    ...ownerParams,
  ],
  errors: ['MissingParameter', 'InvalidResourceType.NotFound', 'InvalidResourceGroup.NotFound', 'InvalidResourceId.NotFound'],
  response: r.response({}),
});

export const resourceGroupsActions: readonly ActionSpec[] = [joinResourceGroupSpec];

export const resourceGroupsErrors: readonly ErrorSpec[] = [
  { code: 'InvalidResourceGroup.NotFound', status: 404, message: 'The specified resource group does not exist.' },
  { code: 'InvalidResourceType.NotFound', status: 404, message: 'The ResourceType provided does not exist in our records.' },
  { code: 'InvalidResourceId.NotFound', status: 404, message: 'The specified ResourceIds are not found in our records.' },
];
