// The connection's logic with a chain and an output written in JS; the built component is
// tested end to end in packages/runtime/test/stdio.
import { methodNotFound, mcpError, type HandlerResult, type MaybePromise } from '@wasmcp-ts/protocol';
import type { ClientMessage, ClientRequest } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext, OutputStream } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LINE } from '../src/config.js';
import { LineReader } from '../src/line-reader.js';
import { StdioConnection } from '../src/stdio-connection.js';

const encoder = new TextEncoder();
const STREAM = { name: 'stdout' } as unknown as OutputStream;

type Answer = (request: ClientRequest) => MaybePromise<HandlerResult>;
const endOfChain: Answer = (request) => ({ tag: 'err', val: methodNotFound(request.tag) });

/** A connection over a fake chain; `seen` records what the chain was given. */
function connect(answer: Answer = endOfChain, maxLine = DEFAULT_MAX_LINE) {
  const sent: unknown[] = [];
  const logged: string[] = [];
  const seen: { ctx: MessageContext; message: ClientMessage }[] = [];
  const next = (ctx: MessageContext, message: ClientMessage): MaybePromise<HandlerResult> => {
    seen.push({ ctx, message });
    return message.tag === 'request' ? answer(message.val[1]) : undefined;
  };
  const output = { send: (json: string) => sent.push(JSON.parse(json)), log: (text: string) => logged.push(text) };
  const connection = new StdioConnection(next, output, STREAM, { maxLine, serverName: 'test-server', serverVersion: '9.9.9', cacheHints: { ttlMs: 0, cacheScope: 'private' } });
  const line = (text: string | object) => connection.receiveLine(encoder.encode(typeof text === 'string' ? text : JSON.stringify(text)));
  return { connection, line, sent, logged, seen };
}

const initialize = (protocolVersion: string) => ({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion, capabilities: {}, clientInfo: { name: 'client', version: '1' } },
});

const toolsOnly: Answer = (request) =>
  request.tag === 'tools-list' ? { tag: 'ok', val: { tag: 'tools-list', val: { tools: [] } } } : endOfChain(request);

describe('initialize', () => {
  it.each(['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'])('echoes the supported version %s', async (version) => {
    const { line, sent } = connect();
    await line(initialize(version));
    expect(sent).toEqual([{ jsonrpc: '2.0', id: 1, result: expect.objectContaining({ protocolVersion: version }) }]);
  });

  it('answers an unknown version with the latest', async () => {
    const { line, sent } = connect();
    await line(initialize('2099-01-01'));
    expect(sent[0]).toMatchObject({ result: { protocolVersion: '2025-11-25' } });
  });

  it('serverInfo comes from the configuration', async () => {
    const { line, sent } = connect();
    await line(initialize('2025-11-25'));
    expect(sent[0]).toMatchObject({ result: { serverInfo: { name: 'test-server', version: '9.9.9' } } });
  });

  it('advertises logging always, and only the capabilities the chain answers', async () => {
    const { line, sent } = connect(toolsOnly);
    await line(initialize('2025-11-25'));
    expect((sent[0] as { result: { capabilities: unknown } }).result.capabilities).toEqual({ logging: {}, tools: { listChanged: true } });
  });

  it('an owner that fails its list (not -32601) still owns the capability', async () => {
    const { line, sent } = connect((request) =>
      request.tag === 'prompts-list' || request.tag === 'completion-complete' ? { tag: 'err', val: mcpError(-32603, 'broken') } : endOfChain(request),
    );
    await line(initialize('2025-11-25'));
    expect((sent[0] as { result: { capabilities: unknown } }).result.capabilities).toEqual({ logging: {}, completions: {}, prompts: { listChanged: true } });
  });

  it('a chain that owns nothing gets logging only; an unanswered probe counts as absent', async () => {
    const { line, sent } = connect(() => undefined);
    await line(initialize('2025-11-25'));
    expect((sent[0] as { result: { capabilities: unknown } }).result.capabilities).toEqual({ logging: {} });
  });

  it('probes without a client stream, in the negotiated version, and never forwards initialize', async () => {
    const { line, seen } = connect(toolsOnly);
    await line(initialize('2025-03-26'));
    expect(seen.map((s) => (s.message.val as [unknown, ClientRequest])[1].tag)).toEqual(['tools-list', 'resources-list', 'prompts-list', 'completion-complete']);
    for (const { ctx } of seen) {
      expect(ctx.clientStream).toBeUndefined();
      expect(ctx.protocolVersion).toBe('2025-03-26');
    }
  });

  it('later requests carry the negotiated version, the client stream and the stdio frame', async () => {
    const { line, seen } = connect(toolsOnly);
    await line(initialize('2024-11-05'));
    seen.length = 0;
    await line({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expect(seen).toHaveLength(1);
    expect(seen[0].ctx).toEqual({ clientStream: STREAM, protocolVersion: '2024-11-05', frame: { prefix: new Uint8Array(0), suffix: new Uint8Array([10]) } });
  });
});

describe('requests', () => {
  it('a request goes down the chain and its answer is sent under its id', async () => {
    const { line, sent } = connect(toolsOnly);
    await line({ jsonrpc: '2.0', id: 'abc', method: 'tools/list' });
    expect(sent).toEqual([{ jsonrpc: '2.0', id: 'abc', result: { tools: [] } }]);
  });

  it('an error from the chain keeps its code, message and data', async () => {
    const { line, sent } = connect(() => ({ tag: 'err', val: mcpError(-32002, 'Resource not found', { uri: 'file:///x' }) }));
    await line({ jsonrpc: '2.0', id: 7, method: 'resources/read', params: { uri: 'file:///x' } });
    expect(sent).toEqual([{ jsonrpc: '2.0', id: 7, error: { code: -32002, message: 'Resource not found', data: { uri: 'file:///x' } } }]);
  });

  it('a request nobody answers (a chain without method-not-found) is -32603, not silence', async () => {
    const { line, sent } = connect(() => undefined);
    await line({ jsonrpc: '2.0', id: 3, method: 'tools/list' });
    expect(sent).toEqual([{ jsonrpc: '2.0', id: 3, error: { code: -32603, message: 'Internal error: no component answered tools/list' } }]);
  });

  it.each([
    ['ping', undefined],
    ['logging/setLevel', { level: 'warning' }],
  ])('%s: answered {} by the transport when the chain does not own it', async (method, params) => {
    const { line, sent, seen } = connect();
    await line({ jsonrpc: '2.0', id: 4, method, params });
    expect(seen).toHaveLength(1);
    expect(sent).toEqual([{ jsonrpc: '2.0', id: 4, result: {} }]);
  });

  it('logging/setLevel: a chain that owns it answers it, errors included', async () => {
    const { line, sent } = connect(() => ({ tag: 'err', val: mcpError(-32602, 'level refused') }));
    await line({ jsonrpc: '2.0', id: 5, method: 'logging/setLevel', params: { level: 'debug' } });
    expect(sent).toEqual([{ jsonrpc: '2.0', id: 5, error: { code: -32602, message: 'level refused' } }]);
  });
});

describe('one-way messages', () => {
  it('notifications, client results and client errors go down the chain with no answer', async () => {
    const { line, sent, seen } = connect();
    await line({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await line({ jsonrpc: '2.0', id: 's1', result: { roots: [] } });
    await line({ jsonrpc: '2.0', id: 's2', error: { code: -1, message: 'no' } });
    expect(sent).toEqual([]);
    expect(seen.map((s) => s.message.tag)).toEqual(['notification', 'result', 'error']);
    expect(seen.every((s) => s.ctx.clientStream === STREAM)).toBe(true);
  });

  it('an unknown notification is dropped with a note on the log, never answered', async () => {
    const { line, sent, seen, logged } = connect();
    await line({ jsonrpc: '2.0', method: 'notifications/whatever' });
    expect(sent).toEqual([]);
    expect(seen).toEqual([]);
    expect(logged).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('malformed JSON: -32700 without id', async () => {
    const { line, sent } = connect();
    await line('{"jsonrpc":"2.0","id":1,');
    expect(sent).toEqual([{ jsonrpc: '2.0', error: { code: -32700, message: expect.stringMatching(/^Parse error/) } }]);
  });

  it('bytes that are not UTF-8: -32700', async () => {
    const { connection, sent } = connect();
    connection.receiveLine(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(sent).toEqual([{ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error: the message is not valid UTF-8' } }]);
  });

  it('valid JSON that is not JSON-RPC: -32600, with the id when it is readable', async () => {
    const { line, sent } = connect();
    await line('[]');
    await line({ jsonrpc: '1.0', id: 9, method: 'ping' });
    expect(sent).toEqual([
      { jsonrpc: '2.0', error: { code: -32600, message: expect.stringMatching(/^Invalid Request/) } },
      { jsonrpc: '2.0', id: 9, error: { code: -32600, message: expect.stringMatching(/^Invalid Request/) } },
    ]);
  });

  it('an unknown request method: -32601 under its id', async () => {
    const { line, sent } = connect();
    await line({ jsonrpc: '2.0', id: 10, method: 'tools/destroy' });
    expect(sent).toEqual([{ jsonrpc: '2.0', id: 10, error: { code: -32601, message: 'Method not found: tools/destroy' } }]);
  });

  it('blank lines are skipped silently', async () => {
    const { line, sent, seen } = connect();
    for (const blank of ['', ' ', '\t \r']) await line(blank);
    expect(sent).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('an over-long line: -32600 without id, naming both sizes', async () => {
    const { connection, sent } = connect(endOfChain, 100);
    connection.receiveTooLong(250);
    expect(sent).toEqual([{ jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request: a message of 250 bytes exceeds the limit of 100 bytes (WASMCP_MAX_LINE)' } }]);
  });
});

describe('protocol 2026-07-28 (stateless, per-request _meta)', () => {
  const META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} };
  const modern = (id: number, method: string, params: Record<string, unknown> = {}, meta: Record<string, unknown> = META) => ({
    jsonrpc: '2.0',
    id,
    method,
    params: { ...params, _meta: meta },
  });
  const decoder = new TextDecoder();

  it('server/discover: the supported versions, what the chain serves, the identity in _meta, caching hints', async () => {
    const { line, sent } = connect(toolsOnly);
    await line(modern(1, 'server/discover'));
    expect(sent).toEqual([
      {
        jsonrpc: '2.0',
        id: 1,
        result: {
          supportedVersions: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'],
          capabilities: { logging: {}, tools: {} },
          resultType: 'complete',
          _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'test-server', version: '9.9.9' } },
          ttlMs: 0,
          cacheScope: 'private',
        },
      },
    ]);
  });

  it('a request with no initialize before it is served, in 2026-07-28, with its _meta for the chain', async () => {
    const { line, sent, seen } = connect(toolsOnly);
    await line(modern(2, 'tools/list'));
    expect(sent[0]).toMatchObject({ id: 2, result: { tools: [], resultType: 'complete', ttlMs: 0, cacheScope: 'private' } });
    expect(seen[0].ctx.protocolVersion).toBe('2026-07-28');
    const meta = seen[0].ctx.httpContext?.headers.find(([name]) => name === 'mcp-request-meta');
    expect(JSON.parse(meta![1])).toEqual(META);
  });

  it('no log messages unless the request asks for a level', async () => {
    const { line, seen } = connect(toolsOnly);
    await line(modern(3, 'tools/list'));
    await line(modern(4, 'tools/list', {}, { ...META, 'io.modelcontextprotocol/logLevel': 'warning' }));
    expect(decoder.decode(seen[0].ctx.frame.prefix)).toBe(': log-level=off\n');
    expect(decoder.decode(seen[1].ctx.frame.prefix)).toBe(': log-level=warning\n');
  });

  it('missing _meta fields: -32602; an unsupported version: -32022 with the supported list', async () => {
    const { line, sent, seen } = connect(toolsOnly);
    await line({ jsonrpc: '2.0', id: 5, method: 'server/discover', params: {} });
    await line(modern(6, 'tools/list', {}, { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' }));
    await line(modern(7, 'tools/list', {}, { ...META, 'io.modelcontextprotocol/protocolVersion': '1999-01-01' }));
    expect(sent[0]).toMatchObject({ id: 5, error: { code: -32602 } });
    expect(sent[1]).toMatchObject({ id: 6, error: { code: -32602 } });
    expect(sent[2]).toMatchObject({ id: 7, error: { code: -32022, data: { requested: '1999-01-01', supported: expect.arrayContaining(['2026-07-28']) } } });
    expect(seen).toEqual([]);
  });

  it.each(['initialize', 'ping', 'logging/setLevel', 'resources/subscribe', 'resources/unsubscribe'])('%s was removed: -32601', async (method) => {
    const { line, sent, seen } = connect(toolsOnly);
    await line(modern(8, method, method === 'resources/subscribe' || method === 'resources/unsubscribe' ? { uri: 'x://y' } : {}));
    expect(sent[0]).toMatchObject({ id: 8, error: { code: -32601 } });
    expect(seen).toEqual([]);
  });

  it('subscriptions/listen: nothing reaches a stdio server between messages, so it honours none of the filter and ends the subscription', async () => {
    const { line, sent, seen } = connect(toolsOnly);
    await line(modern(12, 'subscriptions/listen', { notifications: { toolsListChanged: true, resourceSubscriptions: ['x://y'] } }));
    await line(modern(13, 'subscriptions/listen', { notifications: { resourceSubscriptions: 'x://y' } }));
    const id = 'io.modelcontextprotocol/subscriptionId';
    expect(sent).toEqual([
      { jsonrpc: '2.0', method: 'notifications/subscriptions/acknowledged', params: { _meta: { [id]: 12 }, notifications: {} } },
      { jsonrpc: '2.0', id: 12, result: { resultType: 'complete', _meta: { [id]: 12 } } },
      { jsonrpc: '2.0', id: 13, error: { code: -32602, message: 'params.notifications.resourceSubscriptions must be a list of resource URIs' } },
    ]);
    expect(seen).toEqual([]);
  });

  it('resource not found is -32602 for 2026-07-28 (SEP-2164), -32002 for the 2025 eras', async () => {
    const notFound: Answer = (request) => (request.tag === 'resources-read' ? { tag: 'err', val: mcpError(-32002, 'Resource not found', { uri: 'x://gone' }) } : endOfChain(request));
    const { line, sent } = connect(notFound);
    await line(modern(9, 'resources/read', { uri: 'x://gone' }));
    await line({ jsonrpc: '2.0', id: 10, method: 'resources/read', params: { uri: 'x://gone' } });
    expect(sent[0]).toMatchObject({ id: 9, error: { code: -32602, data: { uri: 'x://gone' } } });
    expect(sent[1]).toMatchObject({ id: 10, error: { code: -32002 } });
  });

  it('a 2025-era initialize on the same connection still works, and its requests stay 2025-era', async () => {
    const { line, sent, seen } = connect(toolsOnly);
    await line(modern(11, 'tools/list'));
    await line(initialize('2025-11-25'));
    await line({ jsonrpc: '2.0', id: 12, method: 'tools/list' });
    expect(sent[1]).toMatchObject({ id: 1, result: { protocolVersion: '2025-11-25' } });
    expect(sent[2]).toEqual({ jsonrpc: '2.0', id: 12, result: { tools: [] } });
    expect(seen.at(-1)!.ctx.protocolVersion).toBe('2025-11-25');
  });
});

describe('serve', () => {
  /** A reader over the messages, one line each, in one chunk. */
  const linesOf = (...messages: object[]) => {
    const chunks = [encoder.encode(messages.map((m) => `${JSON.stringify(m)}\n`).join(''))];
    return new LineReader(() => chunks.shift(), DEFAULT_MAX_LINE);
  };
  const toolsList = (id: number) => ({ jsonrpc: '2.0', id, method: 'tools/list' });
  const answered = (id: number) => ({ jsonrpc: '2.0', id, result: { tools: [] } });

  it('answers at once, without a promise, when the chain answers at once', () => {
    const { connection, sent } = connect(toolsOnly);
    expect(connection.serve(linesOf(toolsList(1), toolsList(2)))).toBeUndefined();
    expect(sent).toEqual([answered(1), answered(2)]);
  });

  it('reads the next line only once an async answer is written', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { connection, sent, seen } = connect(async (request) => {
      await released;
      return toolsOnly(request);
    });
    const served = connection.serve(linesOf(toolsList(1), toolsList(2)));
    expect(served).toBeInstanceOf(Promise);
    expect(seen).toHaveLength(1);
    release();
    await served;
    expect(sent).toEqual([answered(1), answered(2)]);
  });
});
