// The side channels notifications need: the log level in the SSE frame, the request's _meta in
// the chain's headers, and subscriptions and outboxes in the session bucket.
import { describe, expect, it } from 'vitest';
import { frameLogLevel, isLogLevelEnabled, isUnframed, NO_FRAME, SSE_FRAME, sseFrameWithLogLevel } from '../src/message-frame.js';
import { progressTokenOf, REQUEST_META_HEADER, requestMetaHeader } from '../src/request-meta-header.js';
import { publishResourceUpdated, resourceSubscribers, subscribeResource, unsubscribeResource } from '../src/resource-subscriptions.js';

class FakeBucket {
  readonly values = new Map<string, string>();
  getString = (key: string) => this.values.get(key);
  getJson = (key: string) => this.values.get(key);
  setString = (key: string, value: string) => void this.values.set(key, value);
  delete = (key: string) => void this.values.delete(key);
  increment = (key: string, delta: bigint) => {
    const next = BigInt(this.values.get(key) ?? '0') + delta;
    this.values.set(key, String(next));
    return next;
  };
}

describe('log level in the SSE frame', () => {
  it('is an SSE comment before the data field, read back by frameLogLevel', () => {
    const frame = sseFrameWithLogLevel('error');
    expect(new TextDecoder().decode(frame.prefix)).toBe(': log-level=error\ndata: ');
    expect(frameLogLevel(frame)).toBe('error');
    expect(frameLogLevel(SSE_FRAME)).toBeUndefined();
    expect(isUnframed(NO_FRAME)).toBe(true);
    expect(isUnframed(frame)).toBe(false);
  });
  it('orders levels as RFC 5424 does', () => {
    expect(isLogLevelEnabled('warning', 'warning')).toBe(true);
    expect(isLogLevelEnabled('emergency', 'warning')).toBe(true);
    expect(isLogLevelEnabled('notice', 'warning')).toBe(false);
    expect(isLogLevelEnabled('debug', undefined)).toBe(true);
  });
});

describe('request _meta for the chain', () => {
  const ctx = (headers: [string, string][]) => ({ protocolVersion: '2025-11-25', frame: SSE_FRAME, httpContext: { method: 'POST', path: '/mcp', headers } });
  it('carries the progress token, integer or string', () => {
    const integer = requestMetaHeader(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x', _meta: { progressToken: 5 } } }));
    expect(integer).toEqual([REQUEST_META_HEADER, '{"progressToken":5}']);
    expect(progressTokenOf(ctx([integer!]))).toEqual({ tag: 'integer', val: 5n });
    const text = requestMetaHeader('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","_meta":{"progressToken":"t"}}}');
    expect(progressTokenOf(ctx([text!]))).toEqual({ tag: 'string', val: 't' });
  });
  it('is absent without _meta, and a token of the wrong type is no token', () => {
    expect(requestMetaHeader('{"jsonrpc":"2.0","id":1,"method":"ping"}')).toBeUndefined();
    expect(progressTokenOf(ctx([]))).toBeUndefined();
    expect(progressTokenOf(ctx([[REQUEST_META_HEADER, '{"progressToken":1.5}']]))).toBeUndefined();
  });
});

/** A session as the sessions component keeps it: its metadata under `{id}:__meta__`. */
const openSession = (bucket: FakeBucket, id: string, terminated = false) => bucket.values.set(`${id}:__meta__`, JSON.stringify({ terminated, created_at: 0 }));

describe('resource subscriptions', () => {
  it('records each session once and notifies exactly the subscribers, in outbox order', () => {
    const bucket = new FakeBucket();
    openSession(bucket, 's1');
    openSession(bucket, 's2');
    subscribeResource(bucket, 's1', 'file:///a');
    subscribeResource(bucket, 's1', 'file:///a');
    subscribeResource(bucket, 's2', 'file:///a');
    expect(resourceSubscribers(bucket, 'file:///a')).toEqual(['s1', 's2']);
    unsubscribeResource(bucket, 's2', 'file:///a');
    unsubscribeResource(bucket, 's2', 'file:///never');
    expect(publishResourceUpdated(bucket, 'file:///a')).toBe(1);
    expect(publishResourceUpdated(bucket, 'file:///a')).toBe(1);
    expect(JSON.parse(bucket.values.get('s1:__transport__:outbox:2')!)).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { uri: 'file:///a' },
    });
    expect([...bucket.values.keys()].filter((k) => k.startsWith('s2:__transport__'))).toEqual([]);
    unsubscribeResource(bucket, 's1', 'file:///a');
    expect(bucket.values.has('__resources__:subscribers:file:///a')).toBe(false);
  });

  it('drops sessions deleted or terminated since they subscribed, and writes nothing for them', () => {
    const bucket = new FakeBucket();
    for (const id of ['live', 'deleted', 'terminated']) {
      openSession(bucket, id);
      subscribeResource(bucket, id, 'file:///a');
    }
    bucket.values.delete('deleted:__meta__');
    openSession(bucket, 'terminated', true);
    expect(publishResourceUpdated(bucket, 'file:///a')).toBe(1);
    expect(resourceSubscribers(bucket, 'file:///a')).toEqual(['live']);
    expect([...bucket.values.keys()].filter((k) => k.includes('__transport__:outbox:'))).toEqual(['live:__transport__:outbox:1']);
  });

  it("a subscribe whose write another instance's write undid writes again", () => {
    const bucket = new FakeBucket();
    // Another instance read the list before this subscribe wrote, and writes its own version right after.
    let interfere = true;
    const write = bucket.setString;
    bucket.setString = (key, value) => {
      write(key, value);
      if (interfere && key.startsWith('__resources__:subscribers:')) {
        interfere = false;
        write(key, JSON.stringify(['other']));
      }
    };
    subscribeResource(bucket, 'mine', 'file:///a');
    expect(resourceSubscribers(bucket, 'file:///a')).toEqual(['other', 'mine']);
  });
});
