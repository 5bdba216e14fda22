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

/** A token of ISSUER for AUDIENCE with these claims, issued now, good for 10 minutes, signed with `privateKey`. */
export function signToken(privateKey: CryptoKey, claims: JWTPayload, kid?: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('10m').sign(privateKey);
}

const oauthEnv = (key: Record<string, string>) => ({ WASMCP_AUTH_MODE: 'oauth', JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_ALGORITHMS: 'ES256', ...key });

export async function testIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return {
    env: oauthEnv({ JWT_PUBLIC_KEY: await exportSPKI(publicKey) }),
    sign: (claims) => signToken(privateKey, claims),
  };
}

export interface JwksIssuer extends TestIssuer {
  /** How many times its JWKS endpoint was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

/** The key id under which jwksIssuer publishes its key. */
export const JWKS_KID = 'test-key';

/** The same issuer with its key published on a JWKS endpoint on 127.0.0.1 (JWT_JWKS_URI), not given inline. */
export async function jwksIssuer(): Promise<JwksIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: JWKS_KID, alg: 'ES256', use: 'sig' };
  let fetches = 0;
  const server = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  return {
    env: oauthEnv({ JWT_JWKS_URI: uri }),
    sign: (claims) => signToken(privateKey, claims, JWKS_KID),
    fetches: () => fetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
