/**
 * Which images an instance type can boot (DescribeImages `InstanceType`): by architecture (an
 * x86_64 type runs x86_64 and i386 images, an ARM type arm64 ones) and boot mode (ARM types boot
 * UEFI only; x86 types of the 5th generation and older BIOS only; newer ones both).
 */
import { apiError } from '../context.js';
import { findInstanceType } from '../zones/catalogue.js';

export interface BootableBy {
  architectures: string[];
  bootModes: string[];
}

const ARM = /Yitian|Ampere|Kunpeng|ARM/i;
const OLD_GENERATIONS = ['ecs-1', 'ecs-2', 'ecs-3', 'ecs-4'];

/** The architectures and boot modes of images `type` can boot; InvalidInstanceType.ValueNotSupported for an unknown type. */
export function bootableBy(type: string): BootableBy {
  const t = findInstanceType(type);
  if (!t) throw apiError('InvalidInstanceType.ValueNotSupported', `The instance type "${type}" given in InstanceType is not supported.`);
  if (ARM.test(t.processor)) return { architectures: ['arm64'], bootModes: ['UEFI', 'UEFI-Preferred'] };
  const bootModes = OLD_GENERATIONS.includes(t.generation) ? ['BIOS', 'UEFI-Preferred'] : ['BIOS', 'UEFI', 'UEFI-Preferred'];
  return { architectures: ['x86_64', 'i386'], bootModes };
}
