/** Time formats of the ECS-style APIs, shared by every family. */

/** `yyyy-MM-ddTHH:mm:ssZ`: creation times of images, snapshots, VPCs, vSwitches, security groups and rules. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `yyyy-MM-ddTHH:mmZ`: instance creation and start times. */
export function minuteTime(d: Date): string {
  return d.toISOString().slice(0, 16) + 'Z';
}
