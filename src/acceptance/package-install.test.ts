/**
 * The published package, as a user gets it: `npm pack` this checkout, check what the tarball
 * ships (the compiled code, the bundled plugin, bin/, docs, examples; no test or test helper),
 * `npm install` it into an empty temporary prefix (the registry is the only network), and use
 * it: both executables answer, the plugin completes Terraform's handshake, and the example
 * applies through `alicloud-image install` + `terraform init` against an emulator started from
 * the installed package.
 *
 * Slow (npm install, about a minute): one test, and it says what it does as it goes. better-sqlite3's
 * install script downloads its prebuilt addon from GitHub, which this machine cannot reach (and
 * compiling SQLite instead needs Node's headers from nodejs.org); the addon already compiled in
 * this checkout (same version, same Node ABI) is handed to it as a local prebuild instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { mirrorCliConfig } from '../cli/install.js';
import { packageRoot, packageVersion } from '../cli/settings.js';
import { startPlugin } from '../testing/plugin-driver.js';
import { skipUnlessTerraform } from '../testing/terraform.js';
import { providerHcl } from './faults-support.js';

const root = packageRoot();
const version = packageVersion(root);

function check(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  assert.equal(r.status, 0, `${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

/**
 * A prebuilt better-sqlite3 addon where its installer (prebuild-install) looks first: a local
 * prebuilds folder named in `$HOME/.prebuild-installrc`, holding this checkout's compiled addon
 * under the download's file name. Returns that file.
 */
function localPrebuild(home: string, dir: string): string {
  const pkg = join(root, 'node_modules', 'better-sqlite3');
  const { version: sqliteVersion } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  mkdirSync(join(dir, 'build', 'Release'), { recursive: true });
  copyFileSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), join(dir, 'build', 'Release', 'better_sqlite3.node'));
  const tarball = join(
    dir,
    `better-sqlite3-v${sqliteVersion}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`,
  );
  check(spawnSync('tar', ['czf', tarball, '-C', dir, 'build/Release/better_sqlite3.node'], { encoding: 'utf8' }), 'tar');
  writeFileSync(join(home, '.prebuild-installrc'), `local-prebuilds=${dir}\n`);
  return tarball;
}

test(
  'npm pack ships what runs and no tests; the tarball installs into an empty prefix, both executables work, and the example applies through install + terraform init',
  { timeout: 600_000 },
  async (t) => {
    const work = mkdtempSync(join(tmpdir(), 'package-install-'));
    t.after(() => rmSync(work, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: join(work, 'home'),
      CHECKPOINT_DISABLE: '1',
      npm_config_update_notifier: 'false',
    };
    delete env.XDG_DATA_HOME;
    delete env.TF_CLI_CONFIG_FILE;
    delete env.ALICLOUD_IMAGE_HOME;
    delete env.ALICLOUD_IMAGE_PORT;
    mkdirSync(env.HOME!, { recursive: true });
    // npm's cache stays the user's (only the home folder for our own files is temporary).
    env.npm_config_cache = process.env.npm_config_cache ?? join(process.env.HOME ?? '', '.npm');

    t.diagnostic('npm pack (scripts skipped: npm test built dist/ already)');
    const pack = check(
      spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', env }),
      'npm pack',
    );
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    for (const needed of [
      'package.json',
      'README.md',
      'bin/alicloud-image',
      'bin/terraform-provider-alicloud',
      'dist/cli/index.js',
      'dist/cli/main-job.js',
      'dist/emulator/index.js',
      'dist/plugin/provider.mjs',
      'docs/index.md',
      'docs/resources/image.md',
      'examples/seed/main.tf',
      'examples/seed-typescript/main.ts',
      'src/emulator/SEED.md',
    ])
      assert.ok(files.includes(needed), `the package ships ${needed}`);
    const leaked = files.filter((f) =>
      /\.test\.js$|\.map$|\.ts$|(^|\/)(acceptance|testing|test-support|fixtures)\/|canned-server|\/testing\.js$|-testing\.js$|node_modules\/|cdktf\.out\//.test(
        f.replace(/\.d\.ts$/, ''),
      ),
    );
    assert.deepEqual(
      leaked.filter((f) => !f.startsWith('examples/seed-typescript/.gen/') && f !== 'examples/seed-typescript/main.ts'),
      [],
      'no test, test helper, source map or TypeScript source',
    );

    t.diagnostic('npm install <tarball> into an empty prefix (the registry is the only network)');
    const prefix = join(work, 'prefix');
    mkdirSync(prefix);
    // npm >= 11.19 runs no dependency install script unless allowed: the one we need builds better-sqlite3.
    writeFileSync(join(prefix, '.npmrc'), 'allow-scripts=better-sqlite3\n');
    const prebuilt = localPrebuild(env.HOME!, join(work, 'prebuilds'));
    const started = Date.now();
    const install = check(
      spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--foreground-scripts', join(work, packed!.filename)], {
        cwd: prefix,
        encoding: 'utf8',
        env,
        timeout: 540_000,
      }),
      'npm install',
    );
    t.diagnostic(`npm install took ${Math.round((Date.now() - started) / 1000)} s`);
    assert.ok(
      existsSync(join(prefix, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')),
      `better-sqlite3's install script ran and unpacked ${prebuilt}:\n${install.stdout}${install.stderr}`,
    );
    const installed = join(prefix, 'node_modules', 'alicloud-image');
    const bin = (name: string) => join(prefix, 'node_modules', '.bin', name);
    const installedPkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.ok(!('@alicloud/ecs20140526' in installedPkg.dependencies), 'the test-only SDK is not a dependency');
    assert.ok(!existsSync(join(prefix, 'node_modules', '@alicloud', 'ecs20140526')), 'and is not installed');

    t.diagnostic('both executables answer');
    assert.match(
      check(spawnSync(bin('alicloud-image'), ['--help'], { encoding: 'utf8', env }), 'alicloud-image --help').stdout,
      /^Usage: alicloud-image/,
    );
    assert.equal(
      check(spawnSync(bin('alicloud-image'), ['--version'], { encoding: 'utf8', env }), 'alicloud-image --version').stdout,
      `alicloud-image ${version}\n`,
    );
    const plugin = await startPlugin({ command: bin('terraform-provider-alicloud'), env });
    try {
      assert.match(plugin.handshakeLine, /^1\|6\|unix\|[^|]+\|grpc\|[A-Za-z0-9+/]{50,}$/, 'the handshake line, with the certificate');
      const schema = await plugin.call('GetProviderSchema', {});
      assert.ok(schema.resource_schemas.alicloud_image, 'the bundled provider serves alicloud_image');
    } finally {
      await plugin.shutdown();
    }

    t.diagnostic('the emulator from the installed package: database under XDG data (an installed package has no checkout)');
    const emulator = spawn(bin('alicloud-image'), ['emulator', '--port', '0', '--image-create-seconds', '1'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const emulatorExited = new Promise((r) => emulator.once('exit', r));
    t.after(async () => {
      if (emulator.exitCode === null) emulator.kill('SIGTERM');
      await emulatorExited;
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: emulator.stdout! }).once('line', resolve);
      emulator.once('exit', (code) => reject(new Error(`the installed emulator exited with ${code}`)));
    });
    const m = /endpoint=(127\.0\.0\.1:\d+) .* db=(\S+) /.exec(line);
    assert.ok(m, line);
    assert.equal(m[2], join(env.HOME!, '.local', 'share', 'alicloud-image', 'emulator.db'));

    if (skipUnlessTerraform(t)) return;
    t.diagnostic('alicloud-image install --dir <mirror>, terraform init from that mirror only, terraform apply of examples/seed');
    const pluginDir = join(work, 'mirror');
    check(spawnSync(bin('alicloud-image'), ['install', '--dir', pluginDir], { encoding: 'utf8', env }), 'alicloud-image install');
    const tf = join(work, 'tf');
    mkdirSync(tf);
    copyFileSync(join(installed, 'examples', 'seed', 'main.tf'), join(tf, 'main.tf'));
    writeFileSync(join(tf, 'provider.tf'), providerHcl(m[1]!));
    writeFileSync(join(tf, 'terraform.rc'), mirrorCliConfig(pluginDir));
    const tfEnv = { ...env, TF_CLI_CONFIG_FILE: join(tf, 'terraform.rc'), TF_IN_AUTOMATION: '1' };
    const terraform = (args: string[]) => spawnSync('terraform', args, { cwd: tf, env: tfEnv, encoding: 'utf8', timeout: 300_000 });
    check(terraform(['init', '-input=false', '-no-color']), 'terraform init');
    assert.match(readFileSync(join(tf, '.terraform.lock.hcl'), 'utf8'), /provider "registry\.terraform\.io\/hashicorp\/alicloud"/);
    const apply = check(terraform(['apply', '-auto-approve', '-input=false', '-no-color']), 'terraform apply');
    assert.match(apply.stdout, /Apply complete! Resources: 5 added, 0 changed, 0 destroyed/);
    assert.match(apply.stdout, /image_status = "Available"/);
    assert.doesNotMatch(apply.stdout + apply.stderr, /Provider development overrides are in effect/);
  },
);
