// Notifications for every client of a 2026-07-28 server, which has no sessions to address:
// list changes and resource updates, numbered in the session bucket so that the
// subscriptions/listen stream of any instance sees what any other instance published. Entry n
// is the key `__feed__:{n}`, n the next value of the counter `__feed__:seq`; only the newest
// FEED_WINDOW entries are kept (a stream reads them within a poll interval of their writing).
import { ProtocolError } from './errors.js';
import { encodeServerNotificationToString } from './server-message.js';
import type { OutboxBucket } from './session-outbox.js';
import type { ServerNotification } from './wit/wasmcp-mcp-v20251125-mcp.js';

export const FEED_WINDOW = 256;
export const feedSeqKey = '__feed__:seq';
export const feedKey = (seq: number | bigint) => `__feed__:${seq}`;

/** The part of wasmcp:keyvalue/store's bucket publishing needs. */
export interface FeedBucket extends OutboxBucket {
  delete(key: string): void;
}

/** The lists whose changes a client can listen for. */
export type ListName = 'tools' | 'prompts' | 'resources';

const LIST_CHANGED: Record<ListName, ServerNotification> = {
  tools: { tag: 'tools-list-changed', val: {} },
  prompts: { tag: 'prompts-list-changed', val: {} },
  resources: { tag: 'resources-list-changed', val: {} },
};

/** Appends one notification (JSON-RPC text) to the feed. */
export function publishToFeed(bucket: FeedBucket, json: string): void {
  const seq = bucket.increment(feedSeqKey, 1n);
  bucket.setString(feedKey(seq), json);
  if (seq > BigInt(FEED_WINDOW)) bucket.delete(feedKey(seq - BigInt(FEED_WINDOW)));
}

/**
 * Tells every subscriptions/listen stream that asked for it that `list` changed (a tool
 * registered or removed at run time, say).
 */
export function publishListChanged(bucket: FeedBucket, list: ListName): void {
  const encoded = encodeServerNotificationToString(LIST_CHANGED[list]);
  if (!encoded.ok) throw new ProtocolError(encoded.error);
  publishToFeed(bucket, encoded.value);
}
