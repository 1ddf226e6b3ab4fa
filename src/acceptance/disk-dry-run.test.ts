/**
 * Acceptance (real terraform, in-process emulator): `alicloud_ecs_disk` with `enable_auto_snapshot
 * = true` (what DescribeDisks reports), a performance level change with `dry_run = true` that fails
 * saying the dry run passed and changes nothing, the same change made in place once `dry_run =
 * false`, and `enable_auto_snapshot = false` refused at plan time.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDisk } from '../ecs/index.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { exampleWorkspace, useExampleHarness, type ExampleHarness } from './example-harness.js';
import { applyClean, resourceValues } from './image-harness.js';

let h: ExampleHarness;
useExampleHarness((started) => (h = started));

const disk = (level: string, extra: string) => `
data "alicloud_zones" "default" {
  available_disk_category = "cloud_essd"
}
resource "alicloud_ecs_disk" "default" {
  zone_id              = data.alicloud_zones.default.zones[0].id
  category             = "cloud_essd"
  size                 = 500
  performance_level    = "${level}"
  enable_auto_snapshot = true
${extra}
}
`;

test(
  'alicloud_ecs_disk: dry_run checks a performance level change without making it; enable_auto_snapshot = false is refused',
  { timeout: 240_000 },
  async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = exampleWorkspace(h, disk('PL1', ''));
    await applyClean(ws);
    const id = (await resourceValues(ws, 'alicloud_ecs_disk.default'))!.id as string;
    assert.equal((await resourceValues(ws, 'alicloud_ecs_disk.default'))!.enable_auto_snapshot, true);

    ws.writeFile('main.tf', disk('PL2', '  dry_run = true'));
    const dry = await ws.run(['apply', '-auto-approve', '-no-color']);
    assert.notEqual(dry.code, 0);
    assert.match(dry.stdout + dry.stderr, /Dry Run Passed, Nothing Changed/);
    assert.match(dry.stdout + dry.stderr, /would\s+pass;\s+with\s+dry_run\s+=\s+true\s+it\s+is\s+not\s+made/);
    assert.equal((await describeDisk(h.client, id))?.PerformanceLevel, 'PL1');

    ws.writeFile('main.tf', disk('PL2', '  dry_run = false'));
    await applyClean(ws);
    const after = await resourceValues(ws, 'alicloud_ecs_disk.default');
    assert.deepEqual([after!.id, after!.performance_level], [id, 'PL2']);
    assert.equal((await describeDisk(h.client, id))?.PerformanceLevel, 'PL2');

    ws.writeFile('main.tf', disk('PL2', '  dry_run = false').replace('enable_auto_snapshot = true', 'enable_auto_snapshot = false'));
    const refused = await ws.run(['plan', '-no-color']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stdout + refused.stderr, /enable_auto_snapshot/);
    assert.match(refused.stdout + refused.stderr, /must\s+be\s+true:\s+ECS\s+keeps\s+the\s+automatic\s+snapshot\s+feature\s+on/);
    ws.writeFile('main.tf', disk('PL2', ''));
    const destroyed = await ws.run(['destroy', '-auto-approve', '-no-color']);
    assert.equal(destroyed.code, 0, destroyed.stderr);
    assert.equal(await describeDisk(h.client, id), undefined);
  },
);
