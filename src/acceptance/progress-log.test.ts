/**
 * Image progress where Terraform users look: with TF_LOG_PROVIDER=INFO, terraform relays the
 * provider's progress lines (status and percentage, one per change) on its stderr, as the
 * README and `terraform-provider-alicloud --help` say.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { imageTf, startHarness, SYSTEM_SNAPSHOT } from './image-harness.js';

test('TF_LOG_PROVIDER=INFO shows each image status and progress change on terraform stderr', { timeout: 180_000 }, async (t) => {
  if (skipUnlessTerraform(t)) return;
  const h = await startHarness(3);
  t.after(() => h.stop());
  const ws = h.workspace(imageTf('progress', `snapshot_id = "${SYSTEM_SNAPSHOT}"\nimage_name = "progress-log"`));
  const r = await ws.run(['apply', '-auto-approve', '-no-color'], { env: { TF_LOG_PROVIDER: 'INFO' } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const lines = r.stderr
    .split('\n')
    .filter((l) => /\[INFO\]\s+provider\.terraform-provider-alicloud: alicloud_image: m-[a-z0-9]+ /.test(l));
  assert.ok(
    lines.some((l) => /Creating \d+%/.test(l)),
    `progress lines with a percentage:\n${r.stderr
      .split('\n')
      .filter((l) => l.includes('alicloud_image'))
      .join('\n')}`,
  );
  assert.ok(lines.length >= 2, 'one line per change');
  const quiet = await ws.run(['plan', '-no-color']);
  assert.doesNotMatch(quiet.stderr, /\[INFO\]\s+provider/, 'without the variable terraform shows no provider log');
});
