// Sessions a client abandons (no DELETE) leave the store once they expire, with everything
// stored under them, on SQLite and on Redis alike.
import { createKeyValueBackend, type KeyValueBackend, type KeyValueSpec } from '@wasmcp-ts/runtime';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisInstance } from '../../scripts/services/redis.mjs';
import { fixture } from '../support/artifacts.js';
import { jsonRpc, MCP_HEADERS, messagesOf, rawRequest } from '../support/http.js';
import { startServer, type TestServer } from '../support/server.js';
import { tempDir } from '../support/temp.js';

const STORES = ['sqlite', 'redis'] as const;

describe.each(STORES)('session expiry without DELETE (%s)', (kind) => {
  let redis: RedisInstance | undefined;
  let server: TestServer;
  let store: KeyValueBackend;

  beforeAll(async () => {
    if (kind === 'redis') redis = await startRedis();
    const keyValue: KeyValueSpec = redis ? { kind: 'redis', url: redis.url } : { kind: 'sqlite', path: join(tempDir('wasmcp-expiry'), 'kv.sqlite') };
    server = await startServer({
      components: [fixture('hostile-tools', 'draft')],
      variant: 'draft',
      env: { WASMCP_SESSION_ENABLED: 'true', WASMCP_SESSION_TTL: '10' },
      keyValue,
      workers: 1,
      sessionSweepMs: 200,
    });
    store = createKeyValueBackend(keyValue);
  });
  afterAll(async () => {
    store?.close();
    await server?.close();
    await redis?.close();
  });

  const keysOf = (session: string) => store.listKeys('default', undefined, 1000).keys.filter((key) => key.startsWith(`${session}:`));

  it('an expired session and its data are removed from the store; the session is then unknown (404)', { timeout: 120_000 }, async () => {
    const init = await rawRequest(server.mcpUrl, {
      headers: MCP_HEADERS,
      body: jsonRpc(0, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'expiry', version: '1' } }),
    });
    const session = init.headers['mcp-session-id'] as string;
    const headers = { ...MCP_HEADERS, 'mcp-session-id': session };
    const stored = await rawRequest(server.mcpUrl, { headers, body: jsonRpc(1, 'tools/call', { name: 'remember', arguments: { key: 'colour', value: 'teal' } }) });
    expect(messagesOf(stored)).toMatchObject([{ id: 1, result: { content: [{ text: 'stored colour' }] } }]);
    // Written now; gone once the session has expired and the sweeper has been by.
    expect(keysOf(session)).toEqual(expect.arrayContaining([`${session}:__meta__`, `${session}:colour`]));
    for (let polls = 0; keysOf(session).length > 0 && polls < 300; polls++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(keysOf(session)).toEqual([]);

    const after = await rawRequest(server.mcpUrl, { headers, body: jsonRpc(2, 'tools/call', { name: 'recall', arguments: { key: 'colour' } }) });
    expect(after.status).toBe(404);
  });
});
