/**
 * The elastic network interfaces of one instance: DescribeNetworkInterfaces filtered by InstanceId
 * (types from `src/spec/ecs/network-interfaces.ts`). RunInstances takes them as `NetworkInterface.N`
 * (see RunInstanceInput).
 */
import { describeNetworkInterfacesSpec } from '../spec/ecs/network-interfaces.js';
import type { AlibabaCloudClient, CallOptions } from './client.js';

/** One interface as the provider reads it. */
export interface NetworkInterfaceDetail {
  id: string;
  /** `Primary` or `Secondary`. */
  type: string;
  vSwitchId: string;
  privateIp: string;
  securityGroupIds: string[];
  trafficMode: string;
  queuePairNumber: number;
  sourceDestCheck: boolean;
  networkCardIndex: number;
  /** Position on the instance (0 for the primary interface). */
  deviceIndex: number;
}

/** Every interface attached to the instance, primary first, then by device index (pages of 100 followed). */
export async function describeInstanceNetworkInterfaces(
  client: AlibabaCloudClient,
  instanceId: string,
  opts: CallOptions = {},
): Promise<NetworkInterfaceDetail[]> {
  const out: NetworkInterfaceDetail[] = [];
  let token: string | undefined;
  do {
    const b = await client.call(describeNetworkInterfacesSpec, { InstanceId: instanceId, MaxResults: 100, NextToken: token }, opts);
    for (const e of b.NetworkInterfaceSets.NetworkInterfaceSet)
      out.push({
        id: e.NetworkInterfaceId,
        type: e.Type,
        vSwitchId: e.VSwitchId,
        privateIp: e.PrivateIpAddress,
        securityGroupIds: [...e.SecurityGroupIds.SecurityGroupId],
        trafficMode: e.NetworkInterfaceTrafficMode || 'Standard',
        queuePairNumber: e.QueuePairNumber,
        sourceDestCheck: e.SourceDestCheck,
        networkCardIndex: e.Attachment.NetworkCardIndex,
        deviceIndex: e.Attachment.DeviceIndex,
      });
    token = b.NextToken || undefined;
  } while (token);
  return out.sort((a, b) => a.deviceIndex - b.deviceIndex);
}
