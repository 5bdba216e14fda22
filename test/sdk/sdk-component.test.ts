// A component written with @wasmcp-ts/sdk (test/fixtures/sdk-tools), built and run by the
// runtime: the tools, resources and prompts middleware in front of it, then the official SDK
// client over HTTP for what needs a session and a streamed response.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compose, serveComponents, type RunningServer, type ServerHandlerExport } from '@wasmcp-ts/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, VARIANTS } from '../support/artifacts.js';
import { ok, request, send, textOf } from '../support/messages.js';

describe.each(VARIANTS)('an SDK component in a chain (%s)', (variant) => {
  let chain: ServerHandlerExport;
  const call = (name: string, args?: object) => send(chain, request({ tag: 'tools-call', val: { name, arguments: args && JSON.stringify(args) } }));
  const callOk = (name: string, args?: object) => ok(call(name, args), 'tools-call');

  beforeAll(async () => {
    chain = (await compose({ components: [fixture('sdk-tools', variant)], variant })).handler;
  });

  it('lists its tools with their schemas', () => {
    const { tools } = ok(send(chain, request({ tag: 'tools-list', val: {} })), 'tools-list');
    expect(tools.map((t) => t.name)).toEqual(['describe_order', 'repeat', 'stats', 'bad_stats', 'explode', 'refuse', 'bad_content', 'gallery', 'count_visits', 'work', 'ask_name']);
    expect(JSON.parse(tools[1].inputSchema)).toMatchObject({ type: 'object', properties: { word: { type: 'string', minLength: 1 } }, additionalProperties: false });
    expect(JSON.parse(tools[2].options!.outputSchema!)).toMatchObject({ required: ['count', 'mean'] });
  });

  it('runs a handler with valid arguments', () => {
    expect(textOf(callOk('describe_order', { item: 'tea', quantity: 2, size: 'large', notes: ['hot'] }))).toBe('2 x tea (large): hot');
  });

  it.each([
    ['a wrong type', { item: 'tea', quantity: 'two' }, 'quantity: expected integer, got string'],
    ['a missing required property', { quantity: 2 }, 'missing required property "item"'],
    ['an extra property where additionalProperties is false', { item: 'tea', quantity: 2, gift: true }, 'unexpected property "gift"'],
    ['a value out of bounds', { item: 'tea', quantity: 11, notes: ['a', 'b', 'c'] }, 'quantity: must be <= 10; notes: must have at most 2 items'],
  ])('answers %s with an isError result, and keeps answering', (_case, args, problem) => {
    const result = callOk('describe_order', args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(`Invalid arguments for tool "describe_order": ${problem}`);
    expect(textOf(callOk('describe_order', { item: 'cake', quantity: 1 }))).toBe('1 x cake');
  });

  it('validates with zod inside the component, defaults included', () => {
    expect(textOf(callOk('repeat', { word: 'go' }))).toBe('go go');
    expect(textOf(callOk('repeat', { word: 'go', times: 3 }))).toBe('go go go');
    const invalid = callOk('repeat', { word: '', times: -1 });
    expect(invalid.isError).toBe(true);
    expect(textOf(invalid)).toMatch(/^Invalid arguments for tool "repeat": word: .+; times: .+/);
  });

  it('returns structured output that matches the output schema, and refuses output that does not', () => {
    const stats = callOk('stats', { values: [1, 2, 6] });
    expect(stats.structuredContent).toBe('{"count":3,"mean":3}');
    expect(textOf(stats)).toBe('{"count":3,"mean":3}');
    const bad = callOk('bad_stats');
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/^Tool "bad_stats" returned an unusable result: structuredContent does not match the output schema: count: /);
  });

  it('turns a throwing handler into an isError result; a ProtocolError stays a protocol error', () => {
    expect(callOk('explode')).toEqual({ content: [{ tag: 'text', val: { text: { tag: 'text', val: 'the fuse was lit' } } }], isError: true });
    expect(call('refuse')).toMatchObject({ tag: 'err', val: { tag: 'invalid-params', val: { code: -32602n, message: 'refused on purpose' } } });
    const bad = callOk('bad_content');
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toBe('Tool "bad_content" returned an unusable result: content[0].type must be one of text, image, audio, resource_link, resource');
  });

  it('carries every kind of content block and _meta', () => {
    const gallery = callOk('gallery');
    expect(gallery.content.map((c) => c.tag)).toEqual(['text', 'image', 'resource-link', 'embedded-resource']);
    expect(gallery.content[1]).toMatchObject({ tag: 'image', val: { mimeType: 'image/png', data: { tag: 'blob' } } });
    expect(gallery.meta).toBe('{"example.com/source":"gallery"}');
  });

  it('tells a handler that there is no session when the request has none', () => {
    const visits = callOk('count_visits');
    expect(visits.isError).toBe(true);
    expect(textOf(visits)).toBe('count_visits needs a session');
  });

  it('still answers arguments that are not a JSON object with -32602', () => {
    expect(call('repeat', [1] as unknown as object)).toMatchObject({ tag: 'err', val: { val: { code: -32602n, message: 'Tool arguments must be a JSON object' } } });
  });

  it('serves its resources and templates; an unknown URI is -32002, a failing read -32603', () => {
    const list = ok(send(chain, request({ tag: 'resources-list', val: {} })), 'resources-list');
    expect(list.resources.map((r) => r.uri)).toEqual(['docs://readme', 'bytes://three', 'fail://always']);
    const templates = ok(send(chain, request({ tag: 'resources-templates-list', val: {} })), 'resources-templates-list');
    expect(templates.resourceTemplates.map((t) => t.uriTemplate)).toEqual(['notes://{id}', 'files://{+path}']);
    const read = (uri: string) => send(chain, request({ tag: 'resources-read', val: { uri } }));
    expect(ok(read('docs://readme'), 'resources-read').contents).toEqual([
      { tag: 'text', val: { uri: 'docs://readme', text: { tag: 'text', val: '# SDK fixture\n' }, options: { mimeType: 'text/markdown' } } },
    ]);
    expect(ok(read('bytes://three'), 'resources-read').contents[0]).toMatchObject({ tag: 'blob', val: { blob: { tag: 'blob', val: new Uint8Array([1, 2, 3]) } } });
    expect(ok(read('notes://2'), 'resources-read').contents[0]).toMatchObject({ val: { uri: 'notes://2', text: { val: 'second note' }, options: { mimeType: 'text/plain' } } });
    expect(ok(read('files://a/b.txt'), 'resources-read').contents[0]).toMatchObject({ val: { text: { val: 'contents of a/b.txt' } } });
    expect(read('notes://9')).toMatchObject({ tag: 'err', val: { val: { code: -32002n } } });
    expect(read('fail://always')).toMatchObject({ tag: 'err', val: { tag: 'internal-error', val: { message: 'Internal error: the disk is on fire' } } });
  });

  it('renders its prompts; a missing required argument is -32602', () => {
    const get = (name: string, args?: object) => send(chain, request({ tag: 'prompts-get', val: { name, arguments: args && JSON.stringify(args) } }));
    const review = ok(get('review', { language: 'rust', focus: 'safety' }), 'prompts-get');
    expect(review.messages).toEqual([{ role: 'user', content: { tag: 'text', val: { text: { tag: 'text', val: 'Review this rust code, focusing on safety.' } } } }]);
    expect(ok(get('dialogue'), 'prompts-get').messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(get('review', {})).toMatchObject({ tag: 'err', val: { val: { code: -32602n, message: 'Missing required argument "language" for prompt "review"' } } });
  });
});

describe('an SDK component served over HTTP, with sessions (draft)', () => {
  let kvDir: string;
  let server: RunningServer;
  let client: Client;

  // Two workers (the client's GET stream holds one) sharing sessions through an SQLite file.
  beforeAll(async () => {
    kvDir = await mkdtemp(join(tmpdir(), 'wasmcp-sdk-kv-'));
    server = await serveComponents({
      components: [fixture('sdk-tools', 'draft')],
      variant: 'draft',
      env: { WASMCP_SESSION_ENABLED: 'true' },
      keyValue: { kind: 'sqlite', path: join(kvDir, 'kv.sqlite') },
      host: '127.0.0.1',
      port: 0,
      workers: 2,
      log: () => {},
    });
    client = new Client({ name: 'sdk-context-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
    if (kvDir) await rm(kvDir, { recursive: true, force: true });
  });

  it('keeps values in the client session from one call to the next', async () => {
    const first = await client.callTool({ name: 'count_visits' });
    const second = await client.callTool({ name: 'count_visits' });
    expect(first.content).toEqual([{ type: 'text', text: expect.stringMatching(/^visit 1 of session [0-9a-f-]{36}$/) }]);
    expect(second.content).toEqual([{ type: 'text', text: (first.content as { text: string }[])[0].text.replace('visit 1', 'visit 2') }]);
  });

  it('delivers progress and the log messages at or above the level the client set', async () => {
    const logs: unknown[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void logs.push(n.params));
    await client.setLoggingLevel('info');
    const progress: unknown[] = [];
    const result = await client.callTool({ name: 'work', arguments: { steps: 2 } }, undefined, { onprogress: (p) => progress.push(p) });
    expect(result).toEqual({ content: [{ type: 'text', text: '2 steps done' }] });
    expect(progress).toEqual([
      { progress: 1, total: 2, message: 'step 1' },
      { progress: 2, total: 2, message: 'step 2' },
    ]);
    expect(logs).toEqual([{ level: 'info', logger: 'work', data: { starting: 2 } }]);
  });

  it('answers a failed elicitation with an isError result saying why', async () => {
    const result = await client.callTool({ name: 'ask_name' });
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([{ type: 'text', text: expect.stringMatching(/^Cannot elicit: .*elicitation/) }]);
  });
});
