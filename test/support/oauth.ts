// An ES256 issuer for tests of servers in oauth mode: the environment that makes the
// authorization piece trust it, and a signer of its access tokens.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const ISSUER = 'https://auth.example.test';
export const AUDIENCE = 'http://127.0.0.1/mcp';

export interface TestIssuer {
  /** WASMCP_AUTH_MODE=oauth and the JWT_* settings naming this issuer. */
  env: Record<string, string>;
  /** A token with these claims, issued now, good for 10 minutes. */
  sign(claims: JWTPayload): Promise<string>;
}

export async function testIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return {
    env: { WASMCP_AUTH_MODE: 'oauth', JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_PUBLIC_KEY: await exportSPKI(publicKey), JWT_ALGORITHMS: 'ES256' },
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('10m').sign(privateKey),
  };
}

export interface JwksIssuer extends TestIssuer {
  /** How many times its JWKS endpoint was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

/** The same issuer with its key published on a JWKS endpoint on 127.0.0.1 (JWT_JWKS_URI), not given inline. */
export async function jwksIssuer(): Promise<JwksIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  let fetches = 0;
  const server = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  return {
    env: { WASMCP_AUTH_MODE: 'oauth', JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_JWKS_URI: uri, JWT_ALGORITHMS: 'ES256' },
    sign: (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('10m').sign(privateKey),
    fetches: () => fetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
