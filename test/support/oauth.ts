// An ES256 issuer for tests of servers in oauth mode: the environment that makes the
// authorization piece trust it, and a signer of its access tokens.
import { exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

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
