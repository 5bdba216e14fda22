// The official MCP client (@modelcontextprotocol/sdk) spawning `wasmcp-ts stdio` the way a
// host application does, over the example tools and over a chain that notifies mid-call.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { LoggingMessageNotificationSchema, McpError, type LoggingMessageNotification } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, VARIANTS } from '../../../../test/support/artifacts.js';
import { FAKE_CHAIN_LAUNCH, LAUNCH } from './stdio-process.js';

async function connect(args: string[], client = new Client({ name: 'sdk-stdio-test', version: '1.0.0' })) {
  const transport = new StdioClientTransport({ command: process.execPath, args, stderr: 'pipe' });
  const errors: Error[] = [];
  // Anything on stdout that is not a JSON-RPC message surfaces here.
  client.onerror = (err) => errors.push(err);
  await client.connect(transport);
  return { client, errors };
}

const textOf = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as { type: string; text: string }[])[0].text;

describe.each(VARIANTS)('official SDK client over stdio: example tools (%s)', (variant) => {
  let client: Client;
  let errors: Error[];
  beforeAll(async () => {
    ({ client, errors } = await connect([LAUNCH, variant, example('calculator', variant), example('string-tools', variant)]));
  });
  afterAll(() => client?.close());

  it('connects: the latest protocol, our serverInfo, tools and logging advertised', () => {
    expect(client.getServerVersion()).toEqual({ name: 'wasmcp-ts', version: '0.1.0' });
    const capabilities = client.getServerCapabilities();
    expect(capabilities?.tools).toBeDefined();
    expect(capabilities?.logging).toEqual({});
    expect(capabilities?.resources).toBeUndefined();
    expect(capabilities?.prompts).toBeUndefined();
    expect(capabilities?.completions).toBeUndefined();
  });

  it('lists the tools of both components', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['add', 'subtract', 'multiply', 'divide', 'reverse', 'uppercase', 'lowercase', 'word_count']);
    expect(tools[0].inputSchema).toMatchObject({ type: 'object', required: ['a', 'b'] });
  });

  it('calls tools of either component', async () => {
    expect(textOf(await client.callTool({ name: 'multiply', arguments: { a: 6, b: 7 } }))).toBe('42');
    expect(textOf(await client.callTool({ name: 'uppercase', arguments: { text: 'stdio' } }))).toBe('STDIO');
  });

  it('an unknown tool is a -32602 protocol error; a failing tool an isError result', async () => {
    const unknown = client.callTool({ name: 'nope', arguments: {} });
    await expect(unknown).rejects.toBeInstanceOf(McpError);
    await expect(unknown).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('Unknown tool: nope') });
    const divided = await client.callTool({ name: 'divide', arguments: { a: 1, b: 0 } });
    expect(divided.isError).toBe(true);
    expect(textOf(divided)).toBe('Division by zero');
  });

  it('ping and logging/setLevel are answered', async () => {
    await expect(client.ping()).resolves.toEqual({});
    await expect(client.setLoggingLevel('warning')).resolves.toEqual({});
  });

  it('a method the chain does not serve is -32601', async () => {
    await expect(client.listResources()).rejects.toMatchObject({ code: -32601 });
  });

  it('the client saw nothing on stdout but JSON-RPC', () => {
    expect(errors).toEqual([]);
  });
});

describe.each(VARIANTS)('official SDK client over stdio: notifications during a call (%s)', (variant) => {
  // Progress is checked on the raw stream (stdio-raw.test.ts): the SDK runs notification
  // handlers a microtask late but drops a request's progress handler as soon as its response
  // is read, so progress that shares a read with its response is reported as unknown token.
  it('a log notification sent mid-call reaches the client before the result', async () => {
    const logs: LoggingMessageNotification['params'][] = [];
    const client = new Client({ name: 'sdk-stdio-test', version: '1.0.0' });
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      logs.push(n.params);
    });
    const { errors } = await connect([FAKE_CHAIN_LAUNCH, variant], client);
    try {
      const result = await client.callTool({ name: 'notify' });
      expect(logs).toEqual([{ level: 'info', logger: 'fake', data: 'halfway' }]);
      expect(textOf(result)).toBe('done');
      expect(errors).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
