/**
 * Checks before CreateImage, so a bad source fails with a message naming the attribute
 * instead of an opaque API error after a long wait: the instance exists, is not locked and
 * is Running or Stopped (transitional states are waited out); snapshots exist, are not
 * failed and are newer than 2013-07-15. Also the cross-attribute config rules.
 */
import type { AttributePath } from '../../tfplugin/provider-server.js';
import type { Diagnostics, MaybeUnknown } from '../../framework/index.js';
import {
  describeInstances,
  batchedGetMany,
  snapshotsById,
  instanceLockReasons,
  waitFor,
  type AlibabaCloudClient,
  type Instance,
} from '../../ecs/index.js';
import { MAX_BASIC_DISK_GIB, MIN_DISK_GIB, MIN_DISK_GIB_NOT_BASIC, type ImageConfig } from './schema.js';

/** Snapshots created on or before this instant cannot make images (ECS rule). */
export const OLDEST_SNAPSHOT = Date.parse('2013-07-16T00:00:00Z');
const SETTLED = ['Running', 'Stopped'];
const TRANSITIONAL = ['Pending', 'Starting', 'Stopping'];

export interface CheckContext {
  client: AlibabaCloudClient;
  signal: AbortSignal;
  diags: Diagnostics;
  log: { info(message: string, fields?: Record<string, unknown>): void };
  /** Epoch ms by which create must finish. */
  deadline: number;
}

async function findInstance(ctx: CheckContext, id: string): Promise<Instance | undefined> {
  const r = await describeInstances(ctx.client, { InstanceIds: [id] }, { signal: ctx.signal });
  return r.instances.find((i) => i.InstanceId === id);
}

/** True when the instance can be imaged now (after waiting out Starting/Stopping). */
export async function checkInstance(ctx: CheckContext, id: string): Promise<boolean> {
  const at: AttributePath = [{ attribute: 'instance_id' }];
  let inst = await findInstance(ctx, id);
  if (!inst) {
    ctx.diags.addAttributeError(
      at,
      'Instance Not Found',
      `instance_id "${id}" does not exist in region ${ctx.client.region}. Check the id and the provider region.`,
    );
    return false;
  }
  if (instanceLockReasons(inst).includes('security')) {
    ctx.diags.addAttributeError(
      at,
      'Instance Locked',
      `instance_id "${id}" is locked for security reasons and ECS refuses to image it. Unlock it or use another source.`,
    );
    return false;
  }
  if (TRANSITIONAL.includes(inst.Status)) {
    ctx.log.info(`alicloud_image: instance ${id} is ${inst.Status}; waiting until it is Running or Stopped`);
    inst = await waitFor(() => findInstance(ctx, id), {
      what: `instance ${id} to be Running or Stopped`,
      timeoutMs: Math.max(0, ctx.deadline - Date.now()),
      isDone: (i) => !i || SETTLED.includes(i.Status),
      describe: (i) => i?.Status ?? 'not found',
      firstDelayMs: 500,
      signal: ctx.signal,
    });
    if (!inst) return checkInstance(ctx, id);
  }
  if (!SETTLED.includes(inst.Status)) {
    ctx.diags.addAttributeError(
      at,
      'Instance Not Ready For Imaging',
      `instance_id "${id}" is ${inst.Status}; ECS can only image an instance that is Running or Stopped. Start or stop it, then apply again.`,
    );
    return false;
  }
  return true;
}

/** A snapshot to check; `size` (with its path) is a disk size asked for it in a mapping. */
export interface WantedSnapshot {
  id: string;
  path: AttributePath;
  size?: { gib: number; path: AttributePath };
}

/** Why `gib` cannot hold a disk made from a snapshot of `sourceGib` on a `category` disk, or undefined. */
export function sizeProblem(gib: number, sourceGib: number, category: string): string | undefined {
  if (Number.isFinite(sourceGib) && sourceGib > 0 && gib < sourceGib) return `must be at least the snapshot size (${sourceGib} GiB)`;
  if (category === 'cloud' && gib > MAX_BASIC_DISK_GIB)
    return `must be at most ${MAX_BASIC_DISK_GIB} GiB for a basic disk (category cloud)`;
  if (category && category !== 'cloud' && gib < MIN_DISK_GIB_NOT_BASIC)
    return `must be at least ${MIN_DISK_GIB_NOT_BASIC} GiB for a ${category} disk (only basic disks go down to ${MIN_DISK_GIB})`;
  return undefined;
}

/** True when every snapshot exists, is usable and is new enough, and every size asked fits it. */
export async function checkSnapshots(ctx: CheckContext, wanted: WantedSnapshot[]): Promise<boolean> {
  if (wanted.length === 0) return true;
  const ids = [...new Set(wanted.map((w) => w.id))];
  const r = { snapshots: await batchedGetMany(ctx.client, snapshotsById, ids, { Status: 'all' }, { signal: ctx.signal }) };
  let ok = true;
  for (const w of wanted) {
    const s = r.snapshots.find((x) => x.SnapshotId === w.id);
    const where = w.path
      .map((p) => ('attribute' in p ? p.attribute : `[${'index' in p ? p.index : ''}]`))
      .join('.')
      .replace(/\.\[/g, '[');
    if (!s) {
      ctx.diags.addAttributeError(
        w.path,
        'Snapshot Not Found',
        `${where} "${w.id}" does not exist in region ${ctx.client.region}. Check the id and the provider region.`,
      );
      ok = false;
    } else if (s.Status === 'failed') {
      ctx.diags.addAttributeError(
        w.path,
        'Snapshot Failed',
        `${where} "${w.id}" is a failed snapshot and cannot make an image. Take a new snapshot.`,
      );
      ok = false;
    } else if (Date.parse(s.CreationTime) < OLDEST_SNAPSHOT) {
      ctx.diags.addAttributeError(
        w.path,
        'Snapshot Too Old',
        `${where} "${w.id}" was created on ${s.CreationTime}; ECS cannot make images from snapshots created on or before 2013-07-15. Take a new snapshot of the disk.`,
      );
      ok = false;
    } else if (w.size) {
      const problem = sizeProblem(w.size.gib, Number.parseInt(s.SourceDiskSize, 10), s.SourceStorageType);
      if (problem) {
        ctx.diags.addAttributeError(
          w.size.path,
          'Disk Size Too Small Or Too Large',
          `${where.replace(/snapshot_id$/, 'size')} ${w.size.gib} ${problem}; snapshot "${w.id}" is of a ${s.SourceDiskSize} GiB ${s.SourceStorageType || 'disk'}.`,
        );
        ok = false;
      }
    }
  }
  return ok;
}

/**
 * Creating needs a source (the schema's conflictsWith keeps it to one); an import-only
 * configuration does not. Run at plan time for a create, so the error still comes before any
 * API call. Unknown values are skipped.
 */
export function requireSource(config: MaybeUnknown<ImageConfig>, diags: Diagnostics): void {
  if (!config) return;
  const maps = config.disk_device_mapping;
  if (config.instance_id === null && config.snapshot_id === null && maps !== undefined && maps.length === 0) {
    diags.addError(
      'Missing Image Source',
      'Creating an image needs one of instance_id (image a Running or Stopped instance), snapshot_id (image a system-disk snapshot) or disk_device_mapping blocks (combine disk snapshots). ' +
        'Only an imported image can do without one.',
    );
  }
}

/**
 * Config rules across the disk mappings (run by `terraform validate`): distinct devices and at
 * most one system disk. Unknown values are skipped.
 */
export function checkConfig(config: MaybeUnknown<ImageConfig>, diags: Diagnostics): void {
  if (!config) return;
  const maps = config.disk_device_mapping;
  const mapsPath: AttributePath = [{ attribute: 'disk_device_mapping' }];
  if (!maps) return;
  const devices = new Map<string, number>();
  let systems = 0;
  let extraSystem: number | undefined;
  maps.forEach((m, i) => {
    if (!m) return;
    if (typeof m.device === 'string') {
      const before = devices.get(m.device);
      if (before !== undefined) {
        diags.addAttributeError(
          [...mapsPath, { index: i }, { attribute: 'device' }],
          'Duplicate Device',
          `disk_device_mapping[${i}].device "${m.device}" is already used by disk_device_mapping[${before}]; each disk needs its own device name.`,
        );
      } else devices.set(m.device, i);
    }
    if (m.disk_type === 'system' && ++systems === 2) extraSystem = i;
  });
  if (extraSystem !== undefined)
    diags.addAttributeError(
      [...mapsPath, { index: extraSystem }, { attribute: 'disk_type' }],
      'Too Many System Disks',
      `disk_device_mapping has ${systems} blocks with disk_type = "system"; an image has exactly one system disk.`,
    );
}
