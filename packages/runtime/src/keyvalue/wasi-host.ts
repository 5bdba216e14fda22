// wasi:keyvalue for components, in the two shapes hosts ship: 0.2.0-draft (wasmtime,
// wasmCloud) and 0.2.0-draft2 (Spin), over one KeyValueBackend. Errors are thrown as
// `{ payload }` so jco returns them to the guest as the WIT `error` variant, not a trap.
import { KeyValueError, type KeyValueBackend } from './backend.js';

export type KeyValueVariant = 'draft' | 'draft2';

const PAGE_SIZE = 1000;

type WasiError = { tag: 'no-such-store' } | { tag: 'access-denied' } | { tag: 'other'; val: string };

function toWasiError(err: unknown): { payload: WasiError } {
  if (err instanceof KeyValueError) {
    return { payload: err.kind === 'other' ? { tag: 'other', val: err.message } : { tag: err.kind } };
  }
  return { payload: { tag: 'other', val: err instanceof Error ? err.message : String(err) } };
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw toWasiError(err);
  }
}

export function keyValueImports(backend: KeyValueBackend, variant: KeyValueVariant): Record<string, unknown> {
  class Bucket {
    constructor(readonly name: string) {}
    get(key: string) {
      return guard(() => backend.get(this.name, key));
    }
    set(key: string, value: Uint8Array) {
      guard(() => backend.set(this.name, key, value));
    }
    delete(key: string) {
      guard(() => backend.delete(this.name, key));
    }
    exists(key: string) {
      return guard(() => backend.exists(this.name, key));
    }
    listKeys(cursor: bigint | string | undefined) {
      return guard(() => {
        if (variant === 'draft') {
          const offset = cursor === undefined ? 0 : Number(cursor);
          const page = backend.listKeys(this.name, { offset }, PAGE_SIZE);
          return { keys: page.keys, cursor: page.more ? BigInt(offset + page.keys.length) : undefined };
        }
        const page = backend.listKeys(this.name, cursor === undefined ? undefined : { after: String(cursor) }, PAGE_SIZE);
        return { keys: page.keys, cursor: page.more ? page.keys[page.keys.length - 1] : undefined };
      });
    }
  }

  const store = {
    Bucket,
    open(identifier: string) {
      return guard(() => {
        backend.openBucket(identifier);
        return new Bucket(identifier);
      });
    },
  };

  const batch = {
    getMany(bucket: Bucket, keys: string[]) {
      return guard(() =>
        keys.map((key) => {
          const value = backend.get(bucket.name, key);
          if (variant === 'draft') return value === undefined ? undefined : [key, value];
          return [key, value];
        }),
      );
    },
    setMany(bucket: Bucket, pairs: [string, Uint8Array][]) {
      guard(() => pairs.forEach(([k, v]) => backend.set(bucket.name, k, v)));
    },
    deleteMany(bucket: Bucket, keys: string[]) {
      guard(() => keys.forEach((k) => backend.delete(bucket.name, k)));
    },
  };

  const atomics: Record<string, unknown> = {
    increment(bucket: Bucket, key: string, delta: bigint) {
      return guard(() => {
        const next = backend.increment(bucket.name, key, delta);
        if (variant === 'draft' && next < 0n) throw new KeyValueError('other', `counter ${key} would go below zero`);
        return next;
      });
    },
  };
  if (variant === 'draft2') {
    // Compare-and-swap: `current` snapshots the value; `swap` succeeds only if it is unchanged.
    class Cas {
      readonly snapshot: Uint8Array | undefined;
      constructor(
        readonly bucket: string,
        readonly key: string,
      ) {
        this.snapshot = backend.get(bucket, key);
      }
      static new(bucket: Bucket, key: string) {
        return guard(() => new Cas(bucket.name, key));
      }
      current() {
        return this.snapshot;
      }
    }
    atomics.Cas = Cas;
    atomics.swap = (cas: Cas, value: Uint8Array) => {
      let now: Uint8Array | undefined;
      try {
        now = backend.get(cas.bucket, cas.key);
      } catch (err) {
        throw { payload: { tag: 'store-error', val: toWasiError(err).payload } };
      }
      if (!sameBytes(now, cas.snapshot)) throw { payload: { tag: 'cas-failed', val: new Cas(cas.bucket, cas.key) } };
      try {
        backend.set(cas.bucket, cas.key, value);
      } catch (err) {
        throw { payload: { tag: 'store-error', val: toWasiError(err).payload } };
      }
    };
  }

  return { 'wasi:keyvalue/store': store, 'wasi:keyvalue/batch': batch, 'wasi:keyvalue/atomics': atomics };
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
