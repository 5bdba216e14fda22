// The authorization piece as a factory: the environment and the typed key-value store in,
// `server-auth` and `wasmcp:auth/helpers` out, in the shapes of the WIT bindings.
// Must stay the first import: it replaces the global `crypto` before @noble/curves loads.
import { componentCrypto, engineSubtle } from './crypto-global.js';
import type { JwtClaims } from '@wasmcp-ts/protocol/wit/wasmcp-auth-types.js';
import type { ClientMessage, Session } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { HttpContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-auth.js';
import * as claimHelpers from './claim-helpers.js';
import { ConfigError, readConfig, type AuthConfig } from './config.js';
import { describe, JwksCache, type JwksStore } from './jwks-cache.js';
import { fetchJson } from './jwks-fetch.js';
import { clientMethod, missingScopes, requiredScopes } from './policy.js';
import { TokenRejected } from './rejection.js';
import { TokenVerifier } from './token-verifier.js';
import { VerifiedTokenCache } from './verified-token-cache.js';
import { createVerifySubtle } from './verify-subtle.js';

componentCrypto.subtle = createVerifySubtle(engineSubtle);

const log = (message: string) => console.error(`authorization: ${message}`);
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await engineSubtle.digest('SHA-256', data as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The part of a `wasmcp:keyvalue/store` bucket the JWKS cache uses. */
interface JsonBucket {
  get(key: string): { tag: string; val: unknown } | undefined;
  set(key: string, value: { tag: 'as-json'; val: string }): void;
}

export interface AuthorizationImports {
  environment: { getEnvironment(): [string, string][] };
  store: { open(identifier: string): JsonBucket };
}

function kvStore(openBucket: AuthorizationImports['store']['open'], bucketName: string): JwksStore {
  let bucket: JsonBucket | undefined;
  const open = () => (bucket ??= openBucket(bucketName));
  return {
    get(key) {
      const value = open().get(key);
      return value?.tag === 'as-json' || value?.tag === 'as-string' ? (value.val as string) : undefined;
    },
    set(key, json) {
      open().set(key, { tag: 'as-json', val: json });
    },
  };
}

export function createAuthorization({ environment, store }: AuthorizationImports) {
  // The environment is fixed for an instance's life: configure once, and remember a failure.
  let state: { config: AuthConfig; verifier: TokenVerifier } | { error: string } | undefined;

  function configured() {
    if (state) return state;
    try {
      const config = readConfig(new Map(environment.getEnvironment()));
      const jwks =
        config.keySource.kind === 'jwks'
          ? new JwksCache({ ...config.keySource, store: kvStore(store.open, config.bucket), fetchJson, now: nowSeconds, warn: log })
          : undefined;
      const verifier = new TokenVerifier({ config, jwks, cache: new VerifiedTokenCache(), sha256Hex, now: nowSeconds });
      state = { config, verifier };
    } catch (err) {
      state = { error: err instanceof ConfigError ? err.message : `cannot configure: ${describe(err)}` };
    }
    return state;
  }

  async function decodeToken(jwt: Uint8Array): Promise<JwtClaims> {
    const current = configured();
    try {
      if ('error' in current) throw new TokenRejected('config', current.error);
      return await current.verifier.verify(jwt);
    } catch (err) {
      const rejection = err instanceof TokenRejected ? err : new TokenRejected('malformed', describe(err));
      const fingerprint = (await sha256Hex(jwt).catch(() => 'unknown')).slice(0, 12);
      log(`token ${fingerprint} rejected (${rejection.reason}): ${rejection.message}`);
      // `decode` returns result<jwt-claims> with no error payload: a thrown non-Error is err().
      throw { reason: rejection.reason };
    }
  }

  const serverAuth = {
    decode: decodeToken,

    authorize(request: ClientMessage, claims: JwtClaims, _session: Session | undefined, _http: HttpContext | undefined): boolean {
      try {
        const current = configured();
        if ('error' in current) {
          log(`authorize denied: ${current.error}`);
          return false;
        }
        const needed = [...new Set([...current.config.requiredScopes, ...requiredScopes(current.config.policy, request)])];
        const missing = missingScopes(needed, claims.scopes);
        if (missing.length) log(`authorize denied ${clientMethod(request)} for ${claims.subject}: missing scope(s) ${missing.join(' ')}`);
        return missing.length === 0;
      } catch (err) {
        log(`authorize denied: ${describe(err)}`);
        return false;
      }
    },
  };

  /** Helpers are plain functions of their arguments; the guard only keeps a bug from trapping. */
  function guarded<A extends unknown[], R>(fn: (...args: A) => R, fallback: R): (...args: A) => R {
    return (...args) => {
      try {
        return fn(...args);
      } catch (err) {
        log(`helper failed: ${describe(err)}`);
        return fallback;
      }
    };
  }

  const helpers = {
    hasScope: guarded(claimHelpers.hasScope, false),
    hasAnyScope: guarded(claimHelpers.hasAnyScope, false),
    hasAllScopes: guarded(claimHelpers.hasAllScopes, false),
    getScopes: guarded(claimHelpers.getScopes, []),
    hasAudience: guarded(claimHelpers.hasAudience, false),
    getAudiences: guarded(claimHelpers.getAudiences, []),
    isExpired: guarded(claimHelpers.isExpired, true),
    isValidTime: guarded(claimHelpers.isValidTime, false),
    getSubject: guarded(claimHelpers.getSubject, ''),
    getIssuer: guarded(claimHelpers.getIssuer, undefined),
    getClaim: guarded(claimHelpers.getClaim, undefined),
    flattenClaims: guarded(claimHelpers.flattenClaims, []),
  };

  return { serverAuth, helpers };
}
