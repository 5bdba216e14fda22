// The thread that owns the Redis connection of a RedisBackend (redis.ts). It answers each
// request on its port, then bumps the shared counter so the blocked caller wakes up.
//
// Layout: a bucket is a hash `wasmcp-kv:{bucket}:values` (key -> value) plus a sorted set
// `wasmcp-kv:{bucket}:keys` of its keys (all scores 0, so ZRANGEBYLEX pages in byte order).
import { workerData, type MessagePort } from 'node:worker_threads';
import { Redis, type ChainableCommander } from 'ioredis';

export interface RedisWorkerData {
  url: string;
  port: MessagePort;
  /** Int32 counter the worker increments and notifies after each reply. */
  signal: SharedArrayBuffer;
  timeoutMs: number;
}

export type RedisRequest = { id: number; op: keyof typeof OPS; args: unknown[] };
export type RedisReply = { id: number; value?: unknown; error?: string };

const { url, port, signal, timeoutMs } = workerData as RedisWorkerData;
const replies = new Int32Array(signal);

const redis = new Redis(url, {
  connectTimeout: timeoutMs,
  commandTimeout: timeoutMs,
  // While Redis is unreachable a command waits for at most one reconnection attempt.
  maxRetriesPerRequest: 1,
  retryStrategy: (attempt) => Math.min(attempt * 50, 500),
});
// Each command reports its own failure; connection errors alone are not news.
redis.on('error', () => {});

const values = (bucket: string) => `wasmcp-kv:${bucket}:values`;
const keys = (bucket: string) => `wasmcp-kv:${bucket}:keys`;

async function exec(tx: ChainableCommander): Promise<unknown[]> {
  const results = await tx.exec();
  if (!results) throw new Error('transaction aborted');
  return results.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

const OPS = {
  ping: () => redis.ping(),
  get: (bucket: string, key: string) => redis.hgetBuffer(values(bucket), key),
  set: (bucket: string, key: string, value: Uint8Array) =>
    exec(redis.multi().hset(values(bucket), key, Buffer.from(value.buffer, value.byteOffset, value.byteLength)).zadd(keys(bucket), 0, key)),
  delete: (bucket: string, key: string) => exec(redis.multi().hdel(values(bucket), key).zrem(keys(bucket), key)),
  exists: async (bucket: string, key: string) => (await redis.hexists(values(bucket), key)) === 1,
  keysAfter: (bucket: string, after: string | undefined, count: number) =>
    redis.zrangebylex(keys(bucket), after === undefined ? '-' : `(${after}`, '+', 'LIMIT', 0, count),
  keysFrom: (bucket: string, offset: number, count: number) => redis.zrangebylex(keys(bucket), '-', '+', 'LIMIT', offset, count),
  // HINCRBY keeps the counter as decimal text; reading it back in the same transaction
  // returns it exactly (an integer reply would lose precision past 2^53).
  increment: async (bucket: string, key: string, delta: string) => {
    const results = await exec(redis.multi().hincrby(values(bucket), key, delta).zadd(keys(bucket), 0, key).hget(values(bucket), key));
    return results[2];
  },
} satisfies Record<string, (...args: never[]) => Promise<unknown>>;

port.on('message', async ({ id, op, args }: RedisRequest) => {
  let reply: RedisReply;
  try {
    reply = { id, value: await (OPS[op] as (...a: unknown[]) => Promise<unknown>)(...args) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
  Atomics.add(replies, 0, 1);
  Atomics.notify(replies, 0);
});
