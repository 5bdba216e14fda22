// 10,000 malformed HTTP requests (methods, headers, bodies; a fixed seed, so a failure
// reproduces) against a served composition: every answer is a client error (4xx) or a JSON-RPC
// message, no worker is lost, and the server still serves a well-formed call afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/artifacts.js';
import { jsonRpc, MCP_HEADERS, messagesOf, rawRequest, type RawResponse } from '../support/http.js';
import { startServer, type TestServer } from '../support/server.js';

const REQUESTS = 10_000;
const CONCURRENCY = 16;
const SEED = 0x19;
const WORKERS = 2;

/** mulberry32: a small seeded generator, so the same requests are sent on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}

type Random = ReturnType<typeof generator>;

const METHODS = ['POST', 'POST', 'POST', 'GET', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD'] as const;
const PATHS = ['/mcp', '/mcp', '/mcp', '/mcp/', '/', '/mcp?x=1', '/%ff', '/mcp/../mcp'];
const MCP_METHODS = ['initialize', 'ping', 'tools/list', 'tools/call', 'resources/read', 'logging/setLevel', 'notifications/cancelled', 'x'.repeat(300), ''];
const ODD_VALUES: unknown[] = [null, true, -1, 1e309, 2 ** 64, '', 'ü', '\u0000', [], {}, [[[]]], { __proto__: { polluted: true } }, 'x'.repeat(5000)];

function randomValue(r: Random, depth = 0): unknown {
  if (depth > 3 || r.next() < 0.5) return r.pick(ODD_VALUES);
  return r.next() < 0.5 ? Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1)) : Object.fromEntries(Array.from({ length: r.int(4) }, (_, i) => [`k${i}`, randomValue(r, depth + 1)]));
}

function randomMessage(r: Random): unknown {
  const message: Record<string, unknown> = { jsonrpc: r.next() < 0.8 ? '2.0' : randomValue(r), method: r.next() < 0.8 ? r.pick(MCP_METHODS) : randomValue(r) };
  if (r.next() < 0.8) message.id = r.next() < 0.7 ? r.int(1000) : randomValue(r);
  if (r.next() < 0.7) message.params = r.next() < 0.5 ? { name: r.pick(['echo', 'nope', '']), arguments: randomValue(r) } : randomValue(r);
  if (r.next() < 0.1) message.result = randomValue(r);
  return message;
}

function randomBody(r: Random): string | Buffer {
  switch (r.int(7)) {
    case 0:
      return Buffer.from(Array.from({ length: r.int(200) }, () => r.int(256)));
    case 1:
      return JSON.stringify(randomMessage(r)).slice(0, r.int(80));
    case 2:
      return JSON.stringify(Array.from({ length: r.int(5) }, () => randomMessage(r)));
    case 3:
      return JSON.stringify(randomValue(r));
    case 4:
      return '['.repeat(r.int(5000));
    default:
      return JSON.stringify(randomMessage(r));
  }
}

function randomHeaders(r: Random, session: string): Record<string, string> {
  const headers: Record<string, string> = {};
  if (r.next() < 0.8) headers['content-type'] = r.pick(['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/json, x', '']);
  if (r.next() < 0.8) headers.accept = r.pick(['application/json, text/event-stream', 'application/json', 'text/event-stream', '*/*', 'image/png']);
  if (r.next() < 0.7) headers['mcp-protocol-version'] = r.pick(['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05', '1999-01-01', 'x']);
  if (r.next() < 0.6) headers['mcp-session-id'] = r.pick([session, session, session, '', 'not-a-session', '00000000-0000-4000-8000-000000000000', 'x'.repeat(2000)]);
  if (r.next() < 0.2) headers.origin = r.pick(['http://evil.example', 'null', 'http://127.0.0.1']);
  if (r.next() < 0.2) headers.authorization = r.pick(['Bearer x', 'Basic Zm9vOmJhcg==', 'Bearer ' + 'a.'.repeat(100)]);
  if (r.next() < 0.1) headers['last-event-id'] = r.pick(['0', 'x', '-1']);
  return headers;
}

/** What a client may be given: a client error, or JSON-RPC (an answer, an error, or nothing for a notification). */
function acceptable(response: RawResponse): boolean {
  if (response.status >= 400 && response.status < 500) return true;
  if (response.status === 202) return response.body === '';
  if (response.status !== 200) return false;
  if (response.body === '') return true;
  try {
    return messagesOf(response).every((m) => m.jsonrpc === '2.0' && ('error' in m || 'result' in m || 'method' in m));
  } catch {
    return false;
  }
}

describe('serve: fuzzed HTTP requests (draft)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ components: [fixture('hostile-tools', 'draft')], variant: 'draft', workers: WORKERS, env: { WASMCP_SESSION_ENABLED: 'true' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function openSession(name: string): Promise<string> {
    const init = await rawRequest(server.mcpUrl, {
      headers: MCP_HEADERS,
      body: jsonRpc(0, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name, version: '1' } }),
    });
    return init.headers['mcp-session-id'] as string;
  }

  it(`${REQUESTS} fuzzed requests get a 4xx or a JSON-RPC answer each; every worker is still there and a call answers`, { timeout: 600_000 }, async () => {
    // A live session, so that many requests get past the transport into the chain.
    const session = await openSession('fuzz');
    const r = generator(SEED);
    // Half are well-formed POSTs of the live session with a fuzzed body; the rest fuzz
    // everything. Only POSTs use the live session: a GET would open its stream for good, a
    // DELETE end it.
    const requests = Array.from({ length: REQUESTS }, () => {
      if (r.next() < 0.5) return { method: 'POST', path: '/mcp', headers: { ...MCP_HEADERS, 'mcp-session-id': session }, body: randomBody(r) };
      const method = r.pick(METHODS);
      return { method, path: r.pick(PATHS), headers: randomHeaders(r, method === 'POST' ? session : 'not-a-session'), body: randomBody(r) };
    });
    const unacceptable: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const sender = async () => {
      while (sent < requests.length) {
        const { method, path, headers, body } = requests[sent++];
        const response = await rawRequest(`${server.url}${path}`, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (!acceptable(response)) unacceptable.push(`${method} ${path} ${JSON.stringify(headers)} ${String(body).slice(0, 200)} -> ${response.status} ${response.body.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, sender));
    expect(unacceptable).toEqual([]);
    // The mix reached the chain, not only the transport's checks.
    expect(statuses.get(200)).toBeGreaterThan(REQUESTS / 20);

    expect((await rawRequest(`${server.url}/healthz`, { method: 'GET' })).status).toBe(200);
    expect(server.health().workers).toBeGreaterThanOrEqual(WORKERS);
    const call = await rawRequest(server.mcpUrl, { headers: { ...MCP_HEADERS, 'mcp-session-id': await openSession('after-fuzz') }, body: jsonRpc(2, 'tools/call', { name: 'echo', arguments: { text: 'alive' } }) });
    expect(messagesOf(call)).toMatchObject([{ id: 2, result: { content: [{ text: 'alive' }] } }]);
  });
});
