/**
 * Acceptance: a table of invalid `alicloud_image` configurations, one per schema rule, in one
 * workspace. `terraform validate -json` must reject every one of them with an error on that
 * resource, pointing at the offending attribute (its line, not the resource header) and saying
 * what is allowed; a valid control resource gets no error; and no API request is made (the
 * provider's endpoint is a tripwire server that counts every request it receives).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { providerHcl, SEED_SNAPSHOT, validateBehindTripwire, type JsonDiag } from './faults-support.js';

interface Case {
  /** Resource name (kebab-case rule name, as HCL label). */
  name: string;
  /** Attribute lines of the resource; the line holding `at` is where the error must point. */
  body: string;
  /** Text of the line the diagnostic must point at; absent = a resource-level rule. */
  at?: string;
  /** The rule's path is a whole block list: Terraform shows it at the resource header today (see the todo test). */
  blockLine?: boolean;
  /** Summary + detail must match. */
  message: RegExp;
}

const SRC = `snapshot_id = "${SEED_SNAPSHOT}"`;
const long = (n: number) => 'a' + 'b'.repeat(n - 1);
const mapping = (device: string, type = 'data', extra = '') =>
  `disk_device_mapping {\n  snapshot_id = "s-running-data-1234567890123456"\n  device = "${device}"\n  disk_type = "${type}"\n${extra}}`;
const tags = (entries: Record<string, string>) =>
  `tags = {\n${Object.entries(entries)
    .map(([k, v]) => `  ${JSON.stringify(k)} = ${JSON.stringify(v)}`)
    .join('\n')}\n}`;

const cases: Case[] = [
  { name: 'image-name-too-short', body: `${SRC}\nimage_name = "a"`, at: 'image_name', message: /image_name[\s\S]*2 to 128/ },
  { name: 'image-name-too-long', body: `${SRC}\nimage_name = "${long(129)}"`, at: 'image_name', message: /image_name[\s\S]*2 to 128/ },
  { name: 'image-name-starts-with-digit', body: `${SRC}\nimage_name = "1abc"`, at: 'image_name', message: /image_name[\s\S]*letter/ },
  { name: 'image-name-has-space', body: `${SRC}\nimage_name = "ab cd"`, at: 'image_name', message: /image_name[\s\S]*letter/ },
  {
    name: 'image-name-aliyun-prefix',
    body: `${SRC}\nimage_name = "aliyun-x"`,
    at: 'image_name',
    message: /image_name[\s\S]*must not start with[\s\S]*aliyun/,
  },
  {
    name: 'image-name-acs-prefix',
    body: `${SRC}\nimage_name = "acs:x"`,
    at: 'image_name',
    message: /image_name[\s\S]*must not start with[\s\S]*acs:/,
  },
  {
    name: 'image-name-url-prefix',
    body: `${SRC}\nimage_name = "https://x"`,
    at: 'image_name',
    message: /image_name[\s\S]*(must not start with|letter)/,
  },
  { name: 'name-too-short', body: `${SRC}\nname = "a"`, at: 'name', message: /name[\s\S]*2 to 128/ },
  { name: 'name-bad-first-character', body: `${SRC}\nname = "-x"`, at: 'name', message: /name[\s\S]*letter/ },
  {
    name: 'name-conflicts-with-image-name',
    body: `${SRC}\nimage_name = "abc"\nname = "abc"`,
    at: 'name',
    message: /conflict|cannot be set together|together with/i,
  },
  { name: 'description-too-short', body: `${SRC}\ndescription = "a"`, at: 'description', message: /description[\s\S]*2 to 256/ },
  { name: 'description-too-long', body: `${SRC}\ndescription = "${long(257)}"`, at: 'description', message: /description[\s\S]*2 to 256/ },
  {
    name: 'description-http-prefix',
    body: `${SRC}\ndescription = "http://example.com"`,
    at: 'description',
    message: /description[\s\S]*must not start with[\s\S]*http:/,
  },
  {
    name: 'description-https-prefix',
    body: `${SRC}\ndescription = "https://example.com"`,
    at: 'description',
    message: /description[\s\S]*must not start with[\s\S]*https:/,
  },
  {
    name: 'architecture-unknown',
    body: `${SRC}\narchitecture = "x86"`,
    at: 'architecture',
    message: /architecture[\s\S]*i386[\s\S]*x86_64[\s\S]*arm64/,
  },
  { name: 'architecture-wrong-case', body: `${SRC}\narchitecture = "ARM64"`, at: 'architecture', message: /architecture[\s\S]*arm64/ },
  { name: 'platform-unknown', body: `${SRC}\nplatform = "Windows"`, at: 'platform', message: /platform[\s\S]*Ubuntu/ },
  { name: 'platform-wrong-case', body: `${SRC}\nplatform = "ubuntu"`, at: 'platform', message: /platform[\s\S]*Ubuntu/ },
  { name: 'image-version-empty', body: `${SRC}\nimage_version = ""`, at: 'image_version', message: /image_version[\s\S]*1 to 40/ },
  {
    name: 'image-version-too-long',
    body: `${SRC}\nimage_version = "${long(41)}"`,
    at: 'image_version',
    message: /image_version[\s\S]*1 to 40/,
  },
  { name: 'image-family-too-short', body: `${SRC}\nimage_family = "a"`, at: 'image_family', message: /image_family[\s\S]*2 to 128/ },
  {
    name: 'image-family-starts-with-digit',
    body: `${SRC}\nimage_family = "1family"`,
    at: 'image_family',
    message: /image_family[\s\S]*letter/,
  },
  {
    name: 'image-family-aliyun-prefix',
    body: `${SRC}\nimage_family = "aliyun-family"`,
    at: 'image_family',
    message: /image_family[\s\S]*must not start with/,
  },
  {
    name: 'image-family-too-long',
    body: `${SRC}\nimage_family = "${long(129)}"`,
    at: 'image_family',
    message: /image_family[\s\S]*2 to 128/,
  },
  {
    name: 'license-type-unknown',
    body: `${SRC}\nlicense_type = "Free"`,
    at: 'license_type',
    message: /license_type[\s\S]*(BYOL|Aliyun|Auto)/,
  },
  {
    name: 'tag-key-aliyun-prefix',
    body: `${SRC}\n${tags({ 'aliyun-key': 'v' })}`,
    at: '"aliyun-key"',
    message: /tags[\s\S]*must not start with/,
  },
  { name: 'tag-key-acs-prefix', body: `${SRC}\n${tags({ 'acs:key': 'v' })}`, at: '"acs:key"', message: /tags[\s\S]*must not start with/ },
  { name: 'tag-key-empty', body: `${SRC}\n${tags({ '': 'v' })}`, at: '""', message: /tags[\s\S]*1 to 128/ },
  { name: 'tag-key-too-long', body: `${SRC}\n${tags({ [long(129)]: 'v' })}`, at: '"abbb', message: /tags[\s\S]*1 to 128/ },
  { name: 'tag-value-http-prefix', body: `${SRC}\n${tags({ k: 'http://v' })}`, at: '"k"', message: /tags[\s\S]*must not start with/ },
  { name: 'tag-value-acs-prefix', body: `${SRC}\n${tags({ k: 'acs:v' })}`, at: '"k"', message: /tags[\s\S]*must not start with/ },
  { name: 'tag-value-too-long', body: `${SRC}\n${tags({ k: long(129) })}`, at: '"k"', message: /tags[\s\S]*128/ },
  {
    name: 'too-many-tags',
    body: `${SRC}\n${tags(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])))}`,
    at: 'tags',
    message: /tags[\s\S]*20/,
  },
  {
    name: 'instance-and-snapshot',
    body: `${SRC}\ninstance_id = "i-running-1234567890123456"`,
    at: 'instance_id',
    message: /conflict|cannot be set together|together with/i,
  },
  {
    name: 'mappings-and-snapshot',
    body: `${SRC}\n${mapping('/dev/xvda', 'system')}`,
    at: 'snapshot_id = "s-running-data',
    blockLine: true,
    message: /disk_device_mapping[\s\S]*snapshot_id/,
  },
  {
    name: 'mappings-and-instance',
    body: `instance_id = "i-running-1234567890123456"\n${mapping('/dev/xvda', 'system')}`,
    at: 'snapshot_id = "s-running-data',
    blockLine: true,
    message: /disk_device_mapping[\s\S]*instance_id/,
  },
  { name: 'mapping-size-zero', body: `${mapping('/dev/xvda', 'system', '  size = 0\n')}`, at: 'size', message: /size[\s\S]*32768/ },
  { name: 'mapping-size-too-big', body: `${mapping('/dev/xvda', 'system', '  size = 32769\n')}`, at: 'size', message: /size[\s\S]*32768/ },
  { name: 'mapping-device-sda', body: `${mapping('/dev/sda', 'system')}`, at: 'device = "/dev/sda"', message: /device[\s\S]*\/dev\/xvd/ },
  {
    name: 'mapping-device-upper-case',
    body: `${mapping('/dev/xvdA', 'system')}`,
    at: 'device = "/dev/xvdA"',
    message: /device[\s\S]*\/dev\/xvd/,
  },
  {
    name: 'mapping-disk-type-unknown',
    body: `${mapping('/dev/xvda', 'boot')}`,
    at: 'disk_type = "boot"',
    message: /disk_type[\s\S]*system[\s\S]*data/,
  },
  {
    name: 'mapping-duplicate-device',
    body: `${mapping('/dev/xvda', 'system')}\n${mapping('/dev/xvda')}`,
    message: /device[\s\S]*\/dev\/xvda[\s\S]*already used/,
  },
  {
    name: 'mapping-two-system-disks',
    body: `${mapping('/dev/xvda', 'system')}\n${mapping('/dev/xvdb', 'system').replace('disk_type =', 'disk_type  =')}`,
    at: 'disk_type  = "system"',
    blockLine: true,
    message: /system/,
  },
  {
    name: 'mapping-too-many',
    body: Array.from({ length: 18 }, (_, i) => mapping(`/dev/xvd${String.fromCharCode(97 + i)}`, i === 0 ? 'system' : 'data')).join('\n'),
    message: /17|at most|Too many/i,
  },
  {
    name: 'nvme-support-unknown',
    body: `${SRC}\nfeatures {\n  nvme_support = "yes"\n}`,
    at: 'nvme_support',
    message: /nvme_support[\s\S]*supported/,
  },
  {
    name: 'two-features-blocks',
    body: `${SRC}\nfeatures {\n  nvme_support = "supported"\n}\nfeatures {\n  nvme_support = "supported"\n}`,
    message: /features|at most 1|Too many/i,
  },
  { name: 'image-name-empty', body: `${SRC}\nimage_name = ""`, at: 'image_name', message: /image_name[\s\S]*2 to 128/ },
  { name: 'instance-id-empty', body: 'instance_id = ""', at: 'instance_id', message: /instance_id must not be empty/ },
  { name: 'snapshot-id-empty', body: 'snapshot_id = ""', at: 'snapshot_id', message: /snapshot_id must not be empty/ },
  {
    name: 'resource-group-id-empty',
    body: `${SRC}\nresource_group_id = ""`,
    at: 'resource_group_id',
    message: /resource_group_id must not be empty/,
  },
  {
    name: 'mapping-snapshot-id-empty',
    body: 'disk_device_mapping {\n  snapshot_id = ""\n  disk_type = "system"\n}',
    at: 'snapshot_id = ""',
    message: /disk_device_mapping\[0\]\.snapshot_id must not be empty/,
  },
];

/** HCL for every case plus a valid control; returns each case's header line and expected line. */
function render(): { hcl: string; lines: Map<string, { header: number; end: number; at?: number }> } {
  let hcl = '';
  const lines = new Map<string, { header: number; end: number; at?: number }>();
  const lineCount = () => hcl.split('\n').length;
  for (const c of [
    ...cases,
    { name: 'valid-control', body: `${SRC}\nimage_name = "valid-control"\ndescription = "a valid image"\n${tags({ team: 'bench' })}` },
  ]) {
    const header = lineCount();
    hcl += `resource "alicloud_image" "${c.name}" {\n`;
    const body = c.body.split('\n');
    const idx = 'at' in c && c.at ? body.findIndex((l) => l.trimStart().startsWith(c.at!)) : -1;
    if ('at' in c && c.at && idx < 0) throw new Error(`case ${c.name}: no line starts with ${c.at}`);
    hcl += body.map((l) => `  ${l}`).join('\n') + '\n}\n\n';
    lines.set(c.name, { header, end: header + body.length + 1, ...(idx >= 0 ? { at: header + 1 + idx } : {}) });
  }
  return { hcl, lines };
}

let validated: { diags: JsonDiag[]; requests: number; headerOffset: number; lines: ReturnType<typeof render>['lines'] } | undefined;

/** One `terraform validate -json` of the whole table behind a tripwire endpoint (run once, shared). */
async function validateAll(): Promise<NonNullable<typeof validated>> {
  if (validated) return validated;
  const { hcl, lines } = render();
  const r = await validateBehindTripwire((endpoint) => providerHcl(endpoint) + hcl);
  assert.equal(r.code, 1, `validate must fail:\n${r.output}`);
  validated = { diags: r.errors, requests: r.requests, headerOffset: providerHcl('x').split('\n').length - 1, lines };
  return validated;
}

/** Problems of the cases selected by `which`: not rejected, wrong message, or not at the attribute line. */
function problemsOf(v: NonNullable<typeof validated>, which: (c: Case) => boolean): string[] {
  const text = (d: JsonDiag) => `${d.summary}: ${d.detail ?? ''}`;
  const problems: string[] = [];
  for (const c of cases.filter(which)) {
    const found = inResource(v, c.name);
    const matching = found.filter((d) => c.message.test(text(d)));
    if (matching.length === 0) {
      problems.push(`${c.name}: no error matching ${c.message} (got ${found.length ? found.map(text).join(' | ') : 'no error'})`);
      continue;
    }
    const at = v.lines.get(c.name)!.at;
    if (at !== undefined && !matching.some((d) => d.range!.start.line === at + v.headerOffset)) {
      problems.push(
        `${c.name}: the error points at line ${matching.map((d) => d.range!.start.line).join(',')}, expected the ${c.at} line ${at + v.headerOffset}`,
      );
    }
  }
  return problems;
}

function inResource(v: NonNullable<typeof validated>, name: string): JsonDiag[] {
  const l = v.lines.get(name)!;
  return v.diags.filter((d) => d.range && d.range.start.line >= l.header + v.headerOffset && d.range.start.line <= l.end + v.headerOffset);
}

test(
  'terraform validate rejects every invalid alicloud_image configuration at its attribute, without any API call',
  { timeout: 120_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    assert.ok(cases.length >= 40, `the table must hold at least 40 cases, has ${cases.length}`);
    const v = await validateAll();
    assert.deepEqual(
      inResource(v, 'valid-control').map((d) => d.summary),
      [],
      'the valid control resource gets no error',
    );
    const problems = problemsOf(v, (c) => !c.blockLine);
    assert.deepEqual(problems, [], `${problems.length} cases are not rejected as expected:\n${problems.join('\n')}`);
    const blockRules = cases
      .filter((c) => c.blockLine)
      .map((c) => c.name)
      .filter((name) => inResource(v, name).length === 0);
    assert.deepEqual(blockRules, [], 'the disk_device_mapping rules are rejected too');
    assert.equal(v.requests, 0, 'terraform validate must not make any API request');
  },
);

test(
  'errors on the whole disk_device_mapping list point at a disk_device_mapping block line, not the resource header',
  { timeout: 120_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const problems = problemsOf(await validateAll(), (c) => !!c.blockLine);
    assert.deepEqual(problems, [], problems.join('\n'));
  },
);
