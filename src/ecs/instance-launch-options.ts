/**
 * Launch options changed after creation: ModifyInstanceAutoReleaseTime (types from
 * `src/spec/ecs/instance-launch-options.ts`), and the volume tags of an instance (its disks'
 * tags, changed on every disk it has, as the official provider does).
 */
import { modifyInstanceAutoReleaseTimeSpec } from '../spec/ecs/instance-launch-options.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { describeInstanceDisks } from './disks.js';
import { tagResources, untagResources } from './tags.js';

/** Set the automatic release time of a pay-as-you-go instance (`yyyy-MM-ddTHH:mm:ssZ`), or cancel it with ''. */
export async function modifyInstanceAutoReleaseTime(
  client: AlibabaCloudClient,
  instanceId: string,
  autoReleaseTime: string,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifyInstanceAutoReleaseTimeSpec, { InstanceId: instanceId, AutoReleaseTime: autoReleaseTime || undefined }, opts);
}

/** Remove the tag keys `remove` from, then add or overwrite `upsert` on, every disk of the instance. */
export async function changeInstanceDiskTags(
  client: AlibabaCloudClient,
  instanceId: string,
  change: { remove: string[]; upsert: Record<string, string> },
  opts: CallOptions = {},
): Promise<void> {
  if (change.remove.length === 0 && Object.keys(change.upsert).length === 0) return;
  const ids = (await describeInstanceDisks(client, instanceId, opts)).map((d) => d.DiskId);
  if (ids.length === 0) throw new Error(`instance ${instanceId} lists no disks to change its volume tags on`);
  if (change.remove.length > 0) await untagResources(client, { resourceType: 'disk', resourceIds: ids, keys: change.remove }, opts);
  if (Object.keys(change.upsert).length > 0)
    await tagResources(client, { resourceType: 'disk', resourceIds: ids, tags: change.upsert }, opts);
}
