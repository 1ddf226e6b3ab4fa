/**
 * Test helpers for the instance lifecycle: a fresh VPC, vSwitch and security group made through
 * the official VPC and ECS SDKs, and a RunInstances request builder. Used only by `*.test.ts`.
 */
import VpcModule, * as $Vpc from '@alicloud/vpc20160428';
import * as $Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../accounts.js';
import { before, describe } from 'node:test';
import { useHarness, type Harness } from '../images/testing.js';
import { SEED_INSTANCE_IMAGE } from '../images/public-images.js';
import type { EcsSdkClient, SignatureMode } from '../test-support/clients.js';

export const ZONE = 'cn-hangzhou-i';
/** The first zone of cn-hangzhou: sells no ecs.g8i. */
export const OLD_ZONE = 'cn-hangzhou-h';
export const TYPE = 'ecs.g7.large';

export interface TestNetwork {
  vpcId: string;
  vSwitchId: string;
  /** A vSwitch of the same VPC in {@link OLD_ZONE}. */
  oldZoneVSwitchId: string;
  securityGroupId: string;
  cidr: string;
}

let cidrCounter = 0;

/** A new VPC (10.x.0.0/16), a /24 vSwitch in {@link ZONE}, one in {@link OLD_ZONE}, and a security group. */
/** The official VPC SDK client for the harness's default account. */
export function vpcClient(h: Harness, mode: SignatureMode): InstanceType<typeof VpcModule.default> {
  return new VpcModule.default(
    new $OpenApiUtil.Config({
      accessKeyId: DEFAULT_ACCESS_KEY_ID,
      accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
      endpoint: h.emu.endpoint,
      protocol: 'http',
      regionId: 'cn-hangzhou',
      ...(mode === 'v1' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
}

export async function makeNetwork(h: Harness, mode: SignatureMode, ecs: EcsSdkClient): Promise<TestNetwork> {
  const vpc = vpcClient(h, mode);
  const octet = 10 + (cidrCounter++ % 200);
  const vpcId = (
    await vpc.createVpc(new $Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: `10.${octet}.0.0/16`, vpcName: 'lifecycle' }))
  ).body!.vpcId!;
  h.advance(2);
  const cidr = `10.${octet}.1.0/24`;
  const vSwitchId = (
    await vpc.createVSwitch(new $Vpc.CreateVSwitchRequest({ regionId: 'cn-hangzhou', vpcId, zoneId: ZONE, cidrBlock: cidr }))
  ).body!.vSwitchId!;
  const oldZoneVSwitchId = (
    await vpc.createVSwitch(
      new $Vpc.CreateVSwitchRequest({ regionId: 'cn-hangzhou', vpcId, zoneId: OLD_ZONE, cidrBlock: `10.${octet}.2.0/24` }),
    )
  ).body!.vSwitchId!;
  const securityGroupId = (
    await ecs.createSecurityGroup(new $Ecs.CreateSecurityGroupRequest({ regionId: 'cn-hangzhou', vpcId, securityGroupName: 'lifecycle' }))
  ).body!.securityGroupId!;
  h.advance(2);
  return { vpcId, vSwitchId, oldZoneVSwitchId, securityGroupId, cidr };
}

/** A valid RunInstances request in the network from the seeded Ubuntu image, with overrides. */
export function runRequest(
  net: TestNetwork,
  over: Partial<ConstructorParameters<typeof $Ecs.RunInstancesRequest>[0]> = {},
): $Ecs.RunInstancesRequest {
  return new $Ecs.RunInstancesRequest({
    regionId: 'cn-hangzhou',
    imageId: SEED_INSTANCE_IMAGE,
    instanceType: TYPE,
    vSwitchId: net.vSwitchId,
    securityGroupIds: [net.securityGroupId],
    instanceName: 'web-1',
    ...over,
  });
}

/** Run one instance and return its id. */
export async function runOne(ecs: EcsSdkClient, net: TestNetwork, over: Parameters<typeof runRequest>[1] = {}): Promise<string> {
  const r = await ecs.runInstances(runRequest(net, over));
  return r.body!.instanceIdSets!.instanceIdSet![0]!;
}

/** Status of an instance as DescribeInstanceAttribute reports it. */
export async function statusOf(ecs: EcsSdkClient, id: string): Promise<string> {
  return (await ecs.describeInstanceAttribute(new $Ecs.DescribeInstanceAttributeRequest({ instanceId: id }))).body!.status!;
}

/** What {@link describeInNetwork} gives each test: a running emulator, the SDK client and a fresh network. */
export interface NetworkEnv {
  h: Harness;
  ecs: EcsSdkClient;
  net: TestNetwork;
}

/**
 * Register hooks that start a harness, make an SDK client in `mode` and a fresh network, and hand
 * them to `ready` before the tests; the harness stops after them. Returns the (forwarding) harness.
 */
export function useNetwork(mode: SignatureMode, ready: (env: NetworkEnv) => void): Harness {
  const h = useHarness();
  before(async () => {
    const ecs = h.client(mode);
    ready({ h, ecs, net: await makeNetwork(h, mode, ecs) });
  });
  return h;
}

/** `describe(title)` once per signature mode, with an emulator and a network made before the tests and stopped after. */
export function describeInNetwork(title: string, body: (env: NetworkEnv) => void): void {
  for (const mode of ['v3', 'v1'] as const)
    describe(`${title} (${mode})`, () => {
      const env = {} as NetworkEnv;
      useNetwork(mode, (made) => Object.assign(env, made));
      body(env);
    });
}
