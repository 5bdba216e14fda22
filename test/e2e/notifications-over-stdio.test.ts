// Over stdio (`wasmcp-ts stdio`), what a tool sends through server-io while it runs is one line
// per message, ahead of the response's line; progress goes to the request's progress token, and
// log messages below the level the client set are not sent.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, fusedServer, VARIANT_BUILDS } from '../support/artifacts.js';

const CLI = join(__dirname, '..', '..', 'packages', 'runtime', 'dist', 'cli.js');

describe.each(VARIANT_BUILDS)('notifications during a tool call over stdio (%s, %s)', (variant, build) => {
  let client: Client;
  const errors: Error[] = [];
  beforeAll(async () => {
    client = new Client({ name: 'stdio-notifications', version: '1.0.0' });
    // A stdout line that is not a JSON-RPC message would surface here.
    client.onerror = (err) => errors.push(err);
    const server = build === 'fused' ? fusedServer('test/fixtures/notifying-tools', 'notifying-tools-stdio', variant) : fixture('notifying-tools', variant);
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'stdio', '--variant', variant, server], stderr: 'pipe' }));
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

  it("progress notifications carry the request's progress token and arrive before the response", async () => {
    const progress: { progress: number; total?: number; responded: boolean }[] = [];
    let responded = false;
    const result = await client
      .callTool({ name: 'progress', arguments: { steps: 3, intervalMs: 50 } }, undefined, {
        onprogress: (p) => progress.push({ progress: p.progress, total: p.total, responded }),
      })
      .finally(() => (responded = true));
    expect(result).toEqual({ content: [{ type: 'text', text: '3 steps done' }] });
    expect(progress).toEqual([1, 2, 3].map((step) => ({ progress: step, total: 3, responded: false })));
    expect(errors).toEqual([]);
  });

  it('after logging/setLevel, messages below the level are not sent (and nothing else reaches stdout)', async () => {
    const received: string[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void received.push(n.params.level));
    await client.setLoggingLevel('warning');
    await client.callTool({ name: 'log', arguments: { levels: ['debug', 'info', 'warning', 'error'] } });
    expect(received).toEqual(['warning', 'error']);
    await client.setLoggingLevel('debug');
    received.length = 0;
    await client.callTool({ name: 'log', arguments: { levels: ['debug'] } });
    expect(received).toEqual(['debug']);
    expect(errors).toEqual([]);
  });
});
