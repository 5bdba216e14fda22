// Serves the built middleware (npm run build first) alone in a chain, and talks to it as an MCP client does.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { serveComponents, type RunningServer } from '@wasmcp-ts/runtime';
import { afterAll, beforeAll, expect, it } from 'vitest';

let server: RunningServer;
let client: Client;

beforeAll(async () => {
  server = await serveComponents({
    components: ['dist/draft/{{name}}.wasm'],
    variant: 'draft',
    env: { WASMCP_SESSION_ENABLED: 'false' },
    keyValue: { kind: 'memory' },
    host: '127.0.0.1',
    port: 0,
    workers: 1,
  });
  client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
}, 120_000);

afterAll(async () => {
  await client?.close();
  await server?.close();
});

it('serves its tool, and stamps the result', async () => {
  expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['greet']);
  expect(await client.callTool({ name: 'greet', arguments: { name: 'Ada' } })).toEqual({
    content: [{ type: 'text', text: 'Hello, Ada!' }],
    _meta: { 'example/served-by': '{{name}}' },
  });
});

it('passes on what it does not serve: an unknown tool is -32602 from the chain behind it', async () => {
  await expect(client.callTool({ name: 'nope', arguments: {} })).rejects.toMatchObject({ code: -32602 });
});
