/**
 * Acceptance (real terraform, in-process emulator): alicloud_instance's launch options on one
 * burstable spot instance in a zone with spot capacity: created with volume_tags, an
 * auto_release_time, spot_duration / spot_interruption_behavior, credit_specification and an
 * inbound bandwidth and maintenance attributes (action, notification, window); then volume tags, the maintenance attributes, the performance mode and the inbound bandwidth change and the
 * release is cancelled, all in place; checked against the emulator through the client; import
 * verified; destroy leaves nothing. Validate-time refusals (password_inherit with password, spot
 * options without a spot strategy, release time of a subscription, inbound bandwidth without public
 * bandwidth, the burstable mode on another type) end the file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeInstanceDetail, describeInstanceDisks, describeInstanceJumboFrame, describeInstanceMaintenance } from '../ecs/index.js';
import { createTerraformWorkspace, skipUnlessTerraform } from '../testing/terraform.js';
import { useExampleHarness, type ExampleHarness } from './example-harness.js';
import { tf } from './image-harness.js';
import { destroySteps, importVerify, instanceNetworkHcl, runSteps, type Step } from './steps-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const A = 'alicloud_instance.default';
const TYPE = 'ecs.t6-c1m2.large';

const dependence = `
data "alicloud_zones" "default" {
  available_instance_type = "${TYPE}"
  spot_strategy           = "SpotAsPriceGo"
}
${instanceNetworkHcl('tf-launch-options')}
`;

function config(extra: Record<string, string>): string {
  const args: Record<string, string> = {
    image_id: 'data.alicloud_images.default.images[0].id',
    instance_type: `"${TYPE}"`,
    vswitch_id: 'alicloud_vswitch.default.id',
    security_groups: '[alicloud_security_group.default.id]',
    instance_name: '"tf-launch-options"',
    spot_strategy: '"SpotAsPriceGo"',
    internet_max_bandwidth_out: '20',
    ...extra,
  };
  return `${dependence}
resource "alicloud_instance" "default" {
${Object.entries(args)
  .map(([k, v]) => (k === 'maintenance_time' || k === 'cpu_options' ? `  ${k} ${v}` : `  ${k} = ${v}`))
  .join('\n')}
}
`;
}

/** A release time 10 hours ahead, with seconds (ECS keeps the minute). */
const RELEASE = new Date(Date.now() + 10 * 3600_000).toISOString().slice(0, 17) + '27Z';

test(
  'alicloud_instance: volume tags, automatic release, spot options, burstable mode and inbound bandwidth read back and change in place, import and destroy',
  { timeout: 300_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const steps: Step[] = [
      {
        name: 'create a burstable spot instance with every launch option',
        config: config({
          volume_tags: '{ team = "a", env = "dev" }',
          auto_release_time: `"${RELEASE}"`,
          spot_duration: '0',
          spot_interruption_behavior: '"Stop"',
          credit_specification: '"Unlimited"',
          internet_max_bandwidth_in: '15',
          maintenance_action: '"Stop"',
          maintenance_notify: 'true',
          maintenance_time: '{\n    start_time = "02:00:00"\n    end_time   = "04:00:00"\n  }',
        }),
        expect: {
          [A]: {
            volume_tags: { team: 'a', env: 'dev' },
            auto_release_time: RELEASE,
            spot_duration: 0,
            spot_interruption_behavior: 'Stop',
            credit_specification: 'Unlimited',
            internet_max_bandwidth_in: 15,
            maintenance_action: 'Stop',
            maintenance_notify: true,
            maintenance_time: [{ start_time: '02:00:00', end_time: '04:00:00' }],
          },
        },
      },
      {
        name: 'volume tags, mode and inbound bandwidth change; the release is cancelled',
        config: config({
          volume_tags: '{ team = "b", owner = "ops" }',
          auto_release_time: '""',
          spot_duration: '0',
          spot_interruption_behavior: '"Stop"',
          credit_specification: '"Standard"',
          internet_max_bandwidth_in: '20',
          maintenance_action: '"AutoRedeploy"',
          maintenance_notify: 'false',
          maintenance_time: '{\n    start_time = "22:00:00"\n    end_time   = "01:00:00"\n  }',
        }),
        expect: {
          [A]: {
            volume_tags: { team: 'b', owner: 'ops' },
            auto_release_time: '',
            credit_specification: 'Standard',
            internet_max_bandwidth_in: 20,
            maintenance_action: 'AutoRedeploy',
            maintenance_notify: false,
            maintenance_time: [{ start_time: '22:00:00', end_time: '01:00:00' }],
          },
        },
      },
    ];
    const run = await runSteps(
      h,
      steps.map((s) => ({ ...s, sameIdAs: s === steps[0] ? [] : [A] })),
      h.fullProviderBlock,
    );
    const id = (await run.values(A)).id as string;
    const i = await describeInstanceDetail(h.client, id);
    assert.deepEqual(
      [i?.AutoReleaseTime, i?.CreditSpecification, i?.InternetMaxBandwidthIn, i?.SpotDuration, i?.SpotInterruptionBehavior],
      ['', 'Standard', 20, 0, 'Stop'],
    );
    assert.deepEqual(await describeInstanceMaintenance(h.client, id), {
      action: 'AutoRedeploy',
      notify: false,
      window: { startTime: '22:00:00', endTime: '01:00:00' },
    });
    const disks = await describeInstanceDisks(h.client, id);
    for (const d of disks)
      assert.deepEqual(
        Object.fromEntries(d.Tags.Tag.map((x) => [x.TagKey, x.TagValue])),
        { team: 'b', owner: 'ops' },
        `tags of ${d.Type} disk ${d.DiskId}`,
      );
    // auto_release_time is never set after the cancel, so the import reads '' as the state has.
    await importVerify(h, run, A, ['security_enhancement_strategy', 'dry_run'], h.fullProviderBlock);
    await destroySteps(run);
    assert.equal(await describeInstanceDetail(h.client, id), undefined);
  },
);

/** A subscription g8i instance; the second step upgrades its type (ModifyPrepayInstanceSpec), which resets the CPU options. */
const hardware = (over: { type: string; jumbo: string; cpu: string; operator?: string }) => `
data "alicloud_zones" "default" {
  available_instance_type = "ecs.g8i.xlarge"
}
${instanceNetworkHcl('tf-hardware-options')}
resource "alicloud_instance" "default" {
  image_id             = data.alicloud_images.default.images[0].id
  instance_type        = "${over.type}"
  vswitch_id           = alicloud_vswitch.default.id
  security_groups      = [alicloud_security_group.default.id]
  instance_name        = "tf-hardware-options"
  instance_charge_type = "PrePaid"
  period               = 1
  force_delete         = true
  enable_jumbo_frame   = ${over.jumbo}
${over.operator ? `  operator_type        = "${over.operator}"\n` : ''}  cpu_options {
${over.cpu}
  }
  image_options {
    login_as_non_root = true
  }
}
`;

test(
  'alicloud_instance: CPU and image options read back; type upgrade of a subscription, CPU options and jumbo frames in place; import and destroy',
  { timeout: 240_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const run = await runSteps(
      h,
      [
        {
          name: 'an eighth-generation subscription with CPU options, ecs-user logon and jumbo frames off',
          config: hardware({
            type: 'ecs.g8i.xlarge',
            jumbo: 'false',
            cpu: '    core_count = 1\n    threads_per_core = 1\n    topology_type = "DiscreteCoreToHTMapping"',
          }),
          expect: {
            [A]: {
              cpu_options: [{ core_count: 1, threads_per_core: 1, topology_type: 'DiscreteCoreToHTMapping' }],
              image_options: [{ login_as_non_root: true }],
              enable_jumbo_frame: false,
            },
          },
        },
        {
          name: 'upgraded in place (ModifyPrepayInstanceSpec), hyper-threading on again, jumbo frames on',
          config: hardware({
            type: 'ecs.g8i.2xlarge',
            jumbo: 'true',
            operator: 'upgrade',
            cpu: '    threads_per_core = 2\n    topology_type = "DiscreteCoreToHTMapping"',
          }),
          sameIdAs: [A],
          expect: {
            [A]: {
              instance_type: 'ecs.g8i.2xlarge',
              cpu_options: [{ core_count: 4, threads_per_core: 2, topology_type: 'DiscreteCoreToHTMapping' }],
              enable_jumbo_frame: true,
              operator_type: 'upgrade',
              status: 'Running',
            },
          },
        },
      ],
      h.fullProviderBlock,
    );
    const id = (await run.values(A)).id as string;
    assert.deepEqual((await describeInstanceDetail(h.client, id))?.CpuOptions, {
      CoreCount: 4,
      ThreadsPerCore: 2,
      TopologyType: 'DiscreteCoreToHTMapping',
    });
    assert.equal(await describeInstanceJumboFrame(h.client, id), true);
    await importVerify(h, run, A, ['security_enhancement_strategy', 'dry_run', 'force_delete', 'operator_type'], h.fullProviderBlock);
    await destroySteps(run);
    assert.equal(await describeInstanceDetail(h.client, id), undefined);
  },
);

test('alicloud_instance: launch options that cannot apply are refused at validate, naming the attribute', async (t) => {
  if (skipUnlessTerraform(t)) return;
  const ws = createTerraformWorkspace({ providerBinDir: h.binDir, files: { 'provider.tf': h.fullProviderBlock, 'main.tf': '' } });
  try {
    for (const [extra, pattern] of [
      [{ password: '"Secret123!"', password_inherit: 'true' }, /password_inherit|"password"/],
      [{ spot_strategy: '"NoSpot"', spot_duration: '1' }, /spot_duration[\s\S]*spot instances only/],
      [{ auto_release_time: `"${RELEASE}"`, instance_charge_type: '"PrePaid"' }, /auto_release_time[\s\S]*pay-as-you-go/],
      [{ internet_max_bandwidth_out: '0', internet_max_bandwidth_in: '5' }, /internet_max_bandwidth_in[\s\S]*above 0/],
      [{ instance_type: '"ecs.g7.large"', credit_specification: '"Unlimited"' }, /credit_specification[\s\S]*burstable/],
      [{ auto_release_time: '"tomorrow"' }, /auto_release_time[\s\S]*yyyy-MM-ddTHH:mm:ssZ/],
      [{ cpu_options: '{\n    threads_per_core = 3\n  }' }, /threads_per_core/],
      [{ operator_type: '"upgrade"' }, /operator_type[\s\S]*subscription/],
    ] as const) {
      ws.writeFile('main.tf', config(extra));
      const r = await tf(ws, ['validate'], 1);
      assert.match(r.stdout + r.stderr, pattern);
    }
  } finally {
    ws.cleanup();
  }
});
