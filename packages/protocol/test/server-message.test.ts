import { describe, expect, it } from 'vitest';
import {
  decodeServerMessage,
  encodeServerError,
  encodeServerErrorToString,
  encodeServerMessage,
  encodeServerNotification,
  encodeServerNotificationToString,
  encodeServerRequest,
  encodeServerRequestToString,
  encodeServerResult,
  encodeServerResultToString,
  INTERNAL_ERROR,
  INVALID_PARAMS,
  invalidParams,
  MAX_STREAM_BYTES,
  parseServerMessage,
  resourceNotFound,
  type Decoded,
} from '../src/index.js';
import type { InputStream } from '../src/wit/wasi-io-streams.js';
import type { ServerMessage, ServerResult } from '../src/wit/wasmcp-mcp-v20251125-mcp.js';
import { SAMPLING_ARRAY_REQUEST, SERVER_EXAMPLES, type SpecExample } from './spec-examples.js';

/** The spec example's JSON minus what WIT cannot hold (each listed in the module docs). */
function expectedAfterRoundTrip(example: SpecExample): unknown {
  const json = structuredClone(example.json) as { result?: Record<string, any> };
  const result = json.result;
  if (result?.protocolVersion !== undefined) {
    delete result.capabilities.tasks;
    delete result.serverInfo.websiteUrl;
  }
  for (const tool of result?.tools ?? []) delete tool.execution;
  return json;
}

function ok(decoded: Decoded<ServerMessage>): ServerMessage {
  if (!decoded.ok) throw new Error(`expected ok, got ${decoded.error.tag}: ${decoded.error.val.message}`);
  return decoded.message;
}

const ID = { tag: 'number', val: 1n } as const;

function resultJson(result: ServerResult): unknown {
  const encoded = encodeServerResult(ID, result);
  if (!encoded.ok) throw new Error(`encode failed: ${encoded.error.val.message}`);
  return encoded.value.result;
}

describe('spec examples: server -> client messages', () => {
  for (const example of SERVER_EXAMPLES) {
    it(`${example.name} round-trips JSON -> WIT -> JSON`, () => {
      const message = ok(decodeServerMessage(structuredClone(example.json)));
      expect(encodeServerMessage(message)).toEqual({ ok: true, value: expectedAfterRoundTrip(example) });
      expect(ok(parseServerMessage(JSON.stringify(example.json)))).toEqual(message);
      const text = encodeServerMessageToStringOrThrow(message);
      expect(JSON.parse(text)).toEqual(expectedAfterRoundTrip(example));
    });
  }
});

function encodeServerMessageToStringOrThrow(message: ServerMessage): string {
  switch (message.tag) {
    case 'request': {
      const t = encodeServerRequestToString(message.val[0], message.val[1]);
      if (!t.ok) throw new Error('encode failed');
      return t.value;
    }
    case 'result': {
      const t = encodeServerResultToString(message.val[0], message.val[1]);
      if (!t.ok) throw new Error('encode failed');
      return t.value;
    }
    case 'error':
      return encodeServerErrorToString(message.val[0], message.val[1]);
    case 'notification': {
      const t = encodeServerNotificationToString(message.val);
      if (!t.ok) throw new Error('encode failed');
      return t.value;
    }
    default: {
      const _exhaustive: never = message;
      return _exhaustive;
    }
  }
}

describe('encoding server results', () => {
  it('maps server capabilities: list-changed and subscription flags, JSON-text members', () => {
    const json = resultJson({
      tag: 'initialize',
      val: {
        protocolVersion: 'v20250618',
        serverInfo: { name: 's', version: '1' },
        capabilities: {
          completions: '{}',
          logging: '{}',
          experimental: [['x-feature', '{"level":2}']],
          listChanged: { tools: true, resources: false, prompts: true },
          subscriptions: { resources: true },
        },
        options: { instructions: 'Use the tools.' },
      },
    });
    expect(json).toEqual({
      protocolVersion: '2025-06-18',
      capabilities: {
        completions: {},
        logging: {},
        experimental: { 'x-feature': { level: 2 } },
        tools: { listChanged: true },
        prompts: { listChanged: true },
        resources: { subscribe: true },
      },
      serverInfo: { name: 's', version: '1' },
      instructions: 'Use the tools.',
    });
  });

  it('maps capability flags that are all off (or absent) to no capability members', () => {
    const json = resultJson({
      tag: 'initialize',
      val: { protocolVersion: 'v20251125', serverInfo: { name: 's', version: '1' }, capabilities: { listChanged: { tools: false, resources: false, prompts: false } } },
    });
    expect(json).toEqual({ protocolVersion: '2025-11-25', capabilities: {}, serverInfo: { name: 's', version: '1' } });
    const resources = resultJson({
      tag: 'initialize',
      val: { protocolVersion: 'v20241105', serverInfo: { name: 's', version: '1' }, capabilities: { listChanged: { resources: true } } },
    }) as { capabilities: unknown };
    expect(resources.capabilities).toEqual({ resources: { listChanged: true } });
  });

  it('writes every content block kind with base64 data, annotations, icons and _meta', () => {
    const json = resultJson({
      tag: 'tools-call',
      val: {
        content: [
          { tag: 'text', val: { text: { tag: 'text', val: 'hi' }, options: { annotations: { audience: ['user'], priority: 0.9 }, meta: '{"k":1}' } } },
          { tag: 'image', val: { data: { tag: 'blob', val: new Uint8Array([0, 1, 2, 255]) }, mimeType: 'image/png' } },
          { tag: 'audio', val: { data: { tag: 'blob', val: new TextEncoder().encode('RIFF') }, mimeType: 'audio/wav' } },
          {
            tag: 'resource-link',
            val: {
              uri: 'file:///project/src/main.rs',
              name: 'main.rs',
              options: { description: 'Primary application entry point', mimeType: 'text/x-rust', size: 2n ** 60n, icons: [{ src: 'i.png', theme: 'dark' }] },
            },
          },
          {
            tag: 'embedded-resource',
            val: {
              resource: { tag: 'blob', val: { uri: 'file:///a.bin', blob: { tag: 'blob', val: new Uint8Array([104, 105]) }, options: { mimeType: 'application/octet-stream' } } },
              options: { annotations: { lastModified: '2025-05-03T14:30:00Z' } },
            },
          },
        ],
        structuredContent: '{"temperature":22.5}',
        isError: false,
        meta: '{"trace":"t"}',
      },
    });
    expect(json).toEqual({
      content: [
        { type: 'text', text: 'hi', annotations: { audience: ['user'], priority: 0.9 }, _meta: { k: 1 } },
        { type: 'image', data: 'AAEC/w==', mimeType: 'image/png' },
        { type: 'audio', data: 'UklGRg==', mimeType: 'audio/wav' },
        {
          type: 'resource_link',
          uri: 'file:///project/src/main.rs',
          name: 'main.rs',
          description: 'Primary application entry point',
          mimeType: 'text/x-rust',
          size: 2n ** 60n,
          icons: [{ src: 'i.png', theme: 'dark' }],
        },
        {
          type: 'resource',
          resource: { uri: 'file:///a.bin', mimeType: 'application/octet-stream', blob: 'aGk=' },
          annotations: { lastModified: '2025-05-03T14:30:00Z' },
        },
      ],
      structuredContent: { temperature: 22.5 },
      isError: false,
      _meta: { trace: 't' },
    });
  });

  it('writes tools with input/output schemas as objects', () => {
    expect(
      resultJson({
        tag: 'tools-list',
        val: {
          tools: [{ name: 'sum', inputSchema: '{"type":"object","properties":{"a":{"type":"number"}}}', options: { outputSchema: '{"type":"object"}', annotations: { readOnlyHint: true } } }],
          nextCursor: 'c2',
        },
      }),
    ).toEqual({
      tools: [{ name: 'sum', inputSchema: { type: 'object', properties: { a: { type: 'number' } } }, outputSchema: { type: 'object' }, annotations: { readOnlyHint: true } }],
      nextCursor: 'c2',
    });
  });

  it('writes completion results under `completion`', () => {
    expect(resultJson({ tag: 'completion-complete', val: { values: ['python'], total: 10n, hasMore: true } })).toEqual({
      completion: { values: ['python'], total: 10, hasMore: true },
    });
  });

  it('writes ping and logging/setLevel as empty results', () => {
    expect(resultJson({ tag: 'ping' })).toEqual({});
    expect(resultJson({ tag: 'logging-set-level' })).toEqual({});
  });

  it('fails with internal-error (-32603) naming the field when JSON text is invalid', () => {
    const encoded = encodeServerResult(ID, { tag: 'tools-list', val: { tools: [{ name: 'a', inputSchema: '{}' }, { name: 'b', inputSchema: 'not json' }] } });
    expect(encoded.ok).toBe(false);
    if (encoded.ok) return;
    expect(encoded.error.tag).toBe('internal-error');
    expect(Number(encoded.error.val.code)).toBe(INTERNAL_ERROR);
    expect(encoded.error.val.message).toContain('result.tools[1].inputSchema');
  });
});

/** A wasi:io input-stream stand-in: hands out chunks, then fails the way hosts or guests do. */
function fakeStream(chunks: Uint8Array[], end: unknown = { tag: 'closed' }): InputStream {
  const queue = [...chunks];
  return {
    blockingRead(len: bigint): Uint8Array {
      expect(typeof len).toBe('bigint');
      const next = queue.shift();
      if (next === undefined) throw end;
      return next;
    },
  } as unknown as InputStream;
}

describe('streamed content', () => {
  const text = new TextEncoder().encode('héllo wörld');

  it('drains text streams (split inside a UTF-8 sequence) and blob streams', () => {
    const json = resultJson({
      tag: 'resources-read',
      val: {
        contents: [
          { tag: 'text', val: { uri: 'mem://t', text: { tag: 'text-stream', val: fakeStream([text.slice(0, 2), text.slice(2)]) } } },
          { tag: 'blob', val: { uri: 'mem://b', blob: { tag: 'blob-stream', val: fakeStream([new Uint8Array([1, 2]), new Uint8Array([3])]) } } },
        ],
      },
    });
    expect(json).toEqual({ contents: [{ uri: 'mem://t', text: 'héllo wörld' }, { uri: 'mem://b', blob: 'AQID' }] });
  });

  it('takes the end of a stream thrown as a guest error payload', () => {
    const closedAsPayload = Object.assign(new Error('closed'), { payload: { tag: 'closed' } });
    const json = resultJson({
      tag: 'tools-call',
      val: { content: [{ tag: 'text', val: { text: { tag: 'text-stream', val: fakeStream([text], closedAsPayload) } } }] },
    });
    expect(json).toEqual({ content: [{ type: 'text', text: 'héllo wörld' }] });
  });

  it('turns a failed read into internal-error', () => {
    const failed = { tag: 'last-operation-failed', val: {} };
    const encoded = encodeServerResult(ID, { tag: 'tools-call', val: { content: [{ tag: 'image', val: { data: { tag: 'blob-stream', val: fakeStream([text], failed) }, mimeType: 'image/png' } }] } });
    expect(encoded.ok).toBe(false);
    expect(!encoded.ok && encoded.error.val.message).toContain('result.content[0].data');
  });

  it('refuses a stream beyond MAX_STREAM_BYTES', () => {
    const big = new Uint8Array(MAX_STREAM_BYTES / 2 + 1);
    const encoded = encodeServerResult(ID, { tag: 'tools-call', val: { content: [{ tag: 'audio', val: { data: { tag: 'blob-stream', val: fakeStream([big, big]) }, mimeType: 'audio/wav' } }] } });
    expect(encoded.ok).toBe(false);
    expect(!encoded.ok && encoded.error.val.message).toContain('exceeds');
  });
});

describe('encoding errors, notifications and requests', () => {
  it('writes error responses: the standard code of the case, data as a value, no id when unknown', () => {
    expect(encodeServerError(undefined, { tag: 'parse-error', val: { code: 0n, message: 'Parse error' } })).toEqual({
      jsonrpc: '2.0',
      error: { code: -32700, message: 'Parse error' },
    });
    expect(encodeServerError({ tag: 'string', val: 'r' }, resourceNotFound('file:///nonexistent.txt'))).toEqual({
      jsonrpc: '2.0',
      id: 'r',
      error: { code: -32002, message: 'Resource not found', data: { uri: 'file:///nonexistent.txt' } },
    });
    // data that is not JSON text still goes out, as a string
    expect(encodeServerError(ID, { tag: 'server', val: { code: -32001n, message: 'm', data: 'oops' } }).error).toEqual({ code: -32001, message: 'm', data: 'oops' });
  });

  it('writes ids beyond 2^53 exactly in text', () => {
    const id = { tag: 'number', val: 2n ** 63n - 1n } as const;
    expect(encodeServerErrorToString(id, invalidParams('x'))).toBe('{"jsonrpc":"2.0","id":9223372036854775807,"error":{"code":-32602,"message":"x"}}');
    expect(encodeServerResultToString(id, { tag: 'ping' })).toEqual({ ok: true, value: '{"jsonrpc":"2.0","id":9223372036854775807,"result":{}}' });
  });

  it('writes log data as a value; text that is not JSON becomes a string', () => {
    expect(encodeServerNotification({ tag: 'log', val: { level: 'error', logger: 'db', data: '{"error":"Connection failed"}' } })).toEqual({
      ok: true,
      value: { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'error', logger: 'db', data: { error: 'Connection failed' } } },
    });
    expect(encodeServerNotification({ tag: 'log', val: { level: 'info', data: 'plain words' } })).toEqual({
      ok: true,
      value: { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'plain words' } },
    });
  });

  it('writes progress with a bigint token and list_changed with extras', () => {
    expect(encodeServerNotificationToString({ tag: 'progress', val: { progressToken: { tag: 'integer', val: 2n ** 62n }, progress: 0.5, message: 'half' } })).toEqual({
      ok: true,
      value: '{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":4611686018427387904,"progress":0.5,"message":"half"}}',
    });
    expect(encodeServerNotification({ tag: 'tools-list-changed', val: { extras: '{"reason":"reload"}', meta: '{"m":1}' } })).toEqual({
      ok: true,
      value: { jsonrpc: '2.0', method: 'notifications/tools/list_changed', params: { reason: 'reload', _meta: { m: 1 } } },
    });
  });

  it('writes sampling requests: includeContext spelled in camelCase, none left out', () => {
    const encoded = encodeServerRequest(ID, {
      tag: 'sampling-create-message',
      val: {
        includeContext: 'this-server',
        maxTokens: 100n,
        messages: [{ role: 'user', content: { tag: 'tool-use', val: { id: 'c1', name: 'w', input: '{"city":"Paris"}' } } }],
        modelPreferences: { hints: [{ name: 'claude', extra: '{"vendor":"x"}' }] },
        toolChoice: { mode: 'required' },
      },
    });
    expect(encoded).toEqual({
      ok: true,
      value: {
        jsonrpc: '2.0',
        id: 1,
        method: 'sampling/createMessage',
        params: {
          messages: [{ role: 'user', content: { type: 'tool_use', id: 'c1', name: 'w', input: { city: 'Paris' } } }],
          modelPreferences: { hints: [{ vendor: 'x', name: 'claude' }] },
          includeContext: 'thisServer',
          maxTokens: 100,
          toolChoice: { mode: 'required' },
        },
      },
    });
    const none = encodeServerRequest(ID, { tag: 'sampling-create-message', val: { includeContext: 'none', maxTokens: 1n, messages: [] } });
    expect(none.ok && none.value.params).toEqual({ messages: [], maxTokens: 1 });
  });

  it('writes roots/list and ping with the progress token inside _meta', () => {
    expect(encodeServerRequest({ tag: 'string', val: 'p' }, { tag: 'roots-list', val: { progressToken: { tag: 'string', val: 't' }, meta: '{"a":1}' } })).toEqual({
      ok: true,
      value: { jsonrpc: '2.0', id: 'p', method: 'roots/list', params: { _meta: { a: 1, progressToken: 't' } } },
    });
    expect(encodeServerRequest(ID, { tag: 'ping', val: { extras: [] } })).toEqual({ ok: true, value: { jsonrpc: '2.0', id: 1, method: 'ping' } });
  });
});

describe('decoding server messages', () => {
  it('keeps the raw version of an initialize result', () => {
    const decoded = decodeServerMessage({ jsonrpc: '2.0', id: 1, result: { protocolVersion: '2026-01-01', capabilities: {}, serverInfo: { name: 's', version: '1' } } });
    expect(decoded).toEqual({
      ok: true,
      rawProtocolVersion: '2026-01-01',
      message: { tag: 'result', val: [ID, { tag: 'initialize', val: { protocolVersion: 'v20251125', capabilities: {}, serverInfo: { name: 's', version: '1' } } }] },
    });
  });

  it('reads every elicitation schema kind of the spec, and the legacy enumNames form', () => {
    const message = ok(
      decodeServerMessage({
        jsonrpc: '2.0',
        id: 1,
        method: 'elicitation/create',
        params: {
          message: 'm',
          requestedSchema: {
            type: 'object',
            properties: {
              s: { type: 'string', title: 'Display Name', minLength: 3, maxLength: 50, pattern: '^[A-Za-z]+$', format: 'email', default: 'user@example.com' },
              n: { type: 'integer', minimum: 0, maximum: 100, default: 50 },
              b: { type: 'boolean', default: false },
              e: { type: 'string', enum: ['Red', 'Green'], default: 'Red' },
              t: { type: 'string', oneOf: [{ const: '#FF0000', title: 'Red' }] },
              m: { type: 'array', minItems: 1, items: { type: 'string', enum: ['Red'] }, default: ['Red'] },
              tm: { type: 'array', items: { anyOf: [{ const: '#FF0000', title: 'Red' }] } },
              legacy: { type: 'string', enum: ['r', 'g'], enumNames: ['Red', 'Green'] },
            },
            required: ['s'],
          },
        },
      }),
    );
    expect(message.tag === 'request' && message.val[1]).toEqual({
      tag: 'elicitation-create',
      val: {
        tag: 'form',
        val: {
          message: 'm',
          requestedSchema: {
            required: ['s'],
            properties: [
              ['s', { tag: 'string-schema', val: { title: 'Display Name', minLength: 3, maxLength: 50, format: 'email', default: 'user@example.com' } }],
              ['n', { tag: 'number-schema', val: { type: 'integer', minimum: 0, maximum: 100, default: 50 } }],
              ['b', { tag: 'boolean-schema', val: { default: false } }],
              ['e', { tag: 'enum-schema', val: { tag: 'untitled-single-select', val: { enum: ['Red', 'Green'], default: 'Red' } } }],
              ['t', { tag: 'enum-schema', val: { tag: 'titled-single-select', val: { oneOf: [{ constValue: '#FF0000', title: 'Red' }] } } }],
              ['m', { tag: 'enum-schema', val: { tag: 'untitled-multi-select', val: { enum: ['Red'], default: ['Red'] } } }],
              ['tm', { tag: 'enum-schema', val: { tag: 'titled-multi-select', val: { oneOf: [{ constValue: '#FF0000', title: 'Red' }] } } }],
              [
                'legacy',
                {
                  tag: 'enum-schema',
                  val: {
                    tag: 'titled-single-select',
                    val: {
                      oneOf: [
                        { constValue: 'r', title: 'Red' },
                        { constValue: 'g', title: 'Green' },
                      ],
                    },
                  },
                },
              ],
            ],
          },
        },
      },
    });
  });

  it('applies the sampling defaults: includeContext none, toolChoice mode auto', () => {
    const message = ok(decodeServerMessage({ jsonrpc: '2.0', id: 1, method: 'sampling/createMessage', params: { messages: [], maxTokens: 10, toolChoice: {} } }));
    expect(message.tag === 'request' && message.val[1]).toEqual({
      tag: 'sampling-create-message',
      val: { includeContext: 'none', maxTokens: 10n, messages: [], toolChoice: { mode: 'auto' } },
    });
  });

  it('rejects sampling messages with content arrays (no WIT form) as invalid params', () => {
    const decoded = decodeServerMessage(SAMPLING_ARRAY_REQUEST);
    expect(decoded).toMatchObject({ ok: false, ignorable: false, id: { tag: 'number', val: 2n } });
    expect(!decoded.ok && Number(decoded.error.val.code)).toBe(INVALID_PARAMS);
    expect(!decoded.ok && decoded.error.val.message).toContain('params.messages[1].content');
  });

  it('uses the hint to tell an empty logging/setLevel result from ping', () => {
    const json = { jsonrpc: '2.0', id: 1, result: {} };
    expect(ok(decodeServerMessage(json))).toEqual({ tag: 'result', val: [ID, { tag: 'ping' }] });
    expect(ok(decodeServerMessage(json, () => 'logging-set-level'))).toEqual({ tag: 'result', val: [ID, { tag: 'logging-set-level' }] });
  });

  it('rejects an unknown server request method with -32601 and ignores unknown notifications', () => {
    expect(decodeServerMessage({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'x' } })).toMatchObject({
      ok: false,
      ignorable: false,
      error: { tag: 'method-not-found' },
    });
    expect(decodeServerMessage({ jsonrpc: '2.0', method: 'notifications/tasks/status', params: {} })).toMatchObject({ ok: false, ignorable: true });
  });
});
