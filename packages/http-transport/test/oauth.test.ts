// The HTTP transport in oauth mode with the built authorization component: 401 challenges that
// point at the RFC 9728 metadata, 403 naming the missing scopes, and a session bound to the
// token's subject. Keys and tokens are made here with jose. The same against the calculator's
// fused server (built with --auth oauth: transport, sessions and authorization in one engine).
import { join } from 'node:path';
import type { KeyValueSpec } from '@wasmcp-ts/runtime';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, fusedServer, VARIANT_BUILDS } from '../../../test/support/artifacts.js';
import { jsonRpc, MCP_HEADERS, messagesOf, rawRequest } from '../../../test/support/http.js';
import { ISSUER, testIssuer } from '../../../test/support/oauth.js';
import { startServer, type TestServer } from '../../../test/support/server.js';
import { tempDir } from '../../../test/support/temp.js';


describe.each(VARIANT_BUILDS)('http-transport with OAuth (%s, %s)', (variant, build) => {
  let server: TestServer;
  let sign: (claims: Record<string, unknown>) => Promise<string>;
  const keyValue: KeyValueSpec = { kind: 'sqlite', path: join(tempDir('wasmcp-oauth'), 'kv.sqlite') };

  beforeAll(async () => {
    const issuer = await testIssuer();
    sign = (claims) => issuer.sign(claims);
    server = await startServer({
      frameworkBuild: 'pieces',
      components: [build === 'fused' ? fusedServer('examples/calculator', 'calculator', variant) : example('calculator', variant)],
      variant,
      workers: 2,
      keyValue,
      env: {
        WASMCP_SESSION_ENABLED: 'true',
        ...issuer.env,
        WASMCP_AUTH_POLICY: JSON.stringify({ tools: { divide: ['math:divide'] } }),
      },
    });
  });
  afterAll(() => server?.close());

  const post = (body: string, headers: Record<string, string> = {}) => rawRequest(server.mcpUrl, { headers: { ...MCP_HEADERS, ...headers }, body });
  const initialize = jsonRpc(1, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'oauth-test', version: '1' } });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('401 without a token, with a challenge pointing at the protected resource metadata', async () => {
    const res = await post(initialize);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(`Bearer resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp"`);
  });

  it('serves the RFC 9728 metadata document, under the root and with the MCP path appended', async () => {
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
      const res = await rawRequest(`${server.url}${path}`, { method: 'GET' });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ resource: `${server.url}/mcp`, authorization_servers: [ISSUER], bearer_methods_supported: ['header'] });
    }
  });

  it('401 invalid_token for a token of another audience, and for garbage', async () => {
    const otherAudience = await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setAudience('https://other').setExpirationTime('10m').sign(new TextEncoder().encode('x'.repeat(32)));
    for (const token of [otherAudience, 'not.a.jwt']) {
      const res = await post(initialize, bearer(token));
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    }
  });

  it('a valid token is served; a tool its scopes do not cover is 403 naming the missing scope', async () => {
    const token = await sign({ sub: 'alice', scope: 'mcp' });
    const init = await post(initialize, bearer(token));
    expect(init.status).toBe(200);
    const sessionId = String(init.headers['mcp-session-id']);
    const headers = { ...bearer(token), 'mcp-session-id': sessionId };
    const add = await post(jsonRpc(2, 'tools/call', { name: 'add', arguments: { a: 1, b: 2 } }), headers);
    expect(messagesOf(add)[0].result.content[0].text).toBe('3');
    const divide = await post(jsonRpc(3, 'tools/call', { name: 'divide', arguments: { a: 1, b: 2 } }), headers);
    expect(divide.status).toBe(403);
    expect(divide.headers['www-authenticate']).toContain('error="insufficient_scope"');
    expect(divide.headers['www-authenticate']).toContain('scope="math:divide"');
    const withScope = await sign({ sub: 'alice', scope: 'mcp math:divide' });
    const allowed = await post(jsonRpc(4, 'tools/call', { name: 'divide', arguments: { a: 1, b: 2 } }), { ...bearer(withScope), 'mcp-session-id': sessionId });
    expect(messagesOf(allowed)[0].result.content[0].text).toBe('0.5');
  });

  it('a session bound to one subject refuses another subject with 403', async () => {
    const alice = await sign({ sub: 'alice' });
    const init = await post(initialize, bearer(alice));
    const sessionId = String(init.headers['mcp-session-id']);
    const mallory = await sign({ sub: 'mallory' });
    const res = await post(jsonRpc(2, 'tools/list'), { ...bearer(mallory), 'mcp-session-id': sessionId });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.message).toMatch(/another subject/);
    const again = await post(jsonRpc(3, 'tools/list'), { ...bearer(alice), 'mcp-session-id': sessionId });
    expect(messagesOf(again)[0].result.tools.length).toBeGreaterThan(0);
  });

  it('a public server on the same store refuses a session bound to a subject, and serves its own', async () => {
    const init = await post(initialize, bearer(await sign({ sub: 'alice' })));
    const bound = String(init.headers['mcp-session-id']);
    const open = await startServer({ frameworkBuild: 'pieces', components: [example('calculator', variant)], variant, workers: 1, keyValue, env: { WASMCP_SESSION_ENABLED: 'true' } });
    try {
      const postOpen = (body: string, headers: Record<string, string> = {}) => rawRequest(open.mcpUrl, { headers: { ...MCP_HEADERS, ...headers }, body });
      const refused = await postOpen(jsonRpc(2, 'tools/list'), { 'mcp-session-id': bound });
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body).error.message).toMatch(/another subject/);
      const own = String((await postOpen(initialize)).headers['mcp-session-id']);
      const served = await postOpen(jsonRpc(2, 'tools/list'), { 'mcp-session-id': own });
      expect(messagesOf(served)[0].result.tools.length).toBeGreaterThan(0);
    } finally {
      await open.close();
    }
  });
});
