/**
 * `alicloud_vpc`: CreateVpc (or CreateDefaultVpc with `is_default`) then wait for Available; then,
 * as on every update, the remote VPC is brought to the plan: ModifyVpcAttribute (name,
 * description, CIDR, IPv6, DNS hostnames), Enable/DisableVpcClassicLink, MoveResourceGroup,
 * ModifyRouteTableAttributes for the system route table, Associate/UnassociateVpcCidrBlock for
 * secondary blocks and VPC-product tags. DeleteVpc (ForceDelete with `force_delete`) is retried
 * while dependents are still being released.
 */
import { NO_STATE, defineResource } from '../../framework/index.js';
import {
  createDefaultVpc,
  createVpc,
  deleteVpc,
  describeSystemRouteTable,
  describeVpc,
  describeVpcClassicLink,
  modifyRouteTableAttributes,
  modifyVpcAttribute,
  moveVpcResourceGroup,
  setVpcClassicLink,
  setVpcSecondaryCidr,
  setVpcTags,
  waitVpcAvailable,
  type AlibabaCloudClient,
  type ModifyVpcAttributeInput,
} from '../../ecs/index.js';
import { attempt, deleteWithDependencyRetry, readRemote, syncAliasPlan } from '../common/index.js';
import { VPC_EXAMPLE } from './example.js';
import { blockChanges, fromVpc, sameBlocks, toCreateVpcInput, type RemoteVpc, type SystemRouteTable } from './mapping.js';
import { vpcSchema, type VpcState } from './schema.js';

type Planned = { [K in keyof VpcState]: VpcState[K] | undefined };

const attributeFor = (code: string): string | undefined =>
  code.startsWith('InvalidCidrBlock')
    ? 'cidr_block'
    : code.startsWith('InvalidVpcName')
      ? 'vpc_name'
      : code.startsWith('InvalidVpcDiscription')
        ? 'description'
        : code.startsWith('InvalidResourceGroup')
          ? 'resource_group_id'
          : code.startsWith('InvalidUserCidr')
            ? 'user_cidrs'
            : code.startsWith('InvalidIpamPoolId')
              ? 'ipv4_ipam_pool_id'
              : code.startsWith('InvalidIpv6Isp')
                ? 'ipv6_isp'
                : code.startsWith('InvalidRouteTableName')
                  ? 'system_route_table_name'
                  : undefined;

/** A planned value that is known and set (unknown and null mean "leave as it is"). */
const wanted = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

async function describeWithTable(client: AlibabaCloudClient, id: string, signal: AbortSignal) {
  const vpc = await describeVpc(client, id, { signal });
  if (!vpc) return undefined;
  const classic = await describeVpcClassicLink(client, id, { signal });
  return { vpc: { ...vpc, ClassicLinkEnabled: classic } as RemoteVpc, table: await describeSystemRouteTable(client, id, { signal }) };
}

/** Bring the described VPC to the plan, one API per concern, in the official provider's order. */
async function converge(
  client: AlibabaCloudClient,
  plan: Planned,
  now: { vpc: RemoteVpc; table: SystemRouteTable | undefined },
  signal: AbortSignal,
  waitMs: number,
): Promise<void> {
  const { vpc, table } = now;
  const id = vpc.VpcId;
  if (wanted(plan.classic_link_enabled) && plan.classic_link_enabled !== vpc.ClassicLinkEnabled)
    await setVpcClassicLink(client, id, plan.classic_link_enabled, { signal });
  const name = plan.vpc_name ?? plan.name;
  const modify: ModifyVpcAttributeInput = {
    VpcId: id,
    VpcName: wanted(name) && name !== vpc.VpcName ? name : undefined,
    Description: wanted(plan.description) && plan.description !== vpc.Description ? plan.description : undefined,
    CidrBlock: wanted(plan.cidr_block) && plan.cidr_block !== vpc.CidrBlock ? plan.cidr_block : undefined,
    EnableIPv6: wanted(plan.enable_ipv6) && plan.enable_ipv6 !== vpc.EnabledIpv6 ? plan.enable_ipv6 : undefined,
    Ipv6Isp:
      wanted(plan.ipv6_isp) && vpc.Ipv6CidrBlocks.length > 0 && plan.ipv6_isp !== vpc.Ipv6CidrBlocks[0]!.Ipv6Isp
        ? plan.ipv6_isp
        : undefined,
    EnableDnsHostname:
      wanted(plan.dns_hostname_status) && plan.dns_hostname_status !== (vpc.DnsHostnameStatus || 'DISABLED')
        ? plan.dns_hostname_status === 'ENABLED'
        : undefined,
  };
  if (Object.values(modify).filter((x) => x !== undefined).length > 1) {
    if (modify.EnableIPv6 && !modify.Ipv6Isp && wanted(plan.ipv6_isp)) modify.Ipv6Isp = plan.ipv6_isp;
    await modifyVpcAttribute(client, modify, { signal });
    await waitVpcAvailable(client, id, { timeoutMs: waitMs, signal });
  }
  if (wanted(plan.resource_group_id) && plan.resource_group_id !== vpc.ResourceGroupId)
    await moveVpcResourceGroup(client, { resourceType: 'vpc', resourceId: id, resourceGroupId: plan.resource_group_id }, { signal });
  if (table) {
    const rt = {
      RouteTableId: table.RouteTableId,
      RouteTableName:
        wanted(plan.system_route_table_name) && plan.system_route_table_name !== table.RouteTableName
          ? plan.system_route_table_name
          : undefined,
      Description:
        wanted(plan.system_route_table_description) && plan.system_route_table_description !== table.Description
          ? plan.system_route_table_description
          : undefined,
      RoutePropagationEnable:
        wanted(plan.system_route_table_route_propagation_enable) &&
        plan.system_route_table_route_propagation_enable !== table.RoutePropagationEnable
          ? plan.system_route_table_route_propagation_enable
          : undefined,
    };
    if (rt.RouteTableName !== undefined || rt.Description !== undefined || rt.RoutePropagationEnable !== undefined)
      await modifyRouteTableAttributes(client, rt, { signal });
  }
  if (wanted(plan.secondary_cidr_blocks) && !sameBlocks(plan.secondary_cidr_blocks, vpc.SecondaryCidrBlocks)) {
    const { add, remove } = blockChanges(vpc.SecondaryCidrBlocks, plan.secondary_cidr_blocks);
    const mask = plan.secondary_cidr_mask ?? undefined;
    for (const cidrBlock of remove) await setVpcSecondaryCidr(client, { vpcId: id, cidrBlock, associate: false }, { signal });
    for (const cidrBlock of add) await setVpcSecondaryCidr(client, { vpcId: id, cidrBlock, associate: true, mask }, { signal });
    await waitVpcAvailable(client, id, { timeoutMs: waitMs, signal });
  }
  if (plan.tags !== undefined)
    await setVpcTags(client, { resourceType: 'VPC', resourceId: id, prior: vpc.Tags, next: plan.tags ?? {} }, { signal });
}

export const vpcResource = defineResource<typeof vpcSchema, AlibabaCloudClient>({
  typeName: 'alicloud_vpc',
  schema: vpcSchema,
  docs: {
    subcategory: 'VPC',
    availableSince: '1.0.0',
    productDocs: { title: 'What is a VPC', url: 'https://www.alibabacloud.com/help/en/virtual-private-cloud/latest/what-is-a-vpc' },
    example: VPC_EXAMPLE,
    importId: 'vpc-default-1234567890123456',
    importNote: '`dry_run`, `force_delete`, `ipv4_ipam_pool_id`, `ipv4_cidr_mask` and `secondary_cidr_mask` are not read back by import.',
  },

  async create({ plan, client, diags, signal, timeouts, saveProgress }) {
    const created = await attempt(diags, { summary: 'Cannot Create VPC', attributeFor }, () =>
      plan.is_default
        ? createDefaultVpc(
            client,
            {
              EnableIpv6: plan.enable_ipv6 ?? undefined,
              Ipv6CidrBlock: plan.ipv6_cidr_block ?? undefined,
              ResourceGroupId: plan.resource_group_id ?? undefined,
            },
            { signal },
          )
        : createVpc(client, toCreateVpcInput(plan), { signal }),
    );
    if (created === NO_STATE) return NO_STATE;
    const id = created.vpcId;
    saveProgress({ id });
    const note = `The VPC ${id} is kept in state as tainted.`;
    return attempt(diags, { summary: 'Cannot Finish Creating VPC', attributeFor, timeoutKey: 'create', note }, async () => {
      await waitVpcAvailable(client, id, { timeoutMs: timeouts.create, signal });
      await converge(client, plan, (await describeWithTable(client, id, signal))!, signal, timeouts.create);
      const now = await describeWithTable(client, id, signal);
      if (!now) throw new Error(`VPC ${id} disappeared right after creation`);
      return fromVpc(now.vpc, now.table, plan);
    });
  },

  async modifyPlan({ config, plan, prior }) {
    syncAliasPlan(config, plan, 'vpc_name', 'name');
    // The official provider ignores a reordering of the same secondary blocks.
    if (prior && sameBlocks(plan.secondary_cidr_blocks, prior.secondary_cidr_blocks))
      plan.secondary_cidr_blocks = prior.secondary_cidr_blocks;
    // Turning IPv6 on or off changes the block, which the framework would otherwise keep (it forces replacement only when configured).
    if (prior && config?.ipv6_cidr_block === null && plan.enable_ipv6 !== undefined && plan.enable_ipv6 !== prior.enable_ipv6)
      plan.ipv6_cidr_block = undefined;
  },

  read: (req) =>
    readRemote(
      req,
      (id) => describeWithTable(req.client, id, req.signal),
      ({ vpc, table }) => fromVpc(vpc, table, req.state),
    ),

  async update({ plan, prior, client, diags, signal, timeouts }) {
    const id = prior.id!;
    return attempt(diags, { summary: 'Cannot Update VPC', attributeFor, timeoutKey: 'update' }, async () => {
      const before = await describeWithTable(client, id, signal);
      if (!before) throw new Error(`VPC ${id} no longer exists`);
      await converge(client, plan, before, signal, timeouts.update);
      const now = await describeWithTable(client, id, signal);
      if (!now) throw new Error(`VPC ${id} disappeared during the update`);
      return fromVpc(now.vpc, now.table, plan);
    });
  },

  async delete({ state, client, diags, signal, timeouts }) {
    await attempt(diags, { summary: 'Cannot Delete VPC', timeoutKey: 'delete' }, () =>
      deleteWithDependencyRetry(
        () => deleteVpc(client, state.id!, { signal, force: state.force_delete ?? undefined }),
        timeouts.delete,
        signal,
      ),
    );
  },

  async importState({ id }) {
    return { id };
  },
});
