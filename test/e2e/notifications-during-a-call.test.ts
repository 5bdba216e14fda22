// Notifications a tool sends while it runs (through server-io): over SSE each reaches the
// client as it is written, before the response; in JSON response mode none is sent and the
// response is still right.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, fusedServer, VARIANT_BUILDS } from '../support/artifacts.js';
import { messagesOf, rawRequest } from '../support/http.js';
import { startServer, type TestServer } from '../support/server.js';

const INTERVAL_MS = 100;

describe.each(VARIANT_BUILDS)('notifications during a tool call (%s, %s)', (variant, build) => {
  let server: TestServer;
  let client: Client;

  beforeAll(async () => {
    const components = [build === 'fused' ? fusedServer('test/fixtures/notifying-tools', 'notifying-tools', variant) : fixture('notifying-tools', variant)];
    server = await startServer({ components, variant, workers: 2 });
    client = new Client({ name: 'progress-e2e', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl)));
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('advertises tools and logging only: no completions without a completions component', () => {
    expect(client.getServerCapabilities()).toEqual({ tools: {}, logging: {} });
  });

  it('each progress notification arrives as it is sent, before the response', async () => {
    const arrivals: { progress: number; total?: number; at: number; responded: boolean }[] = [];
    let responded = false;
    const result = await client
      .callTool({ name: 'progress', arguments: { steps: 3, intervalMs: INTERVAL_MS } }, undefined, {
        onprogress: (p) => arrivals.push({ progress: p.progress, total: p.total, at: performance.now(), responded }),
      })
      .finally(() => (responded = true));
    expect(result).toEqual({ content: [{ type: 'text', text: '3 steps done' }] });
    expect(arrivals.map(({ progress, total, responded }) => ({ progress, total, responded }))).toEqual([
      { progress: 1, total: 3, responded: false },
      { progress: 2, total: 3, responded: false },
      { progress: 3, total: 3, responded: false },
    ]);
    // Sent INTERVAL_MS apart (2 * INTERVAL_MS first to last): buffered until the end they would
    // arrive together. Half the nominal spread leaves room for a busy test machine.
    expect(arrivals[2].at - arrivals[0].at).toBeGreaterThanOrEqual(INTERVAL_MS);
  });

  it('a plain JSON response (the client accepts only JSON) carries no notification and the right result', async () => {
    const response = await rawRequest(server.mcpUrl, {
      headers: { 'content-type': 'application/json', accept: 'application/json', 'mcp-protocol-version': '2025-11-25' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 7,
        method: 'tools/call',
        params: { name: 'progress', arguments: { steps: 2, intervalMs: 10 }, _meta: { progressToken: 'p-7' } },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(messagesOf(response)).toEqual([{ jsonrpc: '2.0', id: 7, result: { content: [{ type: 'text', text: '2 steps done' }] } }]);
  });

  it('over raw SSE, notifications for a string token precede the response event', async () => {
    const response = await rawRequest(server.mcpUrl, {
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 8,
        method: 'tools/call',
        params: { name: 'progress', arguments: { steps: 2, intervalMs: 10 }, _meta: { progressToken: 'p-8' } },
      }),
    });
    expect(messagesOf(response).map((m) => m.method ?? `response ${m.id}`)).toEqual(['notifications/progress', 'notifications/progress', 'response 8']);
    expect(messagesOf(response)[0].params).toEqual({ progressToken: 'p-8', progress: 1, total: 2, message: 'step 1' });
  });
});
