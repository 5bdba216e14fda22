// `wasmcp-ts stdio` byte for byte: the built stdio transport in front of the example tools,
// as a child process on real pipes. After every bad line the server must still answer the
// next good one, and nothing but JSON-RPC may ever reach stdout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, VARIANTS } from '../../../../test/support/artifacts.js';
import { FAKE_CHAIN_LAUNCH, LAUNCH, StdioProcess } from './stdio-process.js';

const MiB = 1024 * 1024;
const ping = (id: number) => ({ jsonrpc: '2.0', id, method: 'ping' });

function expectAllJson(server: StdioProcess) {
  for (const line of server.stdoutLines) expect(() => JSON.parse(line), `stdout line ${JSON.stringify(line.slice(0, 200))}`).not.toThrow();
}

describe.each(VARIANTS)('stdio: bad input on a live connection (%s)', (variant) => {
  let server: StdioProcess;
  beforeAll(async () => {
    server = new StdioProcess(LAUNCH, [variant, example('calculator', variant), example('string-tools', variant)]);
    expect(await server.initialize()).toMatchObject({ id: 'init', result: { protocolVersion: '2025-11-25' } });
  });
  afterAll(() => server.kill());

  it('a malformed line gets -32700 without id, then the next line is answered', async () => {
    server.write('{"jsonrpc":"2.0","id":1,"method":\n');
    const error = await server.next();
    expect(error).toEqual({ jsonrpc: '2.0', error: { code: -32700, message: expect.stringMatching(/^Parse error/) } });
    expect(await server.request(2, 'ping')).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
  });

  it('valid JSON that is no JSON-RPC message gets -32600, then the next line is answered', async () => {
    server.send({ jsonrpc: '2.0', id: 3 });
    expect(await server.next()).toEqual({ jsonrpc: '2.0', id: 3, error: { code: -32600, message: expect.stringMatching(/^Invalid Request/) } });
    server.write('"just a string"\n');
    expect(await server.next()).toEqual({ jsonrpc: '2.0', error: { code: -32600, message: expect.stringMatching(/^Invalid Request/) } });
    expect(await server.request(4, 'ping')).toMatchObject({ id: 4, result: {} });
  });

  it('a line over the default 4 MiB limit gets -32600 without id, then the next line is answered', async () => {
    const padding = 'x'.repeat(4 * MiB);
    server.write(`{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"reverse","arguments":{"text":"${padding}"}}}\n`);
    const error = await server.next();
    expect(error).toEqual({ jsonrpc: '2.0', error: { code: -32600, message: expect.stringMatching(/exceeds the limit of 4194304 bytes \(WASMCP_MAX_LINE\)$/) } });
    expect(await server.request(6, 'ping')).toMatchObject({ id: 6, result: {} });
  });

  it('blank lines (empty, spaces, CRLF) get no answer; the next line is answered', async () => {
    server.write('\n   \n\r\n\t\n');
    expect(await server.request(8, 'ping')).toMatchObject({ id: 8, result: {} });
  });

  it('a CRLF-terminated request is answered', async () => {
    server.write(`${JSON.stringify(ping(9))}\r\n`);
    expect(await server.next()).toEqual({ jsonrpc: '2.0', id: 9, result: {} });
  });

  it('a request split across two writes is answered once whole', async () => {
    const text = JSON.stringify({ jsonrpc: '2.0', id: 10, method: 'tools/call', params: { name: 'add', arguments: { a: 20, b: 22 } } });
    server.write(text.slice(0, 25));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.unread()).toEqual([]);
    server.write(`${text.slice(25)}\n`);
    expect(await server.next()).toMatchObject({ id: 10, result: { content: [{ type: 'text', text: '42' }] } });
  });

  it('two requests in one write get two answers in order', async () => {
    server.write(`${JSON.stringify(ping(11))}\n${JSON.stringify(ping(12))}\n`);
    expect((await server.next()).id).toBe(11);
    expect((await server.next()).id).toBe(12);
  });

  it('a tool error keeps its JSON-RPC code; an unknown method is -32601', async () => {
    expect(await server.request(13, 'tools/call', { name: 'nope' })).toEqual({ jsonrpc: '2.0', id: 13, error: { code: -32602, message: 'Unknown tool: nope' } });
    expect(await server.request(14, 'resources/list')).toEqual({ jsonrpc: '2.0', id: 14, error: { code: -32601, message: 'Method not found: resources/list' } });
  });

  it('subscriptions/listen (2026-07-28) gets an empty acknowledgment and the completion result, and the connection goes on', async () => {
    const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} };
    server.send({ jsonrpc: '2.0', id: 15, method: 'subscriptions/listen', params: { notifications: { toolsListChanged: true }, _meta: meta } });
    const subscription = { 'io.modelcontextprotocol/subscriptionId': 15 };
    expect(await server.next()).toEqual({ jsonrpc: '2.0', method: 'notifications/subscriptions/acknowledged', params: { _meta: subscription, notifications: {} } });
    expect(await server.next()).toEqual({ jsonrpc: '2.0', id: 15, result: { resultType: 'complete', _meta: subscription } });
    expect(await server.request(16, 'ping')).toMatchObject({ id: 16, result: {} });
  });

  it('stdout carried only JSON-RPC lines, and EOF ends the process with status 0', async () => {
    expect(await server.end()).toBe(0);
    expectAllJson(server);
    expect(server.unread()).toEqual([]);
  });
});

describe.each(VARIANTS)('stdio: settings, EOF mid-message, stdout kept clean (%s)', (variant) => {
  it('honours WASMCP_MAX_LINE and the server name; a truncated last message gets -32700 and exit 0', async () => {
    // JCO_DEBUG makes jco's glue log every call with console.debug, which Node prints on stdout.
    const server = new StdioProcess(LAUNCH, [variant, example('calculator', variant)], {
      WASMCP_MAX_LINE: '200',
      WASMCP_SERVER_NAME: 'raw-calculator',
      JCO_DEBUG: '1',
    });
    try {
      expect(await server.initialize('2024-11-05')).toMatchObject({
        result: { protocolVersion: '2024-11-05', serverInfo: { name: 'raw-calculator', version: '0.1.0' }, capabilities: { tools: {} } },
      });
      server.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'add', arguments: { a: 1, b: 2 }, pad: 'p'.repeat(200) } });
      expect(await server.next()).toEqual({ jsonrpc: '2.0', error: { code: -32600, message: expect.stringMatching(/exceeds the limit of 200 bytes/) } });
      expect(await server.request(2, 'tools/call', { name: 'add', arguments: { a: 1, b: 2 } })).toMatchObject({ id: 2, result: { content: [{ text: '3' }] } });
      server.write('{"jsonrpc":"2.0","id":3,"method":"pi');
      expect(await server.end()).toBe(0);
      expect(server.unread().map((line) => JSON.parse(line))).toEqual([{ jsonrpc: '2.0', error: { code: -32700, message: expect.stringMatching(/^Parse error/) } }]);
      expect(server.stderr).toContain('createNewCurrentTask'); // the debug log did happen, on stderr
      expectAllJson(server);
    } finally {
      server.kill();
    }
  });

  it('a bad WASMCP_MAX_LINE stops the server with status 1 and says why on stderr', async () => {
    const server = new StdioProcess(LAUNCH, [variant, example('calculator', variant)], { WASMCP_MAX_LINE: 'lots' });
    try {
      expect(await server.exited).toBe(1);
      expect(server.stderr).toContain('WASMCP_MAX_LINE must be a positive whole number of bytes, got "lots"');
      expect(server.stdoutLines).toEqual([]);
    } finally {
      server.kill();
    }
  });
});

describe.each(VARIANTS)('stdio: what the chain writes mid-call (%s)', (variant) => {
  let server: StdioProcess;
  beforeAll(async () => {
    server = new StdioProcess(FAKE_CHAIN_LAUNCH, [variant]);
    await server.initialize('2025-06-18');
  });
  afterAll(() => server.kill());

  it('notifications a tool writes during a call reach stdout before its response', async () => {
    server.send({ jsonrpc: '2.0', id: 21, method: 'tools/call', params: { name: 'notify', arguments: { progressToken: 'p21' } } });
    expect(await server.next()).toEqual({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 'p21', progress: 1, total: 2 } });
    expect(await server.next()).toEqual({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', logger: 'fake', data: 'halfway' } });
    expect(await server.next()).toMatchObject({ id: 21, result: { content: [{ text: 'done' }] } });
  });

  it('the chain gets the stdio frame, the client stream and the negotiated version', async () => {
    const answer = await server.request(22, 'tools/call', { name: 'context' });
    const text = (answer.result as { content: { text: string }[] }).content[0].text;
    expect(JSON.parse(text)).toEqual({ protocolVersion: '2025-06-18', prefix: [], suffix: [10], clientStream: true, session: null });
  });

  it('an error code of the chain passes through unchanged, data included', async () => {
    expect(await server.request(23, 'tools/call', { name: 'fail' })).toEqual({
      jsonrpc: '2.0',
      id: 23,
      error: { code: -32002, message: 'Resource not found', data: { uri: 'x:y' } },
    });
  });

  it('client notifications reach the chain, which may write to the client', async () => {
    server.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 99 } });
    expect(await server.next()).toEqual({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'cancelled 99' } });
  });

  it('a complete last message without newline is answered before EOF ends the process', async () => {
    server.write(JSON.stringify(ping(24)));
    expect(await server.end()).toBe(0);
    expect(server.unread().map((line) => JSON.parse(line))).toEqual([{ jsonrpc: '2.0', id: 24, result: {} }]);
    expectAllJson(server);
  });
});
