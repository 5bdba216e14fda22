// One bad tool cannot take the server down: a tools component whose tools loop forever,
// allocate without end, recurse without end, throw, crash their engine or return too much,
// served next to well-behaved tools. Every request ends with an answer a client can read, and
// the server goes on serving other clients.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/artifacts.js';
import { jsonRpc, MCP_HEADERS, messagesOf, rawRequest, type RawResponse } from '../support/http.js';
import { startServer, type TestServer } from '../support/server.js';

const WORKERS = 2;
const DEADLINE_SECONDS = 5;
const MAX_RESULT_BYTES = 256 * 1024;
const hostile = () => fixture('hostile-tools', 'draft');

/** A client session over raw HTTP, to control every request (and walk away from some). */
class RawSession {
  private constructor(
    readonly url: string,
    readonly id: string,
  ) {}

  static async open(url: string): Promise<RawSession> {
    const init = await rawRequest(url, {
      headers: MCP_HEADERS,
      body: jsonRpc(0, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'faults', version: '1' } }),
    });
    const id = init.headers['mcp-session-id'];
    if (typeof id !== 'string') throw new Error(`initialize gave no session: ${init.status} ${init.body}`);
    const session = new RawSession(url, id);
    await session.post(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    return session;
  }

  get headers(): Record<string, string> {
    return { ...MCP_HEADERS, 'mcp-session-id': this.id };
  }

  post(body: string): Promise<RawResponse> {
    return rawRequest(this.url, { headers: this.headers, body });
  }

  async call(id: number, name: string, args: object = {}): Promise<any> {
    const messages = messagesOf(await this.post(jsonRpc(id, 'tools/call', { name, arguments: args })));
    return messages.find((m) => m.id === id);
  }

  /** A call whose client gives up (closes the connection) before it can finish. */
  async callAndGiveUp(id: number, name: string): Promise<void> {
    const body = jsonRpc(id, 'tools/call', { name, arguments: {} });
    await expect(fetch(this.url, { method: 'POST', headers: this.headers, body, signal: AbortSignal.timeout(500) }).then((r) => r.text())).rejects.toThrow();
  }
}

const deadlineError = (id: number) => ({
  jsonrpc: '2.0',
  id,
  error: { code: -32603, message: expect.stringMatching(new RegExp(`did not finish within its ${DEADLINE_SECONDS} s deadline`)) },
});

describe('serve: misbehaving tools (draft)', () => {
  let server: TestServer;
  let client: Client;

  beforeAll(async () => {
    server = await startServer({
      components: [hostile()],
      variant: 'draft',
      env: { WASMCP_SESSION_ENABLED: 'true' },
      workers: WORKERS,
      // A long queue wait: replacing torn-down workers takes a while on a loaded machine.
      limits: { requestTimeoutMs: DEADLINE_SECONDS * 1000, queueTimeoutMs: 90_000, maxResultBytes: MAX_RESULT_BYTES, maxEngineMemoryBytes: 256 * 1024 * 1024 },
    });
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('runaway calls get the deadline error, and after 2 x --workers of them a well-behaved call of another client answers', { timeout: 180_000 }, async () => {
    const runaway = await RawSession.open(server.mcpUrl);
    await Promise.all(Array.from({ length: 2 * WORKERS }, (_, i) => runaway.callAndGiveUp(100 + i, 'spin')));
    const waited = await Promise.all([runaway.call(200, 'spin'), runaway.call(201, 'spin')]);
    expect(waited).toEqual([deadlineError(200), deadlineError(201)]);

    client = new Client({ name: 'faults-e2e', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl)));
    expect(await client.callTool({ name: 'echo', arguments: { text: 'still here' } })).toEqual({ content: [{ type: 'text', text: 'still here' }] });
  });

  it('a throwing, endlessly recursing or memory-hogging tool is an error result, and the next call answers', { timeout: 180_000 }, async () => {
    const session = await RawSession.open(server.mcpUrl);
    for (const [id, name] of [[1, 'throw'], [2, 'recurse'], [3, 'hog']] as const) {
      const answer = await session.call(id, name);
      expect(answer, name).toMatchObject({ id, result: { isError: true, content: [{ type: 'text' }] } });
      expect(await session.call(10 + id, 'echo', { text: `after ${name}` })).toMatchObject({ result: { content: [{ type: 'text', text: `after ${name}` }] } });
    }
  });

  it('a result over --max-result-bytes is an error naming the limit', { timeout: 120_000 }, async () => {
    const session = await RawSession.open(server.mcpUrl);
    expect(await session.call(1, 'big', { mib: 0.5 })).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32603, message: `Internal error: the result exceeds the limit of ${MAX_RESULT_BYTES} bytes (--max-result-bytes)` },
    });
    expect(await session.call(2, 'big', { mib: 0.1 })).toMatchObject({ id: 2, result: { content: [{ type: 'text', text: expect.stringMatching(/^x+$/) }] } });
  });

  it('an engine that dies mid-request fails that request; the next ones succeed and the session keeps its data', { timeout: 120_000 }, async () => {
    const session = await RawSession.open(server.mcpUrl);
    expect(await session.call(1, 'remember', { key: 'colour', value: 'teal' })).toMatchObject({ result: { content: [{ text: 'stored colour' }] } });
    expect(await session.call(2, 'crash')).toEqual({ jsonrpc: '2.0', id: 2, error: { code: -32603, message: expect.stringMatching(/^Internal error: the server worker failed/) } });
    expect(await session.call(3, 'recall', { key: 'colour' })).toMatchObject({ result: { content: [{ text: 'teal' }] } });
    expect(await session.call(4, 'echo', { text: 'on' })).toMatchObject({ result: { content: [{ text: 'on' }] } });
  });

  it('notifications/cancelled stops the running call: its exchange ends with no answer, before its deadline', { timeout: 120_000 }, async () => {
    const session = await RawSession.open(server.mcpUrl);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'spin', arguments: {}, _meta: { progressToken: 'spin-7' } } });
    const response = await fetch(server.mcpUrl, { method: 'POST', headers: session.headers, body });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // The tool reports progress before it spins: from then on it is running.
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('notifications/progress')) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before the tool ran: ${text}`);
      text += decoder.decode(value, { stream: true });
    }
    const cancel = await session.post(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 7, reason: 'changed my mind' } }));
    expect(cancel.status).toBe(202);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const messages = text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)));
    expect(messages.map((m) => m.method ?? m.id)).toEqual(['notifications/progress']);
    expect(await session.call(8, 'echo', { text: 'next' })).toMatchObject({ result: { content: [{ text: 'next' }] } });
  });
});

describe('serve: overload (draft)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ components: [hostile()], variant: 'draft', workers: 1, limits: { requestTimeoutMs: 5000, queueTimeoutMs: 500, maxConcurrentPerClient: 1 } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const ping = (id: number) => rawRequest(server.mcpUrl, { headers: MCP_HEADERS, body: jsonRpc(id, 'ping') });
  const healthz = async () => {
    const response = await rawRequest(`${server.url}/healthz`, { method: 'GET' });
    return { status: response.status, body: JSON.parse(response.body) };
  };

  it('with every worker busy a request waits a bounded time, then gets 503 with Retry-After; a client over its cap gets 429; /healthz shows the pool', { timeout: 120_000 }, async () => {
    expect(await healthz()).toEqual({ status: 200, body: { status: 'ok', workers: 1, busy: 0, starting: 0, queued: 0, maxWorkers: 1 } });
    const token = { authorization: 'Bearer one-client' };
    const spinning = rawRequest(server.mcpUrl, { headers: { ...MCP_HEADERS, ...token }, body: jsonRpc(1, 'tools/call', { name: 'spin', arguments: {} }) });
    while ((await healthz()).body.busy === 0) await new Promise((resolve) => setTimeout(resolve, 50));

    // The same client (its bearer token) is over its cap of one request in flight: told so at once.
    const capped = await rawRequest(server.mcpUrl, { headers: { ...MCP_HEADERS, ...token }, body: jsonRpc(9, 'ping') });
    expect(capped.status).toBe(429);
    expect(capped.headers['retry-after']).toBe('1');
    expect(JSON.parse(capped.body)).toEqual({ jsonrpc: '2.0', id: 9, error: { code: -32603, message: 'Too many requests: this client already has 1 requests in flight' } });

    const refused = await ping(2);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(JSON.parse(refused.body)).toEqual({ jsonrpc: '2.0', id: 2, error: { code: -32603, message: expect.stringMatching(/^Service unavailable: every worker is busy/) } });
    expect(await healthz()).toMatchObject({ status: 200, body: { workers: 1, busy: 1 } });

    expect(messagesOf(await spinning)).toEqual([{ jsonrpc: '2.0', id: 1, error: { code: -32603, message: expect.stringContaining('deadline') } }]);
    // A client told to retry later does so, and is served once the fresh engine is up.
    let answer = await ping(3);
    for (let tries = 0; answer.status === 503 && tries < 120; tries++) {
      await new Promise((resolve) => setTimeout(resolve, Number(answer.headers['retry-after']) * 1000));
      answer = await ping(3);
    }
    expect(messagesOf(answer)).toEqual([{ jsonrpc: '2.0', id: 3, result: {} }]);
  });
});
