/** OpenSSH public keys: parsing an imported body, making a new RSA pair, and the MD5 fingerprint ECS reports. */
import { createHash, generateKeyPairSync } from 'node:crypto';

const KEY_TYPES = ['ssh-rsa', 'ssh-ed25519', 'ssh-dss', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521'];

/**
 * The key blob of an OpenSSH public key line (`type base64 [comment]`), or undefined when it is not
 * one. Like ECS, only the shape is checked (a known type and a base64 token), not the key itself:
 * the official provider's tests import `ssh-rsa AAAAB3Nza12345678qwertyuudsfsg`.
 */
export function parsePublicKey(text: string): { type: string; blob: Buffer; line: string } | undefined {
  const [type, data] = text.trim().split(/\s+/);
  if (!type || !data || !KEY_TYPES.includes(type) || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return undefined;
  return { type, blob: Buffer.from(data, 'base64'), line: `${type} ${data}` };
}

/** `aa:bb:...`: MD5 of the key blob, as `ssh-keygen -l -E md5` and ECS show it. */
export function fingerprintOf(blob: Buffer): string {
  return createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
}

function sshField(b: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}
/** An SSH mpint: big-endian, with a leading zero when the top bit is set. */
const mpint = (b: Buffer) => sshField(b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);

/** A new 2048-bit RSA pair: the PEM private key (returned once by CreateKeyPair) and the OpenSSH public key line. */
export function newRsaKeyPair(): { privateKeyPem: string; publicKey: string; blob: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([
    sshField(Buffer.from('ssh-rsa')),
    mpint(Buffer.from(jwk.e!, 'base64url')),
    mpint(Buffer.from(jwk.n!, 'base64url')),
  ]);
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
    publicKey: `ssh-rsa ${blob.toString('base64')}`,
    blob,
  };
}
