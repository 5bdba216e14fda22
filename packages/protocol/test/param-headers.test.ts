import { describe, expect, it } from 'vitest';
import { HEADER_MISMATCH } from '../src/modern.js';
import { checkParamHeaders, paramHeadersOf } from '../src/param-headers.js';
import { errorRecord } from '../src/errors.js';

const schema = {
  type: 'object',
  properties: {
    region: { type: 'string', 'x-mcp-header': 'Region' },
    limit: { type: 'integer', 'x-mcp-header': 'Limit' },
    dryRun: { type: 'boolean', 'x-mcp-header': 'Dry-Run' },
    target: { type: 'object', properties: { zone: { type: 'string', 'x-mcp-header': 'Zone' } } },
    query: { type: 'string' },
  },
};
const designations = paramHeadersOf(schema);
const headersOf = (sent: Record<string, string>) => (name: string) => Object.entries(sent).find(([key]) => key.toLowerCase() === name)?.[1];
const mismatchOf = (args: Record<string, unknown>, sent: Record<string, string>) => {
  const error = checkParamHeaders(designations, args, headersOf(sent));
  return error && errorRecord(error);
};

describe('paramHeadersOf', () => {
  it('finds the designations reached through properties, nested ones too', () => {
    expect(designations).toEqual([
      { name: 'Region', path: ['region'], type: 'string' },
      { name: 'Limit', path: ['limit'], type: 'integer' },
      { name: 'Dry-Run', path: ['dryRun'], type: 'boolean' },
      { name: 'Zone', path: ['target', 'zone'], type: 'string' },
    ]);
  });

  it.each([
    ['an empty name', { properties: { a: { type: 'string', 'x-mcp-header': '' } } }, 'non-empty HTTP header token'],
    ['a name that is no token', { properties: { a: { type: 'string', 'x-mcp-header': 'Re gion' } } }, 'HTTP header token'],
    ['a number argument', { properties: { a: { type: 'number', 'x-mcp-header': 'A' } } }, 'string, integer or boolean'],
    ['an object argument', { properties: { a: { type: 'object', 'x-mcp-header': 'A' } } }, 'string, integer or boolean'],
    ['two names differing in case', { properties: { a: { type: 'string', 'x-mcp-header': 'A' }, b: { type: 'string', 'x-mcp-header': 'a' } } }, 'case-insensitive'],
    ['an array item', { properties: { a: { type: 'array', items: { type: 'string', 'x-mcp-header': 'A' } } } }, 'under "items"'],
    ['a branch of anyOf', { anyOf: [{ properties: { a: { type: 'string', 'x-mcp-header': 'A' } } }] }, 'under "anyOf"'],
  ])('refuses %s', (_case, bad, message) => {
    expect(() => paramHeadersOf({ type: 'object', ...bad })).toThrow(message);
  });
});

describe('checkParamHeaders', () => {
  it('accepts headers that say what the body says, plain or Base64, and no header for an absent or null argument', () => {
    expect(mismatchOf({ region: 'us-west1', limit: 42, dryRun: false, query: 'x' }, { 'Mcp-Param-Region': 'us-west1', 'mcp-param-limit': '42.0', 'Mcp-Param-Dry-Run': 'false' })).toBeUndefined();
    expect(mismatchOf({ region: 'Hello, 世界' }, { 'Mcp-Param-Region': `=?base64?${Buffer.from('Hello, 世界').toString('base64')}?=` })).toBeUndefined();
    expect(mismatchOf({ region: null, target: { zone: 'b' } }, { 'Mcp-Param-Zone': 'b' })).toBeUndefined();
    expect(mismatchOf({}, {})).toBeUndefined();
    // Without the closing marker it is a literal value.
    expect(mismatchOf({ region: '=?base64?SGVsbG8=' }, { 'Mcp-Param-Region': '=?base64?SGVsbG8=' })).toBeUndefined();
  });

  it.each([
    ['a missing header', { region: 'eu' }, {}, 'the Mcp-Param-Region header is required when the body has region'],
    ['a different value', { region: 'eu' }, { 'Mcp-Param-Region': 'us' }, "Mcp-Param-Region header value 'us' does not match body value 'eu'"],
    ['a header without its argument', {}, { 'Mcp-Param-Region': 'us' }, 'Mcp-Param-Region was sent but the body has no region'],
    ['unpadded Base64', { region: 'Hello' }, { 'Mcp-Param-Region': '=?base64?SGVsbG8?=' }, 'not valid =?base64?'],
    ['non-alphabet Base64', { region: 'Hello' }, { 'Mcp-Param-Region': '=?base64?SGVs!!!bG8=?=' }, 'not valid =?base64?'],
    ['another integer', { limit: 42 }, { 'Mcp-Param-Limit': '43' }, "does not match body value '42'"],
    ['a boolean spelt otherwise', { dryRun: true }, { 'Mcp-Param-Dry-Run': 'True' }, "does not match body value 'true'"],
    ['a nested argument', { target: { zone: 'a' } }, { 'Mcp-Param-Zone': 'b' }, "Mcp-Param-Zone header value 'b' does not match body value 'a'"],
  ])('refuses %s with -32020', (_case, args, sent, message) => {
    const error = mismatchOf(args, sent as Record<string, string>);
    expect(error?.code).toBe(BigInt(HEADER_MISMATCH));
    expect(error?.message).toContain(message);
  });
});
