// Text values and counters in the host's key-value store (wasi:keyvalue), for middleware and
// tools that keep state shared by every instance, worker and process of a server: what the
// store holds is all they share. The two wasi:keyvalue drafts agree on everything used here
// (open, get, set, delete, and increment by a positive delta).

/** A bucket of the key-value store. Failures of the store throw an Error saying which call failed. */
export interface Bucket {
  readonly name: string;
  /** The text stored at `key` (UTF-8), if any. */
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** Adds `by` (a positive integer, default 1) to the counter at `key` (0 when missing), atomically across processes; returns the new count. */
  increment(key: string, by?: number): number;
}

/** What a bucket needs of the wasi:keyvalue imports (component.ts binds them). */
export interface KeyValueImports<B> {
  store: { open(identifier: string): B & { get(key: string): Uint8Array | undefined; set(key: string, value: Uint8Array): void; delete(key: string): void } };
  atomics: { increment(bucket: B, key: string, delta: bigint): bigint };
}

/** The bucket wasmcp's components open for an empty identifier. */
export const DEFAULT_BUCKET = 'default';

/** `openBucket(name?)` over the imports. */
export function bucketFactory<B>(wasi: KeyValueImports<B>): (name?: string) => Bucket {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return (name = DEFAULT_BUCKET) => {
    const bucket = storeCall(`open the bucket "${name}"`, () => wasi.store.open(name));
    return {
      name,
      get: (key) => {
        const bytes = storeCall(`read "${key}"`, () => bucket.get(key));
        return bytes === undefined ? undefined : decoder.decode(bytes);
      },
      set: (key, value) => storeCall(`write "${key}"`, () => bucket.set(key, encoder.encode(value))),
      delete: (key) => storeCall(`delete "${key}"`, () => bucket.delete(key)),
      increment: (key, by = 1) => {
        if (!Number.isSafeInteger(by) || by < 1) throw new Error(`increment "${key}" by a positive integer, not ${by}`);
        return Number(storeCall(`increment "${key}"`, () => wasi.atomics.increment(bucket, key, BigInt(by))));
      },
    };
  };
}

/** Runs a store call; its error (componentize-js throws `{ payload }` with the WIT error) becomes an Error. */
function storeCall<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (err) {
    const payload = (err as { payload?: { tag?: string; val?: unknown } })?.payload;
    const why = payload ? (typeof payload.val === 'string' ? payload.val : String(payload.tag)) : err instanceof Error ? err.message : String(err);
    throw new Error(`key-value store: cannot ${what}: ${why}`);
  }
}
