/**
 * `alicloud_vswitch`: CreateVSwitch then wait for Available; ModifyVSwitchAttribute for name and
 * description; VPC-product tags; DeleteVSwitch (retried while instances are being released).
 */
import { defineResource } from '../../framework/index.js';
import {
  createVSwitch,
  deleteVSwitch,
  describeVSwitch,
  modifyVSwitchAttribute,
  setVpcTags,
  waitVSwitchAvailable,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { addEcsError } from '../ecs-diagnostics.js';
import { syncAliasPlan } from '../vpc/common.js';
import { deleteWithDependencyRetry } from '../vpc/resource.js';
import { fromVSwitch, toCreateVSwitchInput } from './mapping.js';
import { vswitchSchema } from './schema.js';

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidCidrBlock') || code === 'InvalidParameter'
    ? 'cidr_block'
    : code.startsWith('InvalidVpcId')
      ? 'vpc_id'
      : code.startsWith('InvalidZoneId')
        ? 'zone_id'
        : code.startsWith('InvalidVSwitchName')
          ? 'vswitch_name'
          : code.startsWith('InvalidVSwitchDiscription')
            ? 'description'
            : undefined;

export const vswitchResource = defineResource<typeof vswitchSchema, AlibabaCloudClient>({
  schema: vswitchSchema,
  docs: {
    example:
      'resource "alicloud_vswitch" "default" {\n  vpc_id       = alicloud_vpc.default.id\n  cidr_block   = "172.17.3.0/24"\n  zone_id      = "cn-hangzhou-h"\n  vswitch_name = "terraform-example"\n}',
    importId: 'vsw-abc123',
  },

  async create({ plan, client, diags, signal, timeouts, saveProgress }) {
    let id: string;
    try {
      id = (await createVSwitch(client, toCreateVSwitchInput(plan), { signal })).vswitchId;
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Create vSwitch', attributeFor });
      return undefined as never;
    }
    saveProgress({ id });
    try {
      return fromVSwitch(await waitVSwitchAvailable(client, id, { timeoutMs: timeouts.create!, signal }), plan);
    } catch (err) {
      addEcsError(diags, err, {
        summary: 'vSwitch Did Not Become Available',
        timeoutKey: 'create',
        note: `The vSwitch ${id} is kept in state as tainted.`,
      });
      return undefined as never;
    }
  },

  async modifyPlan({ config, plan }) {
    syncAliasPlan(config as Record<string, unknown> | undefined, plan as Record<string, unknown>, 'vswitch_name', 'name');
    syncAliasPlan(config as Record<string, unknown> | undefined, plan as Record<string, unknown>, 'zone_id', 'availability_zone');
  },

  async read({ state, client }) {
    const s = await describeVSwitch(client, state.id!);
    return s ? fromVSwitch(s, state) : null;
  },

  async update({ plan, prior, changed, client, diags, signal, timeouts }) {
    const id = prior.id!;
    try {
      const name = changed.has('vswitch_name') ? plan.vswitch_name : changed.has('name') ? plan.name : undefined;
      const description = changed.has('description') ? plan.description : undefined;
      if (name || description)
        await modifyVSwitchAttribute(
          client,
          { VSwitchId: id, VSwitchName: name ?? undefined, Description: description ?? undefined },
          { signal },
        );
      if (changed.has('tags'))
        await setVpcTags(client, { resourceType: 'VSWITCH', resourceId: id, prior: prior.tags ?? {}, next: plan.tags ?? {} }, { signal });
      return fromVSwitch(await waitVSwitchAvailable(client, id, { timeoutMs: timeouts.update!, signal }), plan);
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Update vSwitch', attributeFor, timeoutKey: 'update' });
      return undefined as never;
    }
  },

  async delete({ state, client, diags, signal, timeouts }) {
    try {
      await deleteWithDependencyRetry(() => deleteVSwitch(client, state.id!, { signal }), timeouts.delete!, signal);
    } catch (err) {
      addEcsError(diags, err, { summary: 'Cannot Delete vSwitch', timeoutKey: 'delete' });
    }
  },

  async importState({ id }) {
    return { id };
  },
});
