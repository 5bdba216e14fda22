// Unit tests of the stored form of typed values (one tag byte, then the payload).
import { describe, expect, it } from 'vitest';
import { decodeTypedValue, encodeTypedValue, payloadSize, type TypedValue } from '../src/typed-value.js';
import { InvalidValue, KeyValueFailure } from '../src/errors.js';
import { isSessionId, sessionIdFrom } from '../src/session-id.js';
import { DEFAULT_TTL_SECONDS, sessionTtlSeconds } from '../src/sessions.js';

const VALUES: TypedValue[] = [
  { tag: 'as-string', val: 'héllo ✓' },
  { tag: 'as-json', val: '{"a":[1,2,{"b":null}]}' },
  { tag: 'as-u64', val: (1n << 64n) - 1n },
  { tag: 'as-s64', val: -(1n << 63n) },
  { tag: 'as-bool', val: true },
  { tag: 'as-bool', val: false },
  { tag: 'as-bytes', val: Uint8Array.of(0, 1, 254, 255) },
  { tag: 'as-string', val: '' },
];

describe('typed values', () => {
  it.each(VALUES.map((v) => [v.tag, v] as const))('%s round-trips', (_tag, value) => {
    expect(decodeTypedValue(encodeTypedValue(value), 'k')).toEqual(value);
  });

  it("uses wasmcp's tags: 0x01 string ... 0x06 bytes, integers little-endian", () => {
    expect([...encodeTypedValue({ tag: 'as-string', val: 'a' })]).toEqual([0x01, 0x61]);
    expect([...encodeTypedValue({ tag: 'as-u64', val: 258n })]).toEqual([0x03, 2, 1, 0, 0, 0, 0, 0, 0]);
    expect([...encodeTypedValue({ tag: 'as-bool', val: true })]).toEqual([0x05, 1]);
    expect(encodeTypedValue({ tag: 'as-bytes', val: Uint8Array.of(9) })[0]).toBe(0x06);
  });

  it('rejects invalid JSON as an invalid value', () => {
    expect(() => encodeTypedValue({ tag: 'as-json', val: '{nope' })).toThrow(InvalidValue);
  });

  it('reads a counter left by atomics increment (decimal text) as as-s64', () => {
    expect(decodeTypedValue(new TextEncoder().encode('-42'), 'n')).toEqual({ tag: 'as-s64', val: -42n });
    expect(() => decodeTypedValue(new TextEncoder().encode('99999999999999999999'), 'n')).toThrow(/beyond the s64 range/);
  });

  it('reports bytes that are no typed value', () => {
    expect(() => decodeTypedValue(Uint8Array.of(0x7f, 1), 'k')).toThrow(/unknown type tag 0x7f/);
    expect(() => decodeTypedValue(new Uint8Array(), 'k')).toThrow(/empty value/);
    expect(() => decodeTypedValue(Uint8Array.of(0x03, 1, 2), 'k')).toThrow(KeyValueFailure);
    expect(() => decodeTypedValue(Uint8Array.of(0x01, 0xff), 'k')).toThrow(/not valid UTF-8/);
  });

  it('counts payload bytes for the size limit', () => {
    expect(payloadSize({ tag: 'as-string', val: 'é' })).toBe(2);
    expect(payloadSize({ tag: 'as-s64', val: 1n })).toBe(8);
    expect(payloadSize({ tag: 'as-bytes', val: new Uint8Array(10) })).toBe(10);
  });
});

describe('session ids', () => {
  it('are UUID v4 with 122 bits from the given random bytes', () => {
    const id = sessionIdFrom(new Uint8Array(16).fill(0xff));
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(sessionIdFrom(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
    expect(isSessionId(id)).toBe(true);
  });

  it('are validated strictly', () => {
    expect(isSessionId('ffffffff-ffff-1fff-bfff-ffffffffffff')).toBe(false);
    expect(isSessionId('FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF')).toBe(false);
    expect(isSessionId('ffffffff-ffff-4fff-bfff-ffffffffffff:x')).toBe(false);
    expect(isSessionId('')).toBe(false);
  });
});

describe('WASMCP_SESSION_TTL', () => {
  it('defaults to 24 hours and takes whole seconds', () => {
    expect(sessionTtlSeconds(undefined)).toBe(DEFAULT_TTL_SECONDS);
    expect(DEFAULT_TTL_SECONDS).toBe(86400);
    expect(sessionTtlSeconds('60')).toBe(60);
  });

  it.each(['0', '-5', '1.5', 'soon'])('rejects %s with a clear message', (value) => {
    expect(() => sessionTtlSeconds(value)).toThrow(/WASMCP_SESSION_TTL must be a whole number of seconds/);
  });
});
