// Multi round-trip requests: HMAC-SHA-256 against node:crypto, and request states that verify
// only unaltered, for the same request and the same caller.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256 } from '../src/hmac-sha256.js';
import {
  inputRequiredOf,
  INPUT_REQUIRED_META,
  openRequestState,
  REQUEST_INPUT_HEADER,
  REQUEST_STATE_TTL_MS,
  requestInputHeader,
  requestInputOf,
  sealRequestState,
} from '../src/input-required.js';
import type { MessageContext } from '../src/wit/wasmcp-mcp-v20251125-server-handler.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('SHA-256 and HMAC-SHA-256', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 1000])('agree with node:crypto for %d bytes', (length) => {
    const data = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
    expect(Buffer.from(sha256(data)).toString('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    for (const key of [bytes('k'), new Uint8Array(64).fill(9), new Uint8Array(100).fill(3)]) {
      expect(Buffer.from(hmacSha256(key, data)).toString('hex')).toBe(createHmac('sha256', key).update(data).digest('hex'));
    }
  });
});

describe('request state', () => {
  const key = bytes('a key from configuration');
  const answers = { user_name: { action: 'accept', content: { name: 'Alice' } } };
  const state = sealRequestState(key, 'binding-1', 'alice', answers);

  it('opens to its answers for the same request and caller', () => {
    expect(openRequestState(key, state, 'binding-1', 'alice')).toEqual({ ok: true, answers });
  });

  it.each([
    ['another key', () => openRequestState(bytes('another key'), state, 'binding-1', 'alice')],
    ['another request', () => openRequestState(key, state, 'binding-2', 'alice')],
    ['another caller', () => openRequestState(key, state, 'binding-1', 'mallory')],
    ['an altered payload', () => openRequestState(key, `x${state}`, 'binding-1', 'alice')],
    ['an altered mac', () => openRequestState(key, `${state.slice(0, -3)}AAA`, 'binding-1', 'alice')],
    ['no mac', () => openRequestState(key, state.split('.')[0], 'binding-1', 'alice')],
    ['garbage', () => openRequestState(key, 'not a state', 'binding-1', 'alice')],
  ])('is refused with %s', (_case, open) => {
    expect(open().ok).toBe(false);
  });
  it('is good until its expiry, and refused after it', () => {
    const issuedAt = Date.UTC(2026, 11, 3, 12, 0, 0);
    const sealed = sealRequestState(key, 'binding-1', 'alice', answers, issuedAt);
    expect(openRequestState(key, sealed, 'binding-1', 'alice', issuedAt + REQUEST_STATE_TTL_MS - 1)).toEqual({ ok: true, answers });
    expect(openRequestState(key, sealed, 'binding-1', 'alice', issuedAt + REQUEST_STATE_TTL_MS)).toEqual({ ok: false, reason: 'it has expired (retry the request from the start)' });
  });
});

describe('the request input pseudo-header', () => {
  const context = (entry: [string, string] | undefined) => ({ httpContext: { method: 'POST', path: '/mcp', headers: entry ? [entry] : [] } }) as unknown as MessageContext;
  const call = (args: unknown, extra: Record<string, unknown> = {}) => ({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 't', arguments: args, ...extra } }) as never;

  it('only for requests that may answer input-required', () => {
    expect(requestInputHeader('tools/list', { jsonrpc: '2.0', id: 1, method: 'tools/list' })).toBeUndefined();
    expect(requestInputHeader('tools/call', call({}))?.[0]).toBe(REQUEST_INPUT_HEADER);
  });

  it('carries inputResponses and requestState; the binding differs with the arguments', () => {
    const input = requestInputOf(context(requestInputHeader('tools/call', call({ a: 1 }, { inputResponses: { k: { x: 1 } }, requestState: 's' }))));
    expect(input).toMatchObject({ inputResponses: { k: { x: 1 } }, requestState: 's' });
    const other = requestInputOf(context(requestInputHeader('tools/call', call({ a: 2 }))));
    expect(other?.binding).not.toBe(input?.binding);
    expect(other?.inputResponses).toEqual({});
  });

  it('inputResponses that are not an object count as none', () => {
    expect(requestInputOf(context(requestInputHeader('tools/call', call({}, { inputResponses: 42 }))))?.inputResponses).toEqual({});
  });
});

it('inputRequiredOf turns the marked result into the 2026-07-28 input-required result', () => {
  const marked = { content: [], _meta: { [INPUT_REQUIRED_META]: { inputRequests: { k: { method: 'roots/list' } }, requestState: 's' } } };
  expect(inputRequiredOf(marked as never)).toEqual({ resultType: 'input_required', inputRequests: { k: { method: 'roots/list' } }, requestState: 's' });
  expect(inputRequiredOf({ content: [] } as never)).toBeUndefined();
});
