// Over stdio (`wasmcp-ts stdio`), what a tool sends through server-io while it runs is one line
// per message, ahead of the response's line.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, VARIANTS } from '../support/artifacts.js';

const CLI = join(__dirname, '..', '..', 'packages', 'runtime', 'dist', 'cli.js');

describe.each(VARIANTS)('notifications during a tool call over stdio (%s)', (variant) => {
  let client: Client;
  const errors: Error[] = [];
  beforeAll(async () => {
    client = new Client({ name: 'stdio-notifications', version: '1.0.0' });
    // A stdout line that is not a JSON-RPC message would surface here.
    client.onerror = (err) => errors.push(err);
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'stdio', '--variant', variant, fixture('notifying-tools', variant)], stderr: 'pipe' }));
  });
  afterAll(() => client?.close());

  it('each notifications/message reaches the client before the response', async () => {
    const received: { level: string; logger?: string; data: unknown; responded: boolean }[] = [];
    let responded = false;
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      received.push({ level: n.params.level, logger: n.params.logger, data: n.params.data, responded });
    });
    const result = await client.callTool({ name: 'log', arguments: { levels: ['info', 'error'] } }).finally(() => (responded = true));
    expect(result).toEqual({ content: [{ type: 'text', text: '2 messages logged' }] });
    expect(received).toEqual([
      { level: 'info', logger: 'notifying-tools', data: 'info message', responded: false },
      { level: 'error', logger: 'notifying-tools', data: 'error message', responded: false },
    ]);
    expect(errors).toEqual([]);
  });
});
