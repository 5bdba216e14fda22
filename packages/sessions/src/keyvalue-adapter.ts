// The one place that knows the two wasi:keyvalue drafts apart. They differ in three
// signatures: list-keys' cursor (u64 offset in draft, string in draft2), batch get-many's
// result shape, and atomics increment's delta and result (u64 in draft, s64 in draft2).
// Everything else in this component talks to a KeyValueBucket.
import { storeFailure } from './errors.js';

export type WasiKeyValueVariant = 'draft' | 'draft2';

export interface KeyPage {
  keys: string[];
  /** Opaque text to pass back for the next page; absent on the last page. */
  cursor?: string;
}

export interface KeyValueBucket {
  get(key: string): Uint8Array | undefined;
  set(key: string, value: Uint8Array): void;
  delete(key: string): void;
  exists(key: string): boolean;
  listKeys(cursor: string | undefined): KeyPage;
  /** One entry per requested key, in order: `[key, value]`, or undefined where the key is missing. */
  getMany(keys: string[]): Array<[string, Uint8Array] | undefined>;
  setMany(pairs: Array<[string, Uint8Array]>): void;
  deleteMany(keys: string[]): void;
  /** Adds a signed delta to the counter at key; returns the new value. */
  increment(key: string, delta: bigint): bigint;
}

export interface KeyValueHost {
  open(name: string): KeyValueBucket;
}

// The imported modules, loosely typed so that either draft's bindings fit.
type WasiBucket = object & {
  get(key: string): Uint8Array | undefined;
  set(key: string, value: Uint8Array): void;
  delete(key: string): void;
  exists(key: string): boolean;
  listKeys(cursor: bigint | string | undefined): { keys: string[]; cursor?: bigint | string };
};

export interface WasiKeyValue {
  store: { open(name: string): WasiBucket };
  batch: {
    getMany(bucket: WasiBucket, keys: string[]): unknown[];
    setMany(bucket: WasiBucket, pairs: Array<[string, Uint8Array]>): void;
    deleteMany(bucket: WasiBucket, keys: string[]): void;
  };
  atomics: { increment(bucket: WasiBucket, key: string, delta: bigint): bigint };
}

const S64_MAX = (1n << 63n) - 1n;

/** Only draft2's atomics interface has compare-and-swap. */
export function detectVariant(atomics: object): WasiKeyValueVariant {
  return 'swap' in atomics ? 'draft2' : 'draft';
}

export function keyValueHost(wasi: WasiKeyValue, variant: WasiKeyValueVariant = detectVariant(wasi.atomics)): KeyValueHost {
  const draft = variant === 'draft';

  const toWasiCursor = (cursor: string | undefined): bigint | string | undefined => {
    if (cursor === undefined || !draft) return cursor;
    if (!/^\d+$/.test(cursor)) throw storeFailure(`invalid list-keys cursor ${JSON.stringify(cursor)}: expected one returned by list-keys`);
    return BigInt(cursor);
  };

  const fromGetMany = (entries: unknown[]): Array<[string, Uint8Array] | undefined> =>
    entries.map((entry) => {
      if (draft) return entry as [string, Uint8Array] | undefined; // option<tuple<key, value>>
      const [key, value] = entry as [string, Uint8Array | undefined]; // tuple<key, option<value>>
      return value === undefined ? undefined : [key, value];
    });

  const increment = (bucket: WasiBucket, key: string, delta: bigint): bigint => {
    if (delta < 0n) {
      // draft's delta is a u64. draft2's is an s64, but componentize-js 0.23 traps the whole
      // instance when a negative 64-bit integer is passed to an import.
      const why = draft ? 'wasi:keyvalue@0.2.0-draft only adds unsigned deltas' : 'this build cannot pass a negative delta to wasi:keyvalue';
      throw storeFailure(`cannot increment ${key} by ${delta}: ${why}`);
    }
    const next = wasi.atomics.increment(bucket, key, delta);
    if (next > S64_MAX) throw storeFailure(`counter ${key} is ${next}, beyond the s64 range`);
    return next;
  };

  return {
    open(name) {
      const bucket = wasi.store.open(name);
      return {
        get: (key) => bucket.get(key),
        set: (key, value) => bucket.set(key, value),
        delete: (key) => bucket.delete(key),
        exists: (key) => bucket.exists(key),
        listKeys(cursor) {
          const page = bucket.listKeys(toWasiCursor(cursor));
          return { keys: page.keys, cursor: page.cursor === undefined ? undefined : String(page.cursor) };
        },
        getMany: (keys) => fromGetMany(wasi.batch.getMany(bucket, keys)),
        setMany: (pairs) => wasi.batch.setMany(bucket, pairs),
        deleteMany: (keys) => wasi.batch.deleteMany(bucket, keys),
        increment: (key, delta) => increment(bucket, key, delta),
      };
    },
  };
}
