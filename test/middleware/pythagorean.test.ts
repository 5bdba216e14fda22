// The composed-tool example over Streamable HTTP, with the official MCP clients: pythagorean
// (a middleware) in front of the square and square-root tools components. The client sees only
// pythagorean; its handler reaches the hidden tools through ctx.downstream.
import { Client as ClientV2, StreamableHTTPClientTransport as TransportV2 } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, VARIANTS } from '../support/artifacts.js';
import { startServer, type TestServer } from '../support/server.js';

describe.each(VARIANTS)('pythagorean composed over square and square-root (%s)', (variant) => {
  let server: TestServer;
  let client: Client;

  beforeAll(async () => {
    server = await startServer({
      components: [example('pythagorean', variant), example('square', variant), example('square-root', variant)],
      variant,
      env: { WASMCP_SESSION_ENABLED: 'true' },
      workers: 1,
    });
    client = new Client({ name: 'pythagorean-e2e', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl)));
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('tools/list shows only pythagorean', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['pythagorean']);
    expect(tools[0].inputSchema).toMatchObject({ required: ['a', 'b'] });
  });

  it('computes the hypotenuse through the two downstream tools', async () => {
    expect(await client.callTool({ name: 'pythagorean', arguments: { a: 3, b: 4 } })).toEqual({
      content: [{ type: 'text', text: '5' }],
      structuredContent: { hypotenuse: 5 },
    });
    expect(await client.callTool({ name: 'pythagorean', arguments: { a: 5, b: 12 } })).toMatchObject({ structuredContent: { hypotenuse: 13 } });
  });

  it('a failing downstream call is an isError result naming the tool', async () => {
    const result = await client.callTool({ name: 'pythagorean', arguments: { a: 1e200, b: 1 } });
    expect(result).toEqual({
      content: [{ type: 'text', text: 'Tool "square" failed: 1e+200 squared is too large for a number' }],
      isError: true,
    });
  });

  it('the hidden tools cannot be called by the client', async () => {
    await expect(client.callTool({ name: 'square', arguments: { x: 2 } })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('Unknown tool: square') });
    await expect(client.callTool({ name: 'square_root', arguments: { x: 4 } })).rejects.toMatchObject({ code: -32602 });
  });

  it('a 2026-07-28 client (official v2 client) gets the same', async () => {
    const v2 = new ClientV2({ name: 'pythagorean-v2', version: '2.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await v2.connect(new TransportV2(new URL(server.mcpUrl)));
    try {
      expect((await v2.listTools()).tools.map((t) => t.name)).toEqual(['pythagorean']);
      expect(await v2.callTool({ name: 'pythagorean', arguments: { a: 8, b: 15 } })).toMatchObject({ structuredContent: { hypotenuse: 17 } });
    } finally {
      await v2.close();
    }
  });
});
