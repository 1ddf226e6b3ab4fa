/**
 * Process entry of `terraform-provider-alicloud` (what Terraform launches through
 * bin/terraform-provider-alicloud or an installed plugin folder; bundled into dist/plugin/).
 * Terraform passes no arguments: the handshake line is printed first and the provider code
 * (schemas, ECS client) loads right after it. By hand: `--help`, `--version`, `--debug`.
 */
import { serve } from '../tfplugin/serve.js';

/** Set by the bundler (scripts/bundle-provider.mjs); the unbundled build reads package.json. */
declare const __ALICLOUD_IMAGE_VERSION__: string | undefined;

const usage = (version: string) => `Usage: terraform-provider-alicloud [--debug]

The alicloud provider plugin ${version} for Terraform and OpenTofu (aliyun/alicloud). Terraform
starts it; run by hand without --debug it only explains itself.

Flags:
  --debug       serve in reattach mode and print the TF_REATTACH_PROVIDERS value to export
  --version     print the version
  -h, --help    show this help

Install it for \`terraform init\` with \`alicloud-image install\`. Its log, including each image's
progress while it is created, shows with TF_LOG_PROVIDER=INFO (or DEBUG) on terraform's stderr.
`;

async function version(): Promise<string> {
  if (typeof __ALICLOUD_IMAGE_VERSION__ === 'string') return __ALICLOUD_IMAGE_VERSION__;
  return (await import('./settings.js')).packageVersion();
}

const args = process.argv.slice(2);
const flag = args.find((a) => a !== '--debug');
if (flag === '--help' || flag === '-h' || flag === 'help') {
  process.stdout.write(usage(await version()));
} else if (flag === '--version' || flag === 'version') {
  process.stdout.write(`terraform-provider-alicloud ${await version()}\n`);
} else if (flag !== undefined) {
  process.stderr.write(`terraform-provider-alicloud: unknown argument "${flag}"\nRun "terraform-provider-alicloud --help" for usage.\n`);
  process.exitCode = 2;
} else {
  await serve(async () => {
    const [{ createProviderServer }, { alicloudProvider }] = await Promise.all([
      import('../framework/index.js'),
      import('../provider/provider.js'),
    ]);
    return createProviderServer(alicloudProvider);
  });
}
