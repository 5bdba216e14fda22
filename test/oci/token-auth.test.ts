// The registry token handshake (as ghcr.io and Docker Hub speak it): a 401 with a Bearer
// challenge sends the client to the realm for a token scoped to the repository, with the
// user's credentials as basic auth. A small fake registry on 127.0.0.1 plays both parts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsFromEnv } from '../../packages/runtime/src/oci/credentials.js';
import { sha256Digest } from '../../packages/runtime/src/oci/digest.js';
import { RegistryClient } from '../../packages/runtime/src/oci/registry-client.js';

const MANIFEST = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] }));
const TOKEN_USER = 'ci-bot';
const TOKEN_SECRET = 'ghp_example';

let server: http.Server;
let host: string;
const tokenRequests: { scope: string | null; service: string | null; authorization?: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, `http://${req.headers.host}`);
    if (url.pathname === '/token') {
      tokenRequests.push({ scope: url.searchParams.get('scope'), service: url.searchParams.get('service'), authorization: req.headers.authorization });
      const expected = `Basic ${Buffer.from(`${TOKEN_USER}:${TOKEN_SECRET}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        res.writeHead(401).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `token-for ${url.searchParams.get('scope')}` }));
      return;
    }
    const scope = 'repository:org/tool:pull';
    if (req.headers.authorization !== `Bearer token-for ${scope}`) {
      res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${host}/token",service="fake-registry",scope="${scope}"` }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': sha256Digest(MANIFEST) }).end(MANIFEST);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('bearer token handshake', () => {
  it('fetches a repository-scoped token with the credentials and retries with it', async () => {
    tokenRequests.length = 0;
    const client = new RegistryClient(host, { username: TOKEN_USER, secret: TOKEN_SECRET });
    const manifest = await client.getManifest('org/tool', '1.0.0');
    expect(manifest.bytes).toEqual(MANIFEST);
    expect(tokenRequests).toEqual([{ scope: 'repository:org/tool:pull', service: 'fake-registry', authorization: `Basic ${Buffer.from(`${TOKEN_USER}:${TOKEN_SECRET}`).toString('base64')}` }]);
    // The token is kept for the scope: a second request needs no new handshake.
    await client.getManifest('org/tool', '1.0.0');
    expect(tokenRequests).toHaveLength(1);
  });

  it('a token service that refuses the credentials is a clear error', async () => {
    const client = new RegistryClient(host, { username: TOKEN_USER, secret: 'revoked' });
    await expect(client.getManifest('org/tool', '1.0.0')).rejects.toThrow(`${host} refused the credentials of user "ci-bot" (its token service answered HTTP 401)`);
  });

  it('reads a GitHub-style token from the environment', () => {
    expect(credentialsFromEnv({ GHCR_TOKEN: 'ghp_x', OCI_USERNAME: 'me' })).toEqual({ username: 'me', secret: 'ghp_x' });
    expect(credentialsFromEnv({ OCI_TOKEN: 'tok' })).toEqual({ username: undefined, secret: 'tok' });
    expect(credentialsFromEnv({})).toBeUndefined();
  });
});
