// wasmcp:keyvalue/store: a typed bucket over a wasi:keyvalue bucket. The typed getters check
// the stored type, so reading a u64 where a string was written is an error, not garbage.
import { storeFailure } from './errors.js';
import type { KeyPage, KeyValueBucket, KeyValueHost } from './keyvalue-adapter.js';
import { decodeTypedValue, encodeTypedValue, type TypedValue, type TypedValueKind } from './typed-value.js';

/** The bucket an empty identifier opens (wasmcp's convention), unless WASMCP_SESSION_BUCKET names another. */
export const DEFAULT_BUCKET = 'default';

export function bucketName(identifier: string, env: ReadonlyMap<string, string>): string {
  return identifier || env.get('WASMCP_SESSION_BUCKET') || DEFAULT_BUCKET;
}

type ValueOf<K extends TypedValueKind> = { [T in TypedValue as T['tag']]: T['val'] }[K];

export class TypedBucket {
  constructor(private readonly bucket: KeyValueBucket) {}

  static open(host: KeyValueHost, name: string): TypedBucket {
    return new TypedBucket(host.open(name));
  }

  get(key: string): TypedValue | undefined {
    const bytes = this.bucket.get(key);
    return bytes === undefined ? undefined : decodeTypedValue(bytes, key);
  }

  set(key: string, value: TypedValue): void {
    this.bucket.set(key, encodeTypedValue(value));
  }

  /** The value at key if it has the given type; a value of another type is an error. */
  getAs<K extends TypedValueKind>(key: string, kind: K): ValueOf<K> | undefined {
    const value = this.get(key);
    if (value === undefined) return undefined;
    if (value.tag !== kind) throw storeFailure(`type mismatch at ${key}: expected ${kind}, found ${value.tag}`);
    return value.val as ValueOf<K>;
  }

  setAs<K extends TypedValueKind>(key: string, kind: K, val: ValueOf<K>): void {
    this.set(key, { tag: kind, val } as TypedValue);
  }

  getMany(keys: string[]): Array<[string, TypedValue] | undefined> {
    return this.bucket.getMany(keys).map((entry) => entry && [entry[0], decodeTypedValue(entry[1], entry[0])]);
  }

  setMany(pairs: Array<[string, TypedValue]>): void {
    this.bucket.setMany(pairs.map(([key, value]) => [key, encodeTypedValue(value)]));
  }

  deleteMany(keys: string[]): void {
    this.bucket.deleteMany(keys);
  }

  delete(key: string): void {
    this.bucket.delete(key);
  }

  exists(key: string): boolean {
    return this.bucket.exists(key);
  }

  listKeys(cursor: string | undefined): KeyPage {
    return this.bucket.listKeys(cursor);
  }

  increment(key: string, delta: bigint): bigint {
    return this.bucket.increment(key, delta);
  }
}
