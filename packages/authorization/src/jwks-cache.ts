// The JSON Web Key Set of JWT_JWKS_URI, cached in the key-value store for JWT_JWKS_TTL seconds
// so that every instance (a host may start one per request) shares one fetch. A token signed
// with a key the cached set lacks gets one refetch (key rotation), at most once per
// JWT_JWKS_REFETCH_COOLDOWN seconds, so random `kid`s cannot make us hammer the server.
import type { JSONWebKeySet } from 'jose';
import { TokenRejected } from './rejection.js';

export interface CachedJwks {
  jwks: JSONWebKeySet;
  /** Unix seconds. */
  fetchedAt: number;
  expiresAt: number;
}

/** Where the set is cached: JSON text by key. Failures are the store's to throw. */
export interface JwksStore {
  get(key: string): string | undefined;
  set(key: string, json: string): void;
}

/** GETs the URI and returns the parsed JSON body; throws an Error that says what went wrong. */
export type JsonFetcher = (uri: string) => Promise<unknown>;

export interface JwksCacheOptions {
  uri: string;
  ttlSeconds: number;
  refetchCooldownSeconds: number;
  store: JwksStore;
  fetchJson: JsonFetcher;
  /** Unix seconds. */
  now: () => number;
  warn: (message: string) => void;
}

/** A JWKS as RFC 7517 section 5 has it: `keys`, a list of objects. */
export function isKeySet(value: unknown): value is JSONWebKeySet {
  const keys = (value as { keys?: unknown } | null)?.keys;
  return Array.isArray(keys) && keys.every((k) => typeof k === 'object' && k !== null && !Array.isArray(k) && typeof (k as { kty?: unknown }).kty === 'string');
}

export class JwksCache {
  readonly #options: JwksCacheOptions;
  readonly #key: string;

  constructor(options: JwksCacheOptions) {
    this.#options = options;
    this.#key = `wasmcp-auth:jwks:${options.uri}`;
  }

  /** The cached set while it is fresh, else a newly fetched one. */
  async current(): Promise<CachedJwks> {
    const cached = this.#read();
    if (cached && this.#options.now() < cached.expiresAt) return cached;
    return this.#fetch();
  }

  /** A newly fetched set after a key was not found, or undefined while the cooldown lasts. */
  async refetch(stale: CachedJwks): Promise<CachedJwks | undefined> {
    const latest = this.#read();
    // Another instance may have refreshed it meanwhile.
    if (latest && latest.fetchedAt > stale.fetchedAt) return latest;
    if (this.#options.now() - stale.fetchedAt < this.#options.refetchCooldownSeconds) return undefined;
    return this.#fetch();
  }

  #read(): CachedJwks | undefined {
    let text: string | undefined;
    try {
      text = this.#options.store.get(this.#key);
    } catch (err) {
      this.#options.warn(`JWKS cache unreadable, fetching instead: ${describe(err)}`);
      return undefined;
    }
    if (text === undefined) return undefined;
    try {
      const entry = JSON.parse(text) as CachedJwks;
      if (isKeySet(entry.jwks) && typeof entry.fetchedAt === 'number' && typeof entry.expiresAt === 'number') return entry;
    } catch {
      // a corrupt entry is a miss; the next fetch overwrites it
    }
    return undefined;
  }

  async #fetch(): Promise<CachedJwks> {
    const { uri, ttlSeconds, fetchJson, now, store, warn } = this.#options;
    let body: unknown;
    try {
      body = await fetchJson(uri);
    } catch (err) {
      throw new TokenRejected('jwks-unavailable', `cannot fetch the JWKS from ${uri}: ${describe(err)}`);
    }
    if (!isKeySet(body)) throw new TokenRejected('jwks-unavailable', `${uri} did not return a JSON Web Key Set ({"keys": [...]})`);
    const fetchedAt = now();
    const entry: CachedJwks = { jwks: body, fetchedAt, expiresAt: fetchedAt + ttlSeconds };
    try {
      store.set(this.#key, JSON.stringify(entry));
    } catch (err) {
      warn(`JWKS cache not writable, every instance will fetch: ${describe(err)}`);
    }
    return entry;
  }
}

/** An error (or an import's err payload) as text. */
export function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  const payload = (err as { payload?: unknown } | null)?.payload;
  if (payload !== undefined) return JSON.stringify(payload);
  return String(err);
}
