/**
 * Response-shape fragments several tables share (the `shape.ts` DSL), so a field is written
 * once: ECS and VPC tag lists, ListTagResources' items, an instance's VPC attributes, and the
 * page fields of list answers.
 */
import { r } from './shape.js';

/** ECS resource tags: `Tags: { Tag: [{ TagKey, TagValue }] }`. */
export const ecsTagsShape = r.list('Tag', r.object(r.defaults({ TagKey: r.string, TagValue: r.string })));

/** VPC-product resource tags: `Tags: { Tag: [{ Key, Value }] }`. */
export const vpcTagsShape = r.list('Tag', r.object(r.defaults({ Key: r.string, Value: r.string })));

/** `TagResources: { TagResource: [...] }` of ListTagResources (ECS and VPC alike). */
export const tagResourcesShape = r.list(
  'TagResource',
  r.object({ ResourceId: r.string, TagKey: r.string, ...r.defaults({ ResourceType: r.string, TagValue: r.string }) }),
);

/** An instance's `VpcAttributes` (DescribeInstances, DescribeInstanceAttribute). */
export const vpcAttributesShape = r.object(
  r.defaults({ NatIpAddress: r.string, PrivateIpAddress: r.list('IpAddress', r.string), VpcId: r.string, VSwitchId: r.string }),
);

/** An instance's `EipAddress` (DescribeInstances, DescribeInstanceAttribute). */
export const eipAddressShape = r.object(
  r.defaults({ AllocationId: r.string, Bandwidth: r.integer, InternetChargeType: r.string, IpAddress: r.string }),
);

/** The fields of a resource group both ListResourceGroups and GetResourceGroup report. */
export const resourceGroupFields = {
  Id: r.string,
  ...r.defaults({
    AccountId: r.string,
    CreateDate: r.string,
    DisplayName: r.string,
    Name: r.string,
    Status: r.string,
    Tags: r.list('Tag', r.object({})),
  }),
};

/** The page fields of a PageNumber/PageSize list answer. */
export const pageFields = r.defaults({ PageNumber: r.integer, PageSize: r.integer });

/**
 * The page fields of a list answer that may page with MaxResults/NextToken, where `TotalCount`
 * is not sent (API reference), so it is never required.
 */
export const tokenPageFields = {
  TotalCount: r.opt(r.integer),
  ...r.defaults({ NextToken: r.string, PageNumber: r.integer, PageSize: r.integer }),
};
