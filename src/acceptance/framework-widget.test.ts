/**
 * Acceptance: a provider declared only for this test (`alicloud_widget`, a file-backed store
 * so state survives Terraform's many plugin processes) runs through the real terraform CLI:
 * validate, plan, apply, refresh, in-place update, replace, import, taint and destroy.
 *
 * This file is also the plugin executable: launched with FRAMEWORK_WIDGET_STORE set, it serves.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const storePath = process.env['FRAMEWORK_WIDGET_STORE'];

if (storePath) {
  const { serve } = await import('../tfplugin/serve.js');
  const { fileStore, widgetServer } = await import('../framework/testing/widget-provider.js');
  await serve(() => widgetServer(fileStore(storePath), 'alicloud'));
} else {
  const { createTerraformWorkspace, skipUnlessTerraform } = await import('../testing/terraform.js');
  const binDir = mkdtempSync(join(tmpdir(), 'framework-widget-bin-'));
  const store = join(binDir, 'store.json');
  const bin = join(binDir, 'terraform-provider-alicloud');
  writeFileSync(
    bin,
    `#!/bin/sh\nFRAMEWORK_WIDGET_STORE=${JSON.stringify(store)} exec node ${JSON.stringify(fileURLToPath(import.meta.url))} "$@"\n`,
  );
  chmodSync(bin, 0o755);
  after(() => rmSync(binDir, { recursive: true, force: true }));

  const widget = (body: string) => `resource "alicloud_widget" "w" {\n${body}\n}\n`;
  const base = 'name = "one"\nsource_instance = "i-1"\ndisk {\n  size = 20\n}\ntimeouts {\n  create = "5m"\n}';
  const readStore = () => JSON.parse(readFileSync(store, 'utf8')) as { all: Record<string, Record<string, unknown>> };

  test('the widget provider works end to end under the real terraform CLI', async (t) => {
    if (skipUnlessTerraform(t)) return;
    const ws = createTerraformWorkspace({
      providerBinDir: binDir,
      files: { 'main.tf': widget(`name = "${'x'.repeat(20)}"\nzone = "c"\nsource_instance = "i-1"`) },
    });
    t.after(() => ws.cleanup());
    const instance = async () =>
      (await ws.state()).values?.root_module?.resources?.find((r: { address: string }) => r.address === 'alicloud_widget.w');

    await t.test('validate reports attribute-pathed errors that say what is allowed', async () => {
      const r = await ws.run(['validate', '-no-color']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /Invalid Attribute Value[\s\S]*name must be 1 to 16 characters long, got 20/);
      assert.match(r.stderr, /zone must be one of "a", "b", got "c"/);
      assert.match(r.stderr, /on main.tf line 2/);
    });

    await t.test('apply creates with defaults and computed values', async () => {
      ws.writeFile('main.tf', widget(base));
      const r = await ws.run(['apply', '-auto-approve', '-no-color']);
      assert.equal(r.code, 0, r.stderr + r.stdout);
      const v = (await instance()).values;
      assert.deepEqual([v.id, v.size, v.status, v.zone, v.disk[0].device, v.timeouts.create], ['w-1', 1, 'ready', 'a', '/dev/xvda', '5m']);
    });

    await t.test('an unchanged config plans no changes', async () => {
      const r = await ws.run(['plan', '-detailed-exitcode', '-no-color']);
      assert.equal(r.code, 0, r.stderr + r.stdout);
    });

    await t.test('refresh picks up drift of a computed value', async () => {
      const s = readStore();
      s.all['w-1']!['label'] = 'drifted';
      writeFileSync(store, JSON.stringify(s));
      const r = await ws.run(['apply', '-refresh-only', '-auto-approve', '-no-color']);
      assert.equal(r.code, 0, r.stderr + r.stdout);
      assert.equal((await instance()).values.label, 'drifted');
    });

    await t.test('an in-place update keeps the id', async () => {
      ws.writeFile('main.tf', widget(`${base}\ndescription = "d"`));
      const r = await ws.run(['apply', '-auto-approve', '-no-color']);
      assert.equal(r.code, 0, r.stderr + r.stdout);
      assert.match(r.stdout, /1 changed/);
      const v = (await instance()).values;
      assert.deepEqual([v.id, v.description, v.status], ['w-1', 'd', 'updated']);
    });

    await t.test('changing a requiresReplace attribute replaces the object', async () => {
      ws.writeFile('main.tf', widget(`${base}\ndescription = "d"\nzone = "b"`));
      const r = await ws.run(['apply', '-auto-approve', '-no-color']);
      assert.equal(r.code, 0, r.stderr + r.stdout);
      assert.match(r.stdout, /forces replacement/);
      const v = (await instance()).values;
      assert.deepEqual([v.id, v.zone], ['w-2', 'b']);
      assert.deepEqual(Object.keys(readStore().all), ['w-2']);
    });

    await t.test('import reads the object back into state', async () => {
      assert.equal((await ws.run(['state', 'rm', 'alicloud_widget.w'])).code, 0);
      const r = await ws.run(['import', '-no-color', 'alicloud_widget.w', 'w-2']);
      assert.equal(r.code, 0, r.stderr + r.stdout);
      const v = (await instance()).values;
      assert.deepEqual([v.id, v.name, v.zone, v.size], ['w-2', 'one', 'b', 1]);
      const plan = await ws.run(['plan', '-no-color']);
      assert.equal(plan.code, 0, plan.stderr);
      assert.doesNotMatch(plan.stdout, /must be replaced/);
    });

    await t.test('a create that fails after the object exists leaves it tainted in state', async () => {
      ws.writeFile('fail.tf', 'resource "alicloud_widget" "f" {\n  name = "fail-x"\n  source_snapshot = "s-1"\n}\n');
      const r = await ws.run(['apply', '-auto-approve', '-no-color']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /Widget Did Not Become Ready/);
      const show = await ws.run(['state', 'show', '-no-color', 'alicloud_widget.f']);
      assert.match(show.stdout, /tainted/);
      ws.writeFile('fail.tf', '');
    });

    await t.test('destroy deletes everything', async () => {
      const r = await ws.run(['destroy', '-auto-approve', '-no-color']);
      assert.equal(r.code, 0, r.stderr + r.stdout);
      assert.deepEqual(readStore().all, {});
    });
  });
}
