// Streamable HTTP sessions on the built http-transport and sessions components: the session
// id round trip, 400/404 for missing or unknown ids, DELETE, and the session's GET stream
// (one per session, fed through the shared store by any worker).
import http from 'node:http';
import { join } from 'node:path';
import { compose, createKeyValueBackend, type KeyValueSpec } from '@wasmcp-ts/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, framework, VARIANTS } from '../../../test/support/artifacts.js';
import { jsonRpc, MCP_HEADERS, messagesOf, rawRequest } from '../../../test/support/http.js';
import { startServer, type TestServer } from '../../../test/support/server.js';
import { tempDir } from '../../../test/support/temp.js';

const initialize = jsonRpc(1, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'sessions-test', version: '1' } });

/** Opens a GET stream and resolves with its response once the headers arrive. */
function openStream(url: string, sessionId: string): Promise<{ res: http.IncomingMessage; req: http.ClientRequest; events: string[] }> {
  return new Promise((resolve, reject) => {
    const events: string[] = [];
    const req = http.request(url, { method: 'GET', headers: { accept: 'text/event-stream', 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => events.push(chunk));
      resolve({ res, req, events });
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(VARIANTS)('http-transport sessions (%s)', (variant) => {
  let server: TestServer;
  let keyValue: KeyValueSpec;
  beforeAll(async () => {
    keyValue = { kind: 'sqlite', path: join(tempDir('wasmcp-sessions'), 'kv.sqlite') };
    server = await startServer({ frameworkBuild: 'pieces', components: [example('calculator', variant)], variant, env: { WASMCP_SESSION_ENABLED: 'true' }, workers: 3, keyValue });
  });
  afterAll(() => server?.close());

  const post = (body: string, headers: Record<string, string> = {}) => rawRequest(server.mcpUrl, { headers: { ...MCP_HEADERS, ...headers }, body });
  const newSession = async () => {
    const res = await post(initialize);
    expect(res.status).toBe(200);
    return String(res.headers['mcp-session-id']);
  };

  it('initialize hands out a session id, and later requests with it are served', async () => {
    const sessionId = await newSession();
    expect(sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const res = await post(jsonRpc(2, 'tools/call', { name: 'add', arguments: { a: 1, b: 2 } }), { 'mcp-session-id': sessionId });
    expect(res.status).toBe(200);
    expect(res.headers['mcp-session-id']).toBe(sessionId);
    expect(messagesOf(res)[0].result.content[0].text).toBe('3');
  });

  it('400 without the session header, 404 for an unknown or malformed id', async () => {
    const missing = await post(jsonRpc(2, 'tools/list'));
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body).error.message).toMatch(/Mcp-Session-Id header is required/);
    const unknown = await post(jsonRpc(2, 'tools/list'), { 'mcp-session-id': '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    const malformed = await post(jsonRpc(2, 'tools/list'), { 'mcp-session-id': 'not a session' });
    expect(malformed.status).toBe(404);
  });

  it('DELETE ends the session: 200, then 404 for it, and none of its keys is left in the store', async () => {
    const sessionId = await newSession();
    const store = createKeyValueBackend(keyValue);
    try {
      const keysOfSession = () => store.listKeys('default', undefined, 10_000).keys.filter((k) => k.startsWith(`${sessionId}:`));
      expect(keysOfSession()).not.toEqual([]);
      const del = await rawRequest(server.mcpUrl, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } });
      expect(del.status).toBe(200);
      expect(keysOfSession()).toEqual([]);
      const after = await post(jsonRpc(3, 'ping'), { 'mcp-session-id': sessionId });
      expect(after.status).toBe(404);
      const again = await rawRequest(server.mcpUrl, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } });
      expect(again.status).toBe(404);
    } finally {
      store.close();
    }
  });

  it('a GET stream delivers what is queued for the session; a second GET gets 409', async () => {
    const sessionId = await newSession();
    const stream = await openStream(server.mcpUrl, sessionId);
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toBe('text/event-stream');
    try {
      const second = await rawRequest(server.mcpUrl, { method: 'GET', headers: { accept: 'text/event-stream', 'mcp-session-id': sessionId } });
      expect(second.status).toBe(409);
      // Another party (here: the test, through the sessions component on the same store)
      // queues a server notification for the session.
      const producer = await compose({ components: [], services: [framework('sessions', variant)], variant, keyValue: createKeyValueBackend(keyValue) });
      const bucket = (producer.services.get('wasmcp:keyvalue/store') as any).open('default');
      const seq = bucket.increment(`${sessionId}:__transport__:outbox-seq`, 1n);
      const note = { jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri: 'test://watched' } };
      bucket.setString(`${sessionId}:__transport__:outbox:${seq}`, JSON.stringify(note));
      await expect.poll(() => stream.events.join(''), { timeout: 15_000 }).toContain('notifications/resources/updated');
      const data = stream.events.join('').split('\n').find((l) => l.startsWith('data: '));
      expect(JSON.parse(data!.slice(6))).toEqual(note);
    } finally {
      stream.req.destroy();
    }
  });

  it('406 for a GET that does not accept text/event-stream', async () => {
    const sessionId = await newSession();
    const res = await rawRequest(server.mcpUrl, { method: 'GET', headers: { accept: 'application/json', 'mcp-session-id': sessionId } });
    expect(res.status).toBe(406);
  });
});
