// The built http-transport, served by the runtime in front of the example tools, spoken to
// with raw HTTP: every status code the transport answers, and what its bodies say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, fixture, VARIANTS } from '../../../test/support/artifacts.js';
import { jsonRpc, MCP_HEADERS, messagesOf, rawRequest } from '../../../test/support/http.js';
import { startServer, type TestServer } from '../../../test/support/server.js';

const initialize = (version: string) => jsonRpc(1, 'initialize', { protocolVersion: version, capabilities: {}, clientInfo: { name: 'raw', version: '1' } });

describe.each(VARIANTS)('http-transport over raw HTTP (%s)', (variant) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      frameworkBuild: 'pieces',
      components: [example('calculator', variant), fixture('test-tools', variant)],
      variant,
      env: { WASMCP_MAX_BODY: '2048', WASMCP_SERVER_NAME: 'raw-test', WASMCP_SERVER_VERSION: '9.9.9' },
      workers: 3,
    });
  });
  afterAll(() => server?.close());

  const post = (body: string, headers: Record<string, string> = {}) => rawRequest(server.mcpUrl, { headers: { ...MCP_HEADERS, ...headers }, body });

  it('initialize echoes a supported version and advertises only what the chain has', async () => {
    const res = await post(initialize('2025-06-18'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream');
    const [message] = messagesOf(res);
    expect(message).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { protocolVersion: '2025-06-18', capabilities: { logging: {}, tools: {} }, serverInfo: { name: 'raw-test', version: '9.9.9' } },
    });
  });

  it('initialize with an unknown version answers with the latest', async () => {
    const [message] = messagesOf(await post(initialize('1999-01-01')));
    expect(message.result.protocolVersion).toBe('2025-11-25');
  });

  it('ping works without initialize', async () => {
    expect(messagesOf(await post(jsonRpc(5, 'ping')))).toEqual([{ jsonrpc: '2.0', id: 5, result: {} }]);
  });

  it('tools/call answers as SSE, or as JSON for a client that accepts only JSON', async () => {
    const call = jsonRpc(2, 'tools/call', { name: 'multiply', arguments: { a: 6, b: 7 } });
    const sse = await post(call);
    expect(messagesOf(sse)[0].result.content).toEqual([{ type: 'text', text: '42' }]);
    const json = await post(call, { accept: 'application/json' });
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/json');
    expect(JSON.parse(json.body).result.content).toEqual([{ type: 'text', text: '42' }]);
  });

  it('errors from the chain keep their JSON-RPC code and message', async () => {
    const [unknownTool] = messagesOf(await post(jsonRpc(3, 'tools/call', { name: 'nope' })));
    expect(unknownTool.error).toMatchObject({ code: -32602, message: 'Unknown tool: nope' });
    const [unknownMethod] = messagesOf(await post(jsonRpc(4, 'prompts/list')));
    expect(unknownMethod.error).toMatchObject({ code: -32601, message: 'Method not found: prompts/list' });
    const [thrown] = messagesOf(await post(jsonRpc(6, 'tools/call', { name: 'fail_hard' })));
    expect(thrown.error).toMatchObject({ code: -32603, message: 'Internal error: fail_hard always fails' });
  });

  it('202 with no body for a notification', async () => {
    const res = await post(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    expect(res.status).toBe(202);
    expect(res.body).toBe('');
  });

  it('202 with no body for a client response', async () => {
    const res = await post(JSON.stringify({ jsonrpc: '2.0', id: 'srv-1', result: { roots: [] } }));
    expect(res.status).toBe(202);
    expect(res.body).toBe('');
  });

  it('400 with -32700 for malformed JSON', async () => {
    const res = await post('{"jsonrpc": "2.0", "id": 1, "method": ');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe(-32700);
  });

  it('400 with -32600 for a message that is not JSON-RPC, and for a batch under protocol 2025-06-18 or later', async () => {
    const notRpc = await post('{"hello": "world"}');
    expect(notRpc.status).toBe(400);
    expect(JSON.parse(notRpc.body).error.code).toBe(-32600);
    const batch = await post(`[${jsonRpc(1, 'ping')}]`);
    expect(batch.status).toBe(400);
    expect(JSON.parse(batch.body).error).toMatchObject({ code: -32600, message: 'Invalid Request: JSON-RPC batches are allowed only with protocol 2025-03-26, not 2025-11-25' });
  });

  describe('JSON-RPC batches (protocol 2025-03-26 only)', () => {
    const v2025_03_26 = { 'mcp-protocol-version': '2025-03-26' };
    const initialized = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });

    it('answers each request in order, as SSE events; notifications get no answer', async () => {
      const res = await post(`[${jsonRpc(1, 'ping')}, ${initialized}, ${jsonRpc(2, 'tools/call', { name: 'add', arguments: { a: 2, b: 3 } })}]`, v2025_03_26);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/event-stream');
      expect(messagesOf(res)).toEqual([
        { jsonrpc: '2.0', id: 1, result: {} },
        { jsonrpc: '2.0', id: 2, result: { content: [{ type: 'text', text: '5' }] } },
      ]);
    });

    it('as one JSON array for a client that accepts only JSON; without the header, 2025-03-26 is assumed', async () => {
      const headers = { 'content-type': 'application/json', accept: 'application/json' };
      const res = await rawRequest(server.mcpUrl, { headers, body: `[${jsonRpc(1, 'tools/list')}, ${jsonRpc(2, 'ping')}]` });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      const answers = JSON.parse(res.body);
      expect(answers.map((a: { id: number }) => a.id)).toEqual([1, 2]);
      expect(answers[0].result.tools.map((t: { name: string }) => t.name)).toContain('add');
    });

    it('a batch of notifications only is 202 with no body', async () => {
      const res = await post(`[${initialized}]`, v2025_03_26);
      expect(res.status).toBe(202);
      expect(res.body).toBe('');
    });

    it('initialize, an invalid message and an unknown method each get their own error; the rest is answered', async () => {
      const res = await post(`[${initialize('2025-03-26')}, {"hello":1}, ${jsonRpc(3, 'no/such')}, ${jsonRpc(4, 'ping')}]`, v2025_03_26);
      expect(messagesOf(res)).toEqual([
        { jsonrpc: '2.0', id: 1, error: { code: -32600, message: 'Invalid Request: initialize must not be part of a JSON-RPC batch' } },
        { jsonrpc: '2.0', error: expect.objectContaining({ code: -32600 }) },
        { jsonrpc: '2.0', id: 3, error: expect.objectContaining({ code: -32601 }) },
        { jsonrpc: '2.0', id: 4, result: {} },
      ]);
    });

    it('an empty batch is 400 (-32600), and a broken one 400 (-32700)', async () => {
      const empty = await post('[]', v2025_03_26);
      expect(empty.status).toBe(400);
      expect(JSON.parse(empty.body).error).toMatchObject({ code: -32600, message: 'Invalid Request: the batch is empty' });
      const broken = await post('[{"jsonrpc":', v2025_03_26);
      expect(broken.status).toBe(400);
      expect(JSON.parse(broken.body).error.code).toBe(-32700);
    });
  });

  it('400 for an unsupported MCP-Protocol-Version, naming the supported ones', async () => {
    const res = await post(jsonRpc(1, 'tools/list'), { 'mcp-protocol-version': '2099-01-01' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toContain('2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05');
  });

  it('406 when the client does not accept JSON', async () => {
    const res = await post(jsonRpc(1, 'ping'), { accept: 'text/html' });
    expect(res.status).toBe(406);
    expect(JSON.parse(res.body).error.message).toMatch(/Not Acceptable/);
  });

  it('415 for a body that is not JSON', async () => {
    const res = await post(jsonRpc(1, 'ping'), { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body).error.message).toMatch(/Content-Type must be application\/json/);
  });

  it('413 for a body over WASMCP_MAX_BODY, declared or streamed', async () => {
    const big = jsonRpc(1, 'tools/call', { name: 'echo', arguments: { pad: 'x'.repeat(4000) } });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toContain('2048 bytes');
    const chunked = await rawRequest(server.mcpUrl, { headers: { ...MCP_HEADERS, 'transfer-encoding': 'chunked' }, body: big });
    expect(chunked.status).toBe(413);
  });

  it('a body without Content-Length (chunked) is read to its end', async () => {
    const res = await rawRequest(server.mcpUrl, { headers: { ...MCP_HEADERS, 'transfer-encoding': 'chunked' }, body: jsonRpc(1, 'ping') });
    expect(res.status).toBe(200);
    expect(messagesOf(res)[0]).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
  });

  it('403 for a foreign Origin, and for a foreign Host (DNS rebinding)', async () => {
    const origin = await post(jsonRpc(1, 'ping'), { origin: 'https://evil.example' });
    expect(origin.status).toBe(403);
    expect(JSON.parse(origin.body).error.message).toContain('https://evil.example');
    const host = await post(jsonRpc(1, 'ping'), { host: 'evil.example:8080' });
    expect(host.status).toBe(403);
    const local = await post(jsonRpc(1, 'ping'), { origin: 'http://localhost:6274' });
    expect(local.status).toBe(200);
  });

  it('404 off the MCP path, 405 for GET and DELETE while sessions are off', async () => {
    const other = await rawRequest(`${server.url}/other`, { headers: MCP_HEADERS, body: jsonRpc(1, 'ping') });
    expect(other.status).toBe(404);
    const get = await rawRequest(server.mcpUrl, { method: 'GET', headers: { accept: 'text/event-stream' } });
    expect(get.status).toBe(405);
    expect(JSON.parse(get.body).error.message).toMatch(/no GET stream/);
    const del = await rawRequest(server.mcpUrl, { method: 'DELETE' });
    expect(del.status).toBe(405);
  });

  it('20 parallel calls all complete while one of them is slow', async () => {
    let slowDone = false;
    const slow = post(jsonRpc(100, 'tools/call', { name: 'sleep', arguments: { ms: 4000 } })).then((r) => {
      slowDone = true;
      return r;
    });
    const fast = await Promise.all(Array.from({ length: 19 }, (_, i) => post(jsonRpc(200 + i, 'tools/call', { name: 'add', arguments: { a: i, b: 1 } }))));
    // The fast calls were served by the other workers, not queued behind the slow one.
    expect(slowDone).toBe(false);
    fast.forEach((r, i) => expect(messagesOf(r)[0].result.content[0].text).toBe(String(i + 1)));
    expect(messagesOf(await slow)[0].result.content[0].text).toBe('slept 4000 ms');
  });
});
