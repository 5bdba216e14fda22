// Typed values as stored bytes: one leading tag byte, then the payload (wasmcp's layout, so a
// store written by wasmcp's Rust components reads back here and the other way round).
import type { TypedValue } from '@wasmcp-ts/protocol/wit/wasmcp-keyvalue-store.js';
import { InvalidValue, storeFailure } from './errors.js';

export type { TypedValue };
export type TypedValueKind = TypedValue['tag'];

const TAGS: Record<TypedValueKind, number> = {
  'as-string': 0x01,
  'as-json': 0x02,
  'as-u64': 0x03,
  'as-s64': 0x04,
  'as-bool': 0x05,
  'as-bytes': 0x06,
};

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Size of the payload a value stores (what the size limits count). */
export function payloadSize(value: TypedValue): number {
  switch (value.tag) {
    case 'as-string':
    case 'as-json':
      return utf8.encode(value.val).length;
    case 'as-u64':
    case 'as-s64':
      return 8;
    case 'as-bool':
      return 1;
    case 'as-bytes':
      return value.val.length;
    default: {
      const never: never = value;
      return never;
    }
  }
}

export function encodeTypedValue(value: TypedValue): Uint8Array {
  const tag = TAGS[value.tag];
  switch (value.tag) {
    case 'as-string':
      return withTag(tag, utf8.encode(value.val));
    case 'as-json':
      try {
        JSON.parse(value.val);
      } catch (err) {
        throw new InvalidValue(`as-json value is not valid JSON: ${(err as Error).message}`);
      }
      return withTag(tag, utf8.encode(value.val));
    case 'as-u64':
    case 'as-s64': {
      const bytes = new Uint8Array(9);
      const view = new DataView(bytes.buffer);
      view.setUint8(0, tag);
      if (value.tag === 'as-u64') view.setBigUint64(1, value.val, true);
      else view.setBigInt64(1, value.val, true);
      return bytes;
    }
    case 'as-bool':
      return Uint8Array.of(tag, value.val ? 1 : 0);
    case 'as-bytes':
      return withTag(tag, value.val);
    default: {
      const never: never = value;
      return never;
    }
  }
}

// A counter made by atomics increment holds the host's decimal text, which no tag byte can
// start with (tags are 0x01-0x06): it reads back as as-s64.
const COUNTER = /^-?\d+$/;

export function decodeTypedValue(bytes: Uint8Array, key: string): TypedValue {
  const payload = bytes.subarray(1);
  const text = () => {
    try {
      return strictUtf8.decode(payload);
    } catch {
      throw storeFailure(`value at ${key} is not valid UTF-8`);
    }
  };
  const fixed = (length: number, kind: string) => {
    if (payload.length !== length) throw storeFailure(`value at ${key} is not a ${kind}: ${payload.length} bytes instead of ${length}`);
    return new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  };
  switch (bytes[0]) {
    case TAGS['as-string']:
      return { tag: 'as-string', val: text() };
    case TAGS['as-json']:
      return { tag: 'as-json', val: text() };
    case TAGS['as-u64']:
      return { tag: 'as-u64', val: fixed(8, 'u64').getBigUint64(0, true) };
    case TAGS['as-s64']:
      return { tag: 'as-s64', val: fixed(8, 's64').getBigInt64(0, true) };
    case TAGS['as-bool']:
      return { tag: 'as-bool', val: fixed(1, 'bool').getUint8(0) !== 0 };
    case TAGS['as-bytes']:
      return { tag: 'as-bytes', val: payload.slice() };
  }
  const counter = new TextDecoder().decode(bytes);
  if (COUNTER.test(counter)) {
    const val = BigInt(counter);
    if (val !== BigInt.asIntN(64, val)) throw storeFailure(`counter at ${key} is ${counter}, beyond the s64 range`);
    return { tag: 'as-s64', val };
  }
  const tag = bytes.length ? `0x${bytes[0].toString(16).padStart(2, '0')}` : 'none (empty value)';
  throw storeFailure(`value at ${key} is not a typed value: unknown type tag ${tag}`);
}

function withTag(tag: number, payload: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(payload.length + 1);
  bytes[0] = tag;
  bytes.set(payload, 1);
  return bytes;
}
