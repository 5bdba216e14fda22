import { describe, expect, it } from 'vitest';
import {
  errorCodeFromCode,
  errorCodeFromJson,
  errorCodeToJson,
  errorRecord,
  internalError,
  invalidParams,
  invalidRequest,
  isMethodNotFound,
  jsonRpcError,
  mcpError,
  methodNotFound,
  parseError,
  ProtocolError,
  resourceNotFound,
  serverError,
} from '../src/index.js';
import type { ErrorCode } from '../src/wit/wasmcp-mcp-v20251125-mcp.js';

describe('error-code constructors', () => {
  it.each<[string, ErrorCode, string, number]>([
    ['parseError', parseError(), 'parse-error', -32700],
    ['invalidRequest', invalidRequest(), 'invalid-request', -32600],
    ['methodNotFound', methodNotFound('tools/list'), 'method-not-found', -32601],
    ['invalidParams', invalidParams('bad'), 'invalid-params', -32602],
    ['internalError', internalError(), 'internal-error', -32603],
    ['resourceNotFound', resourceNotFound('file:///x'), 'mcp', -32002],
    ['serverError', serverError(-32001, 'busy'), 'server', -32001],
    ['jsonRpcError', jsonRpcError(-32100, 'reserved'), 'json-rpc', -32100],
    ['mcpError', mcpError(-32042, 'URL elicitation required'), 'mcp', -32042],
  ])('%s has case %s and code %d (an s64 bigint)', (_name, ec, tag, code) => {
    expect(ec.tag).toBe(tag);
    expect(ec.val.code).toBe(BigInt(code));
    expect(errorCodeToJson(ec).code).toBe(code);
  });

  it('methodNotFound says which method, as every chain end must', () => {
    expect(methodNotFound('prompts/get').val.message).toBe('Method not found: prompts/get');
    expect(isMethodNotFound(methodNotFound('x'))).toBe(true);
    expect(isMethodNotFound(invalidParams())).toBe(false);
  });

  it('stores data as JSON text and writes it back as a value', () => {
    const ec = invalidParams('Unsupported protocol version', { supported: ['2024-11-05'], requested: '1.0.0' });
    expect(ec.val.data).toBe('{"supported":["2024-11-05"],"requested":"1.0.0"}');
    expect(errorCodeToJson(ec)).toEqual({ code: -32602, message: 'Unsupported protocol version', data: { supported: ['2024-11-05'], requested: '1.0.0' } });
    expect(resourceNotFound('file:///nonexistent.txt').val.data).toBe('{"uri":"file:///nonexistent.txt"}');
  });
});

describe('error-code <-> JSON', () => {
  it.each([
    [-32700, 'parse-error'],
    [-32600, 'invalid-request'],
    [-32601, 'method-not-found'],
    [-32602, 'invalid-params'],
    [-32603, 'internal-error'],
    [-32002, 'mcp'],
    [-32042, 'mcp'],
    [-32000, 'server'],
    [-32099, 'server'],
    [-32100, 'json-rpc'],
    [-32768, 'json-rpc'],
    [-32769, 'mcp'],
    [-1, 'mcp'],
    [0, 'mcp'],
    [500, 'mcp'],
  ])('code %d reads as case %s and writes back unchanged', (code, tag) => {
    const ec = errorCodeFromJson({ code, message: 'm', data: [1] });
    expect(ec).toEqual({ tag, val: { code: BigInt(code), message: 'm', data: '[1]' } });
    expect(errorCodeToJson(ec!)).toEqual({ code, message: 'm', data: [1] });
  });

  it('rejects what is not an error object', () => {
    for (const bad of [null, 1, 'x', [], {}, { code: 1 }, { message: 'm' }, { code: '1', message: 'm' }, { code: 1.5, message: 'm' }, { code: 2 ** 60, message: 'm' }, { code: 1, message: 2 }]) {
      expect(errorCodeFromJson(bad)).toBeUndefined();
    }
  });

  it('accepts a bigint code within s64 from an already-parsed value', () => {
    expect(errorCodeFromJson({ code: -7n, message: 'm' })).toEqual({ tag: 'mcp', val: { code: -7n, message: 'm' } });
    expect(errorCodeFromJson({ code: 2n ** 64n, message: 'm' })).toBeUndefined();
  });

  it('the standard cases write their standard code whatever the record holds', () => {
    expect(errorCodeToJson({ tag: 'invalid-params', val: { code: 1n, message: 'm' } }).code).toBe(-32602);
    expect(errorCodeFromCode(-32602n, 'm').tag).toBe('invalid-params');
  });
});

describe('ProtocolError', () => {
  it('carries the error-code and its message', () => {
    const e = new ProtocolError(resourceNotFound('u'));
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe('Resource not found');
    expect(errorRecord(e.errorCode).code).toBe(-32002n);
  });
});
