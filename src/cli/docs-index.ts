/**
 * docs/index.md: the provider page of the registry layout. The argument reference, the
 * environment variables and the list of accepted-but-ignored official arguments are derived
 * from the provider schema (src/provider/config.ts), so they cannot drift; the prose around
 * them (emulator and real-cloud set-up) is written here.
 */
import { renderDocs, typeLinks, type Attribute, type Block, type ObjectShape } from '../framework/index.js';
import { providerSchema } from '../provider/config.js';
import { alicloudProvider } from '../provider/provider.js';
import { emulatorProviderBlock } from './emulator-block.js';
import { DEFAULT_EMULATOR_PORT } from './commands/emulator.js';

/** Markdown between `## Argument Reference` and the next level-2 heading of the framework's renderer. */
function argumentReference(): string {
  const md = renderDocs('alicloud', providerSchema, { kind: 'resource', provider: 'alicloud' });
  const start = md.indexOf('## Argument Reference');
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end).trim();
}

/** Every `(env X or Y)` variable named in argument descriptions, with the argument it sets. */
export function environmentVariables(shape: ObjectShape = providerSchema, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  const visit = (name: string, a: Attribute) => {
    const env =
      /\(env ([^)]*)\)/.exec(a.options.description)?.[1] ??
      /env (`[A-Z][A-Z0-9_]*`(?: or `[A-Z][A-Z0-9_{}]*`)*)/.exec(a.options.description)?.[1];
    if (!env) return;
    for (const m of env.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) out.push([m[1]!, `${prefix}${name}`]);
  };
  for (const [name, a] of Object.entries(shape.attributes)) visit(name, a);
  for (const [name, b] of Object.entries(shape.blocks ?? {})) out.push(...environmentVariables(b.options, `${prefix}${name}.`));
  return out.sort(([a], [b]) => a.localeCompare(b));
}

/** Arguments (dotted for nested ones) the schema marks ignored; a block whose members are all ignored is listed once. */
export function ignoredArguments(shape: ObjectShape = providerSchema, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, a] of Object.entries(shape.attributes)) if (a.options.ignored) out.push(`${prefix}${name}`);
  for (const [name, b] of Object.entries(shape.blocks ?? {}) as [string, Block][]) {
    const members = Object.values(b.options.attributes);
    if (members.length > 0 && members.every((a) => a.options.ignored)) out.push(`${prefix}${name}`);
    else out.push(...ignoredArguments(b.options, `${prefix}${name}.`));
  }
  return out.sort();
}

/** The generated docs/index.md. */
export function providerIndexDoc(): string {
  const endpoint = `127.0.0.1:${DEFAULT_EMULATOR_PORT}`;
  const env = environmentVariables();
  const ignored = ignoredArguments();
  const ignoredTop = ignored.filter((n) => !n.startsWith('endpoints.'));
  const ignoredEndpoints = ignored.filter((n) => n.startsWith('endpoints.')).map((n) => n.slice('endpoints.'.length));
  return [
    '---',
    'page_title: "Provider: Alibaba Cloud (alicloud)"',
    'description: |-',
    `  ${providerSchema.description.trim()}`,
    '---',
    '',
    '# alicloud Provider',
    '',
    `${providerSchema.description.trim()} It is a TypeScript re-implementation of the parts of the official`,
    '`aliyun/alicloud` provider that `alicloud_image` needs: HCL written for the official provider works',
    'unchanged, and the same HCL runs against the real cloud or against the local ECS emulator',
    '(see [the emulator page](emulator.md)). Only the provider block differs.',
    '',
    `Resources: ${typeLinks(alicloudProvider, 'resource').join(', ')}.`,
    `Data sources: ${typeLinks(alicloudProvider, 'data-source').join(', ')}.`,
    '',
    '## Example Usage',
    '',
    '### Against the local emulator',
    '',
    `Start it with \`alicloud-image emulator\` (default \`${endpoint}\`, default key pair below), then:`,
    '',
    '```terraform',
    emulatorProviderBlock({ endpoint }).trimEnd(),
    '```',
    '',
    'The emulator speaks plain HTTP on loopback, so `protocol = "HTTP"` is required; all three products',
    'are served on the same port. The same can be set without touching the HCL through',
    '`ALICLOUD_ACCESS_KEY`, `ALICLOUD_SECRET_KEY`, `ALICLOUD_REGION` and',
    '`ALIBABA_CLOUD_ENDPOINT_ECS` / `_VPC` / `_RESOURCEMANAGER` (the protocol has no variable).',
    '',
    '### Against Alibaba Cloud',
    '',
    'Drop `protocol` and `endpoints` (HTTPS and the public endpoints of the region are the defaults) and',
    'give real credentials, as arguments or, better, through the environment:',
    '',
    '```terraform',
    'provider "alicloud" {',
    '  region = "cn-hangzhou"',
    '}',
    '```',
    '',
    '```shell',
    'export ALICLOUD_ACCESS_KEY="LTAI..."',
    'export ALICLOUD_SECRET_KEY="..."',
    'export ALICLOUD_SECURITY_TOKEN="..." # only for STS keys',
    'terraform plan',
    '```',
    '',
    'Credentials are taken, per value, from the provider argument, then the environment, then the',
    'aliyun CLI profile (`profile` / `ALICLOUD_PROFILE` in `~/.aliyun/config.json`, AK mode only).',
    '',
    '### Installing the plugin',
    '',
    "The plugin is not on the registry; point Terraform at this package's `bin/` with `dev_overrides`",
    'in a CLI config (`TF_CLI_CONFIG_FILE` or `~/.terraformrc`) and skip `terraform init`:',
    '',
    '```hcl',
    'provider_installation {',
    '  dev_overrides {',
    '    "aliyun/alicloud"    = "/absolute/path/to/this/package/bin"',
    '    "hashicorp/alicloud" = "/absolute/path/to/this/package/bin"',
    '  }',
    '  direct {}',
    '}',
    '```',
    '',
    argumentReference(),
    '',
    '## Environment Variables',
    '',
    'An argument set in the provider block wins over its variables; the aliyun CLI profile comes last.',
    '',
    '| Variable | Argument |',
    '|---|---|',
    ...env.map(([name, arg]) => `| \`${name}\` | \`${arg}\` |`),
    '',
    '## Accepted and Ignored Arguments',
    '',
    'These arguments of the official provider are accepted so existing HCL keeps working; each one',
    'set produces a warning ("Attribute Ignored") and has no effect:',
    '',
    ...ignoredTop.map((n) => `* \`${n}\``),
    `* \`endpoints\` keys other than \`ecs\`, \`vpc\`, \`resourcemanager\`, \`sts\`, \`ram\`, \`oss\` and \`slb\`: ${ignoredEndpoints.map((n) => `\`${n}\``).join(', ')}`,
    '',
  ].join('\n');
}
