// The built authorization component (both variants), behind the sessions component's
// key-value store, hosted in a child process (test/support/component-host.mjs) so that its
// stderr - where decode's rejection reasons go - can be read, and so that the JWKS server
// below, in this process, is never stalled by a blocked component call.
import { createServer } from 'node:net';
import type { JwtClaims } from '@wasmcp-ts/protocol/wit/wasmcp-auth-types.js';
import type { ClientMessage, ClientRequest } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VARIANTS } from '../../../test/support/artifacts.js';
import { AuthHost } from './support/auth-host.js';
import { JwksServer } from './support/jwks-server.js';
import { AUDIENCE, ISSUER, now, rawToken, signedRaw, signingKey, token, type SigningKey } from './support/tokens.js';

const ALGORITHMS = ['RS256', 'ES256', 'PS256', 'EdDSA'] as const;

let jwks: JwksServer;
const keys: Record<string, SigningKey> = {};
let stranger: SigningKey; // same kid as the RS256 key, not in the JWKS

beforeAll(async () => {
  jwks = await JwksServer.start();
  for (const alg of [...ALGORITHMS, 'ES384', 'PS512', 'RS512']) keys[alg] = await signingKey(alg);
  stranger = await signingKey('RS256', keys.RS256.kid);
  jwks.keys = Object.values(keys).map((k) => k.publicJwk);
});
afterAll(() => jwks.close());

const baseEnv = () => ({
  JWT_ISSUER: ISSUER,
  JWT_AUDIENCE: AUDIENCE,
  JWT_JWKS_URI: jwks.uri,
  JWT_JWKS_REFETCH_COOLDOWN: '0',
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function request(req: ClientRequest): ClientMessage {
  return { tag: 'request', val: [{ tag: 'number', val: 1n }, req] };
}

describe.each(VARIANTS)('authorization component (%s)', (variant) => {
  let host: AuthHost;
  beforeAll(() => {
    host = new AuthHost(variant);
  });
  afterAll(() => host.close());

  describe('valid tokens, verified inside the component', () => {
    const figures: string[] = [];
    afterAll(() => console.log(`per-verify times inside the component (${variant}, ms: cold instance / warm key / cached token):\n${figures.join('\n')}`));

    it.each([...ALGORITHMS, 'ES384', 'PS512', 'RS512'])('%s', async (alg) => {
      await host.instantiate(baseEnv(), { freshStore: true });
      const first = await host.decode(await token(keys[alg], { sub: `user-${alg}` }));
      expect(first).toMatchObject({ ok: true, claims: { subject: `user-${alg}` } });
      const tokenTwo = await token(keys[alg], { sub: `again-${alg}` });
      const second = await host.decode(tokenTwo);
      const cached = await host.decode(tokenTwo);
      expect(second.ok && cached.ok).toBe(true);
      figures.push(`  ${alg.padEnd(6)} ${first.ms.toFixed(1)} / ${second.ms.toFixed(1)} / ${cached.ms.toFixed(1)}`);
    });
  });

  it('every fresh instance seeds its crypto from wasi:random at run time, not from the build snapshot', async () => {
    // An EC key import seeds the engine's RNG through preview1 random_get, which the build
    // rewired to wasi:random (a stock build traps there instead).
    for (let i = 0; i < 2; i++) {
      await host.instantiate(baseEnv(), { countRandom: true });
      const before = await host.randomCalls();
      expect((await host.decode(await token(keys.ES256, { sub: `seed-${i}` }))).ok).toBe(true);
      expect(await host.randomCalls()).toBeGreaterThan(before);
    }
  });

  describe('claims', () => {
    beforeAll(() => host.instantiate(baseEnv(), { freshStore: true }));

    it('maps every standard claim and keeps custom ones as text', async () => {
      const iat = now() - 5;
      const result = await host.decode(
        await token(keys.ES256, {
          iat,
          exp: iat + 900,
          nbf: iat,
          jti: 'id-42',
          aud: [AUDIENCE, 'https://other.example'],
          scope: 'files:read  files:write',
          cnf: { jkt: 'thumb' },
          tenant: 'acme',
          roles: ['admin', 'dev'],
          level: 3,
        }),
      );
      expect(result.ok).toBe(true);
      const claims = (result as { claims: JwtClaims }).claims;
      expect(claims).toMatchObject({
        subject: 'user-1',
        issuer: ISSUER,
        audience: [AUDIENCE, 'https://other.example'],
        expiration: BigInt(iat + 900),
        issuedAt: BigInt(iat),
        notBefore: BigInt(iat),
        jwtId: 'id-42',
        scopes: ['files:read', 'files:write'],
        confirmation: { jkt: 'thumb' },
      });
      expect(Object.fromEntries(claims.customClaims)).toEqual({ tenant: 'acme', roles: '["admin","dev"]', level: '3' });
    });

    it('reads scopes from scp (a list) when there is no scope claim', async () => {
      const result = await host.decode(await token(keys.RS256, { scope: undefined, scp: ['a', 'b'] }));
      expect(result).toMatchObject({ ok: true, claims: { scopes: ['a', 'b'] } });
    });

    it('accepts a token expired less than the 60 s leeway ago', async () => {
      expect((await host.decode(await token(keys.RS256, { exp: now() - 30 }))).ok).toBe(true);
    });

    it('the helpers answer about the claims', async () => {
      const result = await host.decode(await token(keys.RS256, { tenant: 'acme' }));
      const claims = (result as { claims: JwtClaims }).claims;
      expect(await host.helper('hasScope', claims, 'mcp:read')).toBe(true);
      expect(await host.helper('hasAllScopes', claims, ['mcp:read', 'admin'])).toBe(false);
      expect(await host.helper('hasAnyScope', claims, ['admin', 'mcp:tools'])).toBe(true);
      expect(await host.helper('hasAudience', claims, AUDIENCE)).toBe(true);
      expect(await host.helper('getClaim', claims, 'tenant')).toBe('acme');
      expect(await host.helper('getClaim', claims, 'scope')).toBe('mcp:read mcp:tools');
      expect(await host.helper('isExpired', claims, undefined)).toBe(false);
      expect(await host.helper('isExpired', claims, 3600n)).toBe(true);
      expect(await host.helper('isValidTime', claims, 0n)).toBe(true);
      expect(await host.helper('flattenClaims', claims)).toContainEqual(['tenant', 'acme']);
    });
  });

  describe('bad tokens are rejected with the right reason', () => {
    beforeAll(() => host.instantiate({ ...baseEnv(), JWT_REQUIRED_SCOPES: 'mcp:read' }, { freshStore: true }));

    const rs = () => keys.RS256;
    const cases: Array<[string, () => Promise<string>, string]> = [
      ['expired beyond the leeway', () => token(rs(), { exp: now() - 120 }), 'expired'],
      ['not yet valid', () => token(rs(), { nbf: now() + 300 }), 'not-yet-valid'],
      ['wrong issuer', () => token(rs(), { iss: 'https://evil.example' }), 'wrong-issuer'],
      ['issuer over http', () => token(rs(), { iss: 'http://auth.example.test' }), 'wrong-issuer'],
      ['no issuer', () => token(rs(), { iss: undefined }), 'missing-claim'],
      ['wrong audience (another server)', () => token(rs(), { aud: 'https://other.example/mcp' }), 'wrong-audience'],
      ['audience list without this server', () => token(rs(), { aud: ['a', 'b'] }), 'wrong-audience'],
      ['no audience', () => token(rs(), { aud: undefined }), 'missing-claim'],
      ['no sub', () => token(rs(), { sub: undefined }), 'missing-claim'],
      ['empty sub', () => token(rs(), { sub: '' }), 'missing-claim'],
      ['no exp', () => token(rs(), { exp: undefined }), 'missing-claim'],
      ['exp that is not a number', () => token(rs(), { exp: 'tomorrow' }), 'malformed'],
      ['tampered payload', async () => {
        const [h, , s] = (await token(rs())).split('.');
        return `${h}.${Buffer.from(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: 'admin', exp: now() + 600, scope: 'mcp:read' })).toString('base64url')}.${s}`;
      }, 'bad-signature'],
      ['signature of another key under the same kid', () => token(stranger), 'bad-signature'],
      ['ES256 signature bytes flipped', async () => {
        const t = await token(keys.ES256);
        return t.slice(0, -4) + (t.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      }, 'bad-signature'],
      ['alg: none', async () => rawToken({ alg: 'none', kid: rs().kid }, { iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: now() + 60, scope: 'mcp:read' }), 'algorithm-not-allowed'],
      ['HS256 signed with the public key as the secret', async () =>
        new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: now() + 60, scope: 'mcp:read' })
          .setProtectedHeader({ alg: 'HS256', kid: rs().kid })
          .sign(new TextEncoder().encode(rs().spki)), 'algorithm-not-allowed'],
      ['unknown kid (after one refetch)', () => token(rs(), {}, { kid: 'rotated-away' }), 'unknown-key'],
      ['alg that does not fit the key (ES256 header, RSA kid)', async () => {
        const [, p, s] = (await token(rs())).split('.');
        return `${Buffer.from(JSON.stringify({ alg: 'ES256', kid: rs().kid })).toString('base64url')}.${p}.${s}`;
      }, 'unknown-key'],
      ['truncated (no signature part)', async () => (await token(rs())).split('.').slice(0, 2).join('.'), 'malformed'],
      ['cut in the middle', async () => (await token(rs())).slice(0, 60), 'malformed'],
      ['not a JWT at all', async () => 'hello', 'malformed'],
      ['payload that is not JSON (validly signed)', () => signedRaw(rs(), { alg: 'RS256', kid: rs().kid }, 'not json'), 'malformed'],
      ['unknown critical header (validly signed)', () =>
        signedRaw(rs(), { alg: 'RS256', kid: rs().kid, crit: ['x-must-understand'], 'x-must-understand': 1 }, JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: now() + 60, scope: 'mcp:read' })), 'malformed'],
      ['huge header', () => token(rs(), {}, { pad: 'x'.repeat(64 * 1024) }), 'too-large'],
      ['required scope missing', () => token(rs(), { scope: 'other' }), 'insufficient-scope'],
    ];

    it.each(cases)('%s', async (_name, make, reason) => {
      const result = await host.decode(await make());
      expect(result).toMatchObject({ ok: false, reason });
    });

    it('an unknown kid makes the component refetch the JWKS once', async () => {
      expect((await host.decode(await token(keys.RS256, { sub: 'loads-the-jwks' }))).ok).toBe(true);
      const before = jwks.fetches;
      expect(await host.decode(await token(keys.RS256, {}, { kid: 'never-seen' }))).toMatchObject({ ok: false, reason: 'unknown-key' });
      expect(jwks.fetches - before).toBe(1);
    });

    it('the instance keeps answering after all of that', async () => {
      expect((await host.decode(await token(keys.RS256))).ok).toBe(true);
    });
  });

  describe('the JWKS', () => {
    it('is fetched once within JWT_JWKS_TTL, by every instance sharing the store', async () => {
      const env = { ...baseEnv(), JWT_JWKS_TTL: '600' };
      await host.instantiate(env, { freshStore: true });
      const before = jwks.fetches;
      for (let i = 0; i < 5; i++) expect((await host.decode(await token(keys.RS256, { sub: `n${i}` }))).ok).toBe(true);
      await host.instantiate(env); // fresh instances, same key-value store
      for (let i = 0; i < 3; i++) expect((await host.decode(await token(keys.ES256, { sub: `m${i}` }))).ok).toBe(true);
      expect(jwks.fetches - before).toBe(1);
    });

    it('is fetched again once JWT_JWKS_TTL has passed', async () => {
      // The cache counts whole seconds: 3 s leaves room for two decodes on a busy machine.
      await host.instantiate({ ...baseEnv(), JWT_JWKS_TTL: '3' }, { freshStore: true });
      const before = jwks.fetches;
      expect((await host.decode(await token(keys.RS256, { sub: 'first' }))).ok).toBe(true);
      expect((await host.decode(await token(keys.RS256, { sub: 'second' }))).ok).toBe(true);
      expect(jwks.fetches - before).toBe(1);
      await new Promise((r) => setTimeout(r, 4000));
      expect((await host.decode(await token(keys.RS256, { sub: 'later' }))).ok).toBe(true);
      expect(jwks.fetches - before).toBe(2);
    });

    it('a rotated-in key is picked up by the refetch on its unknown kid', async () => {
      await host.instantiate({ ...baseEnv(), JWT_JWKS_TTL: '600' }, { freshStore: true });
      expect((await host.decode(await token(keys.RS256))).ok).toBe(true);
      const rotated = await signingKey('ES256', 'rotated-in');
      jwks.keys = [...jwks.keys, rotated.publicJwk];
      try {
        const before = jwks.fetches;
        expect(await host.decode(await token(rotated))).toMatchObject({ ok: true });
        expect(jwks.fetches - before).toBe(1);
      } finally {
        jwks.keys = jwks.keys.filter((k) => (k as { kid?: string }).kid !== 'rotated-in');
      }
    });

    it('is not refetched again for unknown kids within JWT_JWKS_REFETCH_COOLDOWN', async () => {
      await host.instantiate({ ...baseEnv(), JWT_JWKS_REFETCH_COOLDOWN: '600' }, { freshStore: true });
      const before = jwks.fetches;
      for (const kid of ['k1', 'k2', 'k3']) expect(await host.decode(await token(keys.RS256, {}, { kid }))).toMatchObject({ ok: false, reason: 'unknown-key' });
      expect(jwks.fetches - before).toBe(1);
    });

    it.each([
      ['returns garbage', 'garbage'],
      ['returns JSON that is not a key set', 'not-a-key-set'],
      ['answers 500', 'error-500'],
    ] as const)('a JWKS server that %s rejects tokens (jwks-unavailable)', async (_name, mode) => {
      jwks.mode = mode;
      try {
        await host.instantiate(baseEnv(), { freshStore: true });
        expect(await host.decode(await token(keys.RS256))).toMatchObject({ ok: false, reason: 'jwks-unavailable' });
      } finally {
        jwks.mode = 'keys';
      }
    });

    it('a JWKS server that is down rejects tokens (jwks-unavailable), without a trap', async () => {
      await host.instantiate({ ...baseEnv(), JWT_JWKS_URI: `http://127.0.0.1:${await closedPort()}/jwks` }, { freshStore: true });
      expect(await host.decode(await token(keys.RS256))).toMatchObject({ ok: false, reason: 'jwks-unavailable' });
      expect(await host.decode(await token(keys.RS256))).toMatchObject({ ok: false, reason: 'jwks-unavailable' });
    });
  });

  describe('JWT_PUBLIC_KEY instead of a JWKS', () => {
    it.each(['RS256', 'ES256', 'EdDSA', 'PS256'])('a PEM %s key verifies its tokens and no other', async (alg) => {
      await host.instantiate({ JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_PUBLIC_KEY: keys[alg].spki });
      expect((await host.decode(await token(keys[alg]))).ok).toBe(true);
      const other = alg === 'RS256' ? stranger : keys.RS256;
      expect((await host.decode(await token(other))).ok).toBe(false);
    });

    it('a public JWK as JSON works too, with PEM newlines written as \\n', async () => {
      await host.instantiate({ JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_PUBLIC_KEY: JSON.stringify(keys.ES256.publicJwk) });
      expect((await host.decode(await token(keys.ES256))).ok).toBe(true);
      await host.instantiate({ JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_PUBLIC_KEY: keys.RS256.spki.replace(/\n/g, '\\n') });
      expect((await host.decode(await token(keys.RS256))).ok).toBe(true);
    });
  });

  describe('bad configuration is a clear error, not a trap', () => {
    const configs: Array<[string, Record<string, string | undefined>, RegExp]> = [
      ['both JWT_JWKS_URI and JWT_PUBLIC_KEY', { JWT_PUBLIC_KEY: 'x' }, /not both/],
      ['neither JWT_JWKS_URI nor JWT_PUBLIC_KEY', { JWT_JWKS_URI: undefined }, /JWT_JWKS_URI or JWT_PUBLIC_KEY is required/],
      ['an http issuer URL', { JWT_ISSUER: 'http://auth.example.test' }, /JWT_ISSUER must be an https URL/],
      ['no issuer', { JWT_ISSUER: undefined }, /JWT_ISSUER is required/],
      ['no audience', { JWT_AUDIENCE: undefined }, /JWT_AUDIENCE \(or WASMCP_SERVER_URI\) is required/],
      ['alg none allowed', { JWT_ALGORITHMS: 'RS256,none' }, /must not allow "none"/],
      ['an HMAC algorithm allowed', { JWT_ALGORITHM: 'HS256' }, /must not allow HS256/],
      ['a JWKS over plain http to a remote host', { JWT_JWKS_URI: 'http://keys.example.test/jwks' }, /must use https/],
      ['a public key that is not one', { JWT_JWKS_URI: undefined, JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }, /JWT_PUBLIC_KEY is not a usable public key/],
      ['a policy that is not JSON', { WASMCP_AUTH_POLICY: '{tools:' }, /WASMCP_AUTH_POLICY is not valid JSON/],
      ['a TTL that is not a number', { JWT_JWKS_TTL: 'soon' }, /JWT_JWKS_TTL must be a whole number/],
    ];

    it.each(configs)('%s', async (_name, change, message) => {
      const env: Record<string, string> = { ...baseEnv() };
      for (const [k, v] of Object.entries(change)) {
        if (v === undefined) delete env[k];
        else env[k] = v;
      }
      await host.instantiate(env);
      const valid = await token(keys.RS256);
      const result = await host.decode(valid);
      expect(result).toMatchObject({ ok: false, reason: 'config' });
      expect((result as { detail: string }).detail).toMatch(message);
      const claims: JwtClaims = { subject: 's', audience: [], scopes: [], customClaims: [] };
      expect(await host.authorize(request({ tag: 'tools-list', val: {} }), claims)).toBe(false);
    });
  });

  describe('authorize, by WASMCP_AUTH_POLICY', () => {
    const policy = {
      methods: { 'tools/call': ['mcp:tools'], 'resources/read': ['mcp:read'] },
      tools: { delete_everything: ['admin'] },
      resources: { 'file:///secret/*': ['secrets'] },
      prompts: { '*': ['prompts'] },
    };
    beforeAll(() => host.instantiate({ ...baseEnv(), WASMCP_AUTH_POLICY: JSON.stringify(policy) }));
    const claims = (...scopes: string[]): JwtClaims => ({ subject: 'u', audience: [AUDIENCE], scopes, customClaims: [] });
    const call = (name: string) => request({ tag: 'tools-call', val: { name } });
    const read = (uri: string) => request({ tag: 'resources-read', val: { uri } });

    it.each([
      ['tools/call with the method scope', call('add'), ['mcp:tools'], true],
      ['tools/call without it', call('add'), ['mcp:read'], false],
      ['a tool with its own scope, held', call('delete_everything'), ['mcp:tools', 'admin'], true],
      ['a tool with its own scope, missing', call('delete_everything'), ['mcp:tools'], false],
      ['a resource under a protected prefix, missing', read('file:///secret/keys'), ['mcp:read'], false],
      ['a resource under a protected prefix, held', read('file:///secret/keys'), ['mcp:read', 'secrets'], true],
      ['a resource elsewhere', read('file:///public/readme'), ['mcp:read'], true],
      ['any prompt (the * entry)', request({ tag: 'prompts-get', val: { name: 'greet' } }), [], false],
      ['a method the policy does not name', request({ tag: 'tools-list', val: {} }), [], true],
      ['a notification', { tag: 'notification', val: { tag: 'initialized', val: {} } } as ClientMessage, [], true],
    ] as const)('%s', async (_name, message, scopes, allowed) => {
      expect(await host.authorize(message as ClientMessage, claims(...scopes))).toBe(allowed);
    });

    it('logs which scopes were missing', async () => {
      await host.authorize(call('delete_everything'), claims('mcp:tools'));
      await expect.poll(() => host.stderr.some((l) => /authorize denied tools\/call for u: missing scope\(s\) admin/.test(l))).toBe(true);
    });
  });
});
