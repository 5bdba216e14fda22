// resources/subscribe and unsubscribe through the built resources-middleware, with the sessions
// component as the key-value store and its sessions as the subscribers: what it records decides
// who a resource change reaches.
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import type * as SessionManager from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-session-manager.js';
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
  let sessions: typeof SessionManager;
  const keyValue = new MemoryBackend();
  const ids: Record<string, string> = {};
  const as = (name: string, req: Parameters<typeof request>[0]) => chain.handle(sessionContext(ids[name]), request(req)) as HandleResult;
  const touch = (uri: string) => textOf(ok(as('c', { tag: 'tools-call', val: { name: 'touch_resource', arguments: JSON.stringify({ uri }) } }), 'tools-call'));
  const outbox = (name: string, seq: number) => {
    const sessionId = ids[name];
    const bytes = keyValue.get(BUCKET, `${sessionId}:__transport__:outbox:${seq}`);
    return bytes && new TextDecoder().decode(bytes);
  };

  beforeAll(async () => {
    const composed = await compose({
      components: [example('resources', variant), fixture('notifying-tools', variant)],
      services: [framework('sessions', variant)],
      keyValue,
      variant,
    });
    chain = composed.handler;
    sessions = composed.services.get('wasmcp:mcp-v20251125/session-manager') as typeof SessionManager;
    for (const name of ['a', 'b', 'c', 'd', 'e']) ids[name] = sessions.initialize(BUCKET);
  });

  it('subscribe and unsubscribe answer with the empty result', () => {
    expect(as('a', { tag: 'resources-subscribe', val: 'docs://readme' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(as('a', { tag: 'resources-subscribe', val: 'docs://readme' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(as('b', { tag: 'resources-subscribe', val: 'docs://readme' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(as('b', { tag: 'resources-unsubscribe', val: 'docs://readme' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(as('b', { tag: 'resources-unsubscribe', val: 'images://pixel.png' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
  });

  it('a change reaches the outbox of each subscribed session once, and no other', () => {
    expect(touch('docs://readme')).toBe('1 sessions notified');
    const queued = outbox('a', 1);
    expect(queued).toContain(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri: 'docs://readme' } }));
    expect(outbox('a', 2)).toBeUndefined();
    expect(outbox('b', 1)).toBeUndefined();
    expect(touch('images://pixel.png')).toBe('0 sessions notified');
  });

  it('a session deleted or terminated since it subscribed is dropped, and gets nothing', () => {
    expect(as('d', { tag: 'resources-subscribe', val: 'docs://guide' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(as('e', { tag: 'resources-subscribe', val: 'docs://guide' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(as('a', { tag: 'resources-subscribe', val: 'docs://guide' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    sessions.deleteSession(ids.d, BUCKET);
    sessions.markTerminated(ids.e, BUCKET, 'client left');
    expect(touch('docs://guide')).toBe('1 sessions notified');
    expect(outbox('d', 1)).toBeUndefined();
    expect(outbox('e', 1)).toBeUndefined();
    expect(outbox('a', 2)).toContain('docs://guide');
    expect(touch('docs://guide')).toBe('1 sessions notified');
  });

  it('after unsubscribing, changes reach nobody', () => {
    expect(as('a', { tag: 'resources-unsubscribe', val: 'docs://readme' })).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(touch('docs://readme')).toBe('0 sessions notified');
  });
});
