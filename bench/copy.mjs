/**
 * Benchmark j (issue 15): one apply copying an image to 20 regions (one provider alias each),
 * as a ratio to the apply of a single copy. Both copy the same source (made untimed beforehand)
 * on a fresh in-process emulator where a copy takes T seconds. The floor of the 20-region apply is
 * ceil(20 / parallelism) copies back to back, plus Terraform starting one provider per region.
 */
import { check, load, loadTestHelper, providerCommand, ratio, timed } from './lib.mjs';

const { startEmulator, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_ACCOUNT_ID } = await load('emulator/index.js');
const { AlibabaCloudClient, createImage, waitImageUsable } = await load('ecs/index.js');
const { createTerraformWorkspace } = await loadTestHelper('testing/terraform.js');
const { DESTINATIONS, alias, providersHcl } = await loadTestHelper('acceptance/image-copy-harness.js');

const copies = (source, regions) =>
  regions
    .map(
      (r) => `resource "alicloud_image_copy" "${alias(r)}" {
  provider             = alicloud.${alias(r)}
  source_image_id      = "${source}"
  source_region_id     = "cn-hangzhou"
  image_name           = "bench-copy"
  delete_auto_snapshot = true
}
`,
    )
    .join('\n');

export async function benchCopyRegions({ perGiB = 0.1, parallelism = 10 } = {}) {
  const emu = await startEmulator({ port: 0, db: ':memory:', settings: { imageCreateSeconds: 1, imageCopySecondsPerGiB: perGiB } });
  const provider = providerCommand();
  try {
    const client = new AlibabaCloudClient({
      region: 'cn-hangzhou',
      accessKeyId: DEFAULT_ACCESS_KEY_ID,
      accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
      protocol: 'HTTP',
      endpoints: { ecs: emu.endpoint },
    });
    const { imageId } = await createImage(client, { SnapshotId: `s-running-system-${DEFAULT_ACCOUNT_ID}`, ImageName: 'bench-golden' });
    const source = await waitImageUsable(client, imageId, { timeoutMs: 60_000 });
    const T = perGiB * source.Size;
    const run = async (regions) => {
      const ws = createTerraformWorkspace({
        providerBinDir: provider.binDir,
        files: { 'providers.tf': providersHcl(emu.endpoint, regions), 'main.tf': copies(imageId, regions) },
      });
      try {
        const apply = await timed(async () =>
          check(await ws.run(['apply', '-auto-approve', '-no-color', `-parallelism=${parallelism}`], { timeoutMs: 600_000 }), 'apply'),
        );
        check(await ws.run(['destroy', '-auto-approve', '-no-color', `-parallelism=${parallelism}`], { timeoutMs: 600_000 }), 'destroy');
        return apply.ms;
      } finally {
        ws.cleanup();
      }
    };
    const oneMs = await run(DESTINATIONS.slice(0, 1));
    const twentyMs = await run(DESTINATIONS);
    const floorMs = Math.ceil(DESTINATIONS.length / parallelism) * T * 1000;
    return {
      T,
      parallelism,
      regions: DESTINATIONS.length,
      oneMs,
      twentyMs,
      floorMs,
      twentyOverOne: ratio(twentyMs, oneMs),
      floorOverOne: ratio(floorMs + oneMs - T * 1000, oneMs),
    };
  } finally {
    provider.cleanup();
    await emu.stop();
  }
}
