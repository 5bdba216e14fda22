// The authorization settings, read once from the environment (upstream's variable names, so
// configurations carry over). Anything wrong is a ConfigError whose message names the variable.
import { parsePolicy, type ScopePolicy } from './policy.js';
import { publicKeyToJwk } from './public-key-pem.js';
import type { PublicJwk } from './verify-subtle.js';

/** The JWS algorithms this component verifies; never `none`, never an HMAC. */
export const SUPPORTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
export type Algorithm = (typeof SUPPORTED_ALGORITHMS)[number];

/** Leeway for exp and nbf, for clocks that disagree a little. */
export const CLOCK_TOLERANCE_SECONDS = 60;

export type KeySource =
  | { kind: 'jwks'; uri: string; ttlSeconds: number; refetchCooldownSeconds: number }
  | { kind: 'public-key'; jwk: PublicJwk };

export interface AuthConfig {
  /** Accepted `iss` values: JWT_ISSUER, with and without a trailing slash for URLs. */
  issuers: string[];
  /** The token's `aud` must contain one of these (RFC 8707: tokens issued for this server). */
  audiences: string[];
  algorithms: Algorithm[];
  keySource: KeySource;
  /** Scopes every token must carry. */
  requiredScopes: string[];
  policy: ScopePolicy;
  /** The key-value bucket of the JWKS cache. */
  bucket: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Environment = ReadonlyMap<string, string>;

/** Comma- or space-separated values. */
export function list(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

function seconds(env: Environment, name: string, fallback: number): number {
  const raw = env.get(name)?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number of seconds, got "${raw}"`);
  return Number(raw);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function jwksUri(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`JWT_JWKS_URI is not a URL: "${raw}"`);
  }
  // Keys fetched in clear text could be swapped by anyone on the path; loopback is for development.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new ConfigError(`JWT_JWKS_URI must use https (http only for a loopback host), got "${raw}"`);
  }
  return url.href;
}

function issuers(raw: string | undefined): string[] {
  const issuer = raw?.trim();
  if (!issuer) throw new ConfigError('JWT_ISSUER is required: tokens are only accepted from the authorization server it names');
  if (/^http:\/\//i.test(issuer)) throw new ConfigError(`JWT_ISSUER must be an https URL (or a plain string), got "${issuer}"`);
  if (!/^https:\/\//i.test(issuer)) return [issuer];
  const bare = issuer.replace(/\/+$/, '');
  return [bare, `${bare}/`];
}

function algorithms(env: Environment): Algorithm[] {
  const plural = env.get('JWT_ALGORITHMS');
  const singular = env.get('JWT_ALGORITHM');
  if (plural !== undefined && singular !== undefined) throw new ConfigError('set JWT_ALGORITHMS or JWT_ALGORITHM, not both');
  const names = list(plural ?? singular);
  if (names.length === 0) return [...SUPPORTED_ALGORITHMS];
  for (const name of names) {
    if (name.toLowerCase() === 'none') throw new ConfigError('JWT_ALGORITHMS must not allow "none": unsigned tokens are never accepted');
    if (/^HS\d+$/i.test(name)) throw new ConfigError(`JWT_ALGORITHMS must not allow ${name}: an HMAC key would be the public key, which anyone can read`);
    if (!(SUPPORTED_ALGORITHMS as readonly string[]).includes(name)) throw new ConfigError(`JWT_ALGORITHMS: unsupported algorithm "${name}" (supported: ${SUPPORTED_ALGORITHMS.join(', ')})`);
  }
  return names as Algorithm[];
}

function keySource(env: Environment): KeySource {
  const uri = env.get('JWT_JWKS_URI')?.trim();
  const publicKey = env.get('JWT_PUBLIC_KEY')?.trim();
  if (uri && publicKey) throw new ConfigError('set JWT_JWKS_URI or JWT_PUBLIC_KEY, not both');
  if (!uri && !publicKey) throw new ConfigError('JWT_JWKS_URI or JWT_PUBLIC_KEY is required to verify tokens');
  if (uri) {
    return {
      kind: 'jwks',
      uri: jwksUri(uri),
      ttlSeconds: seconds(env, 'JWT_JWKS_TTL', 300),
      refetchCooldownSeconds: seconds(env, 'JWT_JWKS_REFETCH_COOLDOWN', 30),
    };
  }
  try {
    return { kind: 'public-key', jwk: publicKeyToJwk(publicKey!) };
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

export function readConfig(env: Environment): AuthConfig {
  const audiences = list(env.get('JWT_AUDIENCE') ?? env.get('WASMCP_SERVER_URI'));
  if (audiences.length === 0) {
    throw new ConfigError('JWT_AUDIENCE (or WASMCP_SERVER_URI) is required: a token is only accepted when it was issued for this server (RFC 8707)');
  }
  let policy: ScopePolicy;
  try {
    policy = parsePolicy(env.get('WASMCP_AUTH_POLICY'));
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  return {
    issuers: issuers(env.get('JWT_ISSUER')),
    audiences,
    algorithms: algorithms(env),
    keySource: keySource(env),
    requiredScopes: list(env.get('JWT_REQUIRED_SCOPES')),
    policy,
    bucket: env.get('WASMCP_SESSION_BUCKET')?.trim() || 'default',
  };
}
