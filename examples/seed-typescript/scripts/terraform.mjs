#!/usr/bin/env node
// `npm run tf -- <apply|plan|destroy|...>`: runs terraform on cdktf.out/stacks/seed with a CLI
// config whose dev_overrides point at this repository's bin/ (our provider; no `terraform init`).
// With ALICLOUD_EMULATOR_ENDPOINT set it also defaults the emulator's documented test keys and region.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const example = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stackDir = join(example, 'cdktf.out', 'stacks', 'seed');
const binDir = resolve(example, '..', '..', 'bin');
if (!existsSync(join(stackDir, 'cdk.tf.json'))) {
  process.stderr.write(`No ${join('cdktf.out', 'stacks', 'seed', 'cdk.tf.json')} yet: run \`npm run synth\` first.\n`);
  process.exit(2);
}
mkdirSync(join(example, 'cdktf.out'), { recursive: true });
const rc = join(example, 'cdktf.out', 'terraform.rc');
writeFileSync(rc, `provider_installation {\n  dev_overrides {\n    "aliyun/alicloud" = ${JSON.stringify(binDir)}\n  }\n  direct {}\n}\n`);
const env = { ...process.env, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: '1' };
if (env.ALICLOUD_EMULATOR_ENDPOINT) {
  env.ALICLOUD_ACCESS_KEY ??= 'LTAI5tEmulatorDefaultKey';
  env.ALICLOUD_SECRET_KEY ??= 'EmulatorDefaultSecret';
  env.ALICLOUD_REGION ??= 'cn-hangzhou';
}
const args = process.argv.slice(2);
const r = spawnSync('terraform', args.length ? args : ['plan'], { cwd: stackDir, env, stdio: 'inherit' });
if (r.error) {
  process.stderr.write(`Cannot run terraform (${r.error.message}): install Terraform >= 1.5 and put it on PATH.\n`);
  process.exit(1);
}
process.exit(r.status ?? 1);
