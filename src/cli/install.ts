/**
 * Install the provider plugin where `terraform init` and `tofu init` find it without a registry:
 * a local mirror directory in the unpacked layout
 *
 *     <dir>/<host>/<namespace>/alicloud/<version>/<os>_<arch>/terraform-provider-alicloud_v<version>
 *
 * for the hosts registry.terraform.io (Terraform) and registry.opentofu.org (OpenTofu) and the
 * namespaces aliyun (the official source address) and hashicorp (what configurations without a
 * required_providers entry resolve to). Each package folder is self-contained: the bundled plugin
 * (dist/plugin/*.mjs) and a small executable entry, so it keeps working when this npm package moves
 * or is removed.
 *
 * The default directory is one both tools search with no CLI configuration at all (their "implied
 * local mirror"): `$XDG_DATA_HOME/terraform/plugins` when XDG_DATA_HOME is set, else
 * `~/.terraform.d/plugins` (HOME honoured). A provider found there is no longer fetched from the
 * registry by implied installation, so `uninstallProvider` removes ours again.
 *
 * Version story: the plugin is installed as this npm package's version (0.x), never as an
 * official 1.2xx release, so a lock file can never pass our code off as the official provider.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { userHome } from './settings.js';

/** Registry hosts whose implied mirrors get the provider: Terraform's, then OpenTofu's. */
export const PROVIDER_HOSTS = ['registry.terraform.io', 'registry.opentofu.org'] as const;
/** Namespaces installed: the official source address, and the legacy default of configurations without required_providers. */
export const PROVIDER_NAMESPACES = ['aliyun', 'hashicorp'] as const;
export const PROVIDER_TYPE = 'alicloud';

/** Terraform's `<os>_<arch>` for this machine (linux_amd64, darwin_arm64, ...). */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os = ({ win32: 'windows' } as Record<string, string>)[platform] ?? platform;
  const a = ({ x64: 'amd64', ia32: '386' } as Record<string, string>)[arch] ?? arch;
  return `${os}_${a}`;
}

/** The implied local mirror `install` uses by default: `$XDG_DATA_HOME/terraform/plugins`, else `~/.terraform.d/plugins`. */
export function defaultPluginDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME;
  return xdg && isAbsolute(xdg) ? join(xdg, 'terraform', 'plugins') : join(userHome(env), '.terraform.d', 'plugins');
}

/** Every file below `dir` (relative, forward slashes), sorted bytewise as Go sorts strings. */
function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)) as number);
}

/** Terraform's `h1:` hash of an unpacked package folder (the Go module dirhash "Hash1" it records in .terraform.lock.hcl). */
export function packageHash(dir: string): string {
  const summary = createHash('sha256');
  for (const f of filesBelow(dir)) {
    const fileHash = createHash('sha256')
      .update(readFileSync(join(dir, ...f.split('/'))))
      .digest('hex');
    summary.update(`${fileHash}  ${f}\n`);
  }
  return `h1:${summary.digest('base64')}`;
}

export interface InstallOptions {
  /** Mirror directory (default {@link defaultPluginDir}). */
  dir: string;
  version: string;
  /** The bundled plugin folder to copy (dist/plugin). */
  pluginSource: string;
  /** Hosts to install for (default both). */
  hosts?: readonly string[];
  platform?: string;
}

export interface InstalledPackage {
  /** `registry.terraform.io/aliyun/alicloud` */
  address: string;
  /** The package folder. */
  path: string;
  /** The executable Terraform runs. */
  executable: string;
}

/** The executable's name inside a package folder. */
export const executableName = (version: string) => `terraform-provider-${PROVIDER_TYPE}_v${version}`;

/**
 * The entry Terraform executes: loads the bundled ESM entry beside it. It is CommonJS (the
 * package.json beside it says so, whatever encloses the mirror: its name's ".0" is no extension
 * ESM would accept). `#!/usr/bin/env node`: the node on Terraform's PATH runs it, like npm's bins.
 */
const ENTRY = `#!/usr/bin/env node
// alicloud-image: the alicloud provider plugin for Terraform/OpenTofu (written by \`alicloud-image install\`).
import('./provider.mjs');
`;

/** Copy the plugin into every host and namespace of the mirror; replaces an earlier install of the same version. */
export function installProvider(o: InstallOptions): InstalledPackage[] {
  if (!existsSync(join(o.pluginSource, 'provider.mjs')))
    throw new Error(`the bundled plugin is missing (${join(o.pluginSource, 'provider.mjs')}); run npm run build first`);
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(o.version)) throw new Error(`"${o.version}" is not a version Terraform accepts`);
  const platform = o.platform ?? terraformPlatform();
  const installed: InstalledPackage[] = [];
  for (const host of o.hosts ?? PROVIDER_HOSTS) {
    for (const namespace of PROVIDER_NAMESPACES) {
      const address = `${host}/${namespace}/${PROVIDER_TYPE}`;
      const path = join(o.dir, host, namespace, PROVIDER_TYPE, o.version, platform);
      // Build beside the target, then swap, so Terraform never sees half a package.
      const staging = `${path}.partial-${process.pid}`;
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging, { recursive: true });
      for (const f of readdirSync(o.pluginSource)) {
        if (statSync(join(o.pluginSource, f)).isFile() && f.endsWith('.mjs')) copyFileSync(join(o.pluginSource, f), join(staging, f));
      }
      writeFileSync(join(staging, 'package.json'), '{ "type": "commonjs" }\n');
      const executable = join(staging, executableName(o.version));
      writeFileSync(executable, ENTRY);
      chmodSync(executable, 0o755);
      if (existsSync(path) && packageHash(path) === packageHash(staging)) rmSync(staging, { recursive: true, force: true });
      else {
        rmSync(path, { recursive: true, force: true });
        renameSync(staging, path);
      }
      installed.push({ address, path, executable: join(path, executableName(o.version)) });
    }
  }
  return installed;
}

/** Remove our packages from the mirror (one version, or every version); returns the folders removed. */
export function uninstallProvider(o: { dir: string; version?: string; hosts?: readonly string[] }): string[] {
  const removed: string[] = [];
  for (const host of o.hosts ?? PROVIDER_HOSTS) {
    for (const namespace of PROVIDER_NAMESPACES) {
      const typeDir = join(o.dir, host, namespace, PROVIDER_TYPE);
      if (!existsSync(typeDir)) continue;
      for (const version of readdirSync(typeDir)) {
        if (o.version !== undefined && version !== o.version) continue;
        const versionDir = join(typeDir, version);
        // Only folders we wrote: they hold our entry file.
        const ours = readdirSync(versionDir).some((platform) =>
          existsSync(join(versionDir, platform, executableName(version)))
            ? readFileSync(join(versionDir, platform, executableName(version)), 'utf8').includes('alicloud-image install')
            : false,
        );
        if (!ours) continue;
        rmSync(versionDir, { recursive: true, force: true });
        removed.push(versionDir);
      }
      if (readdirSync(typeDir).length === 0) rmSync(typeDir, { recursive: true, force: true });
    }
  }
  return removed;
}

/**
 * A Terraform CLI configuration that installs the alicloud provider from `dir` only (both
 * namespaces) and never contacts a registry: what `npm start` and the examples use.
 */
export function mirrorCliConfig(dir: string, host: string = PROVIDER_HOSTS[0]): string {
  const include = PROVIDER_NAMESPACES.map((ns) => JSON.stringify(`${host}/${ns}/${PROVIDER_TYPE}`)).join(', ');
  return `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(dir)}
    include = [${include}]
  }
}
`;
}

/** The mirror directories Terraform searches with no CLI configuration (besides ./terraform.d/plugins); OpenTofu searches the same. */
export function impliedPluginDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const xdgHome = env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : join(userHome(env), '.local', 'share');
  const xdgDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter((d) => isAbsolute(d));
  return [join(userHome(env), '.terraform.d', 'plugins'), ...[xdgHome, ...xdgDirs].map((d) => join(d, 'terraform', 'plugins'))];
}
