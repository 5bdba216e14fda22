// The official v2 MCP client (@modelcontextprotocol/client 2.4) against `wasmcp-ts serve` over
// Streamable HTTP, in its three negotiation modes: 'legacy' (the 2025 initialize handshake),
// 'auto' (server/discover first, 2026-07-28 when the server speaks it) and pinned to 2026-07-28.
// Sessions are on, as a user serves them: 2025-era clients get one, 2026-era clients none.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, fusedServer, VARIANT_BUILDS, type Build, type Variant } from '../support/artifacts.js';
import { startServer, type TestServer } from '../support/server.js';

const SERVER: Record<Build, (variant: Variant) => string[]> = {
  pieces: (variant) => [example('calculator', variant), example('string-tools', variant)],
  fused: (variant) => [fusedServer('examples/server', 'examples', variant)],
};

type Mode = 'legacy' | 'auto' | { pin: string };
const MODES: [string, Mode, string][] = [
  ['legacy', 'legacy', '2025-11-25'],
  ['auto', 'auto', '2026-07-28'],
  ['pinned to 2026-07-28', { pin: '2026-07-28' }, '2026-07-28'],
];

async function connect(url: string, mode: Mode): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const client = new Client({ name: 'sdk-v2-e2e', version: '2.0.0' }, { versionNegotiation: { mode } });
  const transport = new StreamableHTTPClientTransport(new URL(url));
  await client.connect(transport);
  return { client, transport };
}

describe.each(VARIANT_BUILDS)('official v2 client over Streamable HTTP (%s, %s)', (variant, build) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ components: SERVER[build](variant), variant, env: { WASMCP_SESSION_ENABLED: 'true' }, workers: 2 });
  });
  afterAll(() => server?.close());

  describe.each(MODES)('negotiation %s', (_name, mode, version) => {
    let client: Client;
    let transport: StreamableHTTPClientTransport;
    beforeAll(async () => {
      ({ client, transport } = await connect(server.mcpUrl, mode));
    });
    afterAll(() => client?.close());

    it(`speaks ${version}; a session only in the 2025 era`, () => {
      expect(client.getNegotiatedProtocolVersion()).toBe(version);
      expect(client.getServerVersion()).toMatchObject({ name: 'wasmcp-ts', version: '0.1.0' });
      expect(client.getServerCapabilities()).toMatchObject({ tools: {} });
      if (version === '2026-07-28') expect(transport.sessionId).toBeUndefined();
      else expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('lists the tools of both components, in chain order', async () => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['add', 'subtract', 'multiply', 'divide', 'reverse', 'uppercase', 'lowercase', 'word_count']);
    });

    it('calls tools; a tool error is an isError result; an unknown tool a -32602 error', async () => {
      expect(await client.callTool({ name: 'divide', arguments: { a: 1, b: 4 } })).toMatchObject({ content: [{ type: 'text', text: '0.25' }] });
      expect(await client.callTool({ name: 'uppercase', arguments: { text: 'wasm' } })).toMatchObject({ content: [{ type: 'text', text: 'WASM' }] });
      expect(await client.callTool({ name: 'divide', arguments: { a: 1, b: 0 } })).toMatchObject({ content: [{ type: 'text', text: 'Division by zero' }], isError: true });
      await expect(client.callTool({ name: 'no_such_tool', arguments: {} })).rejects.toMatchObject({ code: -32602 });
    });
  });
});

/** A proxy that sends each request to the next of `targets` in turn: no sticky routing at all. */
async function roundRobin(targets: string[]): Promise<{ url: string; forwarded: number[]; close(): Promise<void> }> {
  const forwarded = targets.map(() => 0);
  let next = 0;
  const proxy: Server = createServer((req, res) => {
    const index = next++ % targets.length;
    forwarded[index]++;
    const target = new URL(req.url ?? '/', targets[index]);
    const { host: _host, ...headers } = req.headers;
    const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/mcp`, forwarded, close: () => new Promise((resolve) => proxy.close(() => resolve())) };
}

describe('two servers with no shared state, requests alternating between them', () => {
  let servers: TestServer[];
  let proxy: Awaited<ReturnType<typeof roundRobin>>;
  beforeAll(async () => {
    // Each with its own in-memory store and sessions on: nothing a request could rely on is shared.
    servers = await Promise.all([0, 1].map(() => startServer({ components: [fusedServer('examples/server', 'examples', 'draft')], variant: 'draft', env: { WASMCP_SESSION_ENABLED: 'true' }, keyValue: { kind: 'memory' }, workers: 1 })));
    proxy = await roundRobin(servers.map((s) => new URL(s.mcpUrl).origin));
  });
  afterAll(async () => {
    await proxy?.close();
    await Promise.all((servers ?? []).map((s) => s.close()));
  });

  it('serve one 2026-07-28 client: connect, list and call, every answer right', async () => {
    const { client } = await connect(proxy.url, { pin: '2026-07-28' });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await client.listTools()).tools).toHaveLength(8);
        expect(await client.callTool({ name: 'add', arguments: { a: i, b: 1 } })).toMatchObject({ content: [{ type: 'text', text: String(i + 1) }] });
      }
    } finally {
      await client.close();
    }
    expect(proxy.forwarded.every((count) => count >= 3)).toBe(true);
  });

  it('a 2025-era client behind the same routing loses its session (why 2026-07-28 needs none)', async () => {
    await expect(connect(proxy.url, 'legacy').then(({ client }) => client.listTools())).rejects.toThrow();
  });
});
