/**
 * Self-signed ECDSA P-256 certificates for go-plugin's AutoMTLS, built as DER by
 * hand and signed with node:crypto (no dependencies, ~1 ms).
 *
 * The template mirrors go-plugin's: subject/issuer CN=localhost, SAN
 * DNS:localhost (Go ignores the CN), notBefore backdated 30 s, ~30 years of
 * validity, CA:TRUE (critical), key usage digitalSignature|keyEncipherment|
 * keyAgreement|certSign (critical), extended key usage serverAuth+clientAuth,
 * a random positive 128-bit serial, ecdsa-with-SHA256.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface GeneratedCertificate {
  /** PKCS#8 PEM of the private key. */
  keyPem: string;
  /** PEM of the certificate. */
  certPem: string;
  /** DER of the certificate (what the handshake line carries, base64 without padding). */
  certDer: Buffer;
}

function tlv(tag: number, body: Buffer): Buffer {
  const n = body.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else if (n <= 0xff) len = Buffer.from([0x81, n]);
  else if (n <= 0xffff) len = Buffer.from([0x82, n >> 8, n & 0xff]);
  else len = Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));
const octets = (b: Buffer) => tlv(0x04, b);
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
const bitString = (b: Buffer, unusedBits = 0) => tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), b]));

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = p >>> 7; v > 0; v >>>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  // UTCTime up to 2049, GeneralizedTime after (RFC 5280 4.1.2.5).
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

/** A fresh key pair and self-signed certificate usable as both TLS server and client identity. */
export function generateCertificate(options: { commonName?: string; organization?: string } = {}): GeneratedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const name = seq(
    set(seq(oid('2.5.4.10'), utf8(options.organization ?? 'terraform-provider'))),
    set(seq(oid('2.5.4.3'), utf8(options.commonName ?? 'localhost'))),
  );
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive and minimal DER
  const now = Date.now();
  const notBefore = new Date(Math.floor(now / 1000) * 1000 - 30_000);
  const notAfter = new Date(notBefore.getTime() + 262_980 * 3600_000);
  // Subject key id: SHA-1 of the public key bits (the last 65 bytes of the P-256 SPKI).
  const ski = createHash('sha1')
    .update(spki.subarray(spki.length - 65))
    .digest();
  const extensions = seq(
    extension('2.5.29.19', true, seq(bool(true))),
    // digitalSignature(0) keyEncipherment(2) keyAgreement(4) keyCertSign(5): 0b10101100, 2 unused bits.
    extension('2.5.29.15', true, bitString(Buffer.from([0xac]), 2)),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    extension('2.5.29.14', false, octets(ski)),
    extension('2.5.29.17', false, seq(tlv(0x82, Buffer.from('localhost')))),
  );
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, serial),
    seq(oid(ECDSA_WITH_SHA256)),
    name,
    seq(time(notBefore), time(notAfter)),
    name,
    spki,
    tlv(0xa3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certDer = seq(tbs, seq(oid(ECDSA_WITH_SHA256)), bitString(signature));
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    certPem: derToPem(certDer),
    certDer,
  };
}

/** PEM text for a DER certificate. */
export function derToPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
