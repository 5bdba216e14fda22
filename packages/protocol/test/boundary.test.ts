import { describe, expect, it } from 'vitest';
import {
  CLIENT_REQUEST_METHODS,
  clientRequestMethod,
  guardHandler,
  guardResult,
  invalidParams,
  parseClientMessage,
  ProtocolError,
  resourceNotFound,
  textResult,
  toErrorCode,
  toolArguments,
} from '../src/index.js';

describe('toErrorCode', () => {
  it('keeps a ProtocolError code, an error-code value, or an import error payload', async () => {
    const ec = resourceNotFound('u');
    expect(toErrorCode(new ProtocolError(ec))).toBe(ec);
    expect(toErrorCode(ec)).toBe(ec);
    expect(toErrorCode(Object.assign(new Error('x'), { payload: ec }))).toBe(ec);
  });

  it('turns anything else into internal-error with the message', async () => {
    expect(toErrorCode(new TypeError('boom'))).toEqual({ tag: 'internal-error', val: { code: -32603n, message: 'Internal error: boom', data: undefined } });
    expect(toErrorCode('text').val.message).toBe('Internal error: text');
    expect(toErrorCode(undefined).tag).toBe('internal-error');
  });
});

describe('guards', () => {
  it('guardHandler returns err for a throw and passes results through', async () => {
    expect(await guardHandler(() => undefined)).toBeUndefined();
    expect(await guardHandler(() => ({ tag: 'ok', val: 1 }))).toEqual({ tag: 'ok', val: 1 });
    expect(
      await guardHandler(() => {
        throw new ProtocolError(invalidParams('bad'));
      }),
    ).toEqual({ tag: 'err', val: invalidParams('bad') });
  });

  it('guardHandler answers a synchronous handler synchronously, and an async one when it settles', async () => {
    expect(guardHandler(() => ({ tag: 'ok', val: 1 }))).toEqual({ tag: 'ok', val: 1 });
    const late = guardHandler(async () => {
      throw new Error('late');
    });
    expect(late).toBeInstanceOf(Promise);
    expect(await late).toMatchObject({ tag: 'err', val: { tag: 'internal-error' } });
  });

  it('guardResult rethrows as the error-code value (what componentize-js maps to err)', async () => {
    expect(guardResult(() => 5)).toBe(5);
    let thrown: unknown;
    try {
      guardResult(() => {
        throw new Error('kaput');
      });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toEqual({ tag: 'internal-error', val: { code: -32603n, message: 'Internal error: kaput', data: undefined } });
  });

  it('guardResult answers a promise with a promise, its rejection as the error-code value', async () => {
    await expect(guardResult(() => Promise.resolve(5))).resolves.toBe(5);
    await expect(guardResult(() => Promise.reject(new ProtocolError(invalidParams('bad'))))).rejects.toEqual(invalidParams('bad'));
  });
});

describe('tool helpers', () => {
  it('textResult builds one text block, isError only when set', async () => {
    expect(textResult('hi')).toEqual({ content: [{ tag: 'text', val: { text: { tag: 'text', val: 'hi' } } }], isError: undefined });
    expect(textResult('no', true).isError).toBe(true);
  });

  it('toolArguments reads the JSON text of tools/call arguments', async () => {
    const decoded = parseClientMessage('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"t","arguments":{"a":2}}}');
    const args = decoded.ok && decoded.message.tag === 'request' && decoded.message.val[1].tag === 'tools-call' ? decoded.message.val[1].val.arguments : undefined;
    expect(toolArguments(args)).toEqual({ a: 2 });
    expect(toolArguments(undefined)).toEqual({});
    expect(() => toolArguments('[1]')).toThrow(ProtocolError);
    expect(() => toolArguments('{')).toThrow(ProtocolError);
  });
});

describe('method names', () => {
  it('names every client request the way the decoder reads it', async () => {
    for (const [tag, method] of Object.entries(CLIENT_REQUEST_METHODS)) {
      const params = { name: 'n', uri: 'u', level: 'info', protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'c', version: '1' }, ref: { type: 'ref/prompt', name: 'p' }, argument: { name: 'a', value: 'v' } };
      const decoded = parseClientMessage(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }));
      expect(decoded.ok && decoded.message.tag === 'request' && decoded.message.val[1].tag).toBe(tag);
      if (decoded.ok && decoded.message.tag === 'request') expect(clientRequestMethod(decoded.message.val[1])).toBe(method);
    }
  });
});
