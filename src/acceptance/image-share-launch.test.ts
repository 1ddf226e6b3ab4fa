/**
 * Acceptance (issue 15), with real terraform: the emulator's second account launches an instance
 * from an image shared with it (a provider block with the second key pair), and unsharing revokes
 * that; a copy that exceeds its create timeout is cancelled with CancelCopyImage and leaves nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  SECOND_ACCESS_KEY_ID,
  SECOND_ACCESS_KEY_SECRET,
  SECOND_ACCOUNT_ID,
  startEmulator,
  type EmulatorSettings,
} from '../emulator/index.js';
import { AlibabaCloudClient, describeAllImages, describeSnapshots } from '../ecs/index.js';
import { createTerraformWorkspace, skipUnlessTerraform, type TerraformWorkspace } from '../testing/terraform.js';
import { providerBinDir } from './faults-support.js';
import { resourceValues, tf } from './image-harness.js';
import { copiesHcl, providersHcl } from './image-copy-harness.js';

const SHARE_HCL = `
resource "alicloud_image_share_permission" "other" {
  image_id   = alicloud_image.golden.id
  account_id = "${SECOND_ACCOUNT_ID}"
}
`;

/** An instance of the second account from the golden image, in a network of its own. */
const instanceHcl = (imageRef: string) => `
resource "alicloud_vpc" "other" {
  provider   = alicloud.other
  vpc_name   = "other"
  cidr_block = "172.17.0.0/16"
}

resource "alicloud_vswitch" "other" {
  provider   = alicloud.other
  vpc_id     = alicloud_vpc.other.id
  cidr_block = "172.17.3.0/24"
  zone_id    = "cn-hangzhou-i"
}

resource "alicloud_security_group" "other" {
  provider = alicloud.other
  vpc_id   = alicloud_vpc.other.id
}

resource "alicloud_instance" "other" {
  provider        = alicloud.other
  image_id        = ${imageRef}
  instance_type   = "ecs.g7.large"
  vswitch_id      = alicloud_vswitch.other.id
  security_groups = [alicloud_security_group.other.id]
  instance_name   = "from-shared"
}
`;

/** An emulator, the provider bin and workspaces over `regions` (each file cleans up after itself). */
async function setUp(t: { after(fn: () => Promise<void> | void): void }, settings: Partial<EmulatorSettings>, regions: readonly string[]) {
  const emu = await startEmulator({ port: 0, db: ':memory:', settings: { imageCreateSeconds: 1, imageUsableLagSeconds: 0, ...settings } });
  const bin = providerBinDir();
  const spaces: TerraformWorkspace[] = [];
  t.after(async () => {
    for (const ws of spaces) ws.cleanup();
    bin.cleanup();
    await emu.stop();
  });
  const workspace = (main: string) => {
    const ws = createTerraformWorkspace({
      providerBinDir: bin.dir,
      files: { 'providers.tf': providersHcl(emu.endpoint, regions), 'main.tf': main },
    });
    spaces.push(ws);
    return ws;
  };
  const client = (region: string, second = false) =>
    new AlibabaCloudClient({
      region,
      accessKeyId: second ? SECOND_ACCESS_KEY_ID : DEFAULT_ACCESS_KEY_ID,
      accessKeySecret: second ? SECOND_ACCESS_KEY_SECRET : DEFAULT_ACCESS_KEY_SECRET,
      protocol: 'HTTP',
      endpoints: { ecs: emu.endpoint },
    });
  return { workspace, client };
}

test('the second account launches an instance from a shared image; unsharing revokes that', { timeout: 240_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const { workspace, client } = await setUp(t, { instanceStartSeconds: 1 }, []);
  const ws = workspace(copiesHcl([]) + SHARE_HCL + instanceHcl('alicloud_image_share_permission.other.image_id'));
  await tf(ws, ['apply', '-auto-approve']);
  const golden = (await resourceValues(ws, 'alicloud_image.golden'))!.id as string;
  assert.equal((await resourceValues(ws, 'alicloud_instance.other'))!.image_id, golden, 'the instance runs the shared image');
  assert.deepEqual(
    (await describeAllImages(client('cn-hangzhou', true), { ImageOwnerAlias: 'others' })).map((i) => [i.ImageId, i.ImageOwnerAlias]),
    [[golden, 'others']],
  );
  const plan = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
  assert.equal(plan.code, 0, `the re-plan is clean:\n${plan.stdout.slice(-2000)}`);

  // Unshare (the instance goes first): the second account no longer sees or launches the image.
  ws.writeFile('main.tf', copiesHcl([]));
  await tf(ws, ['apply', '-auto-approve']);
  assert.deepEqual(await describeAllImages(client('cn-hangzhou', true), { ImageOwnerAlias: 'others' }), []);
  const other = workspace(instanceHcl(JSON.stringify(golden)));
  const refused = await tf(other, ['apply', '-auto-approve'], 1);
  assert.match(refused.stderr, /InvalidImageId\.NotFound/, 'the launch from the unshared image is refused');
  await tf(other, ['destroy', '-auto-approve']);
  await tf(ws, ['destroy', '-auto-approve']);
  assert.deepEqual(await describeAllImages(client('cn-hangzhou'), { ImageOwnerAlias: 'self', Status: ['ALL'] }), []);
});

test('a copy exceeding its create timeout is cancelled and leaves nothing', { timeout: 180_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const region = 'ap-northeast-1';
  // 40 GiB at 10 s per GiB: the copy would take 400 s; the create timeout is 8 s.
  const { workspace, client } = await setUp(t, { imageCopySecondsPerGiB: 10 }, [region]);
  const ws = workspace(copiesHcl([region], '8s'));
  const r = await tf(ws, ['apply', '-auto-approve'], 1);
  const said = r.stderr.replace(/\s+/g, ' ');
  assert.match(said, /Image Copy Timed Out/);
  assert.match(said, /cancelled with CancelCopyImage; nothing is left in ap-northeast-1/);
  assert.equal(await resourceValues(ws, 'alicloud_image_copy.ap_northeast_1'), undefined, 'the state holds no copy');
  assert.deepEqual(await describeAllImages(client(region), { ImageOwnerAlias: 'self', Status: ['ALL'] }), [], 'no copy in the region');
  assert.deepEqual((await describeSnapshots(client(region), { PageSize: 100 })).snapshots, [], 'no snapshot in the region');
  await tf(ws, ['destroy', '-auto-approve']);
});
