/**
 * Our own versions, written from the official tests' facts (arguments, values, step order), of
 * the official acceptance tests that need disks and snapshots: the image tests "snapshot" (an
 * image from an `alicloud_ecs_snapshot` of the system disk) and "disk_device_mapping" (an image
 * from snapshots of the system disk and of an attached `alicloud_disk`), and the basic step
 * sequences of `alicloud_ecs_snapshot`, `alicloud_ecs_disk` and `alicloud_ecs_disk_attachment`.
 * Every step applies and plans clean, imports verify, destroy leaves nothing.
 */
import { after, before, describe, test } from 'node:test';
import { terraformAvailable } from '../testing/terraform.js';
import { startExampleHarness, type ExampleHarness } from './example-harness.js';
import { destroySteps, importVerify, runSteps } from './steps-harness.js';

const NAME = 'tf-testacc-disk-snap';

/** Network, a Stopped ESSD instance (system disk 20 GiB when `size`), as the image tests depend on. */
const base = (systemDiskSize = '') => `
data "alicloud_zones" "default" {
  available_resource_creation = "Instance"
}

locals {
  zone_id = data.alicloud_zones.default.zones[0].id
}

data "alicloud_instance_types" "default" {
  availability_zone    = local.zone_id
  instance_type_family = "ecs.sn1ne"
}

data "alicloud_images" "default" {
  name_regex  = "^ubuntu_[0-9]+_[0-9]+_x64*"
  most_recent = true
  owners      = "system"
}

data "alicloud_resource_manager_resource_groups" "default" {}

resource "alicloud_vpc" "default" {
  cidr_block = "192.168.0.0/16"
  vpc_name   = "${NAME}"
}

resource "alicloud_vswitch" "default" {
  vpc_id       = alicloud_vpc.default.id
  cidr_block   = cidrsubnet(alicloud_vpc.default.cidr_block, 8, 2)
  zone_id      = local.zone_id
  vswitch_name = "${NAME}"
}

resource "alicloud_security_group" "default" {
  name   = "${NAME}"
  vpc_id = alicloud_vpc.default.id
}

resource "alicloud_instance" "default" {
  image_id             = data.alicloud_images.default.ids[0]
  instance_type        = data.alicloud_instance_types.default.ids[0]
  security_groups      = [alicloud_security_group.default.id]
  vswitch_id           = alicloud_vswitch.default.id
  system_disk_category = "cloud_essd"
${systemDiskSize}  instance_name        = "${NAME}"
  status               = "Stopped"
}
`;

const systemSnapshot = `
resource "alicloud_ecs_snapshot" "default" {
  category       = "standard"
  description    = "system disk snapshot"
  disk_id        = alicloud_instance.default.system_disk_id
  retention_days = 20
  snapshot_name  = "${NAME}"
  tags = {
    Created = "TF"
    For     = "Acceptance-test"
  }
  timeouts {
    create = "10m"
  }
}
`;

const dataDisk = `
resource "alicloud_disk" "data" {
  disk_name         = "${NAME}"
  availability_zone = local.zone_id
  category          = "cloud_essd"
  size              = 20
}

resource "alicloud_disk_attachment" "data" {
  disk_id     = alicloud_disk.data.id
  instance_id = alicloud_instance.default.id
}

resource "alicloud_ecs_snapshot" "data" {
  category      = "standard"
  description   = "data disk snapshot"
  disk_id       = alicloud_disk_attachment.data.disk_id
  snapshot_name = "${NAME}-data"
  timeouts {
    create = "10m"
  }
}
`;

const image = (source: string) => `
resource "alicloud_image" "default" {
  image_name  = "${NAME}"
  description = "${NAME}-description"
  tags = {
    Created = "TF"
    For     = "acceptance test123"
  }
${source}}
`;

describe(
  'official image tests that need snapshots and disks, with real terraform',
  { skip: !terraformAvailable() && 'terraform not on PATH' },
  () => {
    let h: ExampleHarness;
    before(async () => {
      h = await startExampleHarness();
    });
    after(() => h.stop());

    test('"snapshot": an image from an alicloud_ecs_snapshot of the system disk; the snapshot imports', async () => {
      const run = await runSteps(
        h,
        [
          {
            name: 'image from snapshot_id',
            config: base() + systemSnapshot + image('  snapshot_id = alicloud_ecs_snapshot.default.id\n'),
            expect: {
              'alicloud_image.default': { image_name: NAME, tags: { Created: 'TF', For: 'acceptance test123' }, usable: true },
              'alicloud_ecs_snapshot.default': { status: 'accomplished', category: 'standard', retention_days: 20 },
            },
          },
        ],
        h.fullProviderBlock,
      );
      try {
        await importVerify(h, run, 'alicloud_ecs_snapshot.default', ['force'], h.fullProviderBlock);
      } finally {
        await destroySteps(run);
      }
    });

    test('"disk_device_mapping": an image from snapshots of the system disk and an attached alicloud_disk', async () => {
      const mapping = `  disk_device_mapping {
    disk_type   = "system"
    device      = "/dev/xvda"
    size        = 20
    snapshot_id = alicloud_ecs_snapshot.default.id
  }
  disk_device_mapping {
    disk_type   = "data"
    device      = "/dev/xvdb"
    size        = 20
    snapshot_id = alicloud_ecs_snapshot.data.id
  }
`;
      const run = await runSteps(
        h,
        [
          {
            name: 'image from two disk snapshots',
            config: base('  system_disk_size     = 20\n') + systemSnapshot + dataDisk + image(mapping),
            expect: {
              'alicloud_disk_attachment.data': { device: '/dev/xvdb' },
              'alicloud_disk.data': { category: 'cloud_essd', size: 20 },
            },
          },
        ],
        h.fullProviderBlock,
      );
      try {
        const img = await run.values('alicloud_image.default');
        const snaps = [await run.values('alicloud_ecs_snapshot.default'), await run.values('alicloud_ecs_snapshot.data')];
        const got = (img.disk_device_mapping as Record<string, unknown>[]).map((m) => [m.disk_type, m.device, m.size, m.snapshot_id]);
        const want = [
          ['system', '/dev/xvda', 20, snaps[0]!.id],
          ['data', '/dev/xvdb', 20, snaps[1]!.id],
        ];
        if (JSON.stringify(got) !== JSON.stringify(want))
          throw new Error(`disk_device_mapping ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
        // The disk's state was written before the attachment; status and instance_id are refreshed only on the next plan.
        await importVerify(h, run, 'alicloud_disk.data', ['status', 'instance_id'], h.fullProviderBlock);
        await importVerify(h, run, 'alicloud_disk_attachment.data', [], h.fullProviderBlock);
      } finally {
        await destroySteps(run);
      }
    });

    test('alicloud_ecs_snapshot basic: disk_id, then description, resource group, snapshot_name and tags in place', async () => {
      const deps =
        base() +
        `
resource "alicloud_ecs_disk" "default" {
  zone_id  = local.zone_id
  category = "cloud_essd"
  size     = 20
}

resource "alicloud_ecs_disk_attachment" "default" {
  disk_id     = alicloud_ecs_disk.default.id
  instance_id = alicloud_instance.default.id
}
`;
      const snap = (extra: string) => `${deps}
resource "alicloud_ecs_snapshot" "default" {
  disk_id = alicloud_ecs_disk_attachment.default.disk_id
${extra}}
`;
      const rg = '  resource_group_id = data.alicloud_resource_manager_resource_groups.default.groups.1.id\n';
      const same = ['alicloud_ecs_snapshot.default'];
      const run = await runSteps(
        h,
        [
          { name: 'disk_id', config: snap('') },
          {
            name: 'description',
            config: snap(`  description = "${NAME}"\n`),
            sameIdAs: same,
            expect: { 'alicloud_ecs_snapshot.default': { description: NAME } },
          },
          { name: 'resource_group_id', config: snap(`  description = "${NAME}"\n${rg}`), sameIdAs: same },
          {
            name: 'snapshot_name',
            config: snap(`  description = "${NAME}"\n${rg}  snapshot_name = "${NAME}"\n`),
            sameIdAs: same,
            expect: { 'alicloud_ecs_snapshot.default': { snapshot_name: NAME, name: NAME } },
          },
          {
            name: 'tags',
            config: snap(
              `  description = "${NAME}"\n${rg}  snapshot_name = "${NAME}"\n  tags = {\n    Created = "TF"\n    For     = "Snapshot"\n  }\n`,
            ),
            sameIdAs: same,
            expect: { 'alicloud_ecs_snapshot.default': { tags: { Created: 'TF', For: 'Snapshot' } } },
          },
        ],
        h.fullProviderBlock,
      );
      try {
        await importVerify(h, run, 'alicloud_ecs_snapshot.default', ['force'], h.fullProviderBlock);
        await importVerify(h, run, 'alicloud_ecs_disk_attachment.default', [], h.fullProviderBlock);
      } finally {
        await destroySteps(run);
      }
    });

    test('alicloud_ecs_disk ESSD: size and performance level change in place in one apply (resize first)', async () => {
      const disk = (extra: string, category = 'cloud_essd') => `data "alicloud_zones" "default" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_ecs_disk" "default" {
  zone_id  = data.alicloud_zones.default.zones[0].id
  category = "${category}"
${extra}}
`;
      const same = ['alicloud_ecs_disk.default'];
      const run = await runSteps(
        h,
        [
          {
            name: 'ESSD PL1, 100 GiB',
            config: disk('  size = 100\n  performance_level = "PL1"\n'),
            expect: { 'alicloud_ecs_disk.default': { performance_level: 'PL1', size: 100 } },
          },
          {
            name: 'PL2 needs 461 GiB: size and level in one apply',
            config: disk('  size = 500\n  performance_level = "PL2"\n'),
            sameIdAs: same,
            expect: { 'alicloud_ecs_disk.default': { performance_level: 'PL2', size: 500 } },
          },
        ],
        h.fullProviderBlock,
      );
      try {
        await importVerify(h, run, 'alicloud_ecs_disk.default', ['type'], h.fullProviderBlock);
      } finally {
        await destroySteps(run);
      }
    });

    test('alicloud_ecs_disk basic: created, then description, name, size (grows in place) and tags', async () => {
      const zone = `data "alicloud_zones" "default" {
  available_resource_creation = "VSwitch"
}
`;
      const disk = (extra: string) => `${zone}
resource "alicloud_ecs_disk" "default" {
  zone_id  = data.alicloud_zones.default.zones[0].id
  category = "cloud_efficiency"
${extra}}
`;
      const same = ['alicloud_ecs_disk.default'];
      const run = await runSteps(
        h,
        [
          {
            name: 'zone, category, size',
            config: disk('  size = 500\n'),
            expect: { 'alicloud_ecs_disk.default': { status: 'Available', size: 500, delete_auto_snapshot: false } },
          },
          { name: 'description', config: disk(`  size = 500\n  description = "${NAME}"\n`), sameIdAs: same },
          { name: 'disk_name', config: disk(`  size = 500\n  description = "${NAME}"\n  disk_name = "${NAME}"\n`), sameIdAs: same },
          {
            name: 'size grows',
            config: disk(`  size = 600\n  description = "${NAME}"\n  disk_name = "${NAME}"\n`),
            sameIdAs: same,
            expect: { 'alicloud_ecs_disk.default': { size: 600 } },
          },
          {
            name: 'delete_auto_snapshot and tags',
            config: disk(
              `  size = 600\n  description = "${NAME}"\n  disk_name = "${NAME}"\n  delete_auto_snapshot = true\n  tags = {\n    Created = "TF"\n  }\n`,
            ),
            sameIdAs: same,
            expect: { 'alicloud_ecs_disk.default': { delete_auto_snapshot: true, tags: { Created: 'TF' } } },
          },
        ],
        h.fullProviderBlock,
      );
      try {
        await importVerify(h, run, 'alicloud_ecs_disk.default', ['type'], h.fullProviderBlock);
      } finally {
        await destroySteps(run);
      }
    });
  },
);
