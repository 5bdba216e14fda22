// defineMiddleware, its helpers, serveTools, ctx.downstream and openBucket as plain functions in
// Node: the WIT imports are fakes (the chain below is the tools-middleware and method-not-found
// factories over a defineTools component, the key-value store a Map). The built examples run the
// same code in test/middleware/*.test.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INPUT_REQUIRED_META, REQUEST_META_HEADER, requestInputHeader, stringifyJson, type JsonObject, type ServerHandler } from '@wasmcp-ts/protocol';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

let below: ServerHandler['handle'] = () => undefined;
const kv = new Map<string, Uint8Array>();
let kvFails = false;
vi.mock('wasmcp:mcp-v20251125/server-handler@0.1.1', () => ({ handle: (ctx: never, message: never) => below(ctx, message) }));
vi.mock('wasmcp:mcp-v20251125/server-io@0.1.1', () => ({ sendMessage: () => {} }));
vi.mock('wasmcp:mcp-v20251125/sessions@0.1.1', () => ({ Session: { open: () => ({}) } }));
vi.mock('wasi:cli/environment@0.2.12', () => ({ getEnvironment: () => [['LIMIT', '2']] }));
vi.mock('wasi:random/random@0.2.12', () => ({ getRandomBytes: (n: bigint) => new Uint8Array(Number(n)) }));
vi.mock('wasi:clocks/monotonic-clock@0.2.12', () => ({ now: () => 0n, subscribeDuration: () => ({ block: () => {} }) }));
vi.mock('wasi:keyvalue/store@0.2.0-draft', () => ({
  open: (name: string) => {
    if (kvFails) throw { payload: { tag: 'no-such-store' } };
    return {
      get: (key: string) => kv.get(`${name}/${key}`),
      set: (key: string, value: Uint8Array) => kv.set(`${name}/${key}`, value),
      delete: (key: string) => kv.delete(`${name}/${key}`),
      name,
    };
  },
}));
vi.mock('wasi:keyvalue/atomics@0.2.0-draft', () => ({
  increment: (bucket: { name: string }, key: string, delta: bigint) => {
    const next = BigInt(new TextDecoder().decode(kv.get(`${bucket.name}/${key}`) ?? new TextEncoder().encode('0'))) + delta;
    kv.set(`${bucket.name}/${key}`, new TextEncoder().encode(String(next)));
    return next;
  },
}));

const { defineTools } = await import('../../packages/sdk/src/index.js');
const mw = await import('../../packages/sdk/src/middleware/index.js');
const { openBucket } = await import('../../packages/sdk/src/keyvalue/index.js');
const { createToolsMiddleware } = await import('../../packages/tools-middleware/src/tools-middleware.js');
const { createMethodNotFound } = await import('../../packages/method-not-found/src/method-not-found.js');

const ctx = { protocolVersion: '2025-11-25', frame: { prefix: new Uint8Array(), suffix: new Uint8Array() } };
const id = { tag: 'number', val: 1n } as const;
const request = (tag: string, val?: unknown) => ({ tag: 'request', val: [id, val === undefined ? { tag } : { tag, val }] }) as never;
const toolsList = request('tools-list', {});
const toolsCall = (name: string, args: object) => request('tools-call', { name, arguments: JSON.stringify(args) });
const textOf = (answer: any) => answer.val.val.content.map((c: any) => c.val.text.val).join('');

/** The chain below: square and a failing tool, behind tools-middleware, ending in method-not-found. */
const downstreamTools = defineTools([
  { name: 'square', inputSchema: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] }, handler: ({ x }) => String(x * x) },
  { name: 'fails', handler: () => { throw new Error('broken on purpose'); } },
  { name: 'admin_reset', handler: () => 'reset' },
]);
const chain = createToolsMiddleware({ tools: downstreamTools, next: createMethodNotFound().serverHandler }).serverHandler;

beforeEach(() => {
  below = chain.handle;
  kv.clear();
  kvFails = false;
});

describe('defineMiddleware', () => {
  it('passes messages on, and its answer is what the chain answered', async () => {
    const seen: string[] = [];
    const handler = mw.defineMiddleware(async (_ctx, message, next) => {
      seen.push('method' in message ? message.method : 'response');
      return next();
    });
    const answer: any = await handler.handle(ctx, toolsList);
    expect(seen).toEqual(['tools/list']);
    expect(answer.val.val.tools.map((t: { name: string }) => t.name)).toEqual(['square', 'fails', 'admin_reset']);
    expect(await handler.handle(ctx, { tag: 'notification', val: { tag: 'initialized', val: {} } } as never)).toBeUndefined();
    expect(seen).toEqual(['tools/list', 'notifications/initialized']);
  });

  it('answers, refuses, changes the message and changes the result', async () => {
    const answers = mw.defineMiddleware((_ctx, message) => (mw.isRequest(message, 'ping') ? {} : undefined));
    expect(await answers.handle(ctx, request('ping', { extras: [] }))).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    const refuses = mw.defineMiddleware(() => {
      throw new mw.ProtocolError(mw.mcpError(-32050, 'not today'));
    });
    expect(await refuses.handle(ctx, toolsList)).toMatchObject({ tag: 'err', val: { val: { code: -32050n, message: 'not today' } } });
    const changes = mw.defineMiddleware(async (_ctx, message, next) => {
      if (!mw.isRequest(message, 'tools/call')) return next();
      const result = await next({ ...message, params: { name: 'square', arguments: { x: 7 } } });
      return { ...result, content: [{ type: 'text', text: `squared: ${(result!.content as any)[0].text}` }] };
    });
    expect(textOf(await changes.handle(ctx, toolsCall('anything', {})))).toBe('squared: 49');
  });

  it('steps run in order, each next() reaching the following step', async () => {
    const order: string[] = [];
    const handler = mw.defineMiddleware(
      async (_ctx, _m, next) => (order.push('a'), next()),
      async (_ctx, _m, next) => (order.push('b'), next()),
    );
    await handler.handle(ctx, toolsList);
    expect(order).toEqual(['a', 'b']);
  });

  it('an exception is -32603 with its message; a downstream error rejects next() with it', async () => {
    const throws = mw.defineMiddleware(() => {
      throw new Error('boom');
    });
    expect(await throws.handle(ctx, toolsList)).toMatchObject({ tag: 'err', val: { tag: 'internal-error', val: { message: 'Internal error: boom' } } });
    let caught: unknown;
    const catches = mw.defineMiddleware(async (_ctx, _m, next) => {
      try {
        return await next();
      } catch (err) {
        caught = mw.jsonRpcErrorOf(err);
        throw err;
      }
    });
    expect(await catches.handle(ctx, request('prompts-list', {}))).toMatchObject({ tag: 'err', val: { tag: 'method-not-found' } });
    expect(caught).toEqual({ code: -32601, message: 'Method not found: prompts/list' });
  });

  it('a result of the wrong kind is an internal error naming the request', async () => {
    const wrong = mw.defineMiddleware(() => ({ tools: 'not a list' }));
    const answer: any = await wrong.handle(ctx, toolsList);
    expect(answer).toMatchObject({ tag: 'err', val: { tag: 'internal-error' } });
    expect(answer.val.val.message).toContain("the middleware's tools-list result is not one");
  });

  it('refuses to be defined without steps or with something else', () => {
    expect(() => mw.defineMiddleware()).toThrow('defineMiddleware needs at least one middleware function');
    expect(() => mw.defineMiddleware('nope' as never)).toThrow('middleware 1 is not a function');
  });

  it('the context reads the environment and reaches the chain', async () => {
    const handler = mw.defineMiddleware(async (c) => ({ content: [{ type: 'text', text: `${c.env('LIMIT')} ${(await c.downstream.listTools()).length}` }] }));
    expect(textOf(await handler.handle(ctx, toolsCall('x', {})))).toBe('2 3');
  });
});

describe('helpers', () => {
  it('matchTools: names, * patterns, RegExps, predicates and lists', () => {
    expect(mw.matchTools('admin_*')('admin_reset')).toBe(true);
    expect(mw.matchTools('admin_*')('xadmin_reset')).toBe(false);
    expect(mw.matchTools('a.b')('axb')).toBe(false);
    expect(mw.matchTools(/^sq/)('square')).toBe(true);
    expect(mw.matchTools((n) => n.length === 5)('fails')).toBe(true);
    expect(mw.matchTools(['x', 'sq*'])('square')).toBe(true);
  });

  it('rewriteToolsList filters and changes the list', async () => {
    const handler = mw.defineMiddleware(mw.rewriteToolsList((tools) => tools.filter((t) => t.name !== 'fails').map((t) => ({ ...t, description: 'seen' }))));
    const answer: any = await handler.handle(ctx, toolsList);
    expect(answer.val.val.tools.map((t: any) => [t.name, t.options?.description])).toEqual([
      ['square', 'seen'],
      ['admin_reset', 'seen'],
    ]);
  });

  it('interceptToolCall handles matching calls, may change the call, and lets others pass', async () => {
    const handler = mw.defineMiddleware(
      mw.interceptToolCall('sq*', async (call, _ctx, next) => {
        const result = await next({ ...call, arguments: { x: (call.arguments.x as number) + 1 } });
        return { ...result, _meta: { intercepted: true } };
      }),
    );
    const answer: any = await handler.handle(ctx, toolsCall('square', { x: 2 }));
    expect(textOf(answer)).toBe('9');
    expect(answer.val.val.meta).toBe('{"intercepted":true}');
    expect(textOf(await handler.handle(ctx, toolsCall('admin_reset', {})))).toBe('reset');
  });

  it('addToResult changes the results of the named methods only', async () => {
    const handler = mw.defineMiddleware(mw.addToResult('tools/call', (result) => ({ ...result, _meta: { stamped: 1 } })));
    expect(((await handler.handle(ctx, toolsCall('square', { x: 1 }))) as any).val.val.meta).toBe('{"stamped":1}');
    expect(((await handler.handle(ctx, toolsList)) as any).val.val.meta).toBeUndefined();
  });
});

describe('serveTools and ctx.downstream', () => {
  const composed = defineTools([
    {
      name: 'sum_of_squares',
      inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] },
      handler: async ({ a, b }, c) => {
        const sq = async (x: number) => Number(((await c.downstream.callTool('square', { x })).content[0] as { text: string }).text);
        return String((await sq(a)) + (await sq(b)));
      },
    },
    { name: 'call', inputSchema: { type: 'object', properties: { tool: { type: 'string' } }, required: ['tool'] }, handler: async ({ tool }, c) => JSON.stringify(await c.downstream.callTool(tool)) },
  ]);
  const handler = mw.defineMiddleware(mw.serveTools(composed, { hide: ['square', 'admin_*'] }));

  it('lists its tools and the downstream ones it does not hide', async () => {
    const answer: any = await handler.handle(ctx, toolsList);
    expect(answer.val.val.tools.map((t: { name: string }) => t.name)).toEqual(['sum_of_squares', 'call', 'fails']);
  });

  it('its tools call the hidden ones downstream; the client cannot', async () => {
    expect(textOf(await handler.handle(ctx, toolsCall('sum_of_squares', { a: 3, b: 4 })))).toBe('25');
    expect(await handler.handle(ctx, toolsCall('square', { x: 2 }))).toMatchObject({ tag: 'err', val: { tag: 'invalid-params', val: { message: 'Unknown tool: square' } } });
    expect(textOf(await handler.handle(ctx, toolsCall('fails', {})))).toBe('broken on purpose');
  });

  it('a failing downstream call is the composed tool’s isError result naming the tool', async () => {
    const failed: any = await handler.handle(ctx, toolsCall('call', { tool: 'fails' }));
    expect(failed.val.val.isError).toBe(true);
    expect(textOf(failed)).toBe('Tool "fails" failed: broken on purpose');
    expect(textOf(await handler.handle(ctx, toolsCall('call', { tool: 'missing' })))).toBe('Tool "missing" failed: Unknown tool: missing');
  });

  it('a tool nobody serves is -32602 (the chain ends in method-not-found)', async () => {
    below = createMethodNotFound().serverHandler.handle;
    expect(await handler.handle(ctx, toolsCall('nope', {}))).toMatchObject({ tag: 'err', val: { tag: 'invalid-params', val: { message: 'Unknown tool: nope' } } });
    const answer: any = await handler.handle(ctx, toolsList);
    expect(answer.val.val.tools.map((t: { name: string }) => t.name)).toEqual(['sum_of_squares', 'call']);
  });

  it('in a plain tools component, ctx.downstream refuses saying how to reach the chain', async () => {
    const plain = defineTools([{ name: 'p', handler: async (_a, c) => String(await c.downstream.listTools()) }]);
    const result: any = await plain.callTool(ctx, { name: 'p' });
    expect(result.isError).toBe(true);
    expect(result.content[0].val.text.val).toBe('ctx.downstream reaches the rest of the chain only in a middleware: serve the tools with serveTools of @wasmcp-ts/sdk/middleware');
  });
});

describe('a 2026-07-28 round trip through a middleware', () => {
  /** The context of a 2026-07-28 tools/call of `ask`, with the retry's answers and state if given. */
  function modernCall(retry: { inputResponses?: JsonObject; requestState?: string } = {}): MessageContext {
    const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': { elicitation: {} } };
    const request = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'ask', arguments: {}, _meta: meta, ...retry } } as JsonObject;
    return { ...ctx, protocolVersion: '2026-07-28', httpContext: { method: 'POST', path: '/mcp', headers: [[REQUEST_META_HEADER, stringifyJson(meta)], requestInputHeader('tools/call', request)!] } };
  }
  const asking = defineTools([
    {
      name: 'ask',
      handler: async (_args, c) => {
        const answer = await c.elicit({ message: 'Name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } } } });
        return `Hello, ${answer.content?.name}`;
      },
    },
  ]);

  it('a served tool that asks the client answers input-required, and gets the answer on the retry', async () => {
    const handler = mw.defineMiddleware(mw.addToResult('tools/call', (result) => result), mw.serveTools(asking));
    const first: any = await handler.handle(modernCall(), toolsCall('ask', {}));
    const required = JSON.parse(first.val.val.meta)[INPUT_REQUIRED_META];
    expect(required.inputRequests).toEqual({ 'elicitation-1': { method: 'elicitation/create', params: expect.objectContaining({ message: 'Name?' }) } });
    const retry = modernCall({ inputResponses: { 'elicitation-1': { action: 'accept', content: { name: 'Ada' } } }, requestState: required.requestState });
    expect(textOf(await handler.handle(retry, toolsCall('ask', {})))).toBe('Hello, Ada');
  });
});

describe('openBucket', () => {
  it('text values and counters, in the default bucket unless named', () => {
    const bucket = openBucket();
    expect(bucket.name).toBe('default');
    bucket.set('k', 'välue');
    expect(bucket.get('k')).toBe('välue');
    bucket.delete('k');
    expect(bucket.get('k')).toBeUndefined();
    expect(bucket.increment('n')).toBe(1);
    expect(bucket.increment('n', 5)).toBe(6);
    expect(openBucket('other').get('n')).toBeUndefined();
    expect(() => bucket.increment('n', 0)).toThrow('increment "n" by a positive integer, not 0');
  });

  it('a failing store is an Error saying which call failed', () => {
    kvFails = true;
    expect(() => openBucket('audit')).toThrow('key-value store: cannot open the bucket "audit": no-such-store');
  });
});
