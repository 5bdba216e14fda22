// Serves the built component (npm run build first) and calls its tool as an MCP client does.
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

it('greets by name', async () => {
  expect(await client.callTool({ name: 'greet', arguments: { name: 'Ada' } })).toEqual({ content: [{ type: 'text', text: 'Hello, Ada!' }] });
});

it('answers arguments that break the input schema with an error result', async () => {
  const result = await client.callTool({ name: 'greet', arguments: {} });
  expect(result.isError).toBe(true);
  expect(result.content).toEqual([{ type: 'text', text: 'Invalid arguments for tool "greet": missing required property "name"' }]);
});
