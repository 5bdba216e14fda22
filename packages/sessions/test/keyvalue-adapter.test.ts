// Unit tests of the draft/draft2 adapter: one test per signature the two drafts disagree on,
// against fake imports shaped like each draft's bindings.
import { describe, expect, it } from 'vitest';
import { detectVariant, keyValueHost, type WasiKeyValue } from '../src/keyvalue-adapter.js';
import { KeyValueFailure } from '../src/errors.js';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Fake imports recording the arguments they were given. */
function fakeWasi(variant: 'draft' | 'draft2') {
  const calls: unknown[][] = [];
  const bucket = {
    get: () => undefined,
    set: () => {},
    delete: () => {},
    exists: () => false,
    listKeys(cursor: bigint | string | undefined) {
      calls.push(['listKeys', cursor]);
      if (variant === 'draft') return cursor === undefined ? { keys: ['a', 'b'], cursor: 2n } : { keys: ['c'] };
      return cursor === undefined ? { keys: ['a', 'b'], cursor: 'b' } : { keys: ['c'] };
    },
  };
  const atomics: Record<string, unknown> = {
    increment(_bucket: unknown, key: string, delta: bigint) {
      calls.push(['increment', key, delta]);
      return variant === 'draft' ? delta : delta + 3n;
    },
  };
  if (variant === 'draft2') atomics.swap = () => {};
  const wasi = {
    store: { open: () => bucket },
    batch: {
      getMany: (_b: unknown, keys: string[]) =>
        variant === 'draft'
          ? keys.map((k) => (k === 'missing' ? undefined : [k, bytes(k)]))
          : keys.map((k) => [k, k === 'missing' ? undefined : bytes(k)]),
      setMany: () => {},
      deleteMany: () => {},
    },
    atomics,
  } as unknown as WasiKeyValue;
  return { wasi, calls };
}

describe('detectVariant', () => {
  it('tells the drafts apart by compare-and-swap, which only draft2 has', () => {
    expect(detectVariant(fakeWasi('draft').wasi.atomics)).toBe('draft');
    expect(detectVariant(fakeWasi('draft2').wasi.atomics)).toBe('draft2');
  });
});

describe('list-keys cursor: u64 in draft, string in draft2', () => {
  it('draft: the u64 offset travels as decimal text and back', () => {
    const { wasi, calls } = fakeWasi('draft');
    const bucket = keyValueHost(wasi).open('b');
    expect(bucket.listKeys(undefined)).toEqual({ keys: ['a', 'b'], cursor: '2' });
    expect(bucket.listKeys('2')).toEqual({ keys: ['c'], cursor: undefined });
    expect(calls).toEqual([
      ['listKeys', undefined],
      ['listKeys', 2n],
    ]);
  });

  it('draft: a cursor that is not an offset is a store error, not a trap', () => {
    const bucket = keyValueHost(fakeWasi('draft').wasi).open('b');
    expect(() => bucket.listKeys('b')).toThrow(KeyValueFailure);
    expect(() => bucket.listKeys('b')).toThrow(/invalid list-keys cursor "b"/);
  });

  it('draft2: the string cursor passes through unchanged', () => {
    const { wasi, calls } = fakeWasi('draft2');
    const bucket = keyValueHost(wasi).open('b');
    expect(bucket.listKeys(undefined)).toEqual({ keys: ['a', 'b'], cursor: 'b' });
    expect(bucket.listKeys('b')).toEqual({ keys: ['c'], cursor: undefined });
    expect(calls[1]).toEqual(['listKeys', 'b']);
  });
});

describe('batch get-many: option<tuple> in draft, tuple<key, option> in draft2', () => {
  it.each(['draft', 'draft2'] as const)('%s: one entry per key, undefined where missing', (variant) => {
    const bucket = keyValueHost(fakeWasi(variant).wasi).open('b');
    expect(bucket.getMany(['x', 'missing', 'y'])).toEqual([['x', bytes('x')], undefined, ['y', bytes('y')]]);
  });
});

describe('atomics increment: u64 in draft, s64 in draft2', () => {
  it('draft: a positive delta passes; a negative one is a store error before any call', () => {
    const { wasi, calls } = fakeWasi('draft');
    const bucket = keyValueHost(wasi).open('b');
    expect(bucket.increment('n', 4n)).toBe(4n);
    expect(() => bucket.increment('n', -1n)).toThrow(/only adds unsigned deltas/);
    expect(calls).toEqual([['increment', 'n', 4n]]);
  });

  it('draft: a u64 result beyond the s64 range is a store error', () => {
    const bucket = keyValueHost(fakeWasi('draft').wasi).open('b');
    expect(() => bucket.increment('n', 1n << 63n)).toThrow(/beyond the s64 range/);
  });

  it('draft2: the s64 delta passes through; a negative one is a store error, since componentize-js traps on it', () => {
    const { wasi, calls } = fakeWasi('draft2');
    const bucket = keyValueHost(wasi).open('b');
    expect(bucket.increment('n', 4n)).toBe(7n);
    expect(() => bucket.increment('n', -5n)).toThrow(/cannot pass a negative delta/);
    expect(calls).toEqual([['increment', 'n', 4n]]);
  });
});
