/**
 * Acceptance (real terraform, in-process emulator): an `alicloud_instance` launched with
 * `system_disk_auto_snapshot_policy_id`, moved to another policy in place (same instance id,
 * ApplyAutoSnapshotPolicy, as upstream), each step planning clean, then destroyed. The policies are
 * made through the client (this provider does not serve `alicloud_ecs_auto_snapshot_policy` yet).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAutoSnapshotPolicy, describeAutoSnapshotPolicy, describeInstanceDisks } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { destroySteps, instanceNetworkHcl, runSteps } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const dependence = `
data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}
data "alicloud_instance_types" "default" {
  availability_zone = data.alicloud_zones.default.zones[0].id
  cpu_core_count    = 2
  memory_size       = 4
}
${instanceNetworkHcl('tf-testacc-asp-instance')}
`;

test(
  'alicloud_instance: system_disk_auto_snapshot_policy_id at launch, changed in place, plans clean, destroys',
  { timeout: 420_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const schedule = { timePoints: ['1'], repeatWeekdays: ['1', '7'], retentionDays: 7 } as const;
    const first = await createAutoSnapshotPolicy(h.client, { ...schedule, autoSnapshotPolicyName: 'tf-testacc-asp-1' });
    const second = await createAutoSnapshotPolicy(h.client, { ...schedule, autoSnapshotPolicyName: 'tf-testacc-asp-2' });
    const instance = (policy: string) => `${dependence}
resource "alicloud_instance" "default" {
  image_id          = data.alicloud_images.default.images[0].id
  instance_type     = data.alicloud_instance_types.default.instance_types[0].id
  availability_zone = data.alicloud_zones.default.zones[0].id
  vswitch_id        = alicloud_vswitch.default.id
  security_groups   = [alicloud_security_group.default.id]
  instance_name     = "tf-testacc-asp-instance"
  system_disk_auto_snapshot_policy_id = "${policy}"
}
`;
    const I = 'alicloud_instance.default';
    const run = await runSteps(
      h,
      [
        { name: 'launch with a policy', config: instance(first), expect: { [I]: { system_disk_auto_snapshot_policy_id: first } } },
        {
          name: 'another policy in place',
          config: instance(second),
          expect: { [I]: { system_disk_auto_snapshot_policy_id: second } },
          sameIdAs: [I],
        },
      ],
      h.fullProviderBlock,
    );
    const id = (await run.values(I)).id as string;
    const disks = await describeInstanceDisks(h.client, id);
    assert.equal(disks.find((d) => d.Type === 'system')?.AutoSnapshotPolicyId, second);
    assert.deepEqual(
      [(await describeAutoSnapshotPolicy(h.client, first))?.DiskNums, (await describeAutoSnapshotPolicy(h.client, second))?.DiskNums],
      [0, 1],
    );
    await destroySteps(run);
  },
);
