/**
 * `alicloud_instance`: RunInstances then wait Running (and stop when `status = "Stopped"`);
 * ModifyInstanceAttribute / ModifyInstanceNetworkSpec / tags / JoinResourceGroup /
 * Start/StopInstance on update; instance_type (ModifyInstanceSpec) and image_id (ReplaceSystemDisk)
 * change in place around a stop and a restart to the prior status (image_id replaces the instance
 * instead under the provider feature `ecs_instance.replace_on_image_update`), system_disk_size grows with
 * ResizeDisk; DeleteInstance (forced) then wait until it is gone.
 */
import { defineResource } from '../../framework/index.js';
import {
  deleteInstance,
  describeInstanceDetail,
  describeSystemDisk,
  joinResourceGroup,
  modifyInstanceAttribute,
  modifyInstanceNetworkSpec,
  modifyInstanceType,
  replaceSystemDisk,
  resizeDisk,
  runInstance,
  startInstance,
  stopInstance,
  tagResources,
  untagResources,
  waitInstanceDeleted,
  waitInstanceStatus,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import type { ModifyPlanRequest } from '../../framework/index.js';
import type { ProviderClient } from '../config.js';
import { addEcsError } from '../ecs-diagnostics.js';
import { fromInstance, toModifyInstanceAttributeInput, toRunInstanceInput } from './mapping.js';
import { instanceSchema, type InstanceState } from './schema.js';

const ATTRIBUTE_BY_CODE: Readonly<Record<string, string>> = {
  'InvalidImageId.NotFound': 'image_id',
  'InvalidInstanceType.ValueUnauthorized': 'instance_type',
  'InvalidInstanceType.NotFound': 'instance_type',
  'InvalidVSwitchId.NotFound': 'vswitch_id',
  'InvalidSecurityGroupId.NotFound': 'security_groups',
  'InvalidZoneId.NotFound': 'availability_zone',
  'InvalidSystemDiskCategory.ValueNotSupported': 'system_disk_category',
  InvalidSystemDiskSize: 'system_disk_size',
  'InvalidPassword.Malformed': 'password',
  'InvalidHostName.Malformed': 'host_name',
  'InvalidInstanceName.Malformed': 'instance_name',
  'InvalidDescription.Malformed': 'description',
  'InvalidResourceGroup.NotFound': 'resource_group_id',
  'InvalidInternetMaxBandwidthOut.Malformed': 'internet_max_bandwidth_out',
  'InvalidInstanceType.ValueNotSupported': 'instance_type',
  'InvalidInstanceChargeType.NotSupported': 'instance_type',
  IncorrectImageStatus: 'image_id',
  'InvalidDiskSize.TooSmall': 'system_disk_size',
};
const attributeFor = (code: string): string | undefined => ATTRIBUTE_BY_CODE[code];

async function readInstance(
  client: AlibabaCloudClient,
  id: string,
  prior: Partial<InstanceState>,
  signal?: AbortSignal,
): Promise<InstanceState | null> {
  const i = await describeInstanceDetail(client, id, { signal });
  if (!i) return null;
  return fromInstance(i, await describeSystemDisk(client, id, { signal }), prior);
}

async function settle(
  client: AlibabaCloudClient,
  id: string,
  want: 'Running' | 'Stopped',
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const now = await describeInstanceDetail(client, id, { signal });
  if (now?.Status === want) return;
  // Let a transition in progress finish before asking for the opposite one.
  if (now && now.Status !== 'Running' && now.Status !== 'Stopped')
    await waitInstanceStatus(client, id, now.Status === 'Stopping' ? 'Stopped' : 'Running', { timeoutMs, signal });
  const again = await describeInstanceDetail(client, id, { signal });
  if (again?.Status === want) return;
  if (want === 'Running') await startInstance(client, id, { signal });
  else await stopInstance(client, id, { signal });
  await waitInstanceStatus(client, id, want, { timeoutMs, signal });
}

async function syncTags(
  client: AlibabaCloudClient,
  id: string,
  prior: Record<string, string>,
  next: Record<string, string>,
  signal: AbortSignal,
): Promise<void> {
  const removed = Object.keys(prior).filter((k) => !(k in next));
  const upserts = Object.fromEntries(Object.entries(next).filter(([k, x]) => prior[k] !== x));
  if (removed.length) await untagResources(client, { resourceType: 'instance', resourceIds: [id], keys: removed }, { signal });
  if (Object.keys(upserts).length) await tagResources(client, { resourceType: 'instance', resourceIds: [id], tags: upserts }, { signal });
}

/**
 * Shrinking the system disk is refused at plan time; a new type or image makes the derived attributes
 * unknown; a new image replaces the instance when the provider sets
 * `features { ecs_instance { replace_on_image_update = true } }`.
 */
async function modifyPlan({
  plan,
  prior,
  diags,
  client,
  requireReplace,
}: ModifyPlanRequest<typeof instanceSchema, ProviderClient>): Promise<void> {
  if (!prior) return;
  const size = plan.system_disk_size;
  if (typeof size === 'number' && typeof prior.system_disk_size === 'number' && size < prior.system_disk_size) {
    diags.addAttributeError(
      [{ attribute: 'system_disk_size' }],
      'System Disk Cannot Shrink',
      `system_disk_size can only grow: the system disk of ${prior.id} is ${prior.system_disk_size} GiB, so ${size} is refused. Use ${prior.system_disk_size} or more.`,
    );
  }
  if (plan.instance_type !== undefined && plan.instance_type !== prior.instance_type) {
    plan.cpu = undefined as never;
    plan.memory = undefined as never;
  }
  if (plan.image_id !== undefined && plan.image_id !== prior.image_id) {
    // No client yet (provider block unknown at plan time): keep the default in-place behaviour.
    if (client?.features?.ecsInstance.replaceOnImageUpdate) requireReplace('image_id');
    plan.os_type = undefined as never;
    plan.os_name = undefined as never;
  }
}

type Planned = Parameters<typeof toRunInstanceInput>[0];

/**
 * instance_type / image_id / system_disk_size changes: stop when the type or image changes (both
 * need a Stopped instance), ModifyInstanceSpec, ReplaceSystemDisk (carrying the planned size, so a
 * new image and a larger disk are one step) or ResizeDisk, then start again when it was running
 * (or when the plan asks for Running). A failure after the stop still tries to restart.
 */
async function changeSpec(
  client: AlibabaCloudClient,
  id: string,
  plan: Planned,
  changed: ReadonlySet<string>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const typeChanged = changed.has('instance_type') && !!plan.instance_type;
  const imageChanged = changed.has('image_id') && !!plan.image_id;
  const sizeChanged = changed.has('system_disk_size') && typeof plan.system_disk_size === 'number';
  if (!typeChanged && !imageChanged && !sizeChanged) return;
  const now = await describeInstanceDetail(client, id, { signal });
  const wasRunning = now?.Status !== 'Stopped' && now?.Status !== 'Stopping';
  const needStop = typeChanged || imageChanged;
  if (needStop) await settle(client, id, 'Stopped', timeoutMs, signal);
  let failure: unknown;
  try {
    if (typeChanged) await modifyInstanceType(client, id, plan.instance_type!, { signal });
    if (imageChanged) {
      const size =
        typeof plan.system_disk_size === 'number' ? plan.system_disk_size : (await describeSystemDisk(client, id, { signal }))?.size;
      await replaceSystemDisk(
        client,
        { InstanceId: id, ImageId: plan.image_id!, SystemDiskSize: size, Password: plan.password ?? undefined },
        { signal },
      );
    } else if (sizeChanged) {
      const disk = await describeSystemDisk(client, id, { signal });
      if (!disk) throw new Error(`instance ${id} lists no system disk to resize`);
      if (disk.size !== plan.system_disk_size) await resizeDisk(client, disk.diskId, plan.system_disk_size!, { signal });
    }
  } catch (err) {
    failure = err;
  }
  const want = changed.has('status') && plan.status ? plan.status : wasRunning ? 'Running' : 'Stopped';
  // Restore the prior running state even after a failed change; the change's own error wins.
  if (needStop && want === 'Running')
    await settle(client, id, 'Running', timeoutMs, signal).catch((e: unknown) => {
      failure ??= e;
    });
  if (failure) throw failure;
}

export const instanceResource = defineResource<typeof instanceSchema, ProviderClient>({
  schema: instanceSchema,
  modifyPlan,
  docs: {
    example:
      'resource "alicloud_instance" "default" {\n  availability_zone          = "cn-hangzhou-h"\n  image_id                   = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"\n  instance_type              = "ecs.sn1ne.large"\n  instance_name              = "terraform-example"\n  internet_max_bandwidth_out = 10\n  security_groups            = [alicloud_security_group.default.id]\n  vswitch_id                 = alicloud_vswitch.default.id\n}',
    importId: 'i-abc123',
  },

  async create({ plan, client, diags, signal, timeouts, saveProgress }) {
    let id: string;
    try {
      id = (await runInstance(client, toRunInstanceInput(plan), { signal })).instanceId;
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Create Instance', attributeFor });
      return undefined as never;
    }
    saveProgress({ id });
    try {
      await waitInstanceStatus(client, id, 'Running', { timeoutMs: timeouts.create!, signal });
      if (plan.status === 'Stopped') await settle(client, id, 'Stopped', timeouts.create!, signal);
      const state = await readInstance(client, id, plan, signal);
      if (!state) throw new Error(`instance ${id} disappeared right after creation`);
      return state;
    } catch (err) {
      addEcsError(diags, err, {
        summary: 'Instance Did Not Become Ready',
        timeoutKey: 'create',
        note: `The instance ${id} is kept in state as tainted; the next apply replaces it.`,
      });
      return undefined as never;
    }
  },

  async read({ state, client }) {
    return readInstance(client, state.id!, state);
  },

  async update({ plan, prior, changed, client, diags, signal, timeouts, saveProgress }) {
    const id = prior.id!;
    try {
      const attrs = toModifyInstanceAttributeInput(id, plan, changed);
      if (attrs) await modifyInstanceAttribute(client, attrs, { signal });
      if (changed.has('internet_max_bandwidth_out'))
        await modifyInstanceNetworkSpec(
          client,
          { InstanceId: id, InternetMaxBandwidthOut: plan.internet_max_bandwidth_out ?? 0 },
          { signal },
        );
      if (changed.has('tags')) await syncTags(client, id, prior.tags ?? {}, plan.tags ?? {}, signal);
      if (changed.has('resource_group_id') && plan.resource_group_id)
        await joinResourceGroup(client, { resourceType: 'instance', resourceId: id, resourceGroupId: plan.resource_group_id }, { signal });
      await changeSpec(client, id, plan, changed, timeouts.update!, signal);
      if (changed.has('status') && plan.status) await settle(client, id, plan.status as 'Running' | 'Stopped', timeouts.update!, signal);
      const state = await readInstance(client, id, plan, signal);
      if (!state) throw new Error(`instance ${id} disappeared during the update`);
      return state;
    } catch (err) {
      const partial = await readInstance(client, id, prior, signal).catch(() => null);
      if (partial) saveProgress(partial);
      addEcsError(diags, err, { summary: 'Cannot Update Instance', attributeFor, timeoutKey: 'update' });
      return undefined as never;
    }
  },

  async delete({ state, client, diags, signal, timeouts }) {
    if (state.deletion_protection) {
      diags.addAttributeError(
        [{ attribute: 'deletion_protection' }],
        'Cannot Delete Instance',
        `Instance ${state.id} has deletion_protection = true. Set it to false and apply, then destroy again.`,
      );
      return;
    }
    try {
      const r = await deleteInstance(client, state.id!, true, { signal });
      if (!r.notFound) await waitInstanceDeleted(client, state.id!, { timeoutMs: timeouts.delete!, signal });
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Delete Instance', timeoutKey: 'delete' });
    }
  },

  async importState({ id }) {
    return { id };
  },
});
