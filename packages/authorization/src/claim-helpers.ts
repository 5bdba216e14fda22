// wasmcp:auth/helpers: questions a tool asks about the caller's claims. Same answers as
// upstream's helpers (flattened claims, `aud` joined by commas, `scope` by spaces).
import type { JwtClaims } from '@wasmcp-ts/protocol/wit/wasmcp-auth-types.js';

export const hasScope = (claims: JwtClaims, scope: string) => claims.scopes.includes(scope);
export const hasAnyScope = (claims: JwtClaims, scopes: string[]) => scopes.some((s) => hasScope(claims, s));
export const hasAllScopes = (claims: JwtClaims, scopes: string[]) => scopes.every((s) => hasScope(claims, s));
export const getScopes = (claims: JwtClaims) => [...claims.scopes];
export const hasAudience = (claims: JwtClaims, audience: string) => claims.audience.includes(audience);
export const getAudiences = (claims: JwtClaims) => [...claims.audience];
export const getSubject = (claims: JwtClaims) => claims.subject;
export const getIssuer = (claims: JwtClaims) => claims.issuer;

const nowSeconds = () => BigInt(Math.floor(Date.now() / 1000));

/** True once `exp` less the skew has passed (upstream's rule); a token without `exp` never expires. */
export function isExpired(claims: JwtClaims, clockSkewSeconds: bigint | undefined, now = nowSeconds()): boolean {
  if (claims.expiration === undefined) return false;
  const skew = clockSkewSeconds ?? 0n;
  return now >= (claims.expiration > skew ? claims.expiration - skew : 0n);
}

/** nbf <= now < exp; as upstream, the skew is subtracted from both bounds. */
export function isValidTime(claims: JwtClaims, clockSkewSeconds: bigint | undefined, now = nowSeconds()): boolean {
  const skew = clockSkewSeconds ?? 0n;
  if (claims.notBefore !== undefined && now < (claims.notBefore > skew ? claims.notBefore - skew : 0n)) return false;
  return !isExpired(claims, clockSkewSeconds, now);
}

/** Every claim as text pairs: the standard ones first, then the custom ones. */
export function flattenClaims(claims: JwtClaims): Array<[string, string]> {
  const flat: Array<[string, string]> = [['sub', claims.subject]];
  if (claims.issuer !== undefined) flat.push(['iss', claims.issuer]);
  if (claims.audience.length) flat.push(['aud', claims.audience.join(',')]);
  if (claims.expiration !== undefined) flat.push(['exp', String(claims.expiration)]);
  if (claims.issuedAt !== undefined) flat.push(['iat', String(claims.issuedAt)]);
  if (claims.notBefore !== undefined) flat.push(['nbf', String(claims.notBefore)]);
  if (claims.jwtId !== undefined) flat.push(['jti', claims.jwtId]);
  if (claims.scopes.length) flat.push(['scope', claims.scopes.join(' ')]);
  return [...flat, ...claims.customClaims];
}

/** A standard claim by its JWT name, else a custom claim. */
export function getClaim(claims: JwtClaims, key: string): string | undefined {
  if (key === 'scp') key = 'scope';
  const standard = flattenClaims({ ...claims, customClaims: [] }).find(([k]) => k === key);
  if (standard) return standard[1];
  return claims.customClaims.find(([k]) => k === key)?.[1];
}
