import { describe, expect, it } from 'vitest';
import {
  decodeClientMessage,
  encodeClientMessage,
  encodeClientMessageToString,
  INVALID_PARAMS,
  INVALID_REQUEST,
  METHOD_NOT_FOUND,
  PARSE_ERROR,
  parseClientMessage,
  type Decoded,
} from '../src/index.js';
import type { ClientMessage, ErrorCode, RequestId } from '../src/wit/wasmcp-mcp-v20251125-mcp.js';
import { CLIENT_EXAMPLES, SAMPLING_ARRAY_RESULT, UNKNOWN_METHOD_REQUEST, type SpecExample } from './spec-examples.js';

/** The spec example's JSON minus what WIT cannot hold (each listed in the module docs). */
function expectedAfterRoundTrip(example: SpecExample): unknown {
  const json = structuredClone(example.json);
  if (json.method === 'initialize') {
    const params = json.params as { capabilities: Record<string, unknown>; clientInfo: Record<string, unknown> };
    delete params.capabilities.tasks;
    delete params.clientInfo.websiteUrl;
  }
  return json;
}

function ok(decoded: Decoded<ClientMessage>): ClientMessage {
  if (!decoded.ok) throw new Error(`expected ok, got ${decoded.error.tag}: ${decoded.error.val.message}`);
  return decoded.message;
}

function failure(decoded: Decoded<ClientMessage>): { ignorable: boolean; id: RequestId | undefined; error: ErrorCode; code: number } {
  if (decoded.ok) throw new Error('expected a failure');
  return { ignorable: decoded.ignorable, id: decoded.id, error: decoded.error, code: Number(decoded.error.val.code) };
}

describe('spec examples: client -> server messages', () => {
  for (const example of CLIENT_EXAMPLES) {
    it(`${example.name} round-trips JSON -> WIT -> JSON`, () => {
      const message = ok(decodeClientMessage(structuredClone(example.json)));
      const encoded = encodeClientMessage(message);
      expect(encoded).toEqual({ ok: true, value: expectedAfterRoundTrip(example) });
      // The text path gives the same message and text.
      expect(ok(parseClientMessage(JSON.stringify(example.json)))).toEqual(message);
      const text = encodeClientMessageToString(message);
      if (!text.ok) throw new Error('encode failed');
      expect(JSON.parse(text.value)).toEqual(expectedAfterRoundTrip(example));
    });
  }
});

describe('decoding client messages into WIT', () => {
  it('tools/call: arguments become JSON text, the id a bigint', () => {
    const message = ok(parseClientMessage('{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_weather","arguments":{"location":"New York","__proto__":{"x":1}}}}'));
    expect(message).toEqual({
      tag: 'request',
      val: [{ tag: 'number', val: 2n }, { tag: 'tools-call', val: { name: 'get_weather', arguments: '{"location":"New York","__proto__":{"x":1}}' } }],
    });
  });

  it('initialize: capabilities, client info and the version', () => {
    const decoded = decodeClientMessage(CLIENT_EXAMPLES[0].json);
    expect(decoded).toEqual({
      ok: true,
      rawProtocolVersion: '2025-11-25',
      message: {
        tag: 'request',
        val: [
          { tag: 'number', val: 1n },
          {
            tag: 'initialize',
            val: {
              protocolVersion: 'v20251125',
              capabilities: {
                elicitation: '{"form":{},"url":{}}',
                listChanged: { roots: true },
                sampling: {},
              },
              clientInfo: {
                name: 'ExampleClient',
                title: 'Example Client Display Name',
                version: '1.0.0',
                description: 'An example MCP client application',
                icons: [{ src: 'https://example.com/icon.png', mimeType: 'image/png', sizes: ['48x48'] }],
              },
            },
          },
        ],
      },
    });
  });

  it('initialize: an unknown version reads as the latest, the raw string is kept', () => {
    const json = structuredClone(CLIENT_EXAMPLES[0].json) as { params: { protocolVersion: string } };
    json.params.protocolVersion = '2099-01-01';
    const decoded = decodeClientMessage(json);
    expect(decoded.ok && decoded.rawProtocolVersion).toBe('2099-01-01');
    const message = ok(decoded);
    expect(message.tag === 'request' && message.val[1].tag === 'initialize' && message.val[1].val.protocolVersion).toBe('v20251125');
    json.params.protocolVersion = '2025-03-26';
    const older = ok(decodeClientMessage(json));
    expect(older.tag === 'request' && older.val[1].tag === 'initialize' && older.val[1].val.protocolVersion).toBe('v20250326');
  });

  it('initialize: declared sampling sub-capabilities and roots without listChanged', () => {
    const message = ok(
      decodeClientMessage({
        jsonrpc: '2.0',
        id: 'i',
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: { roots: {}, sampling: { tools: {}, context: {} } }, clientInfo: { name: 'c', version: '1' } },
      }),
    );
    expect(message.tag === 'request' && message.val[1].tag === 'initialize' && message.val[1].val.capabilities).toEqual({
      listChanged: { roots: false },
      sampling: { tools: true, context: true },
    });
  });

  it('ping: string id, progress token from _meta, other params kept as extras', () => {
    expect(ok(decodeClientMessage({ jsonrpc: '2.0', id: '123', method: 'ping' }))).toEqual({
      tag: 'request',
      val: [{ tag: 'string', val: '123' }, { tag: 'ping', val: { extras: [] } }],
    });
    const message = ok(decodeClientMessage({ jsonrpc: '2.0', id: 5, method: 'ping', params: { _meta: { progressToken: 7, trace: 'x' }, note: [1] } }));
    expect(message).toEqual({
      tag: 'request',
      val: [{ tag: 'number', val: 5n }, { tag: 'ping', val: { progressToken: { tag: 'integer', val: 7n }, meta: '{"trace":"x"}', extras: [['note', '[1]']] } }],
    });
  });

  it('completion/complete: prompt and resource references, context arguments', () => {
    const message = ok(decodeClientMessage(CLIENT_EXAMPLES.find((e) => e.json.params && JSON.stringify(e.json).includes('framework'))!.json));
    expect(message.tag === 'request' && message.val[1]).toEqual({
      tag: 'completion-complete',
      val: {
        ref: { tag: 'prompt', val: { name: 'code_review' } },
        argument: { name: 'framework', value: 'fla' },
        context: { arguments: '{"language":"python"}' },
      },
    });
    const resource = ok(
      decodeClientMessage({ jsonrpc: '2.0', id: 1, method: 'completion/complete', params: { ref: { type: 'ref/resource', uri: 'file:///{path}' }, argument: { name: 'path', value: 'a' } } }),
    );
    expect(resource.tag === 'request' && resource.val[1].tag === 'completion-complete' && resource.val[1].val.ref).toEqual({ tag: 'resource-template', val: 'file:///{path}' });
  });

  it('notifications: cancelled, progress, initialized with extras', () => {
    expect(ok(decodeClientMessage({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: '123', reason: 'r' } }))).toEqual({
      tag: 'notification',
      val: { tag: 'cancelled', val: { requestId: { tag: 'string', val: '123' }, reason: 'r' } },
    });
    expect(ok(decodeClientMessage({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 'abc123', progress: 50, total: 100 } }))).toEqual({
      tag: 'notification',
      val: { tag: 'progress', val: { progressToken: { tag: 'string', val: 'abc123' }, progress: 50, total: 100 } },
    });
    expect(ok(decodeClientMessage({ jsonrpc: '2.0', method: 'notifications/initialized', params: { _meta: { a: 1 }, extra: true } }))).toEqual({
      tag: 'notification',
      val: { tag: 'initialized', val: { meta: '{"a":1}', extras: '{"extra":true}' } },
    });
  });

  it('results: shape detection picks elicitation, roots and sampling', () => {
    const elicit = ok(decodeClientMessage({ jsonrpc: '2.0', id: 2, result: { action: 'accept', content: { name: 'Mona', age: 30, ok: true, tags: ['a'] } } }));
    expect(elicit).toEqual({
      tag: 'result',
      val: [
        { tag: 'number', val: 2n },
        {
          tag: 'elicitation-create',
          val: {
            action: 'accept',
            content: [
              ['name', { tag: 'string', val: 'Mona' }],
              ['age', { tag: 'number', val: 30 }],
              ['ok', { tag: 'boolean', val: true }],
              ['tags', { tag: 'string-array', val: ['a'] }],
            ],
          },
        },
      ],
    });
    const roots = ok(decodeClientMessage({ jsonrpc: '2.0', id: 1, result: { roots: [{ uri: 'file:///p', name: 'P' }] } }));
    expect(roots.tag === 'result' && roots.val[1]).toEqual({ tag: 'roots-list', val: { roots: [{ uri: 'file:///p', name: 'P' }] } });
    const sampling = ok(decodeClientMessage({ jsonrpc: '2.0', id: 1, result: { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'm', usage: { tokens: 3 } } }));
    expect(sampling.tag === 'result' && sampling.val[1]).toEqual({
      tag: 'sampling-create-message',
      val: { role: 'assistant', model: 'm', content: { tag: 'text', val: { text: { tag: 'text', val: 'Paris' } } }, extra: '{"usage":{"tokens":3}}' },
    });
  });

  it('results: the hint wins over shape detection', () => {
    const asked: RequestId[] = [];
    const decoded = decodeClientMessage({ jsonrpc: '2.0', id: 9, result: { roots: [] } }, (id) => {
      asked.push(id);
      return 'elicitation-create';
    });
    expect(asked).toEqual([{ tag: 'number', val: 9n }]);
    const f = failure(decoded);
    expect(f).toMatchObject({ ignorable: true, id: { tag: 'number', val: 9n }, code: INVALID_PARAMS });
    expect(f.error.val.message).toContain('result.action');
  });

  it('errors: id may be null or absent; the code picks the case', () => {
    expect(ok(decodeClientMessage({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }))).toEqual({
      tag: 'error',
      val: [undefined, { tag: 'parse-error', val: { code: -32700n, message: 'Parse error' } }],
    });
    expect(ok(decodeClientMessage({ jsonrpc: '2.0', id: 3, error: { code: -1, message: 'User rejected sampling request' } }))).toEqual({
      tag: 'error',
      val: [{ tag: 'number', val: 3n }, { tag: 'mcp', val: { code: -1n, message: 'User rejected sampling request' } }],
    });
  });

  it('integers beyond 2^53 in text stay exact: the id, and inside arguments', () => {
    const text = '{"jsonrpc":"2.0","id":9007199254740993,"method":"tools/call","params":{"name":"t","arguments":{"n":12345678901234567890}}}';
    const message = ok(parseClientMessage(text));
    expect(message).toEqual({
      tag: 'request',
      val: [{ tag: 'number', val: 9007199254740993n }, { tag: 'tools-call', val: { name: 't', arguments: '{"n":12345678901234567890}' } }],
    });
    expect(encodeClientMessageToString(message)).toEqual({ ok: true, value: text });
  });

  it('ids beyond 2^53 from an already-parsed value stay exact', () => {
    const id = 2n ** 62n + 1n;
    const message = ok(decodeClientMessage({ jsonrpc: '2.0', id, method: 'tools/list' }));
    expect(message).toEqual({ tag: 'request', val: [{ tag: 'number', val: id }, { tag: 'tools-list', val: {} }] });
    const text = encodeClientMessageToString(message);
    expect(text.ok && text.value).toBe(`{"jsonrpc":"2.0","id":${id},"method":"tools/list"}`);
  });
});

describe('rejecting malformed client input', () => {
  it.each(['', '{', 'not json', '{"jsonrpc":"2.0",}', '\u0000', '[1,2'])('%j is a parse error (-32700) without id', (text) => {
    const f = failure(parseClientMessage(text));
    expect(f).toMatchObject({ ignorable: false, id: undefined, code: PARSE_ERROR });
    expect(f.error.tag).toBe('parse-error');
  });

  const invalid: Array<[string, unknown, RequestId | undefined]> = [
    ['a batch', [{ jsonrpc: '2.0', id: 1, method: 'ping' }], undefined],
    ['a number', 42, undefined],
    ['null', null, undefined],
    ['a string', 'ping', undefined],
    ['no jsonrpc', { id: 7, method: 'ping' }, { tag: 'number', val: 7n }],
    ['jsonrpc 1.0', { jsonrpc: '1.0', id: 'a', method: 'ping' }, { tag: 'string', val: 'a' }],
    ['jsonrpc as number', { jsonrpc: 2.0, id: 1, method: 'ping' }, { tag: 'number', val: 1n }],
    ['a null id on a request', { jsonrpc: '2.0', id: null, method: 'ping' }, undefined],
    ['a fractional id', { jsonrpc: '2.0', id: 1.5, method: 'ping' }, undefined],
    // A JS number past 2^53 has already lost its exact value (text keeps it: see above).
    ['an unsafe integer id', { jsonrpc: '2.0', id: 2 ** 53, method: 'ping' }, undefined],
    ['an object id', { jsonrpc: '2.0', id: {}, method: 'ping' }, undefined],
    ['a boolean id', { jsonrpc: '2.0', id: true, method: 'ping' }, undefined],
    ['a numeric method', { jsonrpc: '2.0', id: 1, method: 5 }, { tag: 'number', val: 1n }],
    ['a request with a result', { jsonrpc: '2.0', id: 1, method: 'ping', result: {} }, { tag: 'number', val: 1n }],
    ['both result and error', { jsonrpc: '2.0', id: 1, result: {}, error: { code: 1, message: 'x' } }, { tag: 'number', val: 1n }],
    ['neither method, result nor error', { jsonrpc: '2.0', id: 1 }, { tag: 'number', val: 1n }],
    ['a result without id', { jsonrpc: '2.0', result: { roots: [] } }, undefined],
    ['an error without code', { jsonrpc: '2.0', id: 1, error: { message: 'x' } }, { tag: 'number', val: 1n }],
    ['an error with a fractional code', { jsonrpc: '2.0', id: 1, error: { code: 1.5, message: 'x' } }, { tag: 'number', val: 1n }],
  ];
  it.each(invalid)('%s is an invalid request (-32600)', (_name, json, id) => {
    const f = failure(decodeClientMessage(json));
    expect(f).toMatchObject({ ignorable: false, code: INVALID_REQUEST });
    expect(f.id).toEqual(id);
    expect(f.error.tag).toBe('invalid-request');
  });

  const badParams: Array<[string, string, unknown, string]> = [
    ['tools/call without name', 'tools/call', { arguments: {} }, 'params.name'],
    ['tools/call with a numeric name', 'tools/call', { name: 5 }, 'params.name'],
    ['tools/call with array arguments', 'tools/call', { name: 'a', arguments: [1] }, 'params.arguments'],
    ['tools/call without params', 'tools/call', undefined, 'params'],
    ['resources/read without uri', 'resources/read', {}, 'params.uri'],
    ['resources/subscribe with a null uri', 'resources/subscribe', { uri: null }, 'params.uri'],
    ['initialize with a numeric protocolVersion', 'initialize', { protocolVersion: 20251125, capabilities: {}, clientInfo: { name: 'c', version: '1' } }, 'params.protocolVersion'],
    ['initialize without clientInfo', 'initialize', { protocolVersion: '2025-11-25', capabilities: {} }, 'params.clientInfo'],
    ['initialize with a bad icon', 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'c', version: '1', icons: [{}] } }, 'params.clientInfo.icons[0].src'],
    ['logging/setLevel with an unknown level', 'logging/setLevel', { level: 'verbose' }, 'params.level'],
    ['completion/complete with an unknown ref type', 'completion/complete', { ref: { type: 'ref/x' }, argument: { name: 'a', value: 'b' } }, 'params.ref.type'],
    ['completion/complete without argument value', 'completion/complete', { ref: { type: 'ref/prompt', name: 'p' }, argument: { name: 'a' } }, 'params.argument.value'],
    ['prompts/get with string arguments', 'prompts/get', { name: 'p', arguments: 'x' }, 'params.arguments'],
    ['tools/list with a numeric cursor', 'tools/list', { cursor: 5 }, 'params.cursor'],
    ['tools/list with array params', 'tools/list', [1], 'params'],
    ['ping with a fractional progress token', 'ping', { _meta: { progressToken: 1.5 } }, 'params._meta.progressToken'],
    ['ping with a non-object _meta', 'ping', { _meta: 1 }, 'params._meta'],
  ];
  it.each(badParams)('%s is invalid params (-32602) with the request id', (_name, method, params, field) => {
    const f = failure(decodeClientMessage({ jsonrpc: '2.0', id: 'r1', method, params }));
    expect(f).toMatchObject({ ignorable: false, id: { tag: 'string', val: 'r1' }, code: INVALID_PARAMS });
    expect(f.error.tag).toBe('invalid-params');
    expect(f.error.val.message).toContain(field);
  });

  it('an unknown request method is method-not-found (-32601) with the id', () => {
    const f = failure(decodeClientMessage(UNKNOWN_METHOD_REQUEST));
    expect(f).toMatchObject({ ignorable: false, id: { tag: 'number', val: 1n }, code: METHOD_NOT_FOUND });
    expect(f.error).toEqual({ tag: 'method-not-found', val: { code: -32601n, message: 'Method not found: some_method', data: undefined } });
  });

  it('a server-only method sent by a client is method-not-found', () => {
    const f = failure(decodeClientMessage({ jsonrpc: '2.0', id: 4, method: 'sampling/createMessage', params: {} }));
    expect(f.code).toBe(METHOD_NOT_FOUND);
  });

  it('unknown notifications are ignorable, not answered', () => {
    const f = failure(decodeClientMessage({ jsonrpc: '2.0', method: 'notifications/whatever', params: { a: 1 } }));
    expect(f).toMatchObject({ ignorable: true, id: undefined, code: METHOD_NOT_FOUND });
  });

  it('invalid notification params are ignorable too', () => {
    const f = failure(decodeClientMessage({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { reason: 'no id' } }));
    expect(f).toMatchObject({ ignorable: true, id: undefined, code: INVALID_PARAMS });
    const g = failure(decodeClientMessage({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 't' } }));
    expect(g).toMatchObject({ ignorable: true, code: INVALID_PARAMS });
  });

  it('a result no server request produces is ignorable', () => {
    const f = failure(decodeClientMessage({ jsonrpc: '2.0', id: 1, result: {} }));
    expect(f).toMatchObject({ ignorable: true, id: { tag: 'number', val: 1n }, code: INVALID_REQUEST });
  });

  it('sampling results with content arrays (parallel tool use) have no WIT form', () => {
    const f = failure(decodeClientMessage(SAMPLING_ARRAY_RESULT));
    expect(f).toMatchObject({ ignorable: true, code: INVALID_PARAMS });
    expect(f.error.val.message).toContain('result.content');
  });

  it('bad base64 in a sampling result image is invalid params', () => {
    const f = failure(decodeClientMessage({ jsonrpc: '2.0', id: 1, result: { role: 'assistant', model: 'm', content: { type: 'image', data: 'base64-encoded-image-data', mimeType: 'image/png' } } }));
    expect(f.code).toBe(INVALID_PARAMS);
    expect(f.error.val.message).toContain('result.content.data');
  });
});

describe('encoding client messages', () => {
  it('omits params that are all absent, and the id of an id-less error', () => {
    expect(encodeClientMessage({ tag: 'request', val: [{ tag: 'string', val: 'x' }, { tag: 'tools-list', val: {} }] })).toEqual({
      ok: true,
      value: { jsonrpc: '2.0', id: 'x', method: 'tools/list' },
    });
    expect(encodeClientMessage({ tag: 'notification', val: { tag: 'initialized', val: {} } })).toEqual({
      ok: true,
      value: { jsonrpc: '2.0', method: 'notifications/initialized' },
    });
    expect(encodeClientMessage({ tag: 'error', val: [undefined, { tag: 'internal-error', val: { code: -32603n, message: 'boom' } }] })).toEqual({
      ok: true,
      value: { jsonrpc: '2.0', error: { code: -32603, message: 'boom' } },
    });
  });

  it('fails with internal-error naming the field when JSON text is invalid', () => {
    const encoded = encodeClientMessage({ tag: 'request', val: [{ tag: 'number', val: 1n }, { tag: 'tools-call', val: { name: 't', arguments: '{bad' } }] });
    expect(encoded.ok).toBe(false);
    expect(!encoded.ok && encoded.error.tag).toBe('internal-error');
    expect(!encoded.ok && encoded.error.val.message).toContain('params.arguments');
  });
});
