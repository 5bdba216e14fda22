// The official MCP TypeScript SDK client against the example resources and prompts components
// (and the notifying test tools), served with sessions: resources, prompts, completion,
// subscriptions and logging levels as a real MCP client sees them.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LoggingMessageNotificationSchema, ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, fixture, fusedServer, VARIANT_BUILDS } from '../support/artifacts.js';
import { startServer, type TestServer } from '../support/server.js';
import { tempDir } from '../support/temp.js';

async function connect(url: string): Promise<Client> {
  const client = new Client({ name: 'sdk-e2e', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

/** Ends the session (its GET stream with it), as a client that is done should. */
async function disconnect(client: Client): Promise<void> {
  await (client.transport as StreamableHTTPClientTransport).terminateSession();
  await client.close();
}

describe.each(VARIANT_BUILDS)('official SDK client: resources, prompts, completion, subscriptions, logging (%s, %s)', (variant, build) => {
  let server: TestServer;
  let client: Client;

  beforeAll(async () => {
    server = await startServer({
      components:
        build === 'fused'
          ? [fusedServer('test/fixtures/resources-prompts-server', 'resources-prompts', variant)]
          : [example('resources', variant), example('prompts', variant), fixture('notifying-tools', variant)],
      variant,
      env: { WASMCP_SESSION_ENABLED: 'true' },
      // Sessions live in the store every worker shares; each client's GET stream holds a worker.
      keyValue: { kind: 'sqlite', path: join(tempDir('wasmcp-resources-prompts'), 'kv.sqlite') },
      workers: 4,
    });
    client = await connect(server.mcpUrl);
  });
  afterAll(async () => {
    if (client) await disconnect(client);
    await server?.close();
  });

  it('advertises resources with subscriptions, prompts, completions and logging', () => {
    expect(client.getServerCapabilities()).toEqual({ tools: {}, resources: { subscribe: true }, prompts: {}, completions: {}, logging: {} });
  });

  it('lists resources and templates, and reads text, binary and templated resources', async () => {
    const { resources } = await client.listResources();
    expect(resources).toEqual([
      { uri: 'docs://readme', name: 'readme', title: 'README', mimeType: 'text/markdown', size: expect.any(Number) },
      { uri: 'images://pixel.png', name: 'pixel', title: 'A one-pixel PNG', mimeType: 'image/png', size: 70 },
    ]);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['colors://{name}']);

    const readme = await client.readResource({ uri: 'docs://readme' });
    expect(readme.contents).toEqual([{ uri: 'docs://readme', mimeType: 'text/markdown', text: expect.stringContaining('# wasmcp-ts') }]);
    const pixel = await client.readResource({ uri: 'images://pixel.png' });
    const blob = (pixel.contents[0] as { blob: string }).blob;
    expect(Buffer.from(blob, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Buffer.from(blob, 'base64')).toHaveLength(70);
    const color = await client.readResource({ uri: 'colors://orange' });
    expect(JSON.parse((color.contents[0] as { text: string }).text)).toEqual({ name: 'orange', hex: '#ffa500' });
  });

  it('an unknown resource is -32002 with the uri as data', async () => {
    await expect(client.readResource({ uri: 'colors://ultraviolet' })).rejects.toMatchObject({
      code: -32002,
      message: expect.stringContaining('Resource not found'),
      data: { uri: 'colors://ultraviolet' },
    });
  });

  it('gets prompts with arguments; a missing argument or an unknown prompt is -32602', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['code_review', 'summarize']);
    const review = await client.getPrompt({ name: 'code_review', arguments: { language: 'python', code: 'print(1)' } });
    expect(review).toEqual({
      description: 'Review of python code',
      messages: [{ role: 'user', content: { type: 'text', text: 'Please review this python code:\n\nprint(1)' } }],
    });
    await expect(client.getPrompt({ name: 'code_review', arguments: { language: 'python' } })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('Missing required argument "code"'),
    });
    await expect(client.getPrompt({ name: 'haiku' })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('Unknown prompt: haiku') });
  });

  it('completes prompt arguments and template variables, each in its own component', async () => {
    const language = await client.complete({ ref: { type: 'ref/prompt', name: 'code_review' }, argument: { name: 'language', value: 'py' } });
    expect(language.completion).toEqual({ values: ['python'], total: 1, hasMore: false });
    const color = await client.complete({ ref: { type: 'ref/resource', uri: 'colors://{name}' }, argument: { name: 'name', value: 'ma' } });
    expect(color.completion.values).toEqual(['magenta', 'maroon']);
  });

  it('a subscribed session is told when the resource changes; after unsubscribe it is not', async () => {
    const updated: string[] = [];
    let notified!: () => void;
    const firstUpdate = new Promise<void>((resolve) => (notified = resolve));
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
      updated.push(n.params.uri);
      notified();
    });
    await client.subscribeResource({ uri: 'docs://readme' });
    // Another session changes the resource: the notification crosses sessions via the store.
    const other = await connect(server.mcpUrl);
    try {
      // The client opens its GET stream in the background, and what is queued before the stream
      // opens is not replayed to it: change the resource until a notification comes through.
      let delivered = false;
      for (let attempt = 0; attempt < 40 && !delivered; attempt++) {
        expect(await other.callTool({ name: 'touch_resource', arguments: { uri: 'docs://readme' } })).toEqual({
          content: [{ type: 'text', text: '1 sessions notified' }],
        });
        delivered = await Promise.race([firstUpdate.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 500))]);
      }
      expect(delivered).toBe(true);
      expect(await other.callTool({ name: 'touch_resource', arguments: { uri: 'images://pixel.png' } })).toEqual({
        content: [{ type: 'text', text: '0 sessions notified' }],
      });
      await client.unsubscribeResource({ uri: 'docs://readme' });
      expect(await other.callTool({ name: 'touch_resource', arguments: { uri: 'docs://readme' } })).toEqual({
        content: [{ type: 'text', text: '0 sessions notified' }],
      });
      expect(new Set(updated)).toEqual(new Set(['docs://readme']));
    } finally {
      await disconnect(other);
    }
  });

  it('logging/setLevel filters notifications/message for this session only', async () => {
    const received: string[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      received.push(n.params.level);
    });
    const levels = ['debug', 'info', 'warning', 'error'];
    await client.setLoggingLevel('warning');
    await client.callTool({ name: 'log', arguments: { levels } });
    expect(received).toEqual(['warning', 'error']);

    // A session that never set a level gets everything.
    const other = await connect(server.mcpUrl);
    const otherReceived: string[] = [];
    other.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      otherReceived.push(n.params.level);
    });
    try {
      await other.callTool({ name: 'log', arguments: { levels } });
      expect(otherReceived).toEqual(levels);
    } finally {
      await disconnect(other);
    }

    received.length = 0;
    await client.setLoggingLevel('debug');
    await client.callTool({ name: 'log', arguments: { levels } });
    expect(received).toEqual(levels);
  });
});
