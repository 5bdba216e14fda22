// defineTools, defineResources and definePrompts as plain functions in Node, with the WIT
// imports of the SDK (server-io, sessions, and the WASI clock, random and environment)
// replaced by fakes that record what they were asked. sdk-component.test.ts runs the same code
// inside a built component.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

const sent: unknown[] = [];
const stored = new Map<string, unknown>();
/** What the client does while a call waits (the clock's sleeps): answer as the HTTP transport would hand it over. */
let whileWaiting: () => void = () => {};
let monotonicNs = 0n;
vi.mock('wasmcp:mcp-v20251125/server-io@0.1.1', () => ({ sendMessage: (_stream: unknown, message: unknown) => sent.push(message) }));
vi.mock('wasi:cli/environment@0.2.12', () => ({ getEnvironment: () => [['WASMCP_CLIENT_REQUEST_TIMEOUT', '1']] }));
vi.mock('wasi:random/random@0.2.12', () => ({ getRandomBytes: (n: bigint) => new Uint8Array(Number(n)).fill(0xab) }));
vi.mock('wasi:clocks/monotonic-clock@0.2.12', () => ({
  now: () => monotonicNs,
  subscribeDuration: (ns: bigint) => ({
    block: () => {
      monotonicNs += ns;
      whileWaiting();
    },
  }),
}));
vi.mock('wasmcp:mcp-v20251125/sessions@0.1.1', () => ({
  Session: {
    open: (sessionId: string) => ({
      get: (key: string) => stored.get(`${sessionId}:${key}`),
      set: (key: string, value: unknown) => stored.set(`${sessionId}:${key}`, value),
      elicit: () => {
        throw { payload: { tag: 'unexpected', val: 'the client did not declare the elicitation capability at initialize' } };
      },
    }),
  },
}));

const { definePrompts, defineResources, defineTools, invalidParams, ProtocolError } = await import('../../packages/sdk/src/index.js');

const frame = { prefix: new Uint8Array(), suffix: new Uint8Array() };
const plain = { protocolVersion: '2025-11-25', frame };
const streamed = {
  ...plain,
  clientStream: {} as never,
  session: { sessionId: 's1', storeId: 'default' },
  httpContext: { method: 'POST', path: '/mcp', headers: [['mcp-request-meta', '{"progressToken":"p7"}']] as [string, string][] },
};
const text = (t: string) => ({ tag: 'text', val: { text: { tag: 'text', val: t } } });

beforeEach(() => {
  sent.length = 0;
  stored.clear();
  whileWaiting = () => {};
});

describe('defineTools', () => {
  const tools = defineTools([
    {
      name: 'order',
      title: 'Order',
      description: 'Orders an item',
      icons: [{ src: 'https://example.com/cup.png', mimeType: 'image/png', sizes: ['48x48'] }],
      annotations: { readOnlyHint: false, openWorldHint: true },
      _meta: { 'example.com/x': 1 },
      inputSchema: {
        type: 'object',
        properties: { item: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } },
        required: ['item'],
        additionalProperties: false,
      },
      handler: ({ item, quantity }) => `${quantity ?? 1} x ${item}`,
    },
    {
      name: 'repeat',
      inputSchema: z.object({ word: z.string(), times: z.number().int().default(2) }).strict(),
      handler: ({ word, times }) => Array(times).fill(word).join(' '),
    },
    {
      name: 'stats',
      inputSchema: { type: 'object', properties: { values: { type: 'array', items: { type: 'number' } } }, required: ['values'] },
      outputSchema: { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] },
      handler: ({ values }) => (values.length === 0 ? { content: [{ type: 'text', text: 'nothing to count' }], isError: true } : { structuredContent: { count: values.length } }),
    },
    { name: 'wrong_stats', outputSchema: { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] }, handler: () => ({ structuredContent: { count: 1.5 } }) },
    { name: 'text_stats', outputSchema: { type: 'object' }, handler: () => 'just text' },
    { name: 'throws', handler: () => Promise.reject(new Error('it broke')) },
    { name: 'throws_value', handler: () => Promise.reject('a string') },
    {
      name: 'refuses',
      handler: () => {
        throw new ProtocolError(invalidParams('no, on purpose'));
      },
    },
    { name: 'bad_content', handler: () => ({ content: [{ type: 'text' } as never] }) },
    { name: 'number', handler: () => 42 as never },
    {
      name: 'notify',
      handler: (_args, ctx) => {
        ctx.log('warning', { disk: 'low' }, 'monitor');
        ctx.progress(1, 2, 'half');
        return 'ok';
      },
    },
    {
      name: 'visits',
      handler: (_args, ctx) => {
        const visits = Number(ctx.session?.get('visits') ?? 0) + 1;
        ctx.session?.set('visits', visits);
        ctx.session?.set('big', 2n ** 60n);
        return `${visits} ${ctx.session ? ctx.session.id : 'no session'}`;
      },
    },
    { name: 'elicits', handler: async (_args, ctx) => (await ctx.elicit({ message: 'Name?', requestedSchema: { type: 'object', properties: { n: { type: 'string' } } } })).action },
    {
      name: 'samples',
      handler: async (_args, ctx) => {
        const answer = await ctx.sample({ messages: [{ role: 'user', content: { type: 'text', text: 'Hi?' } }], maxTokens: 5 });
        return `${answer.model}: ${answer.content.text}`;
      },
    },
  ]);
  // A refusal is the export's err, thrown at once by a synchronous call: async, it is a rejection either way.
  const call = async (name: string, args?: unknown, ctx: object = plain) => tools.callTool(ctx as never, { name, arguments: args === undefined ? undefined : JSON.stringify(args) });

  it('answers a synchronous handler at once, and an async one with a promise', async () => {
    const now = tools.callTool(plain as never, { name: 'order', arguments: JSON.stringify({ item: 'tea' }) });
    expect(now).toEqual({ content: [{ tag: 'text', val: { text: { tag: 'text', val: '1 x tea' }, options: undefined } }], structuredContent: undefined, isError: undefined, meta: undefined });
    const later = tools.callTool(plain as never, { name: 'throws', arguments: '{}' });
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toMatchObject({ isError: true });
  });

  it('lists each tool in MCP form, with a closed empty schema for tools that take no arguments', () => {
    const [order, repeat, stats, wrongStats] = tools.listTools(plain, {}).tools;
    expect(order).toEqual({
      name: 'order',
      inputSchema: JSON.stringify({ type: 'object', properties: { item: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } }, required: ['item'], additionalProperties: false }),
      options: {
        title: 'Order',
        description: 'Orders an item',
        icons: [{ src: 'https://example.com/cup.png', mimeType: 'image/png', sizes: ['48x48'], theme: undefined }],
        annotations: { title: undefined, readOnlyHint: false, destructiveHint: undefined, idempotentHint: undefined, openWorldHint: true },
        meta: '{"example.com/x":1}',
        outputSchema: undefined,
      },
    });
    expect(JSON.parse(repeat.inputSchema)).toMatchObject({ type: 'object', properties: { word: { type: 'string' }, times: { type: 'integer', default: 2 } }, required: ['word'], additionalProperties: false });
    expect(JSON.parse(stats.options!.outputSchema!)).toEqual({ type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] });
    expect(JSON.parse(wrongStats.inputSchema)).toEqual({ type: 'object', additionalProperties: false });
  });

  it('runs the handler with the checked arguments', async () => {
    expect(await call('order', { item: 'tea', quantity: 3 })).toEqual({ content: [text('3 x tea')] });
    expect(await call('repeat', { word: 'go' })).toEqual({ content: [text('go go')] });
  });

  it('answers arguments that break the schema with an isError result naming every problem', async () => {
    expect(await call('order', { item: 7, quantity: 0, size: 'XL' })).toEqual({
      content: [text('Invalid arguments for tool "order": item: expected string, got number; quantity: must be >= 1; unexpected property "size"')],
      isError: true,
    });
    expect(await call('order')).toEqual({ content: [text('Invalid arguments for tool "order": missing required property "item"')], isError: true });
    const zodResult = await call('repeat', { word: 1, extra: true });
    expect(zodResult?.isError).toBe(true);
    expect(zodResult?.content[0]).toMatchObject({ val: { text: { val: expect.stringMatching(/^Invalid arguments for tool "repeat": word: .*expected string.*; .*"extra"/) } } });
  });

  it('keeps arguments that are no JSON object a -32602 protocol error, as before the SDK', async () => {
    await expect(call('order', [1, 2])).rejects.toMatchObject({ tag: 'invalid-params', val: { code: -32602n, message: 'Tool arguments must be a JSON object' } });
  });

  it('is not the owner of a name it does not define', async () => {
    expect(await call('nope', {})).toBeUndefined();
  });

  it('turns a handler exception into an isError result, but lets a ProtocolError through', async () => {
    expect(await call('throws')).toEqual({ content: [text('it broke')], isError: true });
    expect(await call('throws_value')).toEqual({ content: [text('a string')], isError: true });
    await expect(call('refuses')).rejects.toMatchObject({ tag: 'invalid-params', val: { code: -32602n, message: 'no, on purpose' } });
  });

  it('checks structured output against the output schema, and mirrors it as text', async () => {
    expect(await call('stats', { values: [1, 2] })).toEqual({ content: [text('{"count":2}')], structuredContent: '{"count":2}' });
    expect(await call('stats', { values: [] })).toEqual({ content: [text('nothing to count')], isError: true });
    expect(await call('wrong_stats')).toEqual({
      content: [text('Tool "wrong_stats" returned an unusable result: structuredContent does not match the output schema: count: expected integer, got number')],
      isError: true,
    });
    expect(await call('text_stats')).toEqual({
      content: [text('Tool "text_stats" returned an unusable result: it declares an output schema, so it must return { structuredContent }')],
      isError: true,
    });
  });

  it('answers a result MCP cannot carry with an isError result', async () => {
    expect(await call('bad_content')).toEqual({ content: [text('Tool "bad_content" returned an unusable result: content[0].text must be a string')], isError: true });
    expect(await call('number')).toEqual({
      content: [text('Tool "number" returned an unusable result: expected a string or { content, structuredContent, isError }, got number')],
      isError: true,
    });
  });

  it('sends log and progress notifications on the request stream, with the client progress token', async () => {
    expect(await call('notify', {}, streamed)).toEqual({ content: [text('ok')] });
    expect(sent).toEqual([
      { tag: 'notification', val: { tag: 'log', val: { level: 'warning', data: '{"disk":"low"}', logger: 'monitor' } } },
      { tag: 'notification', val: { tag: 'progress', val: { progressToken: { tag: 'string', val: 'p7' }, progress: 1, total: 2, message: 'half' } } },
    ]);
  });

  it('sends nothing when the response does not stream', async () => {
    expect(await call('notify', {}, plain)).toEqual({ content: [text('ok')] });
    expect(sent).toEqual([]);
  });

  it('reads and writes the client session, as typed values', async () => {
    expect(await call('visits', {}, streamed)).toEqual({ content: [text('1 s1')] });
    expect(await call('visits', {}, streamed)).toEqual({ content: [text('2 s1')] });
    expect(stored.get('s1:visits')).toEqual({ tag: 'as-json', val: '2' });
    expect(stored.get('s1:big')).toEqual({ tag: 'as-s64', val: 2n ** 60n });
    expect(await call('visits', {}, plain)).toEqual({ content: [text('1 no session')] });
  });

  it('reports why elicitation failed', async () => {
    expect(await call('elicits', {}, plain)).toEqual({ content: [text('elicitation needs a session and a streamed response; this request has neither')], isError: true });
    expect(await call('elicits', {}, streamed)).toEqual({ content: [text('Cannot elicit: the client did not declare the elicitation capability at initialize')], isError: true });
  });

  it('samples: sends sampling/createMessage on the stream and returns the answer handed over in the session', async () => {
    const requestId = 'server-request-abababababababab';
    whileWaiting = () => {
      if (stored.get(`s1:__client-request__:${requestId}`)) {
        const answer = { jsonrpc: '2.0', id: requestId, result: { role: 'assistant', content: { type: 'text', text: 'Hello.' }, model: 'm1' } };
        stored.set(`s1:__client-response__:${requestId}`, { tag: 'as-string', val: JSON.stringify(answer) });
      }
    };
    expect(await call('samples', {}, streamed)).toEqual({ content: [text('m1: Hello.')] });
    expect(sent).toMatchObject([
      { tag: 'request', val: [{ tag: 'string', val: requestId }, { tag: 'sampling-create-message', val: { maxTokens: 5n, messages: [{ role: 'user' }] } }] },
    ]);
    // The answer is cleared once read (the sessions interface has no delete: '' counts as absent).
    expect(stored.get(`s1:__client-response__:${requestId}`)).toEqual({ tag: 'as-string', val: '' });
  });

  it('reports why sampling failed: no stream, a client that does not sample, no answer in time', async () => {
    expect(await call('samples', {}, plain)).toEqual({ content: [text('sampling needs a session and a streamed response; this request has neither')], isError: true });
    stored.set('s1:__client__:capabilities', { tag: 'as-string', val: '{"elicitation":true,"sampling":false}' });
    expect(await call('samples', {}, streamed)).toMatchObject({ content: [text(expect.stringContaining('did not declare the sampling capability'))], isError: true });
    expect(sent).toEqual([]);
    stored.delete('s1:__client__:capabilities');
    expect(await call('samples', {}, streamed)).toEqual({
      content: [text('the client did not answer sampling/createMessage within 1 s (WASMCP_CLIENT_REQUEST_TIMEOUT)')],
      isError: true,
    });
  });

  it('refuses a bad definition when it is made, saying which and why', () => {
    const handler = () => '';
    expect(() => defineTools([{ name: 'has space', handler }])).toThrow('tool name "has space" must be 1-128 characters of A-Z, a-z, 0-9, _, - and .');
    expect(() => defineTools([{ name: 'twice', handler }, { name: 'twice', handler }])).toThrow('tool "twice" is defined twice');
    expect(() => defineTools([{ name: 'x', inputSchema: { type: 'array' }, handler }])).toThrow('tool "x" inputSchema: must describe an object (type: "object")');
    expect(() => defineTools([{ name: 'x', inputSchema: { type: 'object', properties: { a: { $ref: 'https://example.com/a.json' } } }, handler }])).toThrow(
      'tool "x" inputSchema: #/properties/a/$ref: the reference "https://example.com/a.json" is not inside this schema, and other documents are not fetched',
    );
    expect(() => defineTools([{ name: 'x', inputSchema: { type: 'object', properties: { n: { type: 'int' } } }, handler }])).toThrow('tool "x" inputSchema: #/properties/n/type: ');
    expect(() => defineTools([{ name: 'x', outputSchema: { type: 'object', properties: { n: { minimum: 'one' } } }, handler }])).toThrow(
      'tool "x" outputSchema: #/properties/n/minimum: expected number, got string (not a valid JSON Schema 2020-12)',
    );
    expect(() => defineTools([{ name: 'x', icons: [{ src: 'a', theme: 'blue' as never }], handler }])).toThrow('tool "x".icons[0].theme must be one of light, dark');
    expect(() => defineTools([{ name: 'x' } as never])).toThrow('tool "x" has no handler function');
  });
});

describe('defineResources', () => {
  const resources = defineResources({
    resources: [
      { uri: 'docs://readme', name: 'readme', title: 'README', mimeType: 'text/markdown', size: 6, read: () => '# Hi\n' },
      { uri: 'bytes://two', name: 'two', mimeType: 'application/octet-stream', read: async () => new Uint8Array([1, 2]) },
      {
        uri: 'fail://x',
        name: 'fails',
        read: () => {
          throw new Error('disk on fire');
        },
      },
    ],
    templates: [
      { uriTemplate: 'notes://{id}', name: 'note', mimeType: 'text/plain', read: ({ id }) => (id === 'a b' ? 'spaced' : undefined) },
      { uriTemplate: 'notes://{+rest}', name: 'any-note', read: ({ rest }, _ctx, uri) => [{ uri, text: `rest=${rest}` }] },
    ],
  });
  // A refusal is the export's err, thrown at once by a synchronous read: async, it is a rejection either way.
  const read = async (uri: string) => resources.readResource(plain, { uri });

  it('answers a synchronous read at once, and an async one with a promise', async () => {
    expect(resources.readResource(plain, { uri: 'docs://readme' })).toMatchObject({ contents: [{ tag: 'text' }] });
    const later = resources.readResource(plain, { uri: 'bytes://two' });
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toMatchObject({ contents: [{ tag: 'blob' }] });
    expect(() => resources.readResource(plain, { uri: 'fail://x' })).toThrow();
  });

  it('goes on to the next matching template when a read finds nothing, after an async read too', async () => {
    expect(resources.readResource(plain, { uri: 'notes://b' })).toMatchObject({ contents: [{ val: { text: { val: 'rest=b' } } }] });
    const asyncFirst = defineResources({
      templates: [
        { uriTemplate: 'n://{id}', name: 'first', read: async ({ id }) => (id === 'mine' ? 'first' : undefined) },
        { uriTemplate: 'n://{+rest}', name: 'second', read: ({ rest }) => `second ${rest}` },
      ],
    });
    expect(await asyncFirst.readResource(plain, { uri: 'n://mine' })).toMatchObject({ contents: [{ val: { text: { val: 'first' } } }] });
    expect(await asyncFirst.readResource(plain, { uri: 'n://other' })).toMatchObject({ contents: [{ val: { text: { val: 'second other' } } }] });
  });

  it('lists resources and templates in MCP form', () => {
    expect(resources.listResources(plain, {}).resources[0]).toEqual({
      uri: 'docs://readme',
      name: 'readme',
      options: { size: 6n, title: 'README', description: undefined, mimeType: 'text/markdown', annotations: undefined, meta: undefined, icons: undefined },
    });
    expect(resources.listResourceTemplates(plain, {}).resourceTemplates.map((t) => t.uriTemplate)).toEqual(['notes://{id}', 'notes://{+rest}']);
  });

  it('reads text and bytes with the declared MIME type', async () => {
    expect(await read('docs://readme')).toEqual({ contents: [{ tag: 'text', val: { uri: 'docs://readme', text: { tag: 'text', val: '# Hi\n' }, options: { mimeType: 'text/markdown' } } }] });
    expect(await read('bytes://two')).toEqual({
      contents: [{ tag: 'blob', val: { uri: 'bytes://two', blob: { tag: 'blob', val: new Uint8Array([1, 2]) }, options: { mimeType: 'application/octet-stream' } } }],
    });
  });

  it('matches templates in order, decoding {name} and keeping {+name} whole', async () => {
    expect(await read('notes://a%20b')).toMatchObject({ contents: [{ val: { text: { val: 'spaced' } } }] });
    expect(await read('notes://x/y%20z')).toMatchObject({ contents: [{ tag: 'text', val: { uri: 'notes://x/y%20z', text: { val: 'rest=x/y%20z' } } }] });
  });

  it('is not the owner of a URI no definition serves', async () => {
    expect(await read('other://thing')).toBeUndefined();
  });

  it('turns a failed read into an internal error carrying its message', async () => {
    await expect(read('fail://x')).rejects.toMatchObject({ tag: 'internal-error', val: { code: -32603n, message: 'Internal error: disk on fire' } });
  });

  it('refuses templates it cannot match', () => {
    expect(() => defineResources({ templates: [{ uriTemplate: 'q://x{?page}', name: 'q', read: () => '' }] })).toThrow(
      'resource template q://x{?page}: {?page} is not supported (use {name} for one path segment or {+name} for any text)',
    );
  });
});

describe('definePrompts', () => {
  const prompts = definePrompts([
    {
      name: 'review',
      title: 'Review',
      arguments: [{ name: 'language', required: true }, { name: 'focus' }],
      get: ({ language, focus }) => `Review ${language}${focus ? ` for ${focus}` : ''}`,
    },
    {
      name: 'dialogue',
      get: () => ({ description: 'two turns', messages: [{ role: 'user', content: { type: 'text', text: 'Hi' } }, { role: 'assistant', content: { type: 'text', text: 'Hello' } }] }),
    },
  ]);
  // A refusal is the export's err, thrown at once by a synchronous get: async, it is a rejection either way.
  const get = async (name: string, args?: unknown) => prompts.getPrompt(plain, { name, arguments: args === undefined ? undefined : JSON.stringify(args) });

  it('answers a synchronous get at once, and an async one with a promise', async () => {
    expect(prompts.getPrompt(plain, { name: 'dialogue', arguments: undefined })).toMatchObject({ description: 'two turns' });
    const later = definePrompts([{ name: 'later', get: async () => 'soon' }]).getPrompt(plain, { name: 'later', arguments: undefined });
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toEqual({ messages: [{ role: 'user', content: text('soon') }] });
  });

  it('lists prompts with their arguments', () => {
    expect(prompts.listPrompts(plain, {}).prompts[0]).toMatchObject({
      name: 'review',
      options: { title: 'Review', arguments: [{ name: 'language', required: true }, { name: 'focus' }] },
    });
  });

  it('renders a text as one user message, or the messages given', async () => {
    expect(await get('review', { language: 'go', focus: 'errors' })).toEqual({ messages: [{ role: 'user', content: text('Review go for errors') }] });
    expect(await get('dialogue')).toEqual({ description: 'two turns', messages: [{ role: 'user', content: text('Hi') }, { role: 'assistant', content: text('Hello') }], meta: undefined });
  });

  it('answers a missing required argument or a non-string value with -32602', async () => {
    await expect(get('review', {})).rejects.toMatchObject({ val: { code: -32602n, message: 'Missing required argument "language" for prompt "review"' } });
    await expect(get('review', { language: 3 })).rejects.toMatchObject({ val: { code: -32602n, message: 'Prompt argument "language" must be a string' } });
  });

  it('is not the owner of a name it does not define', async () => {
    expect(await get('nope')).toBeUndefined();
  });
});
