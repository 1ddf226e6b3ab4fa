import { findInstanceType } from '../zones/catalogue.js';

/** CPU, memory (MiB) and family of an instance type from the zone catalogue; unknown types report 2 vCPU / 4 GiB. */
export function instanceTypeInfo(type: string): { cpu: number; memory: number; family: string } {
  const t = findInstanceType(type);
  return t
    ? { cpu: t.cpu, memory: Math.round(t.memoryGiB * 1024), family: t.family }
    : { cpu: 2, memory: 4096, family: type.split('.').slice(0, 2).join('.') };
}
