/** Stable ids of the seeded instances and their disks (read by the disks family's seed too). */
export type SeedInstanceRole = 'running' | 'stopped' | 'locked';
export const SEED_INSTANCE_ROLES: readonly SeedInstanceRole[] = ['running', 'stopped', 'locked'];

export const seedInstanceId = (accountId: number, role: SeedInstanceRole) => `i-${role}-${accountId}`;
export const seedDiskId = (accountId: number, role: SeedInstanceRole, type: 'system' | 'data') => `d-${role}-${type}-${accountId}`;
