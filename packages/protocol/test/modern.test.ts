// MCP 2026-07-28 per request: what a request's _meta must hold, the routing headers, and the
// shape every result takes on the way out.
import { describe, expect, it } from 'vitest';
import {
  cacheHintsFrom,
  checkRoutingHeaders,
  decodeHeaderValue,
  errorRecord,
  modernClientCapabilities,
  modernError,
  modernResult,
  readModernMeta,
  REQUEST_META_HEADER,
  resourceNotFound,
  stringifyJson,
  unsupportedProtocolVersion,
  type JsonObject,
} from '../src/index.js';
import type { MessageContext } from '../src/wit/wasmcp-mcp-v20251125-server-handler.js';

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': { sampling: {} },
  'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
};
const request = (method: string, params: JsonObject = {}): JsonObject => ({ jsonrpc: '2.0', id: 1, method, params });
const dataOf = (error: ReturnType<typeof modernError>) => JSON.parse(errorRecord(error).data ?? 'null');

describe('readModernMeta', () => {
  it('reads version, capabilities, client info and log level', () => {
    const read = readModernMeta(request('tools/list', { _meta: { ...META, 'io.modelcontextprotocol/logLevel': 'debug' } }));
    expect(read).toEqual({
      ok: true,
      meta: { protocolVersion: '2026-07-28', clientCapabilities: { sampling: {} }, clientInfo: { name: 'c', version: '1' }, logLevel: 'debug' },
    });
  });

  it('client info is optional', () => {
    const { 'io.modelcontextprotocol/clientInfo': _, ...withoutInfo } = META;
    expect(readModernMeta(request('tools/list', { _meta: withoutInfo })).ok).toBe(true);
  });

  it.each([
    ['no params', { jsonrpc: '2.0', id: 1, method: 'tools/list' }],
    ['no _meta', request('tools/list')],
    ['no protocol version', request('tools/list', { _meta: { 'io.modelcontextprotocol/clientCapabilities': {} } })],
    ['no capabilities', request('tools/list', { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } })],
    ['capabilities not an object', request('tools/list', { _meta: { ...META, 'io.modelcontextprotocol/clientCapabilities': [] } })],
  ])('%s is -32602', (_case, body) => {
    const read = readModernMeta(body as JsonObject);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(Number(errorRecord(read.error).code)).toBe(-32602);
  });
});

describe('checkRoutingHeaders', () => {
  const headers = (values: Record<string, string>) => (name: string) => values[name];

  it('accepts headers that say what the body says', () => {
    expect(checkRoutingHeaders('tools/list', request('tools/list'), headers({ 'mcp-method': 'tools/list' }))).toBeUndefined();
    const call = request('tools/call', { name: 'add' });
    expect(checkRoutingHeaders('tools/call', call, headers({ 'mcp-method': 'tools/call', 'mcp-name': 'add' }))).toBeUndefined();
    const read = request('resources/read', { uri: 'file:///a b' });
    expect(checkRoutingHeaders('resources/read', read, headers({ 'mcp-method': 'resources/read', 'mcp-name': 'file:///a b' }))).toBeUndefined();
  });

  it('decodes a base64 Mcp-Name before comparing', () => {
    const call = request('prompts/get', { name: 'grüße' });
    const encoded = `=?base64?${Buffer.from('grüße').toString('base64')}?=`;
    expect(checkRoutingHeaders('prompts/get', call, headers({ 'mcp-method': 'prompts/get', 'mcp-name': encoded }))).toBeUndefined();
  });

  it.each([
    ['missing Mcp-Method', 'tools/list', {}, {}],
    ['another Mcp-Method', 'tools/list', {}, { 'mcp-method': 'prompts/list' }],
    ['missing Mcp-Name', 'tools/call', { name: 'add' }, { 'mcp-method': 'tools/call' }],
    ['another Mcp-Name', 'tools/call', { name: 'add' }, { 'mcp-method': 'tools/call', 'mcp-name': 'delete' }],
    ['malformed base64 Mcp-Name', 'tools/call', { name: 'add' }, { 'mcp-method': 'tools/call', 'mcp-name': '=?base64?***?=' }],
  ])('%s is -32020', (_case, method, params, sent) => {
    const error = checkRoutingHeaders(method, request(method, params), headers(sent));
    expect(error && Number(errorRecord(error).code)).toBe(-32020);
  });

  it('decodeHeaderValue leaves plain values as they are', () => {
    expect(decodeHeaderValue('us-west1')).toBe('us-west1');
    expect(decodeHeaderValue('=?base64?SGVsbG8sIOS4lueVjA==?=')).toBe('Hello, 世界');
  });
});

describe('results and errors as 2026-07-28 spells them', () => {
  const server = { name: 'srv', version: '2' };

  it('every result gets resultType and the server identity; cacheable ones get the caching hints', () => {
    expect(modernResult('tools/call', { content: [] }, server, { ttlMs: 5, cacheScope: 'public' })).toEqual({
      content: [],
      resultType: 'complete',
      _meta: { 'io.modelcontextprotocol/serverInfo': server },
    });
    expect(modernResult('tools/list', { tools: [], _meta: { mine: 1 } }, server, { ttlMs: 5, cacheScope: 'public' })).toEqual({
      tools: [],
      resultType: 'complete',
      _meta: { mine: 1, 'io.modelcontextprotocol/serverInfo': server },
      ttlMs: 5,
      cacheScope: 'public',
    });
  });

  it('hints the chain set itself are kept', () => {
    const result = modernResult('resources/read', { contents: [], ttlMs: 60000, cacheScope: 'public' }, server, { ttlMs: 0, cacheScope: 'private' });
    expect(result).toMatchObject({ ttlMs: 60000, cacheScope: 'public' });
  });

  it('cache hints from configuration: a whole number of ms and public or private, else 0 and private', () => {
    expect(cacheHintsFrom('30000', 'public')).toEqual({ ttlMs: 30000, cacheScope: 'public' });
    expect(cacheHintsFrom(undefined, undefined)).toEqual({ ttlMs: 0, cacheScope: 'private' });
    expect(cacheHintsFrom('-1', 'shared')).toEqual({ ttlMs: 0, cacheScope: 'private' });
  });

  it('resource not found becomes -32602 with the URI; other errors stay', () => {
    const error = modernError(resourceNotFound('test://nope'));
    expect(Number(errorRecord(error).code)).toBe(-32602);
    expect(dataOf(error)).toEqual({ uri: 'test://nope' });
    const other = unsupportedProtocolVersion('1999-01-01');
    expect(modernError(other)).toBe(other);
  });

  it('an unsupported version names every supported one and echoes the requested', () => {
    const error = unsupportedProtocolVersion('1999-01-01');
    expect(Number(errorRecord(error).code)).toBe(-32022);
    expect(dataOf(error)).toEqual({ supported: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'], requested: '1999-01-01' });
  });
});

describe('modernClientCapabilities', () => {
  const context = (protocolVersion: string, meta?: JsonObject): MessageContext =>
    ({ protocolVersion, frame: { prefix: new Uint8Array(), suffix: new Uint8Array() }, httpContext: meta && { method: 'POST', path: '/mcp', headers: [[REQUEST_META_HEADER, stringifyJson(meta)]] } }) as MessageContext;

  it('is what a 2026-07-28 request declared, {} when it declared nothing readable', () => {
    expect(modernClientCapabilities(context('2026-07-28', META))).toEqual({ sampling: {} });
    expect(modernClientCapabilities(context('2026-07-28'))).toEqual({});
  });

  it('is undefined for the 2025 eras, whatever their _meta says', () => {
    expect(modernClientCapabilities(context('2025-11-25', META))).toBeUndefined();
  });
});
