// Tokens this instance has verified, by SHA-256 of the token, until they expire: a client
// sends the same bearer token with every request, and EdDSA or a cold ECDSA key costs far
// more than a lookup. In memory only: nothing to clean up in a shared store, and a host that
// keeps the instance (our runtime does) gets the benefit.
import type { JwtClaims } from '@wasmcp-ts/protocol/wit/wasmcp-auth-types.js';

interface Entry {
  claims: JwtClaims;
  /** Unix seconds: accepted from validFrom (inclusive) until validUntil (exclusive). */
  validFrom: number;
  validUntil: number;
}

export class VerifiedTokenCache {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly capacity = 256) {}

  get(tokenHash: string, now: number): JwtClaims | undefined {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (now < entry.validFrom || now >= entry.validUntil) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return entry.claims;
  }

  set(tokenHash: string, claims: JwtClaims, validFrom: number, validUntil: number): void {
    this.#entries.delete(tokenHash);
    if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(tokenHash, { claims, validFrom, validUntil });
  }

  get size(): number {
    return this.#entries.size;
  }
}
