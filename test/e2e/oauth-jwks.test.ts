// OAuth as most deployments configure it: the issuer's keys fetched from its JWKS endpoint
// (JWT_JWKS_URI), here on 127.0.0.1. The fetch is the serving worker's outgoing wasi:http call,
// made through preview2-shim's I/O thread, which a worker starts on its first such call.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, VARIANT_BUILDS } from '../support/artifacts.js';
import { JWKS_KID, jwksIssuer, signToken, type JwksIssuer } from '../support/oauth.js';
import { startServer, type TestServer } from '../support/server.js';

describe.each(VARIANT_BUILDS)('OAuth with the issuer keys from a JWKS endpoint (%s, %s framework)', (variant, frameworkBuild) => {
  let issuer: JwksIssuer;
  let server: TestServer;

  beforeAll(async () => {
    issuer = await jwksIssuer();
    server = await startServer({ components: [example('calculator', variant)], variant, frameworkBuild, workers: 2, env: issuer.env });
  });
  afterAll(async () => {
    await server?.close();
    await issuer?.close();
  });

  it('a token signed with a published key is accepted, and its tools answer', async () => {
    const token = await issuer.sign({ sub: 'alice', scope: 'mcp' });
    const client = new Client({ name: 'jwks-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
    try {
      expect(await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } })).toEqual({ content: [{ type: 'text', text: '5' }] });
    } finally {
      await client.close();
    }
    expect(issuer.fetches()).toBeGreaterThan(0);
  });

  it('a token signed with a key the endpoint does not publish gets 401', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await signToken(privateKey, { sub: 'mallory', scope: 'mcp' }, JWKS_KID);
    const answer = await fetch(server.mcpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
    await answer.body?.cancel();
  });
});
