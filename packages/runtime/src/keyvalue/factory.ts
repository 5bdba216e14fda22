// Which key-value backend a composition uses, as plain data (it crosses into worker threads).
import type { KeyValueBackend } from './backend.js';
import { MemoryBackend } from './memory.js';
import { RedisBackend } from './redis.js';
import { SqliteBackend } from './sqlite.js';

/** `buckets` lists the bucket names `open` accepts (any name when absent). */
export type KeyValueSpec =
  | { kind: 'memory'; buckets?: string[] }
  | { kind: 'sqlite'; path: string; buckets?: string[] }
  | { kind: 'redis'; url: string; buckets?: string[]; timeoutMs?: number };

export function createKeyValueBackend(spec: KeyValueSpec): KeyValueBackend {
  switch (spec.kind) {
    case 'memory':
      return new MemoryBackend(spec.buckets);
    case 'sqlite':
      if (!spec.path) throw new Error('the sqlite key-value backend needs a file path');
      return new SqliteBackend(spec.path, spec.buckets);
    case 'redis':
      if (!spec.url) throw new Error('the redis key-value backend needs a URL (redis://host:port)');
      return new RedisBackend({ url: spec.url, buckets: spec.buckets, timeoutMs: spec.timeoutMs });
    default: {
      const _exhaustive: never = spec;
      throw new Error(`unknown key-value backend ${JSON.stringify((_exhaustive as { kind: unknown }).kind)}`);
    }
  }
}

/** Whether separate threads or processes see the same data through this backend. */
export function isShared(spec: KeyValueSpec): boolean {
  return spec.kind !== 'memory';
}
