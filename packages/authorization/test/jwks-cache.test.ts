// The JWKS cache rules (src/jwks-cache.ts) with a fake store, fetcher and clock.
import { describe, expect, it } from 'vitest';
import { JwksCache, type JwksStore } from '../src/jwks-cache.js';
import { TokenRejected } from '../src/rejection.js';

const SET = { keys: [{ kty: 'EC', kid: 'a' }] };

function setup(options: { body?: unknown; store?: JwksStore } = {}) {
  const clock = { now: 1000 };
  const map = new Map<string, string>();
  const warnings: string[] = [];
  let fetches = 0;
  const cache = new JwksCache({
    uri: 'https://as/jwks',
    ttlSeconds: 60,
    refetchCooldownSeconds: 10,
    store: options.store ?? { get: (k) => map.get(k), set: (k, v) => void map.set(k, v) },
    fetchJson: async () => {
      fetches++;
      return options.body ?? SET;
    },
    now: () => clock.now,
    warn: (m) => warnings.push(m),
  });
  return { cache, clock, map, warnings, fetches: () => fetches };
}

describe('JwksCache', () => {
  it('serves the stored set until the TTL, then fetches again', async () => {
    const t = setup();
    await t.cache.current();
    t.clock.now += 59;
    await t.cache.current();
    expect(t.fetches()).toBe(1);
    t.clock.now += 1;
    await t.cache.current();
    expect(t.fetches()).toBe(2);
  });

  it('refetches for an unknown key only after the cooldown, or takes a newer stored set', async () => {
    const t = setup();
    const first = await t.cache.current();
    expect(await t.cache.refetch(first)).toBeUndefined();
    t.clock.now += 10;
    const second = await t.cache.refetch(first);
    expect(second?.fetchedAt).toBe(1010);
    expect(t.fetches()).toBe(2);
    expect(await t.cache.refetch(first)).toEqual(second); // another instance's refresh
    expect(t.fetches()).toBe(2);
  });

  it('a store that fails is a warning and a fetch, never an error', async () => {
    const t = setup({ store: { get: () => { throw { payload: { tag: 'no-such-store' } }; }, set: () => { throw new Error('read-only'); } } });
    expect((await t.cache.current()).jwks).toEqual(SET);
    expect(t.warnings).toEqual(['JWKS cache unreadable, fetching instead: {"tag":"no-such-store"}', 'JWKS cache not writable, every instance will fetch: read-only']);
  });

  it('a body that is not a key set is a jwks-unavailable rejection', async () => {
    const t = setup({ body: { keys: 'nope' } });
    await expect(t.cache.current()).rejects.toEqual(new TokenRejected('jwks-unavailable', 'https://as/jwks did not return a JSON Web Key Set ({"keys": [...]})'));
  });
});
