// Handlers that ask the client, under protocol 2026-07-28 (multi round-trip requests): the
// context's elicit, sample and input in Node with fake imports; the question ends the run with
// an input-required answer whose sealed state, echoed on the retry, brings the answers back.
import { describe, expect, it } from 'vitest';
import { INPUT_REQUIRED_META, REQUEST_META_HEADER, requestInputHeader, stringifyJson, type JsonObject } from '@wasmcp-ts/protocol';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { contextFactory, type ContextHost } from '../../packages/sdk/src/context.js';
import { InputRequired } from '../../packages/sdk/src/round-trips.js';

const host = (env: [string, string][] = [['WASMCP_REQUEST_STATE_KEY', 'test key']]): ContextHost =>
  ({
    environment: { getEnvironment: () => env },
    monotonicClock: { now: () => 0n, subscribeDuration: () => ({ block: () => {} }) },
    random: { getRandomBytes: (n: bigint) => crypto.getRandomValues(new Uint8Array(Number(n))) },
    serverIo: { sendMessage: () => {} },
    sessions: { Session: {} },
  }) as unknown as ContextHost;

const ALL = { elicitation: {}, sampling: {}, roots: {} };

/** The context of a 2026-07-28 tools/call of `tool`, with the retry's answers and state if given. */
function modernCall(tool: string, capabilities: JsonObject, retry: { inputResponses?: JsonObject; requestState?: string } = {}, subject?: string): MessageContext {
  const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': capabilities };
  const request = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: tool, arguments: { a: 1 }, _meta: meta, ...retry } } as JsonObject;
  return {
    protocolVersion: '2026-07-28',
    frame: { prefix: new Uint8Array(), suffix: new Uint8Array() },
    identity: subject ? ({ claims: { subject } } as MessageContext['identity']) : undefined,
    httpContext: { method: 'POST', path: '/mcp', headers: [[REQUEST_META_HEADER, stringifyJson(meta)], requestInputHeader('tools/call', request)!] },
  };
}

async function inputRequired(run: () => Promise<unknown>): Promise<InputRequired> {
  const thrown = await run().then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(thrown).toBeInstanceOf(InputRequired);
  return thrown as InputRequired;
}

const ASK = { message: 'Name?', requestedSchema: { type: 'object' as const, properties: { name: { type: 'string' as const } } } };
const NAME_ANSWER = { action: 'accept', content: { name: 'Alice' } };

describe('ctx.elicit and ctx.sample for a 2026-07-28 client', () => {
  it('ask in one round, get the answer on the retry', async () => {
    const createContext = contextFactory(host());
    const first = await inputRequired(() => createContext(modernCall('t', ALL)).elicit(ASK));
    expect(first.inputRequests).toEqual({ 'elicitation-1': { method: 'elicitation/create', params: ASK } });
    expect(JSON.parse(first.metaText())[INPUT_REQUIRED_META]).toEqual({ inputRequests: first.inputRequests, requestState: first.requestState });
    const retry = createContext(modernCall('t', ALL, { inputResponses: { 'elicitation-1': NAME_ANSWER }, requestState: first.requestState }));
    expect(await retry.elicit(ASK)).toEqual(NAME_ANSWER);
  });

  it('the answers of earlier rounds come back from the state: a second question is a second round', async () => {
    const createContext = contextFactory(host());
    const run = async (ctx: MessageContext) => {
      const c = createContext(ctx);
      const name = await c.elicit(ASK);
      const reply = await c.sample({ messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }], maxTokens: 5 });
      return [name, reply];
    };
    const first = await inputRequired(() => run(modernCall('t', ALL)));
    const second = await inputRequired(() => run(modernCall('t', ALL, { inputResponses: { 'elicitation-1': NAME_ANSWER }, requestState: first.requestState })));
    expect(Object.keys(second.inputRequests)).toEqual(['sampling-2']);
    const reply = { role: 'assistant', content: { type: 'text', text: 'hello' }, model: 'm' };
    expect(await run(modernCall('t', ALL, { inputResponses: { 'sampling-2': reply }, requestState: second.requestState }))).toEqual([NAME_ANSWER, reply]);
  });

  it('a capability the request did not declare: -32021 naming it', async () => {
    const ctx = contextFactory(host())(modernCall('t', { elicitation: {} }));
    await expect(ctx.sample({ messages: [], maxTokens: 1 })).rejects.toMatchObject({ errorCode: { val: { code: -32021n } } });
    const thrown = await ctx.sample({ messages: [], maxTokens: 1 }).catch((err) => err);
    expect(JSON.parse(thrown.errorCode.val.data)).toEqual({ requiredCapabilities: { sampling: {} } });
  });

  it.each([
    ['an altered state', (state: string) => modernCall('t', ALL, { inputResponses: { 'elicitation-1': NAME_ANSWER }, requestState: `${state.slice(0, 10)}x${state.slice(11)}` })],
    ['the state of another tool', (state: string) => modernCall('other', ALL, { inputResponses: { 'elicitation-1': NAME_ANSWER }, requestState: state })],
    ['the state of another caller', (state: string) => modernCall('t', ALL, { inputResponses: { 'elicitation-1': NAME_ANSWER }, requestState: state }, 'mallory')],
  ])('%s is refused with -32602', async (_case, retry) => {
    const createContext = contextFactory(host());
    const first = await inputRequired(() => createContext(modernCall('t', ALL)).elicit(ASK));
    await expect(createContext(retry(first.requestState)).elicit(ASK)).rejects.toMatchObject({ errorCode: { val: { code: -32602n } } });
  });

  it('a state sealed under another key is refused: the key comes from configuration', async () => {
    const first = await inputRequired(() => contextFactory(host([['WASMCP_REQUEST_STATE_KEY', 'key one']]))(modernCall('t', ALL)).elicit(ASK));
    const retry = contextFactory(host([['WASMCP_REQUEST_STATE_KEY', 'key two']]))(modernCall('t', ALL, { inputResponses: { 'elicitation-1': NAME_ANSWER }, requestState: first.requestState }));
    await expect(retry.elicit(ASK)).rejects.toMatchObject({ errorCode: { val: { code: -32602n } } });
  });

  it('ctx.input asks several things at once under the names given; answers missing on the retry are asked again', async () => {
    const createContext = contextFactory(host());
    const questions = { user_name: { method: 'elicitation/create' as const, params: ASK }, client_roots: { method: 'roots/list' as const, params: {} } };
    const first = await inputRequired(() => createContext(modernCall('t', ALL)).input(questions));
    expect(Object.keys(first.inputRequests)).toEqual(['user_name', 'client_roots']);
    const partial = await inputRequired(() => createContext(modernCall('t', ALL, { inputResponses: { user_name: NAME_ANSWER, extra: { x: 1 } }, requestState: first.requestState })).input(questions));
    expect(Object.keys(partial.inputRequests)).toEqual(['client_roots']);
    const roots = { roots: [{ uri: 'file:///w' }] };
    expect(await createContext(modernCall('t', ALL, { inputResponses: { client_roots: roots }, requestState: partial.requestState })).input(questions)).toEqual({ user_name: NAME_ANSWER, client_roots: roots });
  });

  it('clientCapabilities is what this request declared; undefined for a 2025-era request', () => {
    expect(contextFactory(host())(modernCall('t', { sampling: {} })).clientCapabilities).toEqual({ sampling: {} });
    expect(contextFactory(host())({ ...modernCall('t', {}), protocolVersion: '2025-11-25' }).clientCapabilities).toBeUndefined();
  });
});
