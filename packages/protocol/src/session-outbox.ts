// Server-initiated messages for a session, handed over through the session's key-value bucket:
// any instance may produce them, and the HTTP transport's GET stream (whichever instance holds
// it) sends them in order. A message is the key `{session}:__transport__:outbox:{n}`, where n
// is the next value of the counter `{session}:__transport__:outbox-seq`.

/** The part of wasmcp:keyvalue/store's bucket the outbox needs. */
export interface OutboxBucket {
  increment(key: string, delta: bigint): bigint;
  setString(key: string, value: string): void;
}

export const outboxKey = (sessionId: string, seq: number | bigint) => `${sessionId}:__transport__:outbox:${seq}`;
export const outboxSeqKey = (sessionId: string) => `${sessionId}:__transport__:outbox-seq`;

/** Queues one JSON-RPC message (JSON text) for the session's GET stream. */
export function postToSession(bucket: OutboxBucket, sessionId: string, json: string): void {
  const seq = bucket.increment(outboxSeqKey(sessionId), 1n);
  bucket.setString(outboxKey(sessionId, seq), json);
}
