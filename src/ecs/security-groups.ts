/**
 * ECS security-group operations: CreateSecurityGroup, DescribeSecurityGroups (one group by id),
 * DescribeSecurityGroupAttribute (inner access policy), ModifySecurityGroupAttribute,
 * ModifySecurityGroupPolicy, DeleteSecurityGroup. Tags go through `tags.ts` with resource type `securitygroup`.
 */
import { modifySecurityGroupPolicySpec, securityGroupActionSpecs } from '../spec/ecs/security-groups.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';
import { randomClientToken } from './client-token.js';
import { items, obj, requestIdOf, str } from './decode.js';
import { isNotFoundError } from './errors.js';
import { vpcSpec } from './vpc.js';

export interface SecurityGroup {
  SecurityGroupId: string;
  SecurityGroupName: string;
  Description: string;
  SecurityGroupType: string;
  VpcId: string;
  ResourceGroupId: string;
  CreationTime: string;
  Tags: Record<string, string>;
}

export interface CreateSecurityGroupInput {
  RegionId?: string;
  VpcId?: string;
  SecurityGroupName?: string;
  Description?: string;
  SecurityGroupType?: string;
  ResourceGroupId?: string;
  Tag?: { Key: string; Value?: string }[];
  ClientToken?: string;
}

const spec = (action: string) => vpcSpec(securityGroupActionSpecs, action);

export async function createSecurityGroup(
  client: AlibabaCloudClient,
  input: CreateSecurityGroupInput,
  opts: CallOptions = {},
): Promise<{ securityGroupId: string; requestId: string }> {
  const body = await client.call(
    spec('CreateSecurityGroup'),
    { ...input, ClientToken: input.ClientToken || randomClientToken() },
    { idempotent: true, ...opts },
  );
  return { securityGroupId: str(body.SecurityGroupId), requestId: requestIdOf(body) };
}

/** The group with this id, or undefined when it does not exist. */
export async function describeSecurityGroup(
  client: AlibabaCloudClient,
  id: string,
  opts: CallOptions = {},
): Promise<SecurityGroup | undefined> {
  try {
    const body = await client.call(spec('DescribeSecurityGroups'), { SecurityGroupIds: [id], PageSize: 10 }, opts);
    const found = items(obj(body.SecurityGroups), 'SecurityGroup').find((g) => str(g.SecurityGroupId) === id);
    if (!found) return undefined;
    const tags: Record<string, string> = {};
    for (const t of items(obj(found.Tags), 'Tag')) tags[str(t.TagKey ?? t.Key)] = str(t.TagValue ?? t.Value);
    return {
      SecurityGroupId: str(found.SecurityGroupId),
      SecurityGroupName: str(found.SecurityGroupName),
      Description: str(found.Description),
      SecurityGroupType: str(found.SecurityGroupType),
      VpcId: str(found.VpcId),
      ResourceGroupId: str(found.ResourceGroupId),
      CreationTime: str(found.CreationTime),
      Tags: tags,
    };
  } catch (err) {
    if (isNotFoundError(err, ['InvalidSecurityGroupId.NotFound'])) return undefined;
    throw err;
  }
}

/** `Accept` or `Drop`: whether instances inside the group reach each other. */
export async function describeInnerAccessPolicy(client: AlibabaCloudClient, id: string, opts: CallOptions = {}): Promise<string> {
  const body = await client.call(spec('DescribeSecurityGroupAttribute'), { SecurityGroupId: id, MaxResults: 10 }, opts);
  return str(body.InnerAccessPolicy);
}

export async function modifySecurityGroupAttribute(
  client: AlibabaCloudClient,
  input: { SecurityGroupId: string; SecurityGroupName?: string; Description?: string },
  opts: CallOptions = {},
): Promise<{ requestId: string }> {
  const body = await client.call(spec('ModifySecurityGroupAttribute'), { ...input }, { idempotent: true, ...opts });
  return { requestId: requestIdOf(body) };
}

/** Delete a group; `InvalidSecurityGroupId.NotFound` counts as success. */
export async function deleteSecurityGroup(client: AlibabaCloudClient, id: string, opts: CallOptions = {}): Promise<{ notFound: boolean }> {
  try {
    await client.call(spec('DeleteSecurityGroup'), { SecurityGroupId: id }, { idempotent: true, ...opts });
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
