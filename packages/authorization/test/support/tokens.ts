// Keys and tokens for the tests, made with jose in Node.
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const ISSUER = 'https://auth.example.test';
export const AUDIENCE = 'https://mcp.example.test/mcp';

export interface SigningKey {
  alg: string;
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  spki: string;
}

export async function signingKey(alg: string, kid = `${alg}-key`): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }, spki: await exportSPKI(publicKey) };
}

export const now = () => Math.floor(Date.now() / 1000);

/** A token that passes every check unless `claims` or `header` say otherwise; `undefined` removes a claim. */
export function token(key: SigningKey, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  const payload: JWTPayload = { iss: ISSUER, aud: AUDIENCE, sub: 'user-1', iat: now(), exp: now() + 600, scope: 'mcp:read mcp:tools', ...claims };
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
  return new SignJWT(payload).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt', ...header }).sign(key.privateKey);
}

const b64url = (text: string) => Buffer.from(text).toString('base64url');

/** A compact JWS assembled by hand, for tokens jose refuses to make. */
export function rawToken(header: object, payload: object, signature = ''): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`;
}

/** An RS256 compact JWS over any header and payload text, for tokens jose refuses to make. */
export async function signedRaw(key: SigningKey, header: object, payload: string): Promise<string> {
  const input = `${b64url(JSON.stringify(header))}.${b64url(payload)}`;
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key.privateKey, new TextEncoder().encode(input));
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
}
