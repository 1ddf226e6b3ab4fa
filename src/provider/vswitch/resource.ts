/**
 * `alicloud_vswitch`: CreateVSwitch then wait for Available; ModifyVSwitchAttribute for name and
 * description; VPC-product tags; DeleteVSwitch (retried while instances are being released).
 */
import { NO_STATE, defineResource } from '../../framework/index.js';
import {
  createVSwitch,
  deleteVSwitch,
  describeVSwitch,
  modifyVSwitchAttribute,
  setVpcTags,
  waitVSwitchAvailable,
  type AlibabaCloudClient,
} from '../../ecs/index.js';
import { attempt, deleteWithDependencyRetry, readRemote, syncAliasPlan } from '../common/index.js';
import { VSWITCH_EXAMPLE } from './example.js';
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
  typeName: 'alicloud_vswitch',
  schema: vswitchSchema,
  docs: {
    subcategory: 'VPC',
    availableSince: '1.0.0',
    productDocs: {
      title: 'Work with vSwitches',
      url: 'https://www.alibabacloud.com/help/en/virtual-private-cloud/latest/work-with-vswitches',
    },
    example: VSWITCH_EXAMPLE,
    importId: 'vsw-default-1234567890123456',
  },

  async create({ plan, client, diags, signal, timeouts, saveProgress }) {
    const created = await attempt(diags, { summary: 'Cannot Create vSwitch', attributeFor }, () =>
      createVSwitch(client, toCreateVSwitchInput(plan), { signal }),
    );
    if (created === NO_STATE) return NO_STATE;
    const id = created.vswitchId;
    saveProgress({ id });
    const note = `The vSwitch ${id} is kept in state as tainted.`;
    return attempt(diags, { summary: 'vSwitch Did Not Become Available', timeoutKey: 'create', note }, async () =>
      fromVSwitch(await waitVSwitchAvailable(client, id, { timeoutMs: timeouts.create, signal }), plan),
    );
  },

  async modifyPlan({ config, plan }) {
    syncAliasPlan(config, plan, 'vswitch_name', 'name');
    syncAliasPlan(config, plan, 'zone_id', 'availability_zone');
  },

  read: (req) =>
    readRemote(
      req,
      (id) => describeVSwitch(req.client, id, { signal: req.signal }),
      (s) => fromVSwitch(s, req.state),
    ),

  async update({ plan, prior, changed, client, diags, signal, timeouts }) {
    const id = prior.id!;
    return attempt(diags, { summary: 'Cannot Update vSwitch', attributeFor, timeoutKey: 'update' }, async () => {
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
      return fromVSwitch(await waitVSwitchAvailable(client, id, { timeoutMs: timeouts.update, signal }), plan);
    });
  },

  async delete({ state, client, diags, signal, timeouts }) {
    await attempt(diags, { summary: 'Cannot Delete vSwitch', timeoutKey: 'delete' }, () =>
      deleteWithDependencyRetry(() => deleteVSwitch(client, state.id!, { signal }), timeouts.delete, signal),
    );
  },

  async importState({ id }) {
    return { id };
  },
});
