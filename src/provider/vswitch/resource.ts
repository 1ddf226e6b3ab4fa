/**
 * `alicloud_vswitch`: CreateVSwitch (or CreateDefaultVSwitch with `is_default`) then wait for
 * Available; ModifyVSwitchAttribute for name, description and IPv6 (a new subnet number while
 * IPv6 is on first releases the old one, as upstream); VPC-product tags; DeleteVSwitch (retried
 * while instances are being released).
 */
import { NO_STATE, defineResource, type Diagnostics, type MaybeUnknown } from '../../framework/index.js';
import {
  createDefaultVSwitch,
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
import { vswitchSchema, type VSwitchState } from './schema.js';

/** Outside `is_default`, `vpc_id` and `cidr_block` are required (CreateVSwitch needs both). */
function checkConfig(config: MaybeUnknown<{ [K in keyof VSwitchState]: VSwitchState[K] }>, diags: Diagnostics): void {
  if (!config || config.is_default === true || config.is_default === undefined) return;
  for (const name of ['vpc_id', 'cidr_block'] as const)
    if (config[name] === null)
      diags.addAttributeError(
        [{ attribute: name }],
        'Missing Required Argument',
        `"${name}" is required unless is_default = true (a default vSwitch is made in the region's default VPC).`,
      );
}

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

  configValidators: [checkConfig],

  async create({ plan, client, diags, signal, timeouts, saveProgress }) {
    const created = await attempt(diags, { summary: 'Cannot Create vSwitch', attributeFor }, () =>
      plan.is_default
        ? createDefaultVSwitch(
            client,
            { ZoneId: (plan.zone_id ?? plan.availability_zone)!, Ipv6CidrBlock: plan.ipv6_cidr_block_mask ?? undefined },
            { signal },
          )
        : createVSwitch(client, toCreateVSwitchInput(plan), { signal }),
    );
    if (created === NO_STATE) return NO_STATE;
    const id = created.vswitchId;
    saveProgress({ id });
    const note = `The vSwitch ${id} is kept in state as tainted.`;
    return attempt(diags, { summary: 'vSwitch Did Not Become Available', timeoutKey: 'create', note }, async () =>
      fromVSwitch(await waitVSwitchAvailable(client, id, { timeoutMs: timeouts.create, signal }), plan),
    );
  },

  async modifyPlan({ config, plan, prior }) {
    syncAliasPlan(config, plan, 'vswitch_name', 'name');
    syncAliasPlan(config, plan, 'zone_id', 'availability_zone');
    // A change of IPv6 changes the block (computed, so planned unknown); a mask left to the cloud follows it.
    if (prior && (plan.enable_ipv6 !== prior.enable_ipv6 || plan.ipv6_cidr_block_mask !== prior.ipv6_cidr_block_mask)) {
      plan.ipv6_cidr_block = undefined;
      if (config?.ipv6_cidr_block_mask === null) plan.ipv6_cidr_block_mask = undefined;
    }
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
      if (changed.has('enable_ipv6') || changed.has('ipv6_cidr_block_mask')) await updateIpv6(client, id, plan, prior, changed, signal);
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

/** IPv6 changes in upstream's order: enabling needs a subnet number; a new number while on releases the old subnet first. */
async function updateIpv6(
  client: AlibabaCloudClient,
  id: string,
  plan: { enable_ipv6?: boolean | null; ipv6_cidr_block_mask?: number | null; vpc_ipv6_cidr_block?: string | null },
  prior: VSwitchState,
  changed: ReadonlySet<string>,
  signal: AbortSignal,
): Promise<void> {
  const vpcBlock = plan.vpc_ipv6_cidr_block ?? undefined;
  if (plan.enable_ipv6 === true) {
    const mask = plan.ipv6_cidr_block_mask;
    if (mask === null || mask === undefined)
      throw new Error('ipv6_cidr_block_mask is required when enabling enable_ipv6 for an existing vSwitch');
    if (!changed.has('enable_ipv6') && prior.ipv6_cidr_block)
      await modifyVSwitchAttribute(client, { VSwitchId: id, EnableIPv6: false }, { signal });
    await modifyVSwitchAttribute(client, { VSwitchId: id, EnableIPv6: true, Ipv6CidrBlock: mask, VpcIpv6CidrBlock: vpcBlock }, { signal });
  } else if (plan.enable_ipv6 === false && changed.has('enable_ipv6')) {
    await modifyVSwitchAttribute(client, { VSwitchId: id, EnableIPv6: false }, { signal });
  }
}
