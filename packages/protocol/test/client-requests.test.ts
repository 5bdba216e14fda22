import { describe, expect, it } from 'vitest';
import { decodeElicitRequest } from '../src/elicitation.js';
import {
  awaitClientResponse,
  clientRequestId,
  clientRequestTimeoutMs,
  clientResponseResult,
  decodeClientResponse,
  handOverClientResponse,
  markClientRequestPending,
  recordClientCapabilities,
  requireClientCapability,
  sessionKeysIn,
  stashElicitationJson,
  takeElicitationJson,
  type SessionKeys,
  type WaitClock,
} from '../src/client-requests.js';

/** A session's keys over a Map, as the sessions interface sees them (clear writes ''). */
function sessionMap(): SessionKeys & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getString: (k) => values.get(k), setString: (k, v) => void values.set(k, v), clear: (k) => void values.set(k, '') };
}

/** A clock that advances only when slept on, running `onSleep` at each sleep (the other side's moves). */
function fakeClock(onSleep: (nowMs: number) => void = () => {}): WaitClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    nowMs: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      onSleep(now);
    },
  };
}

const id = (val: string) => ({ tag: 'string' as const, val });
const ELICIT = 'elicitation/create';
const accepted = (rid: string) => JSON.stringify({ jsonrpc: '2.0', id: rid, result: { action: 'accept', content: { name: 'Ada' } } });

describe('client request hand-over', () => {
  it('hands a response over only for a pending request, once', () => {
    const keys = sessionMap();
    expect(handOverClientResponse(keys, id('server-request-1'), accepted('server-request-1'))).toBe(false);
    markClientRequestPending(keys, 'server-request-1', ELICIT);
    expect(handOverClientResponse(keys, { tag: 'number', val: 1n }, '{}')).toBe(false);
    expect(handOverClientResponse(keys, id('server-request-1'), accepted('server-request-1'))).toBe(true);
    expect(handOverClientResponse(keys, id('server-request-1'), accepted('server-request-1'))).toBe(false);
  });

  it('the waiting side gets the answer that arrives while it polls, and clears it', () => {
    const keys = sessionMap();
    markClientRequestPending(keys, 'r', ELICIT);
    const clock = fakeClock((now) => {
      if (now >= 30) handOverClientResponse(keys, id('r'), accepted('r'));
    });
    expect(awaitClientResponse(keys, 'r', ELICIT, clock, 10_000)).toBe(accepted('r'));
    expect(keys.values.get('__client-response__:r')).toBe('');
    // Polls quickly at first, then backs off to at most 100 ms.
    expect(clock.slept.slice(0, 3)).toEqual([5, 10, 20]);
  });

  it('backs off to 100 ms between looks', () => {
    const keys = sessionMap();
    markClientRequestPending(keys, 'r', ELICIT);
    const clock = fakeClock((now) => {
      if (now >= 1000) handOverClientResponse(keys, id('r'), accepted('r'));
    });
    awaitClientResponse(keys, 'r', ELICIT, clock, 10_000);
    expect(Math.max(...clock.slept)).toBe(100);
  });

  it('gives up at the timeout, withdraws the request and drops a late answer', () => {
    const keys = sessionMap();
    markClientRequestPending(keys, 'r', ELICIT);
    const clock = fakeClock();
    expect(() => awaitClientResponse(keys, 'r', ELICIT, clock, 1500)).toThrow('the client did not answer elicitation/create within 1.5 s (WASMCP_CLIENT_REQUEST_TIMEOUT)');
    expect(clock.nowMs()).toBe(1500);
    expect(handOverClientResponse(keys, id('r'), accepted('r'))).toBe(false);
  });

  it('takes an answer that lands just as the wait ends', () => {
    const keys = sessionMap();
    markClientRequestPending(keys, 'r', ELICIT);
    const clock = fakeClock((now) => {
      if (now >= 1000) handOverClientResponse(keys, id('r'), accepted('r'));
    });
    // The hand-over happens in the last sleep; the loop sees the deadline first, then looks once more.
    expect(awaitClientResponse(keys, 'r', ELICIT, clock, 1000)).toBe(accepted('r'));
  });

  it('works on a session bucket with the sessions layout ({session}:{key})', () => {
    const bucket = new Map<string, string>();
    const keys = sessionKeysIn({ getString: (k) => bucket.get(k), setString: (k, v) => void bucket.set(k, v), delete: (k) => void bucket.delete(k) }, 'sid');
    markClientRequestPending(keys, 'r', ELICIT);
    expect(bucket.get('sid:__client-request__:r')).toBe(ELICIT);
    expect(handOverClientResponse(keys, id('r'), accepted('r'))).toBe(true);
    expect([...bucket.keys()]).toEqual(['sid:__client-response__:r']);
  });
});

describe('client capabilities', () => {
  it('a session without a record allows either request', () => {
    expect(() => requireClientCapability(sessionMap(), ELICIT)).not.toThrow();
  });

  it('refuses what the client did not declare at initialize', () => {
    const keys = sessionMap();
    recordClientCapabilities(keys, { sampling: {} });
    expect(() => requireClientCapability(keys, 'sampling/createMessage')).not.toThrow();
    expect(() => requireClientCapability(keys, ELICIT)).toThrow('the client did not declare the elicitation capability at initialize');
    recordClientCapabilities(keys, { elicitation: '{}' });
    expect(() => requireClientCapability(keys, ELICIT)).not.toThrow();
    expect(() => requireClientCapability(keys, 'sampling/createMessage')).toThrow('sampling capability');
  });

  it('elicitation: {} is form mode only; the form and url keys name the modes', () => {
    const keys = sessionMap();
    recordClientCapabilities(keys, { elicitation: '{}' });
    expect(() => requireClientCapability(keys, ELICIT, 'form')).not.toThrow();
    expect(() => requireClientCapability(keys, ELICIT, 'url')).toThrow('the client did not declare url mode elicitation (capabilities.elicitation.url) at initialize');
    recordClientCapabilities(keys, { elicitation: '{"url":{}}' });
    expect(() => requireClientCapability(keys, ELICIT, 'url')).not.toThrow();
    expect(() => requireClientCapability(keys, ELICIT, 'form')).toThrow('form mode');
    recordClientCapabilities(keys, { elicitation: '{"form":{},"url":{}}' });
    expect(() => requireClientCapability(keys, ELICIT, 'form')).not.toThrow();
    expect(() => requireClientCapability(keys, ELICIT, 'url')).not.toThrow();
  });
});

describe("reading the client's response", () => {
  it('decodes an elicitation result to its WIT form', () => {
    expect(decodeClientResponse(accepted('r'), ELICIT, 'elicitation-create')).toMatchObject({ action: 'accept', content: [['name', { tag: 'string', val: 'Ada' }]] });
  });

  it('an error response names its code and message', () => {
    const text = JSON.stringify({ jsonrpc: '2.0', id: 'r', error: { code: -32603, message: 'the user closed the dialog' } });
    expect(() => clientResponseResult(text, ELICIT)).toThrow('the client answered elicitation/create with error -32603: the user closed the dialog');
  });

  it('a result that is not one of the method is invalid, naming what is wrong', () => {
    const text = JSON.stringify({ jsonrpc: '2.0', id: 'r', result: { action: 'maybe' } });
    expect(() => decodeClientResponse(text, ELICIT, 'elicitation-create')).toThrow(/^the client's result for elicitation\/create is invalid: .*action/);
  });

  it('text that is no response is refused', () => {
    expect(() => clientResponseResult('not json', 'sampling/createMessage')).toThrow("the client's answer to sampling/createMessage is neither a result nor an error");
  });
});

describe('WASMCP_CLIENT_REQUEST_TIMEOUT', () => {
  it.each([
    [undefined, 60_000],
    ['', 60_000],
    ['5', 5000],
    ['0.25', 250],
  ])('%j is %d ms', (value, ms) => expect(clientRequestTimeoutMs(value)).toBe(ms));

  it.each(['0', '-1', 'soon', '1e3'])('%j is refused', (value) => {
    expect(() => clientRequestTimeoutMs(value)).toThrow('WASMCP_CLIENT_REQUEST_TIMEOUT must be a number of seconds greater than 0');
  });
});

it('request ids carry the random bytes, so two instances do not collide', () => {
  expect(clientRequestId(new Uint8Array([0, 1, 254, 255, 16, 32, 48, 64]))).toBe('server-request-0001feff10203040');
});

describe("the author's elicitation JSON", () => {
  const legacy = {
    message: 'Pick one',
    requestedSchema: {
      type: 'object',
      properties: { size: { type: 'string', enum: ['s', 'm'], enumNames: ['Small', 'Medium'] }, code: { type: 'string', pattern: '^[A-Z]+$' } },
    },
  };

  it('without a stash, the WIT form goes (legacy enumNames become oneOf, pattern is lost)', () => {
    const params = takeElicitationJson(sessionMap(), decodeElicitRequest(legacy));
    expect(params).toMatchObject({ mode: 'form', requestedSchema: { properties: { size: { oneOf: [{ const: 's', title: 'Small' }, { const: 'm', title: 'Medium' }] } } } });
    expect(JSON.stringify(params)).not.toContain('pattern');
  });

  it('a stash for the same request is sent as written, once', () => {
    const keys = sessionMap();
    const request = decodeElicitRequest(legacy);
    stashElicitationJson(keys, legacy, request);
    expect(takeElicitationJson(keys, request)).toEqual(legacy);
    expect(takeElicitationJson(keys, request)).toMatchObject({ mode: 'form' });
  });

  it('a stash that says something else than the WIT request is not used', () => {
    const keys = sessionMap();
    const request = decodeElicitRequest(legacy);
    const other = { ...legacy, message: 'Something else' };
    // Stored under the key of `request`, as a colliding hash would.
    stashElicitationJson(keys, other, request);
    expect(takeElicitationJson(keys, request)).toMatchObject({ mode: 'form', message: 'Pick one' });
  });
});
