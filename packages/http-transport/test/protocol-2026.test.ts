// The built http-transport speaking MCP 2026-07-28 over raw HTTP, with sessions on (as a user
// serves it): stateless requests, what each malformed one gets (JSON-RPC code and HTTP status),
// and the 2025 eras unchanged beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, VARIANTS } from '../../../test/support/artifacts.js';
import { jsonRpc, MCP_HEADERS, messagesOf, MODERN_HEADERS, MODERN_META, modernMessage, rawRequest } from '../../../test/support/http.js';
import { startServer, type TestServer } from '../../../test/support/server.js';


describe.each(VARIANTS)('http-transport, protocol 2026-07-28 (%s)', (variant) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      frameworkBuild: 'pieces',
      components: [example('calculator', variant)],
      variant,
      env: { WASMCP_SESSION_ENABLED: 'true', WASMCP_SERVER_NAME: 'raw-2026', WASMCP_SERVER_VERSION: '2.0.0', WASMCP_CACHE_TTL_MS: '60000', WASMCP_CACHE_SCOPE: 'public' },
      workers: 2,
    });
  });
  afterAll(() => server?.close());

  /** A 2026-07-28 request with conformant headers; `headers` override them, `meta` replaces _meta. */
  const modern = (...args: Parameters<typeof modernMessage>) => rawRequest(server.mcpUrl, modernMessage(...args));
  const body = (res: { body: string }) => JSON.parse(res.body);

  it('server/discover: supported versions, capabilities, identity and caching hints; no session id', async () => {
    const res = await modern(1, 'server/discover');
    expect(res.status).toBe(200);
    expect(res.headers['mcp-session-id']).toBeUndefined();
    expect(body(res)).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: {
        supportedVersions: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'],
        capabilities: { logging: {}, tools: {} },
        resultType: 'complete',
        _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'raw-2026', version: '2.0.0' } },
        ttlMs: 60000,
        cacheScope: 'public',
      },
    });
  });

  it('tools/list and tools/call with no initialize and no session; the call answers JSON when nothing streams', async () => {
    const list = await modern(2, 'tools/list');
    expect(list.headers['mcp-session-id']).toBeUndefined();
    expect(body(list).result).toMatchObject({ resultType: 'complete', ttlMs: 60000, cacheScope: 'public' });
    expect(body(list).result.tools.map((t: { name: string }) => t.name)).toEqual(['add', 'subtract', 'multiply', 'divide']);
    const call = await modern(3, 'tools/call', { name: 'multiply', arguments: { a: 6, b: 7 } });
    expect(call.headers['content-type']).toBe('application/json');
    expect(body(call).result).toEqual({ content: [{ type: 'text', text: '42' }], resultType: 'complete', _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'raw-2026', version: '2.0.0' } } });
  });

  it('a request that asks for progress streams (SSE), ending with its result', async () => {
    const res = await modern(4, 'tools/call', { name: 'add', arguments: { a: 1, b: 2 } }, { meta: { ...MODERN_META, progressToken: 'p1' } });
    expect(res.headers['content-type']).toBe('text/event-stream');
    expect(messagesOf(res).at(-1)).toMatchObject({ id: 4, result: { content: [{ type: 'text', text: '3' }], resultType: 'complete' } });
  });

  it.each([
    ['no _meta', null],
    ['no protocol version', { 'io.modelcontextprotocol/clientCapabilities': {} }],
    ['no client capabilities', { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' }],
  ])('%s: 400 and -32602 under the request id', async (_case, meta) => {
    const res = await modern(5, 'tools/list', {}, { meta });
    expect(res.status).toBe(400);
    expect(body(res)).toMatchObject({ id: 5, error: { code: -32602 } });
  });

  it('an unsupported version: 400 and -32022 listing the supported versions and echoing the requested', async () => {
    const res = await modern(6, 'tools/list', {}, { headers: { 'mcp-protocol-version': '2099-01-01' }, meta: { ...MODERN_META, 'io.modelcontextprotocol/protocolVersion': '2099-01-01' } });
    expect(res.status).toBe(400);
    expect(body(res)).toMatchObject({ id: 6, error: { code: -32022, data: { requested: '2099-01-01', supported: expect.arrayContaining(['2026-07-28', '2025-11-25']) } } });
  });

  it.each([
    ['a header version other than the body', { headers: {}, meta: { ...MODERN_META, 'io.modelcontextprotocol/protocolVersion': '2025-11-25' } }],
    ['no Mcp-Method', { headers: { 'mcp-method': '' } }],
    ['an Mcp-Method other than the body', { headers: { 'mcp-method': 'prompts/list' } }],
  ])('%s: 400 and -32020', async (_case, options) => {
    const res = await modern(7, 'tools/list', {}, options);
    expect(res.status).toBe(400);
    expect(body(res)).toMatchObject({ id: 7, error: { code: -32020 } });
  });

  it('an Mcp-Name other than the tool called: 400 and -32020, and the tool does not run', async () => {
    const res = await modern(8, 'tools/call', { name: 'add', arguments: { a: 1, b: 2 } }, { headers: { 'mcp-name': 'divide' } });
    expect(res.status).toBe(400);
    expect(body(res).error).toMatchObject({ code: -32020, message: expect.stringContaining("'divide'") });
  });

  it.each(['initialize', 'ping', 'logging/setLevel', 'resources/subscribe', 'resources/unsubscribe', 'no/such-method'])('%s: 404 and -32601', async (method) => {
    const res = await modern(9, method);
    expect(res.status).toBe(404);
    expect(body(res)).toMatchObject({ id: 9, error: { code: -32601 } });
  });

  it('GET and DELETE are 405 for 2026-07-28', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await rawRequest(server.mcpUrl, { method, headers: { ...MODERN_HEADERS, accept: 'text/event-stream' } });
      expect(res.status).toBe(405);
    }
  });

  it('a 2025-11-25 client beside it still gets its initialize and its session', async () => {
    const init = await rawRequest(server.mcpUrl, { headers: MCP_HEADERS, body: jsonRpc(1, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'old', version: '1' } }) });
    expect(init.headers['mcp-session-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(messagesOf(init)[0].result).toMatchObject({ protocolVersion: '2025-11-25' });
    expect(messagesOf(init)[0].result.resultType).toBeUndefined();
  });
});
