// A verified JWT payload as the WIT `jwt-claims` record, the shape every MCP component sees.
import type { JwtClaims } from '@wasmcp-ts/protocol/wit/wasmcp-auth-types.js';

/** Claims with a field of their own; everything else is kept in custom-claims. */
const STANDARD_CLAIMS = new Set(['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'jti', 'scope', 'scp', 'cnf']);

/** Scopes from `scope` (RFC 9068: space-separated), else `scp` (a string or a list). */
export function scopesOf(payload: Record<string, unknown>): string[] {
  const { scope, scp } = payload;
  if (typeof scope === 'string') return scope.split(/\s+/).filter(Boolean);
  if (typeof scp === 'string') return scp.split(/\s+/).filter(Boolean);
  if (Array.isArray(scp)) return scp.filter((s): s is string => typeof s === 'string' && s !== '');
  return [];
}

function seconds(value: unknown): bigint | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? BigInt(Math.floor(value)) : undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A custom claim's value as text: strings as they are, anything else as JSON. */
export function claimText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Maps a verified payload; `sub` must already be known to be a non-empty string. */
export function toJwtClaims(payload: Record<string, unknown>): JwtClaims {
  const { aud, cnf } = payload;
  const confirmation =
    typeof cnf === 'object' && cnf !== null ? { x5tS256: text((cnf as Record<string, unknown>)['x5t#S256']), jkt: text((cnf as Record<string, unknown>).jkt) } : undefined;
  return {
    subject: payload.sub as string,
    issuer: text(payload.iss),
    audience: typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [],
    expiration: seconds(payload.exp),
    issuedAt: seconds(payload.iat),
    notBefore: seconds(payload.nbf),
    jwtId: text(payload.jti),
    scopes: scopesOf(payload),
    confirmation,
    customClaims: Object.entries(payload)
      .filter(([key]) => !STANDARD_CLAIMS.has(key))
      .map(([key, value]) => [key, claimText(value)]),
  };
}
