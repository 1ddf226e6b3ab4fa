/**
 * Acceptance (real terraform, in-process emulator), written from the facts of the official
 * deployment set tests: `alicloud_ecs_deployment_set` with its basic steps (empty block, name,
 * description in place), import verified (ignoring `on_unable_to_redeploy_failed_instance`, which
 * ECS does not report), an AvailabilityGroup set with every argument; and an `alicloud_instance`
 * that joins a set, moves to another and leaves it with `deployment_set_id = ""`, each in place
 * (the official instance test's deployment set steps), its private pool options changed in place
 * alongside. Destroy leaves no set.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDeploymentSet, describeInstanceDetail } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { accumulatedSteps, destroySteps, importVerify, instanceNetworkHcl, runSteps } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const DS = 'alicloud_ecs_deployment_set.default';

test(
  'alicloud_ecs_deployment_set: the official basic steps in place, import verifies, every argument, destroy removes it',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const steps = accumulatedSteps(
      DS,
      '',
      [{}, { deployment_set_name: 'tf-testacc-ds' }, { description: 'tf-testacc-ds' }],
      [
        { strategy: 'Availability', domain: 'Default', granularity: 'Host', deployment_set_name: '' },
        { deployment_set_name: 'tf-testacc-ds' },
        { description: 'tf-testacc-ds' },
      ],
    );
    const run = await runSteps(h, steps, h.fullProviderBlock);
    const id = (await run.values(DS)).id as string;
    await importVerify(h, run, DS, ['on_unable_to_redeploy_failed_instance'], h.fullProviderBlock);
    await destroySteps(run);
    assert.equal(await describeDeploymentSet(h.client, id), undefined);

    const all = await runSteps(
      h,
      accumulatedSteps(
        DS,
        '',
        [
          {
            strategy: 'AvailabilityGroup',
            deployment_set_name: 'tf-testacc-ds-all',
            description: 'tf-testacc-ds-all',
            on_unable_to_redeploy_failed_instance: 'CancelMembershipAndStart',
            domain: 'Default',
            granularity: 'Host',
          },
        ],
        [{ strategy: 'AvailabilityGroup', deployment_set_name: 'tf-testacc-ds-all', domain: 'Default', granularity: 'Host' }],
      ),
      h.fullProviderBlock,
    );
    const grouped = await describeDeploymentSet(h.client, (await all.values(DS)).id);
    assert.deepEqual([grouped?.DeploymentStrategy, grouped?.GroupCount], ['AvailabilityGroup', 3]);
    await destroySteps(all);
  },
);

const dependence = `
data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}
data "alicloud_instance_types" "default" {
  availability_zone = data.alicloud_zones.default.zones[0].id
  cpu_core_count    = 2
  memory_size       = 4
}
${instanceNetworkHcl('tf-testacc-ds-instance')}
resource "alicloud_ecs_deployment_set" "default" {
  strategy            = "Availability"
  domain              = "Default"
  granularity         = "Host"
  deployment_set_name = "example_value"
  description         = "example_value"
}
resource "alicloud_ecs_deployment_set" "update" {
  strategy            = "AvailabilityGroup"
  deployment_set_name = "example_value"
  description         = "example_value"
}
`;

test(
  'alicloud_instance joins a deployment set, moves to another and leaves it, its private pool options changed, in place',
  { timeout: 420_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const instance = (set: string, pool: string) => `${dependence}
resource "alicloud_instance" "default" {
  image_id          = data.alicloud_images.default.images[0].id
  instance_type     = data.alicloud_instance_types.default.instance_types[0].id
  availability_zone = data.alicloud_zones.default.zones[0].id
  vswitch_id        = alicloud_vswitch.default.id
  security_groups   = [alicloud_security_group.default.id]
  instance_name     = "tf-testacc-ds-instance"
  deployment_set_id = ${set}
  private_pool_options_match_criteria = "${pool}"
}
`;
    const I = 'alicloud_instance.default';
    const run = await runSteps(
      h,
      [
        {
          name: 'join',
          config: instance('alicloud_ecs_deployment_set.default.id', 'Open'),
          expect: { [I]: { deployment_set_group_no: '', private_pool_options_match_criteria: 'Open' } },
        },
        {
          name: 'move to an AvailabilityGroup set',
          config: instance('alicloud_ecs_deployment_set.update.id', 'None'),
          expect: { [I]: { deployment_set_group_no: '1', private_pool_options_match_criteria: 'None' } },
          sameIdAs: [I],
        },
        {
          name: 'leave',
          config: instance('""', 'None'),
          expect: { [I]: { deployment_set_id: '', deployment_set_group_no: '' } },
          sameIdAs: [I],
        },
      ],
      h.fullProviderBlock,
    );
    const v = await run.values(I);
    const now = await describeInstanceDetail(h.client, v.id);
    assert.equal(now?.DeploymentSetId, '');
    const update = await describeDeploymentSet(h.client, (await run.values('alicloud_ecs_deployment_set.update')).id);
    assert.equal(update?.InstanceAmount, 0);
    await destroySteps(run);
  },
);
