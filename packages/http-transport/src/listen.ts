// subscriptions/listen (2026-07-28): a long-lived SSE response carrying the list changes and
// resource updates the client asked for. There are no sessions to address, so producers
// publish to the notification feed in the session bucket (protocol's notification-feed) and
// every open stream, on whichever instance, polls it from where it started. The first event is
// the acknowledgment with the subset of the filter this server honours; every event carries the
// subscription id (the request's id). A server without the bucket (sessions off) can deliver
// nothing: it acknowledges an empty filter and ends the subscription gracefully.
import {
  agreedFilter,
  FEED_WINDOW,
  feedKey,
  feedSeqKey,
  isJsonObject,
  listenAcknowledgment,
  listenCompletion,
  parseJson,
  requestIdToJson,
  tagged,
  wanted,
  type JsonObject,
  type ListenFilter,
} from '@wasmcp-ts/protocol';
import type { RequestId } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import type { TransportStore } from './chain.js';
// Polled, kept alive and gap-tolerant the way the GET stream reads a session's outbox.
import { GAP_GRACE_MS, KEEPALIVE_MS, POLL_MS } from './get-stream.js';
import type { HttpExchange } from './http-exchange.js';
import { probeCapabilities } from './initialize.js';
import type { RequestScope } from './post.js';

export async function handleListen(exchange: HttpExchange, scope: RequestScope, ctx: MessageContext, id: RequestId, filter: ListenFilter): Promise<void> {
  const { config, services } = scope;
  let store: TransportStore | undefined;
  if (config.sessionsEnabled) {
    try {
      store = services.openStore(config.sessionBucket);
    } catch {
      // No bucket to read: nothing can be delivered, which the acknowledgment says.
    }
  }
  const capabilities = await probeCapabilities(services.handle, ctx);
  const agreed = agreedFilter(filter, capabilities, store !== undefined);
  const subscriptionId = requestIdToJson(id);
  const out = exchange.start(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
  const event = (json: string) => out.write(`data: ${json}\n\n`);
  let open = event(listenAcknowledgment(subscriptionId, agreed));
  try {
    if (!store || Object.keys(agreed).length === 0) {
      // Nothing will ever come: end the subscription gracefully rather than hold a stream open.
      if (open) event(listenCompletion(subscriptionId));
      return;
    }
    let delivered = store.getCounter(feedSeqKey);
    let lastWrite = Date.now();
    let gapSince: number | undefined;
    while (open) {
      const head = store.getCounter(feedSeqKey);
      while (open && delivered < head) {
        const seq = delivered + 1;
        const text = store.getString(feedKey(seq));
        if (text === undefined && head - seq < FEED_WINDOW) {
          gapSince ??= Date.now();
          if (Date.now() - gapSince < GAP_GRACE_MS) break;
        } else if (text !== undefined) {
          const parsed = parseJson(text);
          const notification = parsed.ok && isJsonObject(parsed.value) ? (parsed.value as JsonObject) : undefined;
          if (notification && wanted(agreed, notification)) {
            open = event(tagged(notification, subscriptionId));
            lastWrite = Date.now();
          }
        }
        gapSince = undefined;
        delivered = seq;
      }
      if (open && Date.now() - lastWrite >= KEEPALIVE_MS) {
        open = out.write(': keepalive\n\n');
        lastWrite = Date.now();
      }
      if (open) services.sleep(POLL_MS);
    }
  } finally {
    out.close();
  }
}
