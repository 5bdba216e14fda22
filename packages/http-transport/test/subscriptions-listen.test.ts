// subscriptions/listen (MCP 2026-07-28) on the built http-transport: a client that asked for
// list changes and resource updates gets them on its stream, published by a tool running in
// another request (any worker: they travel through the shared store), each tagged with the
// subscription id; what it did not ask for never arrives. Without a store (sessions off) the
// server honours nothing and ends the subscription gracefully.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, fixture, VARIANTS } from '../../../test/support/artifacts.js';
import { modernMessage, openEventStream, rawRequest, type EventStream } from '../../../test/support/http.js';
import { startServer, type TestServer } from '../../../test/support/server.js';

const SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId';

describe.each(VARIANTS)('subscriptions/listen over HTTP (%s)', (variant) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      frameworkBuild: 'pieces',
      components: [example('resources', variant), fixture('notifying-tools', variant)],
      variant,
      // Producers and the stream run on different workers: they meet in the store all share.
      env: { WASMCP_SESSION_ENABLED: 'true' },
      workers: 3,
    });
  });
  afterAll(() => server?.close());

  const call = async (id: number, name: string, args: object) => {
    const res = await rawRequest(server.mcpUrl, modernMessage(id, 'tools/call', { name, arguments: args }));
    expect(res.status).toBe(200);
    return JSON.parse(res.body).result.content[0].text as string;
  };

  /** Runs `produce` until `stream` delivers an event (the stream starts polling the feed a moment after its acknowledgment). */
  async function firstEventAfter(stream: EventStream, produce: () => Promise<unknown>): Promise<any> {
    for (let attempt = 0; attempt < 20; attempt++) {
      await produce();
      const event = await stream.next(500);
      if (event) return event;
    }
    return undefined;
  }

  it('acknowledges what it honours, then delivers exactly the notifications asked for, tagged with the subscription id', async () => {
    const filter = { toolsListChanged: true, resourcesListChanged: false, resourceSubscriptions: ['docs://readme'], promptsListChanged: true };
    const stream = await openEventStream(server.mcpUrl, modernMessage(7, 'subscriptions/listen', { notifications: filter }));
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toBe('text/event-stream');
      expect(stream.headers['mcp-session-id']).toBeUndefined();
      // No prompts component is served: promptsListChanged is not honoured, and false is no request.
      expect(await stream.next(10_000)).toEqual({
        jsonrpc: '2.0',
        method: 'notifications/subscriptions/acknowledged',
        params: { _meta: { [SUBSCRIPTION_ID]: 7 }, notifications: { toolsListChanged: true, resourceSubscriptions: ['docs://readme'] } },
      });
      expect(await firstEventAfter(stream, () => call(1, 'change_list', { list: 'tools' }))).toEqual({
        jsonrpc: '2.0',
        method: 'notifications/tools/list_changed',
        params: { _meta: { [SUBSCRIPTION_ID]: 7 } },
      });
      while (await stream.next(800)); // the retries' duplicates
      // Not asked for (another URI, the resources list): nothing; then the URI it named.
      expect(await call(2, 'touch_resource', { uri: 'docs://other' })).toBe('0 sessions notified');
      await call(3, 'change_list', { list: 'resources' });
      await call(4, 'touch_resource', { uri: 'docs://readme' });
      expect(await stream.next(5_000)).toEqual({
        jsonrpc: '2.0',
        method: 'notifications/resources/updated',
        params: { uri: 'docs://readme', _meta: { [SUBSCRIPTION_ID]: 7 } },
      });
      expect(await stream.next(1_000)).toBeUndefined();
      expect(stream.ended()).toBe(false);
    } finally {
      stream.close();
    }
  });

  it('a filter that is not one: 400 and -32602, no stream', async () => {
    const res = await rawRequest(server.mcpUrl, modernMessage(8, 'subscriptions/listen', { notifications: { toolsListChanged: 'yes' } }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ id: 8, error: { code: -32602, message: 'params.notifications.toolsListChanged must be a boolean' } });
  });

  it('a client that accepts no event stream: 406', async () => {
    const message = modernMessage(9, 'subscriptions/listen', { notifications: { toolsListChanged: true } });
    const res = await rawRequest(server.mcpUrl, { ...message, headers: { ...message.headers, accept: 'application/json' } });
    expect(res.status).toBe(406);
  });
});

describe('subscriptions/listen with sessions off', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ frameworkBuild: 'pieces', components: [fixture('notifying-tools', 'draft')], variant: 'draft', env: { WASMCP_SESSION_ENABLED: 'false' }, workers: 2 });
  });
  afterAll(() => server?.close());

  it('acknowledges an empty filter (nothing can be delivered) and ends the subscription with its completion result', async () => {
    const stream = await openEventStream(server.mcpUrl, modernMessage(3, 'subscriptions/listen', { notifications: { toolsListChanged: true } }));
    expect(await stream.next(10_000)).toMatchObject({ method: 'notifications/subscriptions/acknowledged', params: { _meta: { [SUBSCRIPTION_ID]: 3 }, notifications: {} } });
    expect(await stream.next(10_000)).toEqual({ jsonrpc: '2.0', id: 3, result: { resultType: 'complete', _meta: { [SUBSCRIPTION_ID]: 3 } } });
    expect(await stream.next(2_000)).toBeUndefined();
    expect(stream.ended()).toBe(true);
  });
});
