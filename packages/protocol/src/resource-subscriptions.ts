// resources/subscribe state in the session bucket: for each URI, the sessions subscribed to
// it (`__resources__:subscribers:{uri}`, a JSON array of session ids), so whoever changes a
// resource can notify exactly those sessions through their outboxes. A session that was
// deleted or terminated since it subscribed is dropped from the list when the resource changes.
import { ProtocolError } from './errors.js';
import { isJsonObject, parseJson, stringifyJson } from './json.js';
import { encodeServerNotificationToString } from './server-message.js';
import { publishToFeed, type FeedBucket } from './notification-feed.js';
import { postToSession } from './session-outbox.js';
import type { Meta } from './wit/wasmcp-mcp-v20251125-mcp.js';

/** The part of wasmcp:keyvalue/store's bucket subscriptions need. */
export interface SubscriptionBucket extends FeedBucket {
  getString(key: string): string | undefined;
  getJson(key: string): string | undefined;
}

/** Writes of one list that overlap can drop each other's change: each change is read back and retried this often. */
const MAX_LIST_WRITES = 5;

const subscribersKey = (uri: string) => `__resources__:subscribers:${uri}`;

export function resourceSubscribers(bucket: SubscriptionBucket, uri: string): string[] {
  const text = bucket.getString(subscribersKey(uri));
  if (text === undefined) return [];
  const parsed = parseJson(text);
  return parsed.ok && Array.isArray(parsed.value) ? parsed.value.filter((id): id is string => typeof id === 'string') : [];
}

function saveSubscribers(bucket: SubscriptionBucket, uri: string, sessions: string[]): void {
  if (sessions.length === 0) bucket.delete(subscribersKey(uri));
  else bucket.setString(subscribersKey(uri), stringifyJson(sessions));
}

/**
 * Changes the list until it reads back as `done` says: two subscribes to one URI at once (on
 * two instances) each write the list, and the later write would drop the other's id.
 */
function changeSubscribers(bucket: SubscriptionBucket, uri: string, done: (sessions: string[]) => boolean, change: (sessions: string[]) => string[]): void {
  for (let writes = 0; writes < MAX_LIST_WRITES; writes++) {
    const sessions = resourceSubscribers(bucket, uri);
    if (done(sessions)) return;
    saveSubscribers(bucket, uri, change(sessions));
  }
}

/** Subscribing twice is one subscription. */
export function subscribeResource(bucket: SubscriptionBucket, sessionId: string, uri: string): void {
  changeSubscribers(bucket, uri, (sessions) => sessions.includes(sessionId), (sessions) => [...sessions, sessionId]);
}

/** Unsubscribing from what was never subscribed is no error (the outcome is the same). */
export function unsubscribeResource(bucket: SubscriptionBucket, sessionId: string, uri: string): void {
  changeSubscribers(bucket, uri, (sessions) => !sessions.includes(sessionId), (sessions) => sessions.filter((id) => id !== sessionId));
}

/** Whether the session still exists and is not terminated (the sessions component's `{session}:__meta__`). */
function isLiveSession(bucket: SubscriptionBucket, sessionId: string): boolean {
  const meta = bucket.getJson(`${sessionId}:__meta__`);
  if (meta === undefined) return false;
  const parsed = parseJson(meta);
  return !(parsed.ok && isJsonObject(parsed.value) && parsed.value.terminated === true);
}

/**
 * Queues `notifications/resources/updated` for every session subscribed to `uri`, and for the
 * subscriptions/listen streams (2026-07-28) that name it; returns how many sessions there were.
 * For components that change a resource (a tool writing a file, say).
 */
export function publishResourceUpdated(bucket: SubscriptionBucket, uri: string, meta?: Meta): number {
  const encoded = encodeServerNotificationToString({ tag: 'resources-updated', val: { uri, meta } });
  if (!encoded.ok) throw new ProtocolError(encoded.error);
  publishToFeed(bucket, encoded.value);
  const subscribed = resourceSubscribers(bucket, uri);
  const live = subscribed.filter((sessionId) => isLiveSession(bucket, sessionId));
  if (live.length < subscribed.length) {
    const gone = new Set(subscribed.filter((sessionId) => !live.includes(sessionId)));
    changeSubscribers(bucket, uri, (sessions) => !sessions.some((id) => gone.has(id)), (sessions) => sessions.filter((id) => !gone.has(id)));
  }
  if (live.length === 0) return 0;
  for (const sessionId of live) postToSession(bucket, sessionId, encoded.value);
  return live.length;
}
