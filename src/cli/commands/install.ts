/**
 * `alicloud-image install` / `alicloud-image uninstall`: put this package's provider plugin into
 * (or take it out of) a local mirror that `terraform init` and `tofu init` read offline.
 */
import { join, resolve } from 'node:path';
import { parseFlags } from '../flags.js';
import { defaultPluginDir, impliedPluginDirs, installProvider, mirrorCliConfig, terraformPlatform, uninstallProvider } from '../install.js';
import { packageRoot, packageVersion } from '../settings.js';

export const installUsage = `Usage: alicloud-image install [--dir DIR]

Install this package's provider plugin as aliyun/alicloud (and hashicorp/alicloud) at this
package's version, for Terraform (registry.terraform.io) and OpenTofu (registry.opentofu.org),
so that \`terraform init\` installs it offline and records it in .terraform.lock.hcl.

Flags:
  --dir DIR     mirror directory (default $XDG_DATA_HOME/terraform/plugins when XDG_DATA_HOME
                is set, else ~/.terraform.d/plugins: both are searched by terraform and tofu)
  -h, --help    show this help
`;

export const uninstallUsage = `Usage: alicloud-image uninstall [--dir DIR]

Remove every version this command's \`install\` put into the mirror directory, so that
\`terraform init\` fetches aliyun/alicloud from the registry again.

Flags:
  --dir DIR     mirror directory (default as for install)
  -h, --help    show this help
`;

const flagSpecs = { dir: { value: true }, help: { value: false } } as const;

export async function runInstallCommand(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, flagSpecs);
  if (flags.has('help')) {
    process.stdout.write(installUsage);
    return 0;
  }
  const root = packageRoot();
  const version = packageVersion(root);
  const dir = resolve(flags.get('dir') ?? defaultPluginDir());
  const installed = installProvider({ dir, version, pluginSource: join(root, 'dist', 'plugin') });
  const minor = version.split('.').slice(0, 2).join('.');
  const implied = impliedPluginDirs().includes(dir) || dir.endsWith(join('terraform.d', 'plugins'));
  process.stdout.write(
    `Installed the alicloud provider ${version} (${terraformPlatform()}) into ${dir} for Terraform and OpenTofu:\n` +
      installed.map((p) => `  ${p.address} ${version}\n`).join('') +
      `\nUse it like any other provider: \`terraform init\` installs it offline and writes .terraform.lock.hcl.\n\n` +
      `  terraform {\n    required_providers {\n      alicloud = {\n        source  = "aliyun/alicloud"\n        version = "~> ${minor}.0"\n      }\n    }\n  }\n\n` +
      (implied
        ? `While it is installed here, \`terraform init\` takes aliyun/alicloud from this folder and no longer from the\n` +
          `registry, so a configuration pinned to the official provider's 1.2xx releases fails with "no available\n` +
          `releases match". \`alicloud-image uninstall\` removes it.\n`
        : `Terraform does not search ${dir} by itself: use a CLI configuration (TF_CLI_CONFIG_FILE) such as\n\n` +
          mirrorCliConfig(dir)
            .split('\n')
            .map((l) => (l ? `  ${l}` : l))
            .join('\n')),
  );
  return 0;
}

export async function runUninstallCommand(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, flagSpecs);
  if (flags.has('help')) {
    process.stdout.write(uninstallUsage);
    return 0;
  }
  const dir = resolve(flags.get('dir') ?? defaultPluginDir());
  const removed = uninstallProvider({ dir });
  process.stdout.write(
    removed.length === 0
      ? `Nothing to remove: no alicloud provider installed by alicloud-image in ${dir}.\n`
      : `Removed from ${dir}:\n${removed.map((r) => `  ${r}\n`).join('')}`,
  );
  return 0;
}
