// A Redis server shared by several runtime processes. Backend calls are synchronous (a
// component's import call blocks its thread), so a worker thread owns the connection and the
// caller waits for its reply with Atomics.wait; a dead or stalled Redis becomes a
// KeyValueError after the timeout, never a hang.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { checkBucketName, KeyValueError, type KeyValueBackend, type ListStart } from './backend.js';
import type { RedisReply, RedisRequest, RedisWorkerData } from './redis-worker.js';

export const DEFAULT_REDIS_TIMEOUT_MS = 5000;
// The worker's own command timeout answers first; this margin only covers a worker that died.
const WORKER_MARGIN_MS = 1000;
// The first call also waits for the thread to boot and connect.
const STARTUP_TIMEOUT_MS = 10_000;

export interface RedisOptions {
  url: string;
  buckets?: readonly string[];
  /** How long one operation may take before it fails. */
  timeoutMs?: number;
}

export class RedisBackend implements KeyValueBackend {
  readonly url: string;
  private readonly allowedBuckets?: readonly string[];
  private readonly timeoutMs: number;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly replies: Int32Array;
  private nextId = 1;
  private workerExit: string | undefined;

  constructor(options: RedisOptions) {
    this.url = options.url;
    this.allowedBuckets = options.buckets;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS;
    const signal = new SharedArrayBuffer(4);
    this.replies = new Int32Array(signal);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const workerData: RedisWorkerData = { url: this.url, port: port2, signal, timeoutMs: this.timeoutMs };
    // The runtime runs from its bundle: dist/*.js, with the worker at dist/keyvalue/.
    this.worker = new Worker(new URL('./keyvalue/redis-worker.js', import.meta.url), { workerData, transferList: [port2] });
    this.worker.unref();
    this.worker.on('error', (err) => (this.workerExit = err.message));
    this.worker.on('exit', (code) => (this.workerExit ??= `exited with code ${code}`));
    try {
      this.call('ping', [], Math.max(this.timeoutMs, STARTUP_TIMEOUT_MS));
    } catch (err) {
      this.close();
      throw new Error(`cannot reach Redis at ${redactedUrl(this.url)}: ${(err as Error).message}`);
    }
  }

  openBucket(name: string): void {
    checkBucketName(name, this.allowedBuckets);
  }

  get(bucket: string, key: string): Uint8Array | undefined {
    return (this.call('get', [bucket, key]) as Uint8Array | null) ?? undefined;
  }

  set(bucket: string, key: string, value: Uint8Array): void {
    this.call('set', [bucket, key, value]);
  }

  delete(bucket: string, key: string): void {
    this.call('delete', [bucket, key]);
  }

  exists(bucket: string, key: string): boolean {
    return this.call('exists', [bucket, key]) as boolean;
  }

  listKeys(bucket: string, start: ListStart, limit: number): { keys: string[]; more: boolean } {
    // One key past the page tells whether more remain.
    const keys = (
      start && 'offset' in start ? this.call('keysFrom', [bucket, start.offset, limit + 1]) : this.call('keysAfter', [bucket, start?.after, limit + 1])
    ) as string[];
    return { keys: keys.slice(0, limit), more: keys.length > limit };
  }

  increment(bucket: string, key: string, delta: bigint): bigint {
    return BigInt(this.call('increment', [bucket, key, delta.toString()]) as string);
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }

  private call(op: RedisRequest['op'], args: unknown[], timeoutMs = this.timeoutMs + WORKER_MARGIN_MS): unknown {
    if (this.workerExit) throw new KeyValueError('other', `redis: the connection thread stopped (${this.workerExit})`);
    const id = this.nextId++;
    this.port.postMessage({ id, op, args } satisfies RedisRequest);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = Atomics.load(this.replies, 0);
      const reply = receiveMessageOnPort(this.port)?.message as RedisReply | undefined;
      if (reply?.id === id) {
        if (reply.error !== undefined) throw new KeyValueError('other', `redis: ${reply.error}`);
        return reply.value;
      }
      if (reply) continue; // the late answer to a call that already timed out
      const left = deadline - Date.now();
      if (left <= 0) throw new KeyValueError('other', `redis: no answer from ${redactedUrl(this.url)} within ${timeoutMs} ms`);
      Atomics.wait(this.replies, 0, seen, left);
    }
  }
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
