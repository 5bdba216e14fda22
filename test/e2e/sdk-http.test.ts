// The official MCP TypeScript SDK client against `wasmcp-ts serve`-style composition of the
// example tools: what a real MCP client sees.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, fusedServer, VARIANT_BUILDS, type Build, type Variant } from '../support/artifacts.js';
import { MCP_HEADERS, rawRequest } from '../support/http.js';
import { startServer, type TestServer } from '../support/server.js';

const SERVER: Record<Build, (variant: Variant) => string[]> = {
  pieces: (variant) => [example('calculator', variant), example('string-tools', variant)],
  fused: (variant) => [fusedServer('examples/server', 'examples', variant)],
};

describe.each(VARIANT_BUILDS)('official SDK client over Streamable HTTP (%s, %s)', (variant, build) => {
  let server: TestServer;
  let client: Client;
  let transport: StreamableHTTPClientTransport;

  beforeAll(async () => {
    server = await startServer({
      components: SERVER[build](variant),
      variant,
      env: { WASMCP_SESSION_ENABLED: 'true' },
      workers: 2,
    });
    client = new Client({ name: 'sdk-e2e', version: '1.0.0' });
    transport = new StreamableHTTPClientTransport(new URL(server.mcpUrl));
    await client.connect(transport);
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('negotiates the latest protocol and sees the tools capability', () => {
    expect(client.getServerVersion()).toEqual({ name: 'wasmcp-ts', version: '0.1.0' });
    expect(client.getServerCapabilities()).toMatchObject({ tools: {}, logging: {} });
    expect(client.getServerCapabilities()?.prompts).toBeUndefined();
  });

  it('lists the tools of both components, in chain order', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['add', 'subtract', 'multiply', 'divide', 'reverse', 'uppercase', 'lowercase', 'word_count']);
    expect(tools[0].inputSchema).toMatchObject({ type: 'object', properties: { a: { type: 'number' } } });
  });

  it('calls a tool of each component', async () => {
    expect(await client.callTool({ name: 'divide', arguments: { a: 1, b: 4 } })).toEqual({ content: [{ type: 'text', text: '0.25' }] });
    expect(await client.callTool({ name: 'uppercase', arguments: { text: 'wasm' } })).toEqual({ content: [{ type: 'text', text: 'WASM' }] });
  });

  it('a tool error is an isError result; an unknown tool is a -32602 protocol error', async () => {
    expect(await client.callTool({ name: 'divide', arguments: { a: 1, b: 0 } })).toEqual({ content: [{ type: 'text', text: 'Division by zero' }], isError: true });
    await expect(client.callTool({ name: 'no_such_tool', arguments: {} })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('Unknown tool: no_such_tool') });
  });

  it('keeps the session id, and after terminateSession the id is refused with 404', async () => {
    const sessionId = transport.sessionId;
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    await client.ping();
    await transport.terminateSession();
    const after = await rawRequest(server.mcpUrl, {
      headers: { ...MCP_HEADERS, 'mcp-session-id': sessionId! },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list', params: {} }),
    });
    expect(after.status).toBe(404);
  });
});
