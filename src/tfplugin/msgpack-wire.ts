/**
 * Low-level msgpack reading and writing: exactly the subset cty uses, with
 * integers kept exact (bigint where needed). The cty-aware codec is msgpack.ts.
 */

/** Growable byte buffer with msgpack primitive writers. */
export class MsgpackWriter {
  private buf = Buffer.allocUnsafe(256);
  private len = 0;

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.buf.subarray(0, this.len));
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }

  nil(): void {
    this.byte(0xc0);
  }

  bool(v: boolean): void {
    this.byte(v ? 0xc3 : 0xc2);
  }

  /** The most compact integer encoding (refinement keys and lengths); the caller guarantees -2^63 <= v < 2^64. */
  int(v: bigint): void {
    this.ensure(9);
    const b = this.buf;
    if (v >= 0n) {
      if (v < 0x80n) b[this.len++] = Number(v);
      else if (v <= 0xffn) {
        b[this.len++] = 0xcc;
        b[this.len++] = Number(v);
      } else if (v <= 0xffffn) {
        b[this.len++] = 0xcd;
        b.writeUInt16BE(Number(v), this.len);
        this.len += 2;
      } else if (v <= 0xffffffffn) {
        b[this.len++] = 0xce;
        b.writeUInt32BE(Number(v), this.len);
        this.len += 4;
      } else {
        b[this.len++] = 0xcf;
        b.writeBigUInt64BE(v, this.len);
        this.len += 8;
      }
    } else {
      if (v >= -32n) b[this.len++] = Number(v) & 0xff;
      else if (v >= -0x80n) {
        b[this.len++] = 0xd0;
        b.writeInt8(Number(v), this.len);
        this.len += 1;
      } else if (v >= -0x8000n) {
        b[this.len++] = 0xd1;
        b.writeInt16BE(Number(v), this.len);
        this.len += 2;
      } else if (v >= -0x80000000n) {
        b[this.len++] = 0xd2;
        b.writeInt32BE(Number(v), this.len);
        this.len += 4;
      } else {
        b[this.len++] = 0xd3;
        b.writeBigInt64BE(v, this.len);
        this.len += 8;
      }
    }
  }

  str(s: string): void {
    const chars = s.length;
    // Short ASCII (nearly every key and value) is copied byte by byte: no Buffer per string.
    if (chars < 32) {
      this.ensure(1 + chars);
      const b = this.buf;
      const start = this.len + 1;
      let i = 0;
      for (; i < chars; i++) {
        const c = s.charCodeAt(i);
        if (c > 0x7f) break;
        b[start + i] = c;
      }
      if (i === chars) {
        b[this.len] = 0xa0 | chars;
        this.len = start + chars;
        return;
      }
    }
    const n = Buffer.byteLength(s, 'utf8');
    if (n < 32) this.byte(0xa0 | n);
    else if (n <= 0xff) {
      this.byte(0xd9);
      this.byte(n);
    } else if (n <= 0xffff) this.header(0xda, n, 2);
    else this.header(0xdb, n, 4);
    this.ensure(n);
    this.len += this.buf.write(s, this.len, n, 'utf8');
  }

  bin(data: Uint8Array): void {
    const n = data.length;
    if (n <= 0xff) {
      this.byte(0xc4);
      this.byte(n);
    } else if (n <= 0xffff) this.header(0xc5, n, 2);
    else this.header(0xc6, n, 4);
    this.raw(data);
  }

  arrayHeader(n: number): void {
    if (n < 16) this.byte(0x90 | n);
    else if (n <= 0xffff) this.header(0xdc, n, 2);
    else this.header(0xdd, n, 4);
  }

  mapHeader(n: number): void {
    if (n < 16) this.byte(0x80 | n);
    else if (n <= 0xffff) this.header(0xde, n, 2);
    else this.header(0xdf, n, 4);
  }

  ext(type: number, data: Uint8Array): void {
    const fixed: Record<number, number> = { 1: 0xd4, 2: 0xd5, 4: 0xd6, 8: 0xd7, 16: 0xd8 };
    const code = fixed[data.length];
    if (code !== undefined) this.byte(code);
    else if (data.length <= 0xff) {
      this.byte(0xc7);
      this.byte(data.length);
    } else if (data.length <= 0xffff) this.header(0xc8, data.length, 2);
    else this.header(0xc9, data.length, 4);
    this.byte(type & 0xff);
    this.raw(data);
  }

  private header(code: number, n: number, width: 2 | 4): void {
    this.ensure(1 + width);
    this.buf[this.len++] = code;
    if (width === 2) this.buf.writeUInt16BE(n, this.len);
    else this.buf.writeUInt32BE(n, this.len);
    this.len += width;
  }
}

/** What the next item is, without consuming it. */
export type MsgpackKind = 'nil' | 'bool' | 'int' | 'float' | 'str' | 'bin' | 'array' | 'map' | 'ext';

/** A cursor over msgpack bytes. Every read checks bounds and names what it expected. */
export class MsgpackReader {
  private pos = 0;
  private readonly view: Buffer;

  constructor(bytes: Uint8Array) {
    this.view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.pos >= this.view.length;
  }

  get offset(): number {
    return this.pos;
  }

  peekKind(): MsgpackKind {
    const c = this.at(this.pos);
    if (c <= 0x7f || c >= 0xe0) return 'int';
    if (c <= 0x8f) return 'map';
    if (c <= 0x9f) return 'array';
    if (c <= 0xbf) return 'str';
    switch (c) {
      case 0xc0:
        return 'nil';
      case 0xc2:
      case 0xc3:
        return 'bool';
      case 0xc4:
      case 0xc5:
      case 0xc6:
        return 'bin';
      case 0xc7:
      case 0xc8:
      case 0xc9:
      case 0xd4:
      case 0xd5:
      case 0xd6:
      case 0xd7:
      case 0xd8:
        return 'ext';
      case 0xca:
      case 0xcb:
        return 'float';
      case 0xcc:
      case 0xcd:
      case 0xce:
      case 0xcf:
      case 0xd0:
      case 0xd1:
      case 0xd2:
      case 0xd3:
        return 'int';
      case 0xd9:
      case 0xda:
      case 0xdb:
        return 'str';
      case 0xdc:
      case 0xdd:
        return 'array';
      case 0xde:
      case 0xdf:
        return 'map';
    }
    throw this.fail(`unsupported msgpack byte 0x${c.toString(16)}`);
  }

  nil(): void {
    this.expect('nil');
    this.pos++;
  }

  bool(): boolean {
    this.expect('bool');
    return this.view[this.pos++] === 0xc3;
  }

  int(): bigint {
    this.expect('int');
    const c = this.view[this.pos++]!;
    if (c <= 0x7f) return BigInt(c);
    if (c >= 0xe0) return BigInt(c - 0x100);
    const v = this.view;
    const p = this.pos;
    const widths: Record<number, number> = { 0xcc: 1, 0xcd: 2, 0xce: 4, 0xcf: 8, 0xd0: 1, 0xd1: 2, 0xd2: 4, 0xd3: 8 };
    const w = widths[c]!;
    this.need(w);
    this.pos += w;
    switch (c) {
      case 0xcc:
        return BigInt(v.readUInt8(p));
      case 0xcd:
        return BigInt(v.readUInt16BE(p));
      case 0xce:
        return BigInt(v.readUInt32BE(p));
      case 0xcf:
        return v.readBigUInt64BE(p);
      case 0xd0:
        return BigInt(v.readInt8(p));
      case 0xd1:
        return BigInt(v.readInt16BE(p));
      case 0xd2:
        return BigInt(v.readInt32BE(p));
      default:
        return v.readBigInt64BE(p);
    }
  }

  float(): number {
    this.expect('float');
    const c = this.view[this.pos++]!;
    const w = c === 0xca ? 4 : 8;
    this.need(w);
    const f = w === 4 ? this.view.readFloatBE(this.pos) : this.view.readDoubleBE(this.pos);
    this.pos += w;
    return f;
  }

  /** A str or bin item as bytes. */
  strOrBinBytes(): Buffer {
    const kind = this.peekKind();
    if (kind !== 'str' && kind !== 'bin') throw this.fail(`expected a string, got ${kind}`);
    const c = this.view[this.pos++]!;
    let n: number;
    if (c >= 0xa0 && c <= 0xbf) n = c & 0x1f;
    else if (c === 0xd9 || c === 0xc4) n = this.uint(1);
    else if (c === 0xda || c === 0xc5) n = this.uint(2);
    else n = this.uint(4);
    this.need(n);
    const out = this.view.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  str(): string {
    const v = this.view;
    const c = v[this.pos];
    // A short ASCII fixstr is decoded here: Buffer#toString costs a native call per string.
    if (c !== undefined && c >= 0xa0 && c <= 0xaf) {
      const n = c & 0x1f;
      const start = this.pos + 1;
      if (start + n <= v.length) {
        let out = '';
        let i = 0;
        for (; i < n; i++) {
          const b = v[start + i]!;
          if (b > 0x7f) break;
          out += String.fromCharCode(b);
        }
        if (i === n) {
          this.pos = start + n;
          return out;
        }
      }
    }
    return this.strOrBinBytes().toString('utf8');
  }

  arrayHeader(): number {
    this.expect('array');
    const c = this.view[this.pos++]!;
    if (c <= 0x9f) return c & 0x0f;
    return this.uint(c === 0xdc ? 2 : 4);
  }

  mapHeader(): number {
    this.expect('map');
    const c = this.view[this.pos++]!;
    if (c <= 0x8f) return c & 0x0f;
    return this.uint(c === 0xde ? 2 : 4);
  }

  ext(): { type: number; data: Buffer } {
    this.expect('ext');
    const c = this.view[this.pos++]!;
    const fixed: Record<number, number> = { 0xd4: 1, 0xd5: 2, 0xd6: 4, 0xd7: 8, 0xd8: 16 };
    const n = fixed[c] ?? this.uint(c === 0xc7 ? 1 : c === 0xc8 ? 2 : 4);
    this.need(1 + n);
    const type = this.view.readInt8(this.pos++);
    const data = this.view.subarray(this.pos, this.pos + n);
    this.pos += n;
    return { type, data };
  }

  /** Skip one complete item. */
  skip(): void {
    switch (this.peekKind()) {
      case 'nil':
        return this.nil();
      case 'bool':
        return void this.bool();
      case 'int':
        return void this.int();
      case 'float':
        return void this.float();
      case 'str':
      case 'bin':
        return void this.strOrBinBytes();
      case 'ext':
        return void this.ext();
      case 'array': {
        const n = this.arrayHeader();
        for (let i = 0; i < n; i++) this.skip();
        return;
      }
      case 'map': {
        const n = this.mapHeader();
        for (let i = 0; i < 2 * n; i++) this.skip();
      }
    }
  }

  fail(message: string): Error {
    return new TypeError(`msgpack: ${message} at byte ${this.pos}`);
  }

  private expect(kind: MsgpackKind): void {
    const got = this.peekKind();
    if (got !== kind) throw this.fail(`expected ${kind}, got ${got}`);
  }

  private at(p: number): number {
    if (p >= this.view.length) throw this.fail('unexpected end of data');
    return this.view[p]!;
  }

  private need(n: number): void {
    if (this.pos + n > this.view.length) throw this.fail('unexpected end of data');
  }

  private uint(width: 1 | 2 | 4): number {
    this.need(width);
    const p = this.pos;
    this.pos += width;
    return width === 1 ? this.view.readUInt8(p) : width === 2 ? this.view.readUInt16BE(p) : this.view.readUInt32BE(p);
  }
}
