// The storage behind the runtime's wasi:keyvalue hosts. Calls are synchronous because a
// component's import call blocks its thread until it returns (see toolchain.md); backends
// over a network (Redis) bridge that themselves.
export interface KeyValueBackend {
  /** Throws KeyValueError('no-such-store') for a bucket the backend does not serve. */
  openBucket(name: string): void;
  get(bucket: string, key: string): Uint8Array | undefined;
  set(bucket: string, key: string, value: Uint8Array): void;
  delete(bucket: string, key: string): void;
  exists(bucket: string, key: string): boolean;
  /**
   * One page of at most `limit` keys in key order, starting after a key (draft2's string cursor)
   * or at an offset (draft's u64 cursor); `more` says whether keys remain after the page.
   */
  listKeys(bucket: string, start: ListStart, limit: number): { keys: string[]; more: boolean };
  /** Adds `delta` to the integer stored at key as decimal text (missing = 0); returns the new value. */
  increment(bucket: string, key: string, delta: bigint): bigint;
  close(): void;
}

export type ListStart = { after: string } | { offset: number } | undefined;

export type KeyValueErrorKind = 'no-such-store' | 'access-denied' | 'other';

export class KeyValueError extends Error {
  constructor(
    readonly kind: KeyValueErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Bucket names the runtime serves unless configured otherwise (Spin's default store is "default"). */
export const DEFAULT_BUCKETS = ['default'];

export function checkBucketName(name: string, allowed: readonly string[] | undefined): void {
  if (allowed && !allowed.includes(name)) {
    throw new KeyValueError('no-such-store', `no such key-value store: ${JSON.stringify(name)}`);
  }
}

/** The integer a counter holds (decimal text, as Redis keeps it; a missing key is 0). */
export function counterValue(key: string, value: Uint8Array | undefined): bigint {
  if (value === undefined) return 0n;
  const text = new TextDecoder().decode(value);
  if (!/^-?\d+$/.test(text)) throw new KeyValueError('other', `value at ${key} is not an integer counter`);
  return BigInt(text);
}

/** Counters are s64 on every host (draft narrows them to u64 in the WASI host). */
export function checkCounterRange(key: string, next: bigint): bigint {
  if (next !== BigInt.asIntN(64, next)) throw new KeyValueError('other', `counter ${key} would leave the s64 range`);
  return next;
}
