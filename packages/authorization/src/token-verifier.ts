// decode's work: a bearer JWT in, its verified claims out, or a TokenRejected saying why.
// jose does the JOSE and JWT rules (structure, alg allow-list, key selection by kid/alg/kty,
// signature, iss, aud, exp/nbf with leeway); we add the key sources, the size limit, `sub`,
// JWT_REQUIRED_SCOPES and the cache of verified tokens.
import type { JwtClaims } from '@wasmcp-ts/protocol/wit/wasmcp-auth-types.js';
import { createLocalJWKSet, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { scopesOf, toJwtClaims } from './claims.js';
import { CLOCK_TOLERANCE_SECONDS, type AuthConfig } from './config.js';
import type { CachedJwks, JwksCache } from './jwks-cache.js';
import { missingScopes } from './policy.js';
import { TokenRejected, type RejectionReason } from './rejection.js';
import type { VerifiedTokenCache } from './verified-token-cache.js';

/** Far above any real access token, far below what would hurt to parse. */
export const MAX_TOKEN_BYTES = 16 * 1024;

export interface VerifierDeps {
  config: AuthConfig;
  /** Present when the key source is a JWKS URI. */
  jwks?: JwksCache;
  cache: VerifiedTokenCache;
  sha256Hex: (data: Uint8Array) => Promise<string>;
  /** Unix seconds. */
  now: () => number;
}

type KeySet = ReturnType<typeof createLocalJWKSet>;

export class TokenVerifier {
  readonly #deps: VerifierDeps;
  readonly #options: JWTVerifyOptions;
  // The key set of the last JWKS seen (by content: two fetches can share a second), so its
  // imported keys are reused while it stays current.
  #keySet: { json: string; set: KeySet } | undefined;

  constructor(deps: VerifierDeps) {
    this.#deps = deps;
    const { config } = deps;
    this.#options = {
      algorithms: config.algorithms,
      issuer: config.issuers,
      audience: config.audiences,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp'],
    };
  }

  async verify(token: Uint8Array): Promise<JwtClaims> {
    if (token.length > MAX_TOKEN_BYTES) throw new TokenRejected('too-large', `the token is ${token.length} bytes; at most ${MAX_TOKEN_BYTES} are accepted`);
    const hash = await this.#deps.sha256Hex(token);
    const now = this.#deps.now();
    const cached = this.#deps.cache.get(hash, now);
    if (cached) return cached;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(token);
    } catch {
      throw new TokenRejected('malformed', 'the token is not UTF-8 text');
    }
    const payload = await this.#verifySignatureAndClaims(text);
    const claims = this.#accept(payload);
    const exp = payload.exp as number;
    const nbf = typeof payload.nbf === 'number' ? payload.nbf : -Infinity;
    this.#deps.cache.set(hash, claims, nbf - CLOCK_TOLERANCE_SECONDS, exp + CLOCK_TOLERANCE_SECONDS);
    return claims;
  }

  async #verifySignatureAndClaims(token: string): Promise<JWTPayload> {
    const { keySource } = this.#deps.config;
    if (keySource.kind === 'public-key') return (await this.#jose(token, keySource.jwk)).payload;
    const jwks = this.#deps.jwks!;
    const current = await jwks.current();
    try {
      return (await this.#jose(token, this.#keySetOf(current))).payload;
    } catch (err) {
      if (!(err instanceof TokenRejected && err.reason === 'unknown-key')) throw err;
      const fresh = await jwks.refetch(current);
      if (!fresh) throw new TokenRejected('unknown-key', `${err.message} (the JWKS was fetched recently, not refetching yet)`);
      return (await this.#jose(token, this.#keySetOf(fresh))).payload;
    }
  }

  #keySetOf(entry: CachedJwks): KeySet {
    const json = JSON.stringify(entry.jwks);
    if (this.#keySet?.json !== json) this.#keySet = { json, set: createLocalJWKSet(entry.jwks) };
    return this.#keySet.set;
  }

  async #jose(token: string, key: Parameters<typeof jwtVerify>[1]) {
    try {
      return await jwtVerify(token, key as KeySet, this.#options);
    } catch (err) {
      throw asRejection(err);
    }
  }

  #accept(payload: JWTPayload): JwtClaims {
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new TokenRejected('missing-claim', '"sub" claim must be a non-empty string');
    const missing = missingScopes(this.#deps.config.requiredScopes, scopesOf(payload));
    if (missing.length) throw new TokenRejected('insufficient-scope', `the token lacks the required scope(s) ${missing.join(' ')}`);
    return toJwtClaims(payload);
  }
}

/** A jose (or key import) failure as a rejection with the reason an operator needs. */
export function asRejection(err: unknown): TokenRejected {
  if (err instanceof TokenRejected) return err;
  const { code, claim, reason, message } = (err ?? {}) as { code?: string; claim?: string; reason?: string; message?: string };
  const detail = message || String(err);
  const rejected = (why: RejectionReason) => new TokenRejected(why, detail);
  switch (code) {
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED': // e.g. a critical header extension nobody understands
      return rejected('malformed');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return rejected('algorithm-not-allowed');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return rejected('bad-signature');
    case 'ERR_JWT_EXPIRED':
      return rejected('expired');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return rejected('unknown-key');
    case 'ERR_JWKS_INVALID':
      return rejected('jwks-unavailable');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (reason === 'missing') return rejected('missing-claim');
      if (claim === 'nbf' && reason === 'check_failed') return rejected('not-yet-valid');
      if (claim === 'iss') return rejected('wrong-issuer');
      if (claim === 'aud') return rejected('wrong-audience');
      return rejected('malformed');
    default:
      // Key import refusals (a key of the wrong type or curve for the token's alg).
      return rejected('unknown-key');
  }
}
