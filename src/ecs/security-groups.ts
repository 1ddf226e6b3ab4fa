/**
 * ECS security-group operations: CreateSecurityGroup, DescribeSecurityGroups (one group by id),
 * DescribeSecurityGroupAttribute (inner access policy), ModifySecurityGroupAttribute,
 * ModifySecurityGroupPolicy, DeleteSecurityGroup. Tags go through `tags.ts` with resource type
 * `securitygroup`. Types come from the tables.
 */
import type { ClientInputOf, OutputOf } from '../spec/ecs/infer.js';
import {
  createSecurityGroupSpec,
  deleteSecurityGroupSpec,
  describeSecurityGroupAttributeSpec,
  describeSecurityGroupsSpec,
  modifySecurityGroupAttributeSpec,
  modifySecurityGroupPolicySpec,
} from '../spec/ecs/security-groups.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { callWithClientToken } from './client-token.js';
import { isNotFoundError } from './errors.js';
import { batchedGet, securityGroupsById } from './batch-kinds.js';

type RawSecurityGroup = OutputOf<typeof describeSecurityGroupsSpec>['SecurityGroups']['SecurityGroup'][number];

/** One group of DescribeSecurityGroups: its scalar fields as reported, tags as a map. */
export type SecurityGroup = Pick<
  RawSecurityGroup,
  'SecurityGroupId' | 'SecurityGroupName' | 'Description' | 'SecurityGroupType' | 'VpcId' | 'ResourceGroupId' | 'CreationTime'
> & { Tags: Record<string, string> };

export type CreateSecurityGroupInput = ClientInputOf<typeof createSecurityGroupSpec>;
export type ModifySecurityGroupAttributeInput = ClientInputOf<typeof modifySecurityGroupAttributeSpec>;

export async function createSecurityGroup(
  client: AlibabaCloudClient,
  input: CreateSecurityGroupInput,
  opts: CallOptions = {},
): Promise<{ securityGroupId: string; requestId: string }> {
  const body = await callWithClientToken(client, createSecurityGroupSpec, input, opts);
  return { securityGroupId: body.SecurityGroupId, requestId: body.RequestId };
}

function toSecurityGroup(found: RawSecurityGroup): SecurityGroup {
  return {
    SecurityGroupId: found.SecurityGroupId,
    SecurityGroupName: found.SecurityGroupName,
    Description: found.Description,
    SecurityGroupType: found.SecurityGroupType,
    VpcId: found.VpcId,
    ResourceGroupId: found.ResourceGroupId,
    CreationTime: found.CreationTime,
    Tags: Object.fromEntries(found.Tags.Tag.map((t) => [t.TagKey, t.TagValue])),
  };
}

/** One page of DescribeSecurityGroups (`pageNumber` given) or every page, with the API's total count. */
export async function describeSecurityGroupsPage(
  client: AlibabaCloudClient,
  filter: Pick<ClientInputOf<typeof describeSecurityGroupsSpec>, 'VpcId' | 'ResourceGroupId' | 'Tag'>,
  pageNumber: number | undefined,
  pageSize: number,
  opts: CallOptions = {},
): Promise<{ groups: SecurityGroup[]; totalCount: number }> {
  const groups: SecurityGroup[] = [];
  for (let page = pageNumber ?? 1; ; page++) {
    const body = await client.call(describeSecurityGroupsSpec, { ...filter, PageNumber: page, PageSize: pageSize }, opts);
    const got = body.SecurityGroups.SecurityGroup.map(toSecurityGroup);
    groups.push(...got);
    const total = body.TotalCount ?? groups.length;
    if (pageNumber !== undefined || got.length === 0 || groups.length >= total) return { groups, totalCount: total };
  }
}

/** The group with this id, or undefined when a well-formed answer lacks it (or says `InvalidSecurityGroupId.NotFound`). */
export async function describeSecurityGroup(
  client: AlibabaCloudClient,
  id: string,
  opts: CallOptions = {},
): Promise<SecurityGroup | undefined> {
  try {
    const found = await batchedGet(client, securityGroupsById, id, {}, opts);
    return found && toSecurityGroup(found);
  } catch (err) {
    if (isNotFoundError(err, ['InvalidSecurityGroupId.NotFound'])) return undefined;
    throw err;
  }
}

/** `Accept` or `Drop`: whether instances inside the group reach each other. */
export async function describeInnerAccessPolicy(client: AlibabaCloudClient, id: string, opts: CallOptions = {}): Promise<string> {
  const body = await client.call(describeSecurityGroupAttributeSpec, { SecurityGroupId: id, MaxResults: 10 }, opts);
  return body.InnerAccessPolicy;
}

export async function modifySecurityGroupAttribute(
  client: AlibabaCloudClient,
  input: ModifySecurityGroupAttributeInput,
  opts: CallOptions = {},
): Promise<{ requestId: string }> {
  const body = await client.call(modifySecurityGroupAttributeSpec, input, { idempotent: true, ...opts });
  return { requestId: body.RequestId };
}

/** Delete a group; `InvalidSecurityGroupId.NotFound` counts as success. */
export async function deleteSecurityGroup(client: AlibabaCloudClient, id: string, opts: CallOptions = {}): Promise<{ notFound: boolean }> {
  try {
    await client.call(deleteSecurityGroupSpec, { SecurityGroupId: id }, { idempotent: true, ...opts });
    return { notFound: false };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidSecurityGroupId.NotFound'])) return { notFound: true };
    throw err;
  }
}

/** Set the inner access policy (`Accept` or `Drop`) of a group. */
export async function modifySecurityGroupPolicy(
  client: AlibabaCloudClient,
  id: string,
  policy: string,
  opts: CallOptions = {},
): Promise<void> {
  await client.call(modifySecurityGroupPolicySpec, { SecurityGroupId: id, InnerAccessPolicy: policy }, { idempotent: true, ...opts });
}
