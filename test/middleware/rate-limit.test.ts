// The rate-limit example with two `wasmcp-ts serve` processes sharing one Redis: a client's
// budget is spent on either process and holds across both; over it, a JSON-RPC error says how
// long to wait. Per session here (a session lives in the shared store, so either process serves it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisInstance } from '../../scripts/services/redis.mjs';
import { serveCli, type ServeProcess } from '../oci/registry.js';
import { example } from '../support/artifacts.js';
import { MCP_HEADERS, jsonRpc, messagesOf, rawRequest } from '../support/http.js';

const BUDGET = 3;

async function openSession(url: string): Promise<string> {
  const init = await rawRequest(url, {
    headers: MCP_HEADERS,
    body: jsonRpc(0, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'rate-limit-e2e', version: '1' } }),
  });
  const session = init.headers['mcp-session-id'] as string;
  expect(session).toBeTruthy();
  await rawRequest(url, { headers: { ...MCP_HEADERS, 'mcp-session-id': session }, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });
  return session;
}

async function square(url: string, session: string, id: number) {
  const response = await rawRequest(url, { headers: { ...MCP_HEADERS, 'mcp-session-id': session }, body: jsonRpc(id, 'tools/call', { name: 'square', arguments: { x: id } }) });
  return messagesOf(response)[0];
}

describe.each(['draft', 'draft2'] as const)('rate limit across two serve processes sharing one Redis (%s)', (variant) => {
  let redis: RedisInstance;
  let a: ServeProcess;
  let b: ServeProcess;

  beforeAll(async () => {
    redis = await startRedis();
    const args = [
      ...['--port', '0', '--workers', '1', '--variant', variant, '--kv', 'redis', '--redis-url', redis.url],
      ...['--env', `RATE_LIMIT_REQUESTS=${BUDGET}`, '--env', 'RATE_LIMIT_WINDOW=86400', '--env', 'RATE_LIMIT_BY=session'],
      example('rate-limit', variant),
      example('square', variant),
    ];
    [a, b] = await Promise.all([serveCli(args), serveCli(args)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.close();
  });

  it('the budget holds across both processes; over it, an error with the time to wait', async () => {
    const session = await openSession(a.mcpUrl);
    expect(await square(a.mcpUrl, session, 1)).toMatchObject({ result: { structuredContent: { result: 1 } } });
    expect(await square(b.mcpUrl, session, 2)).toMatchObject({ result: { structuredContent: { result: 4 } } });
    expect(await square(a.mcpUrl, session, 3)).toMatchObject({ result: { structuredContent: { result: 9 } } });
    for (const url of [b.mcpUrl, a.mcpUrl]) {
      const refused = await square(url, session, 4);
      expect(refused.error).toMatchObject({
        code: -32029,
        message: expect.stringMatching(new RegExp(`^Rate limit exceeded: ${BUDGET} tools/call requests per 86400 s for session:${session}; try again in \\d+ s$`)),
        data: { limit: BUDGET, windowSeconds: 86400, retryAfterSeconds: expect.any(Number) },
      });
      // The window ends at the next midnight UTC, by the component's clock and ours alike.
      const untilMidnight = 86400 - ((Date.now() / 1000) % 86400);
      expect(Math.abs(refused.error.data.retryAfterSeconds - untilMidnight)).toBeLessThan(30);
    }
  });

  it('another session has a budget of its own, and uncounted methods pass', async () => {
    const other = await openSession(b.mcpUrl);
    expect(await square(b.mcpUrl, other, 5)).toMatchObject({ result: { structuredContent: { result: 25 } } });
    const list = messagesOf(await rawRequest(a.mcpUrl, { headers: { ...MCP_HEADERS, 'mcp-session-id': other }, body: jsonRpc(6, 'tools/list') }))[0];
    expect(list.result.tools.map((t: { name: string }) => t.name)).toEqual(['square']);
  });
});
