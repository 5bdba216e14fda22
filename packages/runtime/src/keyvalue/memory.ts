import { checkBucketName, checkCounterRange, counterValue, type KeyValueBackend, type ListStart } from './backend.js';

/** In-process store: the default for tests. State lives as long as the object. */
export class MemoryBackend implements KeyValueBackend {
  private readonly buckets = new Map<string, Map<string, Uint8Array>>();

  constructor(private readonly allowedBuckets?: readonly string[]) {}

  private bucket(name: string): Map<string, Uint8Array> {
    let b = this.buckets.get(name);
    if (!b) {
      b = new Map();
      this.buckets.set(name, b);
    }
    return b;
  }

  openBucket(name: string): void {
    checkBucketName(name, this.allowedBuckets);
  }

  get(bucket: string, key: string): Uint8Array | undefined {
    const v = this.bucket(bucket).get(key);
    return v && v.slice();
  }

  set(bucket: string, key: string, value: Uint8Array): void {
    this.bucket(bucket).set(key, value.slice());
  }

  delete(bucket: string, key: string): void {
    this.bucket(bucket).delete(key);
  }

  exists(bucket: string, key: string): boolean {
    return this.bucket(bucket).has(key);
  }

  listKeys(bucket: string, start: ListStart, limit: number): { keys: string[]; more: boolean } {
    const all = [...this.bucket(bucket).keys()].sort();
    let from = 0;
    if (start && 'after' in start) {
      const i = all.findIndex((k) => k > start.after);
      from = i < 0 ? all.length : i;
    } else if (start) {
      from = start.offset;
    }
    return { keys: all.slice(from, from + limit), more: from + limit < all.length };
  }

  increment(bucket: string, key: string, delta: bigint): bigint {
    const next = checkCounterRange(key, counterValue(key, this.bucket(bucket).get(key)) + delta);
    this.set(bucket, key, new TextEncoder().encode(next.toString()));
    return next;
  }

  close(): void {
    this.buckets.clear();
  }
}
