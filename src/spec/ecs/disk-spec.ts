/**
 * ECS (2014-05-26) ModifyDiskSpec: change the performance level of a `cloud_essd` disk (system or
 * data) in place. Parameter names follow the `@alicloud/ecs20140526` request model; only DiskId and
 * PerformanceLevel are served (DiskCategory, ProvisionedIops, DryRun are not: the emulator refuses
 * parameters it does not declare). The disk must be at least the level's minimum size
 * ({@link diskSizeRange}); the codes for a non-ESSD disk (`InvalidPerformanceLevel.Malformed`) and a
 * disk too small for the level (`InvalidDiskSize.NotSupported`) are a guess: no fact sheet names them.
 */
import type { ActionSpec } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS_VERSION } from './images.js';
import { ownerParams } from './params.js';
import { PERFORMANCE_LEVELS } from './disks.js';

export const modifyDiskSpecSpec = defineAction({
  product: 'Ecs',
  version: ECS_VERSION,
  action: 'ModifyDiskSpec',
  mutating: true,
  params: [
    { kind: 'scalar', name: 'DiskId', type: 'string', required: true, errorCode: 'InvalidDiskId.NotFound' },
    {
      kind: 'scalar',
      name: 'PerformanceLevel',
      type: 'string',
      required: true,
      enum: PERFORMANCE_LEVELS,
      errorCode: 'InvalidPerformanceLevel.Malformed',
      description: 'New ESSD performance level, PL0 to PL3.',
    },
    ...ownerParams,
  ],
  errors: [
    'InvalidDiskId.NotFound',
    'InvalidPerformanceLevel.Malformed',
    'InvalidDiskSize.NotSupported',
    'IncorrectDiskStatus',
    'IncorrectInstanceStatus',
  ],
  response: r.response({}),
});

export const diskSpecActions: readonly ActionSpec[] = [modifyDiskSpecSpec];
