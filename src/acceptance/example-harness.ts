/**
 * Set-up shared by the example acceptance tests: the image harness (in-process emulator behind a
 * counting proxy, provider executable) plus a provider block pointing ecs, vpc and resourcemanager
 * at the emulator, and an SDK client that reaches all three products.
 */
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_ACCOUNT_ID } from '../emulator/index.js';
import { AlibabaCloudClient } from '../ecs/index.js';
import { emulatorProviderBlock } from '../cli/emulator-block.js';
import { after, before } from 'node:test';
import { createTerraformWorkspace, terraformAvailable, type TerraformWorkspace } from '../testing/terraform.js';
import { REGION, startHarness, type Harness } from './image-harness.js';
import { ossClient } from '../emulator/test-support/oss-client.js';

/** The bucket and object the `alicloud_image_import` / `alicloud_image_export` examples read. */
export const EXAMPLE_BUCKET = 'my-image-bucket';
export const EXAMPLE_OBJECT = 'images/ubuntu-22.04.qcow2';

export interface ExampleHarness extends Harness {
  /** Client with every product endpoint on the emulator. */
  client: AlibabaCloudClient;
  account: number;
  /** Provider block with ecs, vpc and resourcemanager endpoints on the emulator. */
  fullProviderBlock: string;
}

export async function startExampleHarness(): Promise<ExampleHarness> {
  const h = await startHarness(1);
  const ep = h.proxy.endpoint;
  const fullProviderBlock = emulatorProviderBlock({ endpoint: ep, region: REGION });
  const client = new AlibabaCloudClient({
    region: REGION,
    accessKeyId: DEFAULT_ACCESS_KEY_ID,
    accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
    protocol: 'HTTP',
    endpoints: { ecs: h.emu.endpoint, vpc: h.emu.endpoint, resourcemanager: h.emu.endpoint },
  });
  // The bucket and disk image file the image import/export examples name (OSS has no seed).
  const oss = ossClient(h.emu.endpoint, { bucket: EXAMPLE_BUCKET, region: REGION });
  await oss.putBucket(EXAMPLE_BUCKET);
  await oss.put(EXAMPLE_OBJECT, Buffer.from('QFI\xfb example disk image', 'latin1'));
  return Object.assign(h, { client, account: DEFAULT_ACCOUNT_ID, fullProviderBlock });
}

/**
 * Register hooks on the current test file (or `describe`) that start an example harness before the
 * tests when terraform is on PATH, hand it to `ready` (which may seed more), and stop it after them.
 */
export function useExampleHarness(ready: (h: ExampleHarness) => unknown): void {
  let h: ExampleHarness | undefined;
  before(async () => {
    if (!terraformAvailable()) return;
    h = await startExampleHarness();
    await ready(h);
  });
  after(async () => {
    await h?.stop();
  });
}

/** The addresses the seed example (HCL and its TypeScript twin) leaves in state after apply, sorted. */
export const SEED_EXAMPLE_ADDRESSES = [
  'alicloud_image.default',
  'alicloud_instance.default',
  'alicloud_security_group.default',
  'alicloud_vpc.default',
  'alicloud_vswitch.default',
  'data.alicloud_images.default',
  'data.alicloud_instance_types.default',
  'data.alicloud_resource_manager_resource_groups.default',
  'data.alicloud_zones.default',
];

/** The sorted addresses of the resources in the workspace's state. */
export async function stateAddresses(ws: TerraformWorkspace): Promise<string[]> {
  const state = await ws.state();
  return (state.values.root_module.resources as { address: string }[]).map((r) => r.address).sort();
}

const spaces = new WeakMap<ExampleHarness, TerraformWorkspace[]>();

/** A terraform workspace with `main.tf` and the full provider block; removed by `h.stop()`'s caller via cleanupWorkspaces. */
export function exampleWorkspace(h: ExampleHarness, mainTf: string): TerraformWorkspace {
  const ws = createTerraformWorkspace({ providerBinDir: h.binDir, files: { 'provider.tf': h.fullProviderBlock, 'main.tf': mainTf } });
  const list = spaces.get(h) ?? [];
  list.push(ws);
  spaces.set(h, list);
  const stop = h.stop;
  h.stop = async () => {
    for (const w of spaces.get(h) ?? []) w.cleanup();
    spaces.delete(h);
    h.stop = stop;
    await stop();
  };
  return ws;
}
