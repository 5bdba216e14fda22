// resources/subscribe state in the session bucket: for each URI, the sessions subscribed to
// it (`__resources__:subscribers:{uri}`, a JSON array of session ids), so whoever changes a
// resource can notify exactly those sessions through their outboxes.
import { ProtocolError } from './errors.js';
import { parseJson, stringifyJson } from './json.js';
import { encodeServerNotificationToString } from './server-message.js';
import { postToSession, type OutboxBucket } from './session-outbox.js';
import type { Meta } from './wit/wasmcp-mcp-v20251125-mcp.js';

/** The part of wasmcp:keyvalue/store's bucket subscriptions need. */
export interface SubscriptionBucket extends OutboxBucket {
  getString(key: string): string | undefined;
  delete(key: string): void;
}

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

/** Subscribing twice is one subscription. */
export function subscribeResource(bucket: SubscriptionBucket, sessionId: string, uri: string): void {
  const sessions = resourceSubscribers(bucket, uri);
  if (!sessions.includes(sessionId)) saveSubscribers(bucket, uri, [...sessions, sessionId]);
}

/** Unsubscribing from what was never subscribed is no error (the outcome is the same). */
export function unsubscribeResource(bucket: SubscriptionBucket, sessionId: string, uri: string): void {
  const sessions = resourceSubscribers(bucket, uri);
  if (sessions.includes(sessionId)) saveSubscribers(bucket, uri, sessions.filter((id) => id !== sessionId));
}

/**
 * Queues `notifications/resources/updated` for every session subscribed to `uri`; returns
 * how many there were. For components that change a resource (a tool writing a file, say).
 */
export function publishResourceUpdated(bucket: SubscriptionBucket, uri: string, meta?: Meta): number {
  const sessions = resourceSubscribers(bucket, uri);
  if (sessions.length === 0) return 0;
  const encoded = encodeServerNotificationToString({ tag: 'resources-updated', val: { uri, meta } });
  if (!encoded.ok) throw new ProtocolError(encoded.error);
  for (const sessionId of sessions) postToSession(bucket, sessionId, encoded.value);
  return sessions.length;
}
