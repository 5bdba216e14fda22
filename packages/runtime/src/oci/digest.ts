// Content digests of the OCI distribution spec: every pulled byte is checked against one.
import { createHash } from 'node:crypto';

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export class DigestMismatchError extends Error {
  constructor(what: string, expected: string, actual: string) {
    super(`digest mismatch for ${what}: expected ${expected}, got ${actual} (the registry served altered content)`);
    this.name = 'DigestMismatchError';
  }
}

/** Throws a DigestMismatchError unless `bytes` hash to `expected`. */
export function verifyDigest(bytes: Uint8Array, expected: string, what: string): void {
  const actual = sha256Digest(bytes);
  if (actual !== expected) throw new DigestMismatchError(what, expected, actual);
}
