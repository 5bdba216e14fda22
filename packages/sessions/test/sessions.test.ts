// The built sessions component (both variants) through the runtime, on every key-value
// backend: lifecycle, typed values, expiry, termination, deletion, bad input, and the typed
// store it exports.
import { createKeyValueBackend, type KeyValueBackend } from '@wasmcp-ts/runtime';
import type { ElicitRequest } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisInstance } from '../../../scripts/services/redis.mjs';
import { VARIANTS } from '../../../test/support/artifacts.js';
import { allKeys, BACKENDS, backendSpec, errorOf, fileStream, removeStoreFiles, sessionsHost, type SessionsHost } from './support/sessions-host.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY = 24 * 60 * 60;
const BUCKET = 'sessions';
const CLIENT_REQUEST_TIMEOUT = '0.3';

let redis: RedisInstance;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.close();
  removeStoreFiles();
});

const CASES = VARIANTS.flatMap((variant) => BACKENDS.map((kind) => [variant, kind] as const));

describe.each(CASES)('sessions (%s, %s backend)', (variant, kind) => {
  let host: SessionsHost;
  let kv: KeyValueBackend;
  beforeAll(async () => {
    kv = createKeyValueBackend({ ...backendSpec(kind, redis.url), buckets: ['default', BUCKET] });
    host = await sessionsHost(variant, { keyValue: kv, env: { WASMCP_CLIENT_REQUEST_TIMEOUT: CLIENT_REQUEST_TIMEOUT } });
  });
  afterAll(() => kv?.close());

  const newSession = () => host.Session.open(host.manager.initialize(BUCKET), BUCKET);

  it('initialize creates a UUID v4 session that validates and opens', () => {
    const id = host.manager.initialize(BUCKET);
    expect(id).toMatch(UUID_V4);
    expect(host.manager.validate(id, BUCKET)).toBe(true);
    expect(host.Session.open(id, BUCKET).id()).toBe(id);
    expect(kv.exists(BUCKET, `${id}:__meta__`)).toBe(true);
  });

  it('every typed value keeps its type through a round trip', () => {
    const session = newSession();
    const values = {
      s: { tag: 'as-string', val: 'héllo ✓ "quoted"' },
      j: { tag: 'as-json', val: '{"list":[1,2.5,null],"nested":{"ok":true}}' },
      u: { tag: 'as-u64', val: 18446744073709551615n },
      n: { tag: 'as-s64', val: -9223372036854775808n },
      b: { tag: 'as-bool', val: false },
      x: { tag: 'as-bytes', val: Uint8Array.from({ length: 256 }, (_, i) => i) },
    } as const;
    for (const [key, value] of Object.entries(values)) session.set(key, value);
    for (const [key, value] of Object.entries(values)) expect(session.get(key)).toEqual(value);
    // The same data seen by another handle on the session.
    const again = host.Session.open(session.id(), BUCKET);
    expect(again.get('u')).toEqual(values.u);
    session.set('s', { tag: 'as-s64', val: 7n });
    expect(again.get('s')).toEqual({ tag: 'as-s64', val: 7n });
    expect(session.get('never-set')).toBeUndefined();
  });

  it("sessions do not see each other's data", () => {
    const a = newSession();
    const b = newSession();
    a.set('k', { tag: 'as-string', val: 'a' });
    b.set('k', { tag: 'as-string', val: 'b' });
    expect(a.get('k')).toEqual({ tag: 'as-string', val: 'a' });
    expect(b.get('k')).toEqual({ tag: 'as-string', val: 'b' });
  });

  it('validate is false for an unknown or malformed id, and open says why', () => {
    const unknown = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
    expect(host.manager.validate(unknown, BUCKET)).toBe(false);
    expect(host.manager.validate('not-a-session', BUCKET)).toBe(false);
    expect(errorOf(() => host.Session.open(unknown, BUCKET))).toEqual({ tag: 'no-such-session' });
    expect(errorOf(() => host.Session.open('not-a-session', BUCKET))).toEqual({
      tag: 'unexpected',
      val: 'malformed session id "not-a-session": expected a lowercase UUID v4',
    });
    // An id with a key suffix must not reach another session's keys.
    const real = host.manager.initialize(BUCKET);
    expect(errorOf(() => host.Session.open(`${real}:x`, BUCKET))).toMatchObject({ tag: 'unexpected' });
    expect(errorOf(() => host.manager.deleteSession('', BUCKET))).toMatchObject({ tag: 'unexpected' });
    expect(host.manager.validate(real, BUCKET)).toBe(true);
  });

  it('a session expires after 24 hours by default; set-expiration moves the end', () => {
    const id = host.manager.initialize(BUCKET);
    host.clock.advance(DAY - 1);
    expect(host.manager.validate(id, BUCKET)).toBe(true);
    host.clock.advance(1);
    expect(host.manager.validate(id, BUCKET)).toBe(false);
    expect(errorOf(() => host.Session.open(id, BUCKET))).toEqual({ tag: 'no-such-session' });

    host.manager.setExpiration(id, BUCKET, host.clock.seconds + 60n);
    expect(host.manager.validate(id, BUCKET)).toBe(true);
    host.clock.advance(60);
    expect(host.manager.validate(id, BUCKET)).toBe(false);
    expect(errorOf(() => host.manager.setExpiration('0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f', BUCKET, 1n))).toEqual({ tag: 'no-such-session' });
  });

  it('terminate (by the session or the manager) makes it invalid but keeps its data', () => {
    const session = newSession();
    session.set('kept', { tag: 'as-bool', val: true });
    session.terminate('user logged out');
    expect(host.manager.validate(session.id(), BUCKET)).toBe(false);
    expect(errorOf(() => host.Session.open(session.id(), BUCKET))).toEqual({ tag: 'no-such-session' });
    expect(kv.exists(BUCKET, `${session.id()}:kept`)).toBe(true);
    const meta = JSON.parse(new TextDecoder().decode(kv.get(BUCKET, `${session.id()}:__meta__`)!.subarray(1)));
    expect(meta).toMatchObject({ terminated: true, reason: 'user logged out' });

    const other = host.manager.initialize(BUCKET);
    host.manager.markTerminated(other, BUCKET, undefined);
    expect(host.manager.validate(other, BUCKET)).toBe(false);
    expect(errorOf(() => host.manager.markTerminated('0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f', BUCKET, 'x'))).toEqual({ tag: 'no-such-session' });
  });

  it('delete-session removes every key of the session, over several list-keys pages, and nothing else', () => {
    const doomed = newSession();
    const neighbour = newSession();
    for (let i = 0; i < 5; i++) doomed.set(`key-${i}`, { tag: 'as-u64', val: BigInt(i) });
    // More keys in the session's namespace ({id}:{key}) in one call, so that they span pages.
    host.store.open(BUCKET).setMany(Array.from({ length: 1095 }, (_, i) => [`${doomed.id()}:bulk-${i}`, { tag: 'as-bool', val: true }]));
    neighbour.set('stays', { tag: 'as-string', val: 'here' });
    host.store.open(BUCKET).setString('unrelated', 'also stays');
    expect(allKeys(kv, BUCKET).filter((k) => k.startsWith(doomed.id()))).toHaveLength(1101);

    host.manager.deleteSession(doomed.id(), BUCKET);
    expect(allKeys(kv, BUCKET).filter((k) => k.startsWith(doomed.id()))).toEqual([]);
    expect(host.manager.validate(doomed.id(), BUCKET)).toBe(false);
    expect(neighbour.get('stays')).toEqual({ tag: 'as-string', val: 'here' });
    expect(host.manager.validate(neighbour.id(), BUCKET)).toBe(true);
    expect(host.store.open(BUCKET).getString('unrelated')).toBe('also stays');
    host.manager.deleteSession(doomed.id(), BUCKET); // deleting again is no error
  });

  it('bad keys and values are a session-error and change nothing', () => {
    const session = newSession();
    session.set('k', { tag: 'as-string', val: 'before' });
    const limitKey = 'k'.repeat(1024);
    session.set(limitKey, { tag: 'as-bool', val: true });
    session.set('big', { tag: 'as-bytes', val: new Uint8Array(1024 * 1024) });

    expect(errorOf(() => session.set('', { tag: 'as-bool', val: true }))).toEqual({ tag: 'unexpected', val: 'session key must not be empty' });
    expect(errorOf(() => session.get(''))).toMatchObject({ tag: 'unexpected' });
    expect(errorOf(() => session.set('é'.repeat(513), { tag: 'as-bool', val: true }))).toEqual({
      tag: 'unexpected',
      val: 'session key is 1026 bytes; the limit is 1024 (1 KiB)',
    });
    expect(errorOf(() => session.set('k', { tag: 'as-bytes', val: new Uint8Array(1024 * 1024 + 1) }))).toMatchObject({
      tag: 'unexpected',
      val: expect.stringMatching(/is 1048577 bytes; the limit is 1048576/),
    });
    expect(errorOf(() => session.set('k', { tag: 'as-string', val: 'x'.repeat(1024 * 1024 + 1) }))).toMatchObject({ tag: 'unexpected' });
    expect(errorOf(() => session.set('k', { tag: 'as-json', val: '{not json' }))).toMatchObject({
      tag: 'unexpected',
      val: expect.stringMatching(/^as-json value is not valid JSON/),
    });
    expect(errorOf(() => session.set('__meta__', { tag: 'as-json', val: '{"terminated":false}' }))).toMatchObject({ tag: 'unexpected' });

    expect(session.get('k')).toEqual({ tag: 'as-string', val: 'before' });
    expect(session.get(limitKey)).toEqual({ tag: 'as-bool', val: true });
    expect((session.get('big') as { val: Uint8Array }).val).toHaveLength(1024 * 1024);
    expect(host.manager.validate(session.id(), BUCKET)).toBe(true);
  });

  it('a bucket the backend does not serve is a store error', () => {
    expect(errorOf(() => host.manager.initialize('elsewhere'))).toEqual({ tag: 'store', val: 'no such key-value store: "elsewhere"' });
    expect(errorOf(() => host.store.open('elsewhere'))).toEqual({ tag: 'no-such-store' });
  });

  describe('elicit', () => {
    const form: ElicitRequest = {
      tag: 'form',
      val: { message: 'Name?', requestedSchema: { properties: [['name', { tag: 'string-schema', val: {} }]], required: ['name'] } },
    };

    it('sends elicitation/create on the stream; unanswered, it fails after WASMCP_CLIENT_REQUEST_TIMEOUT and withdraws the request', () => {
      const session = newSession();
      const out = fileStream();
      const started = Date.now();
      expect(errorOf(() => session.elicit(out.stream, form))).toEqual({
        tag: 'unexpected',
        val: `the client did not answer elicitation/create within ${CLIENT_REQUEST_TIMEOUT} s (WASMCP_CLIENT_REQUEST_TIMEOUT)`,
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(Number(CLIENT_REQUEST_TIMEOUT) * 1000);
      const frame = out.text();
      expect(frame).toMatch(/^data: .*\n\n$/);
      expect(JSON.parse(frame.slice('data: '.length))).toEqual({
        jsonrpc: '2.0',
        id: expect.stringMatching(/^server-request-[0-9a-f]{16}$/),
        method: 'elicitation/create',
        params: { mode: 'form', message: 'Name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
      });
      expect(allKeys(kv, BUCKET).filter((k) => k.startsWith(session.id()) && k.includes('__client-request__'))).toEqual([]);
    });

    it('refuses, writing nothing, when the client did not declare elicitation at initialize', () => {
      const session = newSession();
      host.store.open(BUCKET).setString(`${session.id()}:__client__:capabilities`, '{"elicitation":false,"sampling":true}');
      const out = fileStream();
      expect(errorOf(() => session.elicit(out.stream, form))).toEqual({
        tag: 'unexpected',
        val: expect.stringContaining('the client did not declare the elicitation capability at initialize'),
      });
      expect(out.text()).toBe('');
    });
  });

  describe('the typed store (wasmcp:keyvalue/store)', () => {
    it('typed getters return their type and refuse another', () => {
      const bucket = host.store.open(BUCKET);
      bucket.setJson('j', '[1]');
      bucket.setString('s', 'text');
      bucket.setU64('u', 5n);
      bucket.setS64('n', -5n);
      bucket.setBool('b', true);
      bucket.setBytes('x', Uint8Array.of(1, 2));
      expect([bucket.getJson('j'), bucket.getString('s'), bucket.getU64('u'), bucket.getS64('n'), bucket.getBool('b'), bucket.getBytes('x')]).toEqual([
        '[1]',
        'text',
        5n,
        -5n,
        true,
        Uint8Array.of(1, 2),
      ]);
      expect(bucket.getString('missing')).toBeUndefined();
      expect(errorOf(() => bucket.getU64('s'))).toEqual({ tag: 'other', val: 'type mismatch at s: expected as-u64, found as-string' });
    });

    it('batch get/set/delete, exists and delete', () => {
      const bucket = host.store.open(BUCKET);
      bucket.setMany([
        ['m1', { tag: 'as-string', val: 'one' }],
        ['m2', { tag: 'as-u64', val: 2n }],
      ]);
      expect(bucket.getMany(['m1', 'absent', 'm2'])).toEqual([['m1', { tag: 'as-string', val: 'one' }], undefined, ['m2', { tag: 'as-u64', val: 2n }]]);
      bucket.deleteMany(['m1']);
      expect(bucket.exists('m1')).toBe(false);
      bucket.delete('m2');
      expect(bucket.exists('m2')).toBe(false);
    });

    it('list-keys pages with an opaque cursor', () => {
      const bucket = host.store.open('default');
      bucket.setMany(Array.from({ length: 1500 }, (_, i) => [`page-${String(i).padStart(4, '0')}`, { tag: 'as-bool', val: true }]));
      const first = bucket.listKeys(undefined);
      expect(first.keys).toHaveLength(1000);
      expect(first.cursor).toEqual(expect.any(String));
      const second = bucket.listKeys(first.cursor);
      expect(second.cursor).toBeUndefined();
      expect(new Set([...first.keys, ...second.keys].filter((k) => k.startsWith('page-'))).size).toBe(1500);
      if (variant === 'draft') expect(errorOf(() => bucket.listKeys('not-an-offset'))).toMatchObject({ tag: 'other' });
    });

    it('an empty identifier opens the default bucket', () => {
      host.store.open('').setString('via-empty', 'yes');
      expect(kv.exists('default', 'via-empty')).toBe(true);
    });

    it('increment counts atomically and reads back as s64; a negative delta is an error', () => {
      const bucket = host.store.open(BUCKET);
      expect(bucket.increment('hits', 2n)).toBe(2n);
      expect(bucket.increment('hits', 3n)).toBe(5n);
      expect(bucket.get('hits')).toEqual({ tag: 'as-s64', val: 5n });
      expect(bucket.getS64('hits')).toBe(5n);
      expect(errorOf(() => bucket.increment('hits', -1n))).toMatchObject({ tag: 'other', val: expect.stringMatching(/cannot increment hits by -1/) });
      expect(bucket.getS64('hits')).toBe(5n);
      bucket.setString('word', 'x');
      expect(errorOf(() => bucket.increment('word', 1n))).toMatchObject({ tag: 'other' });
    });
  });
});

describe.each(VARIANTS)('sessions configuration and ids (%s)', (variant) => {
  it('WASMCP_SESSION_TTL sets the lifetime of new sessions', async () => {
    const host = await sessionsHost(variant, { env: { WASMCP_SESSION_TTL: '60' } });
    const id = host.manager.initialize('');
    host.clock.advance(59);
    expect(host.manager.validate(id, '')).toBe(true);
    host.clock.advance(1);
    expect(host.manager.validate(id, '')).toBe(false);
  });

  it('an invalid WASMCP_SESSION_TTL is a clear error', async () => {
    const host = await sessionsHost(variant, { env: { WASMCP_SESSION_TTL: 'soon' } });
    expect(errorOf(() => host.manager.initialize(''))).toEqual({
      tag: 'unexpected',
      val: 'WASMCP_SESSION_TTL must be a whole number of seconds greater than 0, got "soon"',
    });
  });

  it('WASMCP_SESSION_BUCKET names the bucket of an empty store id', async () => {
    const keyValue = createKeyValueBackend({ kind: 'memory' });
    const host = await sessionsHost(variant, { keyValue, env: { WASMCP_SESSION_BUCKET: 'mcp-sessions' } });
    const id = host.manager.initialize('');
    expect(keyValue.exists('mcp-sessions', `${id}:__meta__`)).toBe(true);
    expect(host.manager.validate(id, 'mcp-sessions')).toBe(true);
  });

  it('two fresh instances create different ids (wasi:random, not a snapshot seed)', async () => {
    const keyValue = createKeyValueBackend({ kind: 'memory' });
    const [a, b] = [await sessionsHost(variant, { keyValue }), await sessionsHost(variant, { keyValue })];
    const ids = [a.manager.initialize(''), b.manager.initialize(''), a.manager.initialize(''), b.manager.initialize('')];
    expect(new Set(ids).size).toBe(4);
    // Both instances share the store: each validates the other's sessions.
    expect(a.manager.validate(ids[1], '')).toBe(true);
    expect(b.manager.validate(ids[0], '')).toBe(true);
  });
});

describe.each(VARIANTS)('sessions when Redis fails (%s)', (variant) => {
  it('a stalled or stopped Redis is a store error; the instance and the data survive', async () => {
    const keyValue = createKeyValueBackend(backendSpec('redis', redis.url));
    try {
      const host = await sessionsHost(variant, { keyValue });
      const session = host.Session.open(host.manager.initialize(BUCKET), BUCKET);
      session.set('kept', { tag: 'as-string', val: 'safe' });

      redis.pause();
      try {
        expect(errorOf(() => session.get('kept'))).toMatchObject({ tag: 'store', val: expect.stringMatching(/^redis: /) });
      } finally {
        redis.resume();
      }
      await redis.stop();
      expect(errorOf(() => session.set('kept', { tag: 'as-string', val: 'lost?' }))).toMatchObject({ tag: 'store' });
      expect(errorOf(() => host.manager.validate(session.id(), BUCKET))).toMatchObject({ tag: 'store' });
      await redis.restart();

      await expect.poll(() => host.manager.validate(session.id(), BUCKET), { timeout: 5000 }).toBe(true);
      expect(session.get('kept')).toEqual({ tag: 'as-string', val: 'safe' });
      expect(host.manager.initialize(BUCKET)).toMatch(UUID_V4);
    } finally {
      keyValue.close();
    }
  });
});
