/**
 * Every alicloud_image validation rule, rejected by the real `terraform validate` with the
 * attribute named and what is allowed said. All bad resources sit in one configuration, so
 * one validate run checks the whole table.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessTerraform, terraformAvailable } from '../testing/terraform.js';
import { RUNNING_INSTANCE, SYSTEM_SNAPSHOT, imageTf, startHarness, type Harness } from './image-harness.js';

const src = `instance_id = "${RUNNING_INSTANCE}"`;
const tags21 = `tags = { ${Array.from({ length: 21 }, (_, i) => `k${i} = "v"`).join(', ')} }`;
const mapping = (body: string) => `disk_device_mapping {\n${body}\n}`;

/** [case name, resource body, expected message in that resource's error]. */
const CASES: [string, string, RegExp][] = [
  ['name_short', `${src}\nimage_name = "a"`, /image_name must be 2 to 128 characters long, got 1/],
  ['name_url', `${src}\nimage_name = "http://x"`, /image_name must be a letter or Chinese character first|image_name must not start with/],
  ['name_digit', `${src}\nimage_name = "1abc"`, /image_name must be a letter or Chinese character first, then letters, digits/],
  ['name_aliyun', `${src}\nimage_name = "aliyun-img"`, /image_name must not start with "aliyun", "acs:"/],
  ['name_chars', `${src}\nimage_name = "bad name!"`, /image_name must be a letter or Chinese character first/],
  ['old_name', `${src}\nname = "a"`, /Attribute name must be 2 to 128 characters long/],
  ['desc_short', `${src}\ndescription = "x"`, /description must be 2 to 256 characters long, got 1/],
  ['desc_url', `${src}\ndescription = "https://example.com"`, /description must not start with "http:\/\/", "https:\/\/"/],
  ['arch', `${src}\narchitecture = "sparc"`, /architecture must be one of "i386", "x86_64", "arm64", got "sparc"/],
  ['platform', `${src}\nplatform = "Windows 7"`, /platform must be one of "Aliyun", "Anolis", "CentOS"/],
  ['license', `${src}\nlicense_type = "Free"`, /license_type must be one of "Auto", "Aliyun", "BYOL"/],
  ['family', `${src}\nimage_family = "1fam"`, /image_family must be a letter or Chinese character first/],
  ['version', `${src}\nimage_version = "${'9'.repeat(41)}"`, /image_version must be 1 to 40 characters long, got 41/],
  ['tag_count', `${src}\n${tags21}`, /tags must be 0 to 20 entries long, got 21/],
  ['tag_key', `${src}\ntags = { "acs:team" = "a" }`, /tags\["acs:team"\] must not start with "aliyun", "acs:"/],
  ['tag_value', `${src}\ntags = { team = "http://x" }`, /tags\["team"\] must not start with "acs:", "http:\/\/"/],
  [
    'size_low',
    mapping(`snapshot_id = "${SYSTEM_SNAPSHOT}"\nsize = 4`),
    /disk_device_mapping\[0\]\.size must be between 5 and 32768, got 4/,
  ],
  [
    'size_high',
    mapping(`snapshot_id = "${SYSTEM_SNAPSHOT}"\nsize = 40000`),
    /disk_device_mapping\[0\]\.size must be between 5 and 32768, got 40000/,
  ],
  [
    'device',
    mapping(`snapshot_id = "${SYSTEM_SNAPSHOT}"\ndevice = "/dev/sda"`),
    /device must be \/dev\/xvda or \/dev\/vda for the system disk, \/dev\/xvdb to \/dev\/xvdz or \/dev\/vdb to \/dev\/vdz/,
  ],
  ['disk_type', mapping(`snapshot_id = "${SYSTEM_SNAPSHOT}"\ndisk_type = "root"`), /disk_type must be one of "system", "data", got "root"/],
  [
    'dup_device',
    `${mapping(`snapshot_id = "${SYSTEM_SNAPSHOT}"\ndevice = "/dev/xvda"`)}\n${mapping('device = "/dev/xvda"')}`,
    /disk_device_mapping\[1\]\.device "\/dev\/xvda" is already used by disk_device_mapping\[0\]/,
  ],
  [
    'two_systems',
    `${mapping('disk_type = "system"')}\n${mapping('disk_type = "system"')}`,
    /2 blocks with disk_type = "system"; an image has exactly one system disk/,
  ],
  ['inst_and_snap', `${src}\nsnapshot_id = "${SYSTEM_SNAPSHOT}"`, /instance_id cannot be set together with snapshot_id/],
  [
    'inst_and_maps',
    `${src}\n${mapping(`snapshot_id = "${SYSTEM_SNAPSHOT}"`)}`,
    /disk_device_mapping cannot be set together with instance_id/,
  ],
  [
    'snap_and_maps',
    `snapshot_id = "${SYSTEM_SNAPSHOT}"\n${mapping(`snapshot_id = "${SYSTEM_SNAPSHOT}"`)}`,
    /disk_device_mapping cannot be set together with snapshot_id/,
  ],
  ['name_conflict', `${src}\nimage_name = "abc"\nname = "abc"`, /image_name cannot be set together with name/],
  ['nvme', `${src}\nfeatures {\nnvme_support = "yes"\n}`, /features\[0\]\.nvme_support must be one of "supported", "unsupported"/],
  [
    'two_features',
    `${src}\nfeatures {\nnvme_support = "supported"\n}\nfeatures {\nnvme_support = "supported"\n}`,
    /No more than 1 "features" blocks are allowed|At most 1 features block/,
  ],
  ['timeout', `${src}\ntimeouts {\ncreate = "ten minutes"\n}`, /timeouts\.create must be a duration such as "10m"/],
  [
    'too_many_disks',
    Array.from({ length: 18 }, (_, i) => mapping(`device = "/dev/xvd${String.fromCharCode(97 + i)}"`)).join('\n'),
    /No more than 17 "disk_device_mapping" blocks are allowed|At most 17 disk_device_mapping block/,
  ],
];

/** The error blocks of terraform's stderr, each with the resource it is about. */
function errorsByResource(stderr: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const chunk of stderr.split(/\n(?=╷|Error: )/)) {
    const m = /with alicloud_image\.(\w+)/.exec(chunk) ?? /in resource "alicloud_image" "(\w+)"/.exec(chunk);
    const text = chunk.replace(/[│╷╵]/g, ' ').replace(/\s+/g, ' ');
    const key = m?.[1] ?? '(none)';
    out.set(key, [...(out.get(key) ?? []), text]);
  }
  return out;
}

describe('alicloud_image validation through terraform validate', { skip: !terraformAvailable() && 'terraform CLI not on PATH' }, () => {
  let h: Harness;
  before(async () => void (h = await startHarness(1)));
  after(() => h?.stop());

  test('terraform validate rejects every rule of the table with the attribute named and the allowed values said', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(CASES.map(([name, body]) => imageTf(name, body)).join('\n'));
    const r = await ws.run(['validate', '-no-color']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const errors = errorsByResource(r.stderr);
    const missing: string[] = [];
    for (const [name, , expected] of CASES) {
      const texts = errors.get(name) ?? [];
      if (!texts.some((x) => expected.test(x))) missing.push(`${name}: expected ${expected} in ${JSON.stringify(texts).slice(0, 600)}`);
    }
    assert.deepEqual(missing, []);
  });

  test('terraform validate accepts a good configuration with every argument set', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = h.workspace(
      imageTf(
        'good',
        `
      ${src}
      image_name = "good-image_1.0:x"
      description = "a fine image"
      architecture = "arm64"
      platform = "Rocky Linux"
      image_version = "1"
      image_family = "fam"
      boot_mode = "UEFI-Preferred"
      license_type = "BYOL"
      detection_strategy = "Standard"
      resource_group_id = "rg-x"
      tags = { a = "", b = "c" }
      force = true
      delete_auto_snapshot = true
      features {
        nvme_support = "supported"
      }
      timeouts {
        create = "1h"
        update = "5m"
        delete = "90s"
      }
    `,
      ),
    );
    const r = await ws.run(['validate', '-no-color']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });
});
