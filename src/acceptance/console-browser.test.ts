/**
 * The console in a real browser (playwright-core driving Debian's Chromium, headless): while the
 * page is open, real Terraform applies an image and its row goes from Creating, with a moving
 * progress bar, to Available; the request log shows CreateImage with its request id; a fault set
 * from the form makes the next call fail; and the screenshot of the README is taken.
 * Without /usr/bin/chromium (`apt-get install chromium`) the test is skipped, loudly.
 * `CONSOLE_SCREENSHOT=1` writes the screenshot to docs/images/console.png (else a temporary file).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { RUNNING_INSTANCE, imageTf, startHarness, tf, type Harness } from './image-harness.js';
import { callAction, sdkClient, sdkError } from '../emulator/test-support/clients.js';
import { imagesByIds, insertImage } from '../emulator/images/repository.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const skip = present ? false : `SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium): the console's browser tests did not run`;
if (!present) console.warn(`\n*** ${skip} ***\n`);

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Seconds an image takes to be made here: long enough to see the bar move several times. */
const CREATE_SECONDS = 12;

let h: Harness;
let context: BrowserContext;
let page: Page;
let profile: string;

before(async () => {
  if (!present) return;
  h = await startHarness(CREATE_SECONDS);
  profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(String(e)));
  page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
  await page.goto(`${h.emu.url}/`);
  await page.locator('.live.on').waitFor({ timeout: 20_000 });
  assert.deepEqual(failures, [], 'the page loads without script errors');
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await h?.stop();
});

test('an image applied by terraform shows Creating with a moving progress bar, then Available', { skip, timeout: 240_000 }, async () => {
  assert.equal(new URL(page.url()).pathname, '/console/', 'the bare address opens the console');
  const ws = h.workspace(imageTf('img', `instance_id = "${RUNNING_INSTANCE}"\nimage_name = "console-e2e"`));
  const applying = tf(ws, ['apply', '-auto-approve']);
  const row = page.locator('table.images-self tbody tr', { hasText: 'console-e2e' });
  await row.waitFor({ timeout: 90_000 });
  const seen: { status: string; progress: number | undefined }[] = [];
  for (let i = 0; i < 200; i++) {
    // One read of the row as rendered (it is replaced on every refresh).
    const { status, progress } = await row.evaluate((el) => ({
      status: el.getAttribute('data-status') ?? '',
      progress: el.querySelector('progress')?.getAttribute('value') ?? undefined,
    }));
    seen.push({ status, progress: progress === undefined ? undefined : Number(progress) });
    if (status === 'Available') break;
    await page.waitForTimeout(250);
  }
  await applying;
  const creating = seen.filter((s) => s.status === 'Creating' || s.status === 'Waiting');
  assert.ok(creating.length > 0, `the row was Creating or Waiting at some point: ${JSON.stringify(seen)}`);
  assert.ok(
    creating.every((s) => s.progress !== undefined),
    'every Creating/Waiting row has a progress bar',
  );
  const values = creating.map((s) => s.progress!);
  assert.ok(new Set(values).size >= 2, `the progress bar moved: ${values.join(', ')}`);
  assert.deepEqual(
    [...values].sort((a, b) => a - b),
    values,
    'progress never goes back',
  );
  assert.equal(seen.at(-1)!.status, 'Available');
  assert.equal(await row.locator('progress').count(), 0, 'an Available row has no progress bar');
});

test('the request log shows CreateImage with its request id and the full call on click', { skip, timeout: 60_000 }, async () => {
  const r = (await (await fetch(`${h.emu.url}/_emulator/requests?action=CreateImage`)).json()) as {
    entries: { seq: number; requestId: string; status: number }[];
  };
  const call = r.entries[0]!;
  assert.equal(call.status, 200);
  assert.match(call.requestId, /^[0-9A-F-]{36}$/);
  const row = page.locator(`table.requests tr[data-action="CreateImage"][data-request-id="${call.requestId}"]`);
  await row.waitFor({ timeout: 10_000 });
  assert.match(await row.innerText(), new RegExp(call.requestId));
  await row.click();
  const detail = page.locator('#requests .detail');
  await detail.locator('pre.ans').waitFor();
  const text = await detail.innerText();
  assert.match(text, /"RequestId": "[0-9A-F-]{36}"/);
  assert.match(text, new RegExp(`"ImageId": "m-`));
  assert.match(text, /InstanceId/);
  assert.doesNotMatch(text, /Signature=[A-Za-z0-9+/=]{20,}/, 'no signature in the clear');
});

test('a fault set from the form makes the next call fail, and the log shows it', { skip, timeout: 60_000 }, async () => {
  const form = page.locator('form.fault-form');
  await form.locator('input[name=action]').fill('DescribeRegions');
  await form.locator('select[name=kind]').selectOption('InternalError');
  await form.locator('input[name=rate]').fill('1');
  await form.locator('input[name=count]').fill('1');
  await form.locator('button[type=submit]').click();
  await page.locator('table.faults tbody tr', { hasText: 'DescribeRegions' }).waitFor();
  const plan = (await (await fetch(`${h.emu.url}/_emulator/faults`)).json()) as { rules: { action: string; kind: string }[] };
  assert.deepEqual(
    plan.rules.map((r) => [r.action, r.kind]),
    [['DescribeRegions', 'InternalError']],
  );
  const ecs = sdkClient(h.emu.endpoint, 'v3');
  const err = await sdkError(callAction(ecs, 'DescribeRegions', {}));
  assert.equal(err.code, 'InternalError');
  assert.equal(err.statusCode, 500);
  const failed = page.locator('table.requests tr.failed[data-action="DescribeRegions"]');
  await failed.first().waitFor({ timeout: 10_000 });
  assert.match(await failed.first().innerText(), /InternalError/);
  await page.locator('table.faults td.fired', { hasText: '1' }).waitFor({ timeout: 10_000 });
  assert.equal((await callAction(ecs, 'DescribeRegions', {})).statusCode, 200, 'the rule fired once, then calls pass');
});

test('a screenshot of the console is written for the README', { skip, timeout: 60_000 }, async () => {
  await page.locator('#requests .detail button.x').click();
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(1200);
  const path =
    process.env.CONSOLE_SCREENSHOT === '1'
      ? join(ROOT, 'docs/images/console.png')
      : join(mkdtempSync(join(tmpdir(), 'console-shot-')), 'console.png');
  await page.screenshot({ path });
  const png = readFileSync(path);
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
  assert.ok(statSync(path).size > 20_000, 'the screenshot has content');
});

test('with 10,000 images the list stays paged and filtered by the emulator', { skip, timeout: 120_000 }, async () => {
  const own = (await (
    await fetch(`${h.emu.url}/_emulator/describe?Action=DescribeImages&RegionId=cn-hangzhou&ImageOwnerAlias=self`)
  ).json()) as {
    Images: { Image: { ImageId: string }[] };
  };
  const model = imagesByIds(h.emu.db, [own.Images.Image[0]!.ImageId])[0]!;
  h.emu.db.transaction(() => {
    for (let i = 0; i < 10_000; i++) {
      const n = String(i).padStart(5, '0');
      insertImage(h.emu.db, { ...model, id: `m-bulk${n}`, name: `bulk-${n}`, createdAt: model.createdAt - i * 1000 });
    }
  })();
  const list = page.locator('#images .image-list').first();
  await list.locator('select').selectOption('Available');
  await list.locator('.controls .muted', { hasText: 'of 10001' }).waitFor({ timeout: 20_000 });
  assert.equal(await list.locator('tbody tr').count(), 20, 'one page of 20 rows');
  await list.locator('input[type=search]').fill('bulk-0999');
  await list.locator('.controls .muted', { hasText: '1–10 of 10' }).waitFor({ timeout: 20_000 });
  const names = await list.locator('tbody tr td:nth-child(2)').allInnerTexts();
  assert.deepEqual(
    names.sort(),
    Array.from({ length: 10 }, (_, i) => `bulk-0999${i}`),
  );
  await list.locator('input[type=search]').fill('');
  await list.locator('.controls .muted', { hasText: 'of 10001' }).waitFor({ timeout: 20_000 });
  await list.getByRole('button', { name: 'next ›' }).click();
  await list.locator('.controls .muted', { hasText: '21–40 of 10001' }).waitFor({ timeout: 20_000 });
});
