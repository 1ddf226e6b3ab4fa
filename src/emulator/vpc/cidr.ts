/**
 * IPv4 CIDR arithmetic for the VPC rules: parsing, private-range checks,
 * containment and overlap. Pure functions; no SQL, no errors of the API.
 */

export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  base: number;
  mask: number;
}

/** Parse `a.b.c.d/m`; null when an octet or the mask is out of range or host bits are set. */
export function parseCidr(text: string): Cidr | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  const mask = Number(m[5]);
  if (octets.some((o) => o > 255) || mask > 32) return null;
  const base = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  if ((base & ~maskBits(mask)) >>> 0 !== 0) return null;
  return { base, mask };
}

function maskBits(mask: number): number {
  return mask === 0 ? 0 : (0xffffffff << (32 - mask)) >>> 0;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.mask >= outer.mask && (inner.base & maskBits(outer.mask)) >>> 0 === outer.base;
}

/** True when the two blocks share at least one address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c)!);

/** True when the block is one of the RFC 1918 ranges or a subnet of one. */
export function isPrivate(c: Cidr): boolean {
  return PRIVATE_RANGES.some((p) => contains(p, c));
}

/** Usable addresses of a vSwitch: the first and the last three are reserved. */
export function availableAddresses(c: Cidr): number {
  return Math.max(0, 2 ** (32 - c.mask) - 4);
}
