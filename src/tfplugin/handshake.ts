/**
 * go-plugin handshake facts: the magic cookie, protocol negotiation, the
 * stdout handshake line and the TF_REATTACH_PROVIDERS value for debug mode.
 * Pure functions; serve.ts does the I/O.
 */

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
/** go-plugin's core protocol version (first handshake field). */
export const CORE_PROTOCOL_VERSION = 1;
/** The only plugin protocol we speak. */
export const PROTOCOL_VERSION = 6;

/** The sentence printed (on stderr) when the plugin is run by hand. */
export function notLaunchedByTerraformMessage(name: string): string {
  return (
    `This binary is a plugin. These are not meant to be executed directly.\n` +
    `${name} is a Terraform provider plugin: Terraform starts it by itself. To use it, point Terraform at ` +
    `this directory with a dev_overrides entry for "aliyun/alicloud" (or "hashicorp/alicloud") in the ` +
    `provider_installation block of your CLI config (TF_CLI_CONFIG_FILE or ~/.terraformrc), or install it ` +
    `for \`terraform init\`, then run terraform plan/apply. Run it with --debug to start it for TF_REATTACH_PROVIDERS.\n`
  );
}

/** Result of checking the environment Terraform set. */
export type Negotiation = { ok: true; version: number } | { ok: false; error: string };

/** Check the magic cookie and pick protocol 6 from PLUGIN_PROTOCOL_VERSIONS. */
export function negotiate(env: NodeJS.ProcessEnv): Negotiation {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) return { ok: false, error: 'magic cookie missing or wrong' };
  const offered = (env.PLUGIN_PROTOCOL_VERSIONS ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n));
  // An old client that sends no list gets our version and decides itself.
  if (offered.length === 0 || offered.includes(PROTOCOL_VERSION)) return { ok: true, version: PROTOCOL_VERSION };
  return {
    ok: false,
    error: `this provider speaks plugin protocol ${PROTOCOL_VERSION}, but the client offered only ${offered.join(', ')}; use Terraform >= 1.0 or OpenTofu`,
  };
}

/** `CORE|APPVER|NETWORK|ADDR|grpc|CERT` (cert: std base64 of DER without padding, empty without TLS). */
export function handshakeLine(args: { network: 'unix' | 'tcp'; address: string; certDer?: Uint8Array }): string {
  const cert = args.certDer ? Buffer.from(args.certDer).toString('base64').replace(/=+$/, '') : '';
  return `${CORE_PROTOCOL_VERSION}|${PROTOCOL_VERSION}|${args.network}|${args.address}|grpc|${cert}\n`;
}

/** A parsed handshake line (the driver's side). */
export interface Handshake {
  core: number;
  version: number;
  network: string;
  address: string;
  protocol: string;
  /** DER of the server certificate, or undefined for plaintext. */
  certDer?: Buffer;
}

/** Parse a handshake line the way go-plugin does; throws with the line on anything malformed. */
export function parseHandshakeLine(line: string): Handshake {
  const parts = line.trim().split('|');
  if (parts.length < 4) throw new Error(`unrecognized remote plugin message: ${line}`);
  const [core, version, network, address, protocol = 'netrpc', cert = ''] = parts;
  return {
    core: Number(core),
    version: Number(version),
    network: network!,
    address: address!,
    protocol,
    ...(cert.length > 50 ? { certDer: Buffer.from(cert, 'base64') } : {}),
  };
}

/** Provider addresses a debug-mode server registers itself under. */
export const DEFAULT_REATTACH_ADDRESSES = ['registry.terraform.io/hashicorp/alicloud', 'registry.terraform.io/aliyun/alicloud'];

/** The JSON value of TF_REATTACH_PROVIDERS for a plaintext server at `address`. */
export function reattachValue(args: { addresses: string[]; network: 'unix' | 'tcp'; address: string; pid: number }): string {
  const entry = {
    Protocol: 'grpc',
    ProtocolVersion: PROTOCOL_VERSION,
    Pid: args.pid,
    Test: true,
    Addr: { Network: args.network, String: args.address },
  };
  return JSON.stringify(Object.fromEntries(args.addresses.map((a) => [a, entry])));
}
