// The key-value backends behind the runtime's wasi:keyvalue hosts: one contract, run on
// memory, SQLite and a private Redis server, directly and through both WASI shapes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyValueBackend, KeyValueError, keyValueImports, type KeyValueBackend, type KeyValueSpec } from '@wasmcp-ts/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisInstance } from '../../../../scripts/services/redis.mjs';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (value: Uint8Array | undefined) => (value === undefined ? undefined : new TextDecoder().decode(value));

let redis: RedisInstance;
const dir = mkdtempSync(join(tmpdir(), 'wasmcp-ts-kv-'));
let databases = 0;
// Each suite gets a fresh store: a new SQLite file, a new Redis database.
const SPECS: Record<string, () => KeyValueSpec> = {
  memory: () => ({ kind: 'memory' }),
  sqlite: () => ({ kind: 'sqlite', path: join(dir, `kv-${databases++}.db`) }),
  redis: () => ({ kind: 'redis', url: `${redis.url}/${databases++ % 16}`, timeoutMs: 3000 }),
};

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(Object.keys(SPECS))('%s backend', (kind) => {
  let kv: KeyValueBackend;
  beforeAll(() => {
    kv = createKeyValueBackend(SPECS[kind]());
  });
  afterAll(() => kv?.close());

  it('stores, reads, tests and deletes binary values', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    kv.set('default', 'bin', all);
    expect(kv.get('default', 'bin')).toEqual(all);
    expect(kv.exists('default', 'bin')).toBe(true);
    kv.set('default', 'bin', bytes('replaced'));
    expect(text(kv.get('default', 'bin'))).toBe('replaced');
    kv.delete('default', 'bin');
    expect(kv.get('default', 'bin')).toBeUndefined();
    expect(kv.exists('default', 'bin')).toBe(false);
    kv.delete('default', 'never-there');
  });

  it('keeps buckets apart', () => {
    kv.set('a', 'shared-key', bytes('in a'));
    kv.set('b', 'shared-key', bytes('in b'));
    expect(text(kv.get('a', 'shared-key'))).toBe('in a');
    expect(text(kv.get('b', 'shared-key'))).toBe('in b');
    kv.delete('a', 'shared-key');
    expect(kv.exists('a', 'shared-key')).toBe(false);
    expect(kv.listKeys('b', undefined, 10)).toEqual({ keys: ['shared-key'], more: false });
  });

  it('pages keys in order, by offset and after a key', () => {
    const keys = Array.from({ length: 25 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    for (const k of [...keys].reverse()) kv.set('paged', k, bytes(k));
    expect(kv.listKeys('paged', undefined, 10)).toEqual({ keys: keys.slice(0, 10), more: true });
    expect(kv.listKeys('paged', { offset: 20 }, 10)).toEqual({ keys: keys.slice(20), more: false });
    expect(kv.listKeys('paged', { after: 'k09' }, 10)).toEqual({ keys: keys.slice(10, 20), more: true });
    expect(kv.listKeys('paged', { after: 'k19' }, 5)).toEqual({ keys: keys.slice(20), more: false });
    expect(kv.listKeys('empty', undefined, 10)).toEqual({ keys: [], more: false });
  });

  it('increments counters, which are listed keys', () => {
    expect(kv.increment('counters', 'hits', 5n)).toBe(5n);
    expect(kv.increment('counters', 'hits', -7n)).toBe(-2n);
    expect(text(kv.get('counters', 'hits'))).toBe('-2');
    expect(kv.increment('counters', 'big', 9007199254740993n)).toBe(9007199254740993n);
    expect(kv.listKeys('counters', undefined, 10).keys).toEqual(['big', 'hits']);
  });

  it('refuses to increment a value that is not a counter, and keeps it', () => {
    kv.set('counters', 'word', bytes('hello'));
    expect(() => kv.increment('counters', 'word', 1n)).toThrow(KeyValueError);
    expect(text(kv.get('counters', 'word'))).toBe('hello');
  });

  it('a counter leaving the s64 range is an error', () => {
    kv.increment('counters', 'edge', (1n << 63n) - 1n);
    expect(() => kv.increment('counters', 'edge', 1n)).toThrow(KeyValueError);
    expect(kv.increment('counters', 'edge', 0n)).toBe((1n << 63n) - 1n);
  });

  it('opens only the configured buckets when a list is given', () => {
    const limited = createKeyValueBackend({ ...SPECS[kind](), buckets: ['default', 'sessions'] } as KeyValueSpec);
    try {
      limited.openBucket('sessions');
      expect(() => limited.openBucket('other')).toThrow(expect.objectContaining({ kind: 'no-such-store' }));
    } finally {
      limited.close();
    }
  });

  describe.each(['draft', 'draft2'] as const)('through wasi:keyvalue@0.2.0-%s', (variant) => {
    type Bucket = { get(k: string): unknown; set(k: string, v: Uint8Array): void; listKeys(c: unknown): { keys: string[]; cursor?: bigint | string } };
    const wasi = () => keyValueImports(kv, variant) as Record<string, Record<string, (...a: unknown[]) => unknown>>;

    it('pages through 2500 keys with the cursor', () => {
      const bucket = wasi()['wasi:keyvalue/store'].open(`many-${variant}`) as Bucket;
      for (let i = 0; i < 2500; i++) bucket.set(`key-${String(i).padStart(4, '0')}`, bytes(String(i)));
      const seen: string[] = [];
      let cursor: bigint | string | undefined;
      let pages = 0;
      do {
        const page = bucket.listKeys(cursor);
        seen.push(...page.keys);
        cursor = page.cursor;
        if (cursor !== undefined) expect(typeof cursor).toBe(variant === 'draft' ? 'bigint' : 'string');
        pages++;
      } while (cursor !== undefined);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(2500);
      expect(new Set(seen).size).toBe(2500);
    });

    it('returns a store error as the WIT error variant', () => {
      const bucket = wasi()['wasi:keyvalue/store'].open('default') as Bucket;
      bucket.set('word', bytes('not a number'));
      let thrown: unknown;
      try {
        wasi()['wasi:keyvalue/atomics'].increment(bucket, 'word', 1n);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toEqual({ payload: { tag: 'other', val: expect.stringMatching(/not an integer/) } });
    });
  });
});

describe('sqlite backend across connections', () => {
  it('a second connection to the same file sees the data, also after closing the first', () => {
    const path = join(dir, 'shared.db');
    const first = createKeyValueBackend({ kind: 'sqlite', path });
    const second = createKeyValueBackend({ kind: 'sqlite', path });
    first.set('default', 'k', bytes('v'));
    expect(text(second.get('default', 'k'))).toBe('v');
    first.increment('default', 'n', 2n);
    second.increment('default', 'n', 3n);
    first.close();
    second.close();
    const reopened = createKeyValueBackend({ kind: 'sqlite', path });
    expect(text(reopened.get('default', 'n'))).toBe('5');
    reopened.close();
  });

  it('a file that cannot be created is a clear error at start', () => {
    expect(() => createKeyValueBackend({ kind: 'sqlite', path: join(dir, 'no', 'such', 'dir', 'kv.db') })).toThrow(/cannot open the SQLite key-value store/);
  });
});

describe('redis backend when Redis fails', () => {
  it('no server at the URL is a clear error at start', async () => {
    const probe = await startRedis();
    const url = probe.url;
    await probe.close();
    expect(() => createKeyValueBackend({ kind: 'redis', url, timeoutMs: 1000 })).toThrow(/cannot reach Redis at redis:\/\/127\.0\.0\.1/);
  });

  it('a stalled server is an error after the timeout, not a hang; the data is there afterwards', () => {
    const timeoutMs = 1000;
    const kv = createKeyValueBackend({ kind: 'redis', url: `${redis.url}/15`, timeoutMs });
    try {
      kv.set('default', 'kept', bytes('safe'));
      redis.pause();
      const started = Date.now();
      try {
        expect(() => kv.get('default', 'kept')).toThrow(expect.objectContaining({ kind: 'other', message: expect.stringMatching(/^redis: /) }));
        expect(() => kv.set('default', 'late', bytes('x'))).toThrow(KeyValueError);
      } finally {
        redis.resume();
      }
      // Two calls, each bounded by the timeout plus the bridge's margin.
      expect(Date.now() - started).toBeLessThan(2 * (timeoutMs + 1000));
      expect(text(kv.get('default', 'kept'))).toBe('safe');
    } finally {
      kv.close();
    }
  });

  it('a stopped server is an error; after its restart the same backend works and nothing is lost', async () => {
    const kv = createKeyValueBackend({ kind: 'redis', url: `${redis.url}/14`, timeoutMs: 2000 });
    try {
      kv.set('default', 'kept', bytes('safe'));
      await redis.stop();
      expect(() => kv.get('default', 'kept')).toThrow(expect.objectContaining({ kind: 'other' }));
      await redis.restart();
      await expect.poll(() => text(kv.get('default', 'kept')), { timeout: 5000 }).toBe('safe');
    } finally {
      kv.close();
    }
  });
});

describe('createKeyValueBackend', () => {
  it('rejects a spec without its path or URL, and an unknown kind', () => {
    expect(() => createKeyValueBackend({ kind: 'sqlite', path: '' })).toThrow(/needs a file path/);
    expect(() => createKeyValueBackend({ kind: 'redis', url: '' })).toThrow(/needs a URL/);
    expect(() => createKeyValueBackend({ kind: 'etcd' } as unknown as KeyValueSpec)).toThrow(/unknown key-value backend "etcd"/);
  });
});
