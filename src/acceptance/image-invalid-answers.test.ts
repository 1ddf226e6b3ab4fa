/**
 * alicloud_image through the real terraform when the ECS endpoint misbehaves (issue 12 item 1):
 * an endpoint answering DescribeImages with HTTP 200 `{}` during refresh must fail the refresh
 * with an error naming the action, keep the image in state (no "1 to add" on the next plan,
 * which would then fail with InvalidImageName.Duplicated), and once the endpoint is healthy
 * again the plan is clean. Also: the arguments CreateImage cannot take (license_type,
 * features.nvme_support) are applied right after create.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeImage } from '../ecs/index.js';
import { skipUnlessTerraform, terraformAvailable, type TerraformWorkspace } from '../testing/terraform.js';
import { SYSTEM_SNAPSHOT, applyClean, imageTf, resourceValues, startHarness, tf, type Harness } from './image-harness.js';

/** Terraform wraps diagnostics at 80 columns: compare with whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('alicloud_image when the endpoint answers nonsense', { skip: !terraformAvailable() && 'terraform CLI not on PATH' }, () => {
  let h: Harness;
  let ws: TerraformWorkspace;
  before(async () => {
    h = await startHarness(1);
    ws = h.workspace('');
  });
  after(() => h?.stop());
  // One test's misbehaving endpoint never leaks into the next.
  afterEach(() => {
    if (h) h.proxy.override = undefined;
  });

  test('a refresh that gets {} for DescribeImages fails naming the action, keeps the image in state, and heals', async (t) => {
    if (skipUnlessTerraform(t)) return;
    ws.writeFile('main.tf', imageTf('default', `snapshot_id = "${SYSTEM_SNAPSHOT}"\nimage_name = "tf-acc-invalid-answer"`));
    await applyClean(ws);
    const id = (await resourceValues(ws, 'alicloud_image.default'))!.id as string;
    assert.match(id, /^m-/);

    h.proxy.override = { action: 'DescribeImages', status: 200, body: '{}' };
    const plan = await ws.run(['plan', '-refresh-only', '-no-color']);
    assert.equal(plan.code, 1, plan.stdout + plan.stderr);
    assert.match(plan.stderr, /Cannot Read alicloud_image m-/);
    assert.match(flat(plan.stderr), /ECS DescribeImages returned an invalid response \(HTTP 200\): Images: missing \(required object\)/);
    assert.doesNotMatch(plan.stdout, /has been deleted|will be created|1 to add/);
    // A refresh that writes state must not drop the image either.
    const refresh = await ws.run(['apply', '-refresh-only', '-auto-approve', '-no-color']);
    assert.equal(refresh.code, 1, refresh.stdout + refresh.stderr);
    assert.match(flat(refresh.stderr), /ECS DescribeImages returned an invalid response/);
    assert.equal((await resourceValues(ws, 'alicloud_image.default'))?.id, id, 'the image is still in state');
    // An error body under HTTP 200 with a NotFound code is no proof of absence either.
    h.proxy.override = {
      action: 'DescribeImages',
      status: 200,
      body: JSON.stringify({ RequestId: 'RID-200-ERR', Code: 'InvalidImageId.NotFound', Message: 'The specified image does not exist.' }),
    };
    const errorBody = await ws.run(['plan', '-no-color']);
    assert.equal(errorBody.code, 1, errorBody.stdout + errorBody.stderr);
    assert.match(flat(errorBody.stderr), /an error body under a success status: InvalidImageId\.NotFound[\s\S]*Request id: RID-200-ERR/);
    assert.doesNotMatch(errorBody.stdout, /will be created|1 to add/);

    h.proxy.override = undefined;
    const healed = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(healed.code, 0, `the plan is clean once the endpoint is healthy:\n${healed.stdout}\n${healed.stderr}`);
    assert.equal((await describeImage(h.client, id))?.ImageId, id, 'the image was never recreated');
    await tf(ws, ['destroy', '-auto-approve']);
  });

  test('license_type and nvme_support, which CreateImage does not take, are set right after create', async (t) => {
    if (skipUnlessTerraform(t)) return;
    ws.writeFile(
      'main.tf',
      imageTf(
        'licensed',
        `snapshot_id = "${SYSTEM_SNAPSHOT}"\nimage_name = "tf-acc-licensed"\nlicense_type = "BYOL"\nfeatures {\nnvme_support = "supported"\n}`,
      ),
    );
    await applyClean(ws);
    const v = (await resourceValues(ws, 'alicloud_image.licensed'))!;
    assert.equal(v.license_type, 'BYOL');
    assert.deepEqual(v.features, [{ nvme_support: 'supported' }]);
    const image = await describeImage(h.client, v.id as string);
    assert.equal(image?.LicenseType, 'BYOL');
    assert.equal(image?.Features.NvmeSupport, 'supported');
    await tf(ws, ['destroy', '-auto-approve']);
  });
});
