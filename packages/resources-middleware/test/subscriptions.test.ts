// resources/subscribe and unsubscribe through the built resources-middleware, with the sessions
// component as the key-value store: what it records decides who a resource change reaches.
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { compose, MemoryBackend, type ServerHandlerExport } from '@wasmcp-ts/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { example, fixture, framework, VARIANTS } from '../../../test/support/artifacts.js';
import { ok, request, textOf, type HandleResult } from '../../../test/support/messages.js';

const BUCKET = 'default';

function sessionContext(sessionId: string): MessageContext {
  return { protocolVersion: '2025-11-25', frame: { prefix: new Uint8Array(), suffix: new Uint8Array() }, session: { sessionId, storeId: BUCKET } };
}

describe.each(VARIANTS)('resource subscriptions (%s)', (variant) => {
  let chain: ServerHandlerExport;
  const keyValue = new MemoryBackend();
  const as = (sessionId: string, req: Parameters<typeof request>[0]) => chain.handle(sessionContext(sessionId), request(req)) as HandleResult;
  const touch = (uri: string) => textOf(ok(as('session-c', { tag: 'tools-call', val: { name: 'touch_resource', arguments: JSON.stringify({ uri }) } }), 'tools-call'));
  const outbox = (sessionId: string, seq: number) => {
    const bytes = keyValue.get(BUCKET, `${sessionId}:__transport__:outbox:${seq}`);
    return bytes && new TextDecoder().decode(bytes);
  };

  beforeAll(async () => {
    chain = (
      await compose({
        components: [example('resources', variant), fixture('notifying-tools', variant)],
        services: [framework('sessions', variant)],
        keyValue,
        variant,
      })
    ).handler;
  });

  it('subscribe and unsubscribe answer with the empty result', () => {
    expect(as('session-a', { tag: 'resources-subscribe', val: 'docs://readme' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(as('session-a', { tag: 'resources-subscribe', val: 'docs://readme' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(as('session-b', { tag: 'resources-subscribe', val: 'docs://readme' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(as('session-b', { tag: 'resources-unsubscribe', val: 'docs://readme' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(as('session-b', { tag: 'resources-unsubscribe', val: 'images://pixel.png' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
  });

  it('a change reaches the outbox of each subscribed session once, and no other', () => {
    expect(touch('docs://readme')).toBe('1 sessions notified');
    const queued = outbox('session-a', 1);
    expect(queued).toContain(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri: 'docs://readme' } }));
    expect(outbox('session-a', 2)).toBeUndefined();
    expect(outbox('session-b', 1)).toBeUndefined();
    expect(touch('images://pixel.png')).toBe('0 sessions notified');
  });

  it('after unsubscribing, changes reach nobody', () => {
    expect(as('session-a', { tag: 'resources-unsubscribe', val: 'docs://readme' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(touch('docs://readme')).toBe('0 sessions notified');
  });
});
