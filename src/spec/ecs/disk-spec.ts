/**
 * ECS (2014-05-26) ModifyDiskSpec: change the performance level of a `cloud_essd` disk or the
 * provisioned IOPS of a `cloud_auto` disk (system or data) in place. Parameter names follow the
 * `@alicloud/ecs20140526` request model; DiskId, PerformanceLevel, ProvisionedIops and DryRun (check
 * only: `DryRunOperation` when the change would pass) are served (DiskCategory is not: the emulator
 * refuses parameters it does not declare). The disk must
 * be at least the level's minimum size ({@link diskSizeRange}); the codes for a non-ESSD disk
 * (`InvalidPerformanceLevel.Malformed`), a disk too small for the level (`InvalidDiskSize.NotSupported`)
 * and a call with neither change (`MissingParameter`) are a guess: no fact sheet names them. The
 * ProvisionedIops codes are ECS's ({@link DISK_PERFORMANCE_ERRORS}).
 */
import type { ActionSpec } from './types.js';
import { defineAction } from './infer.js';
import { r } from './shape.js';
import { ECS_VERSION } from './images.js';
import { dryRunParam, ownerParams } from './params.js';
import { DISK_PERFORMANCE_ERRORS, PERFORMANCE_LEVELS } from './disks.js';

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
      enum: PERFORMANCE_LEVELS,
      emptyIsAbsent: true,
      errorCode: 'InvalidPerformanceLevel.Malformed',
      description: 'New ESSD performance level, PL0 to PL3.',
    },
    {
      kind: 'scalar',
      name: 'ProvisionedIops',
      type: 'long',
      min: 0,
      errorCode: 'InvalidProvisionedIops.LimitExceed',
      description: 'New provisioned IOPS of a cloud_auto disk: 0 to min{50,000, 1,000 x size - baseline}.',
    },
    dryRunParam,
    ...ownerParams,
  ],
  errors: [
    'InvalidDiskId.NotFound',
    'InvalidPerformanceLevel.Malformed',
    'InvalidDiskSize.NotSupported',
    'IncorrectDiskStatus',
    'IncorrectInstanceStatus',
    'MissingParameter',
    'DryRunOperation',
    ...DISK_PERFORMANCE_ERRORS,
  ],
  response: r.response({}),
});

export const diskSpecActions: readonly ActionSpec[] = [modifyDiskSpecSpec];
