// Reading and writing the component model's binary encoding (design/mvp/Binary.md): LEB128
// integers, names and sections. Only what composition needs.

export class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
    readonly end = bytes.length,
  ) {}

  get done(): boolean {
    return this.pos >= this.end;
  }

  u8(): number {
    if (this.pos >= this.end) throw new Error(`unexpected end of component at byte ${this.pos}`);
    return this.bytes[this.pos++];
  }

  peek(): number {
    if (this.pos >= this.end) throw new Error(`unexpected end of component at byte ${this.pos}`);
    return this.bytes[this.pos];
  }

  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.u8();
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
      if (shift > 35) throw new Error(`malformed LEB128 integer at byte ${this.pos}`);
    }
  }

  /** A signed LEB128 of up to 33 bits: how a value type's type index is written. */
  s33(): number {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.u8();
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    if (byte & 0x40) result -= 2 ** shift;
    return result;
  }

  name(): string {
    const length = this.u32();
    const text = new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(this.pos, this.pos + length));
    this.pos += length;
    return text;
  }
}

/** Bytes appended in pieces; pieces may be large (a nested component) and are not copied until the end. */
export class Writer {
  private readonly parts: Uint8Array[] = [];
  private current: number[] = [];
  private total = 0;

  get length(): number {
    return this.total + this.current.length;
  }

  byte(value: number): this {
    this.current.push(value);
    return this;
  }

  u32(value: number): this {
    do {
      let byte = value & 0x7f;
      value = Math.floor(value / 128);
      if (value !== 0) byte |= 0x80;
      this.current.push(byte);
    } while (value !== 0);
    return this;
  }

  s33(value: number): this {
    for (;;) {
      const byte = value & 0x7f;
      value = Math.floor(value / 128);
      const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
      this.current.push(done ? byte : byte | 0x80);
      if (done) return this;
    }
  }

  name(text: string): this {
    const encoded = new TextEncoder().encode(text);
    this.u32(encoded.length);
    return this.bytes(encoded);
  }

  bytes(data: Uint8Array): this {
    this.flush();
    this.parts.push(data);
    this.total += data.length;
    return this;
  }

  /** A section: its id, then its contents prefixed by their length. */
  section(id: number, contents: Writer): this {
    this.byte(id).u32(contents.length);
    for (const part of contents.finish()) this.bytes(part);
    return this;
  }

  finish(): Uint8Array[] {
    this.flush();
    return this.parts;
  }

  toBytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const part of this.finish()) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  private flush(): void {
    if (this.current.length === 0) return;
    this.parts.push(Uint8Array.from(this.current));
    this.total += this.current.length;
    this.current = [];
  }
}

export const COMPONENT_PREAMBLE = Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00);

export const enum Section {
  Custom = 0,
  CoreModule = 1,
  CoreInstance = 2,
  CoreType = 3,
  Component = 4,
  Instance = 5,
  Alias = 6,
  Type = 7,
  Canon = 8,
  Start = 9,
  Import = 10,
  Export = 11,
  Value = 12,
}

/** Component-level sorts (the `sort` of sortidx, alias and export). */
export const enum Sort {
  Core = 0x00,
  Func = 0x01,
  Value = 0x02,
  Type = 0x03,
  Component = 0x04,
  Instance = 0x05,
}

export function isComponent(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && COMPONENT_PREAMBLE.every((b, i) => bytes[i] === b);
}
