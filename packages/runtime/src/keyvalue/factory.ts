// Which key-value backend a composition uses, as plain data (it crosses into worker threads).
import type { KeyValueBackend } from './backend.js';
import { MemoryBackend } from './memory.js';

export type KeyValueSpec = { kind: 'memory'; buckets?: string[] };

export function createKeyValueBackend(spec: KeyValueSpec): KeyValueBackend {
  switch (spec.kind) {
    case 'memory':
      return new MemoryBackend(spec.buckets);
    default: {
      const _exhaustive: never = spec.kind;
      throw new Error(`unknown key-value backend ${String(_exhaustive)}`);
    }
  }
}

/** Whether separate threads or processes see the same data through this backend. */
export function isShared(spec: KeyValueSpec): boolean {
  return spec.kind !== 'memory';
}
