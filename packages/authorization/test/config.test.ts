// The environment -> configuration rules (src/config.ts), and JWT_PUBLIC_KEY parsing.
import { exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readConfig, SUPPORTED_ALGORITHMS } from '../src/config.js';
import { publicKeyToJwk } from '../src/public-key-pem.js';

const env = (vars: Record<string, string>) => new Map(Object.entries({ JWT_ISSUER: 'https://as.example/', JWT_AUDIENCE: 'https://mcp.example', JWT_JWKS_URI: 'https://as.example/jwks', ...vars }));

describe('readConfig', () => {
  it('defaults: every supported asymmetric algorithm, a 300 s JWKS TTL, the default bucket', () => {
    const config = readConfig(env({}));
    expect(config.algorithms).toEqual([...SUPPORTED_ALGORITHMS]);
    expect(config.keySource).toEqual({ kind: 'jwks', uri: 'https://as.example/jwks', ttlSeconds: 300, refetchCooldownSeconds: 30 });
    expect(config.bucket).toBe('default');
    expect(config.issuers).toEqual(['https://as.example', 'https://as.example/']);
  });

  it('falls back to WASMCP_SERVER_URI for the audience, and reads lists by comma or space', () => {
    const vars = env({ JWT_REQUIRED_SCOPES: 'a, b c', JWT_ALGORITHMS: 'ES256,EdDSA', WASMCP_SERVER_URI: 'https://srv/mcp' });
    vars.delete('JWT_AUDIENCE');
    const config = readConfig(vars);
    expect(config.audiences).toEqual(['https://srv/mcp']);
    expect(config.requiredScopes).toEqual(['a', 'b', 'c']);
    expect(config.algorithms).toEqual(['ES256', 'EdDSA']);
  });

  it('a plain-string issuer is kept as it is', () => {
    expect(readConfig(env({ JWT_ISSUER: 'my-issuer' })).issuers).toEqual(['my-issuer']);
  });

  it('http JWKS URIs are allowed for loopback hosts only', () => {
    expect(readConfig(env({ JWT_JWKS_URI: 'http://127.0.0.1:8080/jwks' })).keySource).toMatchObject({ uri: 'http://127.0.0.1:8080/jwks' });
    expect(() => readConfig(env({ JWT_JWKS_URI: 'http://10.0.0.1/jwks' }))).toThrow(/must use https/);
  });

  it.each([
    [{ JWT_ALGORITHMS: 'RS256', JWT_ALGORITHM: 'RS256' }, /not both/],
    [{ JWT_ALGORITHMS: 'HS512' }, /must not allow HS512/],
    [{ JWT_ALGORITHMS: 'NONE' }, /must not allow "none"/],
    [{ JWT_ALGORITHMS: 'RS1' }, /unsupported algorithm "RS1"/],
    [{ JWT_JWKS_TTL: '-1' }, /JWT_JWKS_TTL must be a whole number/],
    [{ JWT_JWKS_URI: 'not a url' }, /not a URL/],
    [{ WASMCP_AUTH_POLICY: '{"x":{}}' }, /unknown section/],
  ])('%o is refused', (vars, message) => {
    expect(() => readConfig(env(vars))).toThrow(message);
  });
});

describe('publicKeyToJwk', () => {
  it.each(['RS256', 'ES256', 'ES384', 'ES512', 'EdDSA'])('a PEM SPKI %s key becomes its JWK', async (alg) => {
    const { publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
    const expected = await exportJWK(publicKey);
    expect(publicKeyToJwk(await exportSPKI(publicKey))).toEqual(expected);
  });

  it('a PKCS#1 "RSA PUBLIC KEY" works too', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    const jwk = publicKey.export({ format: 'jwk' });
    expect(publicKeyToJwk(pem)).toEqual({ kty: 'RSA', n: jwk.n, e: jwk.e });
  });

  it.each([
    ['-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----', /private key/],
    ['{"kty":"EC","d":"x"}', /private JWK/],
    ['{not json', /not valid JSON/],
    ['-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----', /not a usable public key/],
    ['hello', /must be a PEM/],
  ])('%s is refused', (text, message) => {
    expect(() => publicKeyToJwk(text)).toThrow(message);
  });
});
