/**
 * `alicloud_instance`: RunInstances then wait Running (and stop when `status = "Stopped"`);
 * ModifyInstanceAttribute / ModifyInstanceNetworkSpec / tags / JoinResourceGroup /
 * Start/StopInstance on update; DeleteInstance (forced) then wait until it is gone.
 */
import { defineResource } from '../../framework/index.js';
import {
  deleteInstance, describeInstanceDetail, describeSystemDisk, joinResourceGroup, modifyInstanceAttribute, modifyInstanceNetworkSpec,
  runInstance, startInstance, stopInstance, tagResources, untagResources, waitInstanceDeleted, waitInstanceStatus, type AlibabaCloudClient,
} from '../../ecs/index.js';
import { addEcsError } from '../ecs-diagnostics.js';
import { fromInstance, toModifyInstanceAttributeInput, toRunInstanceInput } from './mapping.js';
import { instanceSchema, type InstanceState } from './schema.js';

const ATTRIBUTE_BY_CODE: Readonly<Record<string, string>> = {
  'InvalidImageId.NotFound': 'image_id', 'InvalidInstanceType.ValueUnauthorized': 'instance_type', 'InvalidInstanceType.NotFound': 'instance_type',
  'InvalidVSwitchId.NotFound': 'vswitch_id', 'InvalidSecurityGroupId.NotFound': 'security_groups', 'InvalidZoneId.NotFound': 'availability_zone',
  'InvalidSystemDiskCategory.ValueNotSupported': 'system_disk_category', InvalidSystemDiskSize: 'system_disk_size', 'InvalidPassword.Malformed': 'password',
  'InvalidHostName.Malformed': 'host_name', 'InvalidInstanceName.Malformed': 'instance_name', 'InvalidDescription.Malformed': 'description',
  'InvalidResourceGroup.NotFound': 'resource_group_id', 'InvalidInternetMaxBandwidthOut.Malformed': 'internet_max_bandwidth_out',
};
const attributeFor = (code: string): string | undefined => ATTRIBUTE_BY_CODE[code];

async function readInstance(client: AlibabaCloudClient, id: string, prior: Partial<InstanceState>, signal?: AbortSignal): Promise<InstanceState | null> {
  const i = await describeInstanceDetail(client, id, { signal });
  if (!i) return null;
  return fromInstance(i, await describeSystemDisk(client, id, { signal }), prior);
}

async function settle(client: AlibabaCloudClient, id: string, want: 'Running' | 'Stopped', timeoutMs: number, signal: AbortSignal): Promise<void> {
  const now = await describeInstanceDetail(client, id, { signal });
  if (now?.Status === want) return;
  // Let a transition in progress finish before asking for the opposite one.
  if (now && now.Status !== 'Running' && now.Status !== 'Stopped') await waitInstanceStatus(client, id, now.Status === 'Stopping' ? 'Stopped' : 'Running', { timeoutMs, signal });
  const again = await describeInstanceDetail(client, id, { signal });
  if (again?.Status === want) return;
  if (want === 'Running') await startInstance(client, id, { signal });
  else await stopInstance(client, id, { signal });
  await waitInstanceStatus(client, id, want, { timeoutMs, signal });
}

async function syncTags(client: AlibabaCloudClient, id: string, prior: Record<string, string>, next: Record<string, string>, signal: AbortSignal): Promise<void> {
  const removed = Object.keys(prior).filter((k) => !(k in next));
  const upserts = Object.fromEntries(Object.entries(next).filter(([k, x]) => prior[k] !== x));
  if (removed.length) await untagResources(client, { resourceType: 'instance', resourceIds: [id], keys: removed }, { signal });
  if (Object.keys(upserts).length) await tagResources(client, { resourceType: 'instance', resourceIds: [id], tags: upserts }, { signal });
}

export const instanceResource = defineResource<typeof instanceSchema, AlibabaCloudClient>({
  schema: instanceSchema,
  docs: {
    example: 'resource "alicloud_instance" "default" {\n  availability_zone          = "cn-hangzhou-h"\n  image_id                   = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"\n  instance_type              = "ecs.sn1ne.large"\n  instance_name              = "terraform-example"\n  internet_max_bandwidth_out = 10\n  security_groups            = [alicloud_security_group.default.id]\n  vswitch_id                 = alicloud_vswitch.default.id\n}',
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
      addEcsError(diags, err, { summary: 'Instance Did Not Become Ready', timeoutKey: 'create', note: `The instance ${id} is kept in state as tainted; the next apply replaces it.` });
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
      if (changed.has('internet_max_bandwidth_out')) await modifyInstanceNetworkSpec(client, { InstanceId: id, InternetMaxBandwidthOut: plan.internet_max_bandwidth_out ?? 0 }, { signal });
      if (changed.has('tags')) await syncTags(client, id, prior.tags ?? {}, plan.tags ?? {}, signal);
      if (changed.has('resource_group_id') && plan.resource_group_id) await joinResourceGroup(client, { resourceType: 'instance', resourceId: id, resourceGroupId: plan.resource_group_id }, { signal });
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
      diags.addAttributeError([{ attribute: 'deletion_protection' }], 'Cannot Delete Instance', `Instance ${state.id} has deletion_protection = true. Set it to false and apply, then destroy again.`);
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
