import { randomBytes } from 'node:crypto';
// `wasmcp-ts serve`: a Node HTTP front that hands each request to a free worker thread, each
// worker running its own instances of the composed server (see http-worker.ts). Slow calls and
// open SSE streams occupy one worker, never the others; state is shared only through the
// key-value backend, as on a host that gives every request a fresh instance. A component call
// cannot be interrupted from inside its thread, so every bound on a request (deadline,
// cancellation, result size, engine memory) is enforced here by tearing its worker down and
// starting a fresh one.
import { once } from 'node:events';
import http from 'node:http';
import { setFlagsFromString } from 'node:v8';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { findCompleteServer } from './complete-server.js';
import type { ComposeOptions } from './compose.js';
import { ENGINE_WORKER_LIMITS } from './engine-worker.js';
import { frameworkBuildFor, locateFrameworkComponent, type FrameworkBuild, type FrameworkComponent, type Replacements } from './framework.js';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';
import type { WorkerInit, WorkerMessage, WorkerRequest } from './http-worker.js';
import { isShared, type KeyValueSpec } from './keyvalue/factory.js';
import { errorAnswer, errorEvents, inspectBody, NO_MESSAGES, type RequestBody } from './request-body.js';
import type { SessionSweeperInit, SessionSweeperMessage } from './session-sweeper.js';

export interface ServeLimits {
  /** How long a request may run; past it, it gets an error and its worker is replaced. */
  requestTimeoutMs: number;
  /** How long a request waits for a free worker before it gets 503. */
  queueTimeoutMs: number;
  /** The largest response body of one request. */
  maxResultBytes: number;
  /**
   * The linear memory one engine (component instance) may grow to: past it, its allocations
   * fail inside the engine (a tool's isError). A worker holding more than this after a
   * request (linear memory never shrinks) is replaced. One setting for the whole process.
   */
  maxEngineMemoryBytes: number;
  /** Requests in flight at once for one client (its session, else its bearer token). */
  maxConcurrentPerClient: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_LIMITS: ServeLimits = {
  requestTimeoutMs: 60_000,
  queueTimeoutMs: 10_000,
  maxResultBytes: 32 * MiB,
  maxEngineMemoryBytes: 512 * MiB,
  maxConcurrentPerClient: 16,
};

export interface ServeOptions {
  compose: Omit<ComposeOptions, 'keyValue'>;
  keyValue: KeyValueSpec;
  host: string;
  port: number;
  workers: number;
  limits?: Partial<ServeLimits>;
  /** Removes inactive sessions from the (shared) store every `intervalMs`. */
  sessionSweep?: Omit<SessionSweeperInit, 'keyValue'>;
  /** Where diagnostics go (never stdout of a stdio server; here stderr by default). */
  log?: (line: string) => void;
}

/** How often `wasmcp-ts serve` removes expired sessions from the store, by default. */
export const DEFAULT_SESSION_SWEEP_MS = 60_000;

/** What /healthz reports. */
export interface PoolHealth {
  workers: number;
  busy: number;
  starting: number;
  queued: number;
  maxWorkers: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Resolves when all --workers workers serve (the server answers from the first one on). */
  allWorkersReady: Promise<void>;
  health(): PoolHealth;
  /** Stops accepting, lets in-flight requests finish, then stops the workers. */
  close(): Promise<void>;
}

/** What a worker reports about the request it serves, or that it stopped. */
type WorkerEvent = WorkerMessage | { type: 'exit' };

interface PoolWorker {
  worker: Worker;
  busy: boolean;
  /** Takes the messages about the request this worker serves. */
  respond?: (event: WorkerEvent) => void;
  /** Taken out of the pool on purpose: its exit needs no replacement. */
  retired: boolean;
  /** Holds more memory than allowed: replaced as soon as its request ends. */
  oversized: boolean;
  idleTimer?: NodeJS.Timeout;
}

const WORKER_START_TIMEOUT_MS = 120_000;
/** The rest of the pool waits this long for a first request, then (up to FIRST_ANSWER_WAIT_MS) for its answer. */
const FIRST_REQUEST_WINDOW_MS = 100;
const FIRST_ANSWER_WAIT_MS = 2_000;
const CLOSE_GRACE_MS = 5_000;
/** An extra worker (beyond --workers) that has been idle this long is stopped. */
const EXTRA_WORKER_IDLE_MS = 30_000;

/**
 * A request that has waited this long for a free worker gets an extra one started. Under a load
 * of quick calls, a request waits a few ms for one of the `size` workers: more engines would
 * not serve it sooner on the same cores, only hold more memory.
 */
const GROW_AFTER_MS = 200;

/**
 * Worker threads, `size` of them kept running. A request that finds none free for GROW_AFTER_MS
 * gets an extra one, up to `maxSize` (twice `size`, at least two more): a tool call waiting for
 * its client (elicitation, sampling) holds its worker, and the client's answer must still find
 * one, whatever else is running.
 */
class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly waiting: ((w: PoolWorker) => void)[] = [];
  private starting = 0;
  private closing = false;
  /** Whether a request has taken a worker yet, and the first release of one. */
  private requested = false;
  private answered!: () => void;
  private readonly firstAnswer = new Promise<void>((resolve) => (this.answered = resolve));

  constructor(
    private init: WorkerInit,
    private readonly log: (line: string) => void,
    readonly size: number,
    private readonly maxSize: number,
  ) {}

  health(): PoolHealth {
    return {
      workers: this.workers.length,
      busy: this.workers.filter((w) => w.busy).length,
      starting: this.starting,
      queued: this.waiting.length,
      maxWorkers: this.maxSize,
    };
  }

  /**
   * Resolves when the first worker serves (it fills the transpile cache) with a promise of the
   * rest, which start from it meanwhile.
   */
  async start(): Promise<{ rest: Promise<void> }> {
    await this.spawn();
    return { rest: this.spawnRest() };
  }

  /**
   * The others, one after another: each instantiates in a few hundred ms of CPU, and the
   * first requests, already being served, should compete with one of them at a time, not all.
   * A worker that fails to start is logged; the pool serves with the others.
   */
  private async spawnRest(): Promise<void> {
    // A client's first request (its initialize) usually comes right away: the first worker
    // answers it before three instantiations take the CPU (a burst starts more workers anyway).
    await delay(FIRST_REQUEST_WINDOW_MS, undefined, { ref: false });
    if (this.requested) await Promise.race([this.firstAnswer, delay(FIRST_ANSWER_WAIT_MS, undefined, { ref: false })]);
    for (let i = 1; i < this.size && !this.closing; i++) {
      await this.spawn().catch((err: Error) => this.log(`wasmcp-ts: cannot start a worker: ${err.message}`));
    }
  }

  private spawnInBackground(): void {
    this.spawn().catch((err: Error) => this.log(`wasmcp-ts: cannot start a worker: ${err.message}`));
  }

  private async spawn(): Promise<PoolWorker> {
    this.starting++;
    const worker = new Worker(new URL('./http-worker.js', import.meta.url), { workerData: this.init, resourceLimits: ENGINE_WORKER_LIMITS });
    let entry: PoolWorker | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('a worker did not start in time')), WORKER_START_TIMEOUT_MS);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'head' || m.type === 'body' || m.type === 'end' || m.type === 'whole') {
          entry?.respond?.(m);
        } else if (m.type === 'compiled') {
          this.init = { ...this.init, modules: m.modules };
        } else if (m.type === 'ready') {
          clearTimeout(timer);
          resolve();
        } else if (m.type === 'failed') {
          clearTimeout(timer);
          reject(new Error(m.message));
        } else if (m.type === 'trapped') {
          this.log(`wasmcp-ts: a component trapped (${m.message}); replacing its worker`);
          entry?.respond?.(m);
        } else if (m.type === 'memory' && entry) {
          this.log(`wasmcp-ts: a worker holds ${Math.round(m.bytes / MiB)} MiB after a request (the limit is ${Math.round(this.init.maxEngineMemoryBytes / MiB)} MiB); replacing it`);
          entry.oversized = true;
          if (!entry.busy) this.discard(entry);
        }
      });
      worker.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    try {
      await ready;
    } finally {
      this.starting--;
    }
    entry = { worker, busy: false, retired: false, oversized: false };
    if (this.closing) {
      await worker.terminate();
      return entry;
    }
    this.workers.push(entry);
    const started = entry;
    worker.once('exit', () => {
      started.respond?.({ type: 'exit' });
      this.replace(started);
    });
    this.release(started);
    return started;
  }

  private replace(entry: PoolWorker): void {
    const i = this.workers.indexOf(entry);
    if (i >= 0) this.workers.splice(i, 1);
    clearTimeout(entry.idleTimer);
    if (this.closing || entry.retired) return;
    if (this.workers.length + this.starting < this.size || this.waiting.length > this.starting) this.spawnInBackground();
  }

  /** Takes a worker out of service for good (whatever it is running); a replacement is started. */
  discard(entry: PoolWorker): void {
    entry.busy = true;
    entry.worker.terminate().catch(() => {});
  }

  /**
   * A free worker, or undefined when none frees up within `timeoutMs` while no more can start
   * (a worker on its way is waited for: it starts in seconds).
   */
  acquire(timeoutMs: number): Promise<PoolWorker | undefined> {
    const idle = this.workers.find((w) => !w.busy);
    if (idle) {
      this.take(idle);
      return Promise.resolve(idle);
    }
    return new Promise<PoolWorker | undefined>((resolve) => {
      let timer: NodeJS.Timeout;
      const giveUp = () => {
        if (this.starting > 0) {
          timer = setTimeout(giveUp, timeoutMs);
          return;
        }
        this.waiting.splice(this.waiting.indexOf(handOver), 1);
        resolve(undefined);
      };
      timer = setTimeout(giveUp, timeoutMs);
      // One starting worker for each request still waiting after a while, within maxSize.
      const grow = setTimeout(() => {
        if (this.waiting.length > this.starting && this.workers.length + this.starting < this.maxSize) this.spawnInBackground();
      }, GROW_AFTER_MS);
      const handOver = (w: PoolWorker) => {
        clearTimeout(timer);
        clearTimeout(grow);
        resolve(w);
      };
      this.waiting.push(handOver);
    });
  }

  private take(entry: PoolWorker): void {
    this.requested = true;
    entry.busy = true;
    clearTimeout(entry.idleTimer);
  }

  release(entry: PoolWorker): void {
    this.answered();
    if (!this.workers.includes(entry)) return;
    if (entry.oversized) {
      this.discard(entry);
      return;
    }
    const next = this.waiting.shift();
    if (next) {
      this.take(entry);
      next(entry);
      return;
    }
    entry.busy = false;
    if (this.workers.length > this.size) {
      entry.idleTimer = setTimeout(() => this.retire(entry), EXTRA_WORKER_IDLE_MS);
      entry.idleTimer.unref();
    }
  }

  private retire(entry: PoolWorker): void {
    if (entry.busy || this.workers.length <= this.size) return;
    entry.retired = true;
    this.workers.splice(this.workers.indexOf(entry), 1);
    entry.worker.terminate().catch(() => {});
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

// Hop-by-hop headers are the proxy's own business (RFC 9110, section 7.6.1).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);
const HEALTH_PATH = '/healthz';
/** Seconds a client told to come back (429, 503) waits first. */
const RETRY_AFTER_SECONDS = 1;
const INTERNAL_ERROR = -32603;
/** The transport's own default for WASMCP_MAX_BODY: a longer body goes through unread. */
const DEFAULT_MAX_BODY = 4 * MiB;

/** Why the host ends a request its worker has not finished; the worker is torn down. */
type Abandonment = { kind: 'error'; message: string } | { kind: 'cancelled' };

/** A request running on a worker, as the host tracks it. */
interface InFlight {
  abandon(why: Abandonment): void;
}

/** Just past the last blank line (an SSE event's end) in `chunk`, whose stream's previous byte is `before`; -1 if none. */
function eventsEnd(before: number, chunk: Buffer): number {
  const i = chunk.lastIndexOf('\n\n');
  if (i >= 0) return i + 2;
  return before === 0x0a && chunk[0] === 0x0a ? 1 : -1;
}

function jsonResponse(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

/** A request body as read: whole, or its first bytes past the size limit. */
interface ReadBody {
  /** Its own buffer, so it can be handed to a worker. */
  bytes: Uint8Array;
  complete: boolean;
}

/**
 * Reads a body up to `limit` bytes. Past it, what was read goes on (the transport refuses it
 * with its own error) and the rest is read and dropped.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (complete: boolean) => {
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      resolve({ bytes, complete });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData).off('end', onEnd).resume();
        done(false);
      }
    };
    const onEnd = () => done(true);
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

/** The request's headers for the worker: end-to-end ones, Host aside (it is the authority), the body's length as read. */
function requestHeaders(req: http.IncomingMessage, body: ReadBody | undefined): [string, string][] {
  const headers: [string, string][] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    if (HOP_BY_HOP.has(name) || name === 'host' || (body?.complete && name === 'content-length')) continue;
    headers.push([name, req.rawHeaders[i + 1]]);
  }
  if (body?.complete) headers.push(['content-length', String(body.bytes.length)]);
  return headers;
}

/** A component's response headers for Node, repeated names kept. */
function responseHeaders(headers: [string, string][]): http.OutgoingHttpHeaders {
  const out: Record<string, string | string[]> = {};
  for (const [given, value] of headers) {
    const name = given.toLowerCase();
    if (HOP_BY_HOP.has(name)) continue;
    const seen = out[name];
    out[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return out;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const limits: ServeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  // V8 refuses to grow any wasm memory past this (64 KiB pages); set before workers start.
  setFlagsFromString(`--wasm-max-mem-pages=${Math.ceil(limits.maxEngineMemoryBytes / 65536)}`);
  const size = Math.max(1, options.workers);
  // Extra workers only over a shared key-value backend: a private in-memory one would not know the sessions.
  const maxSize = isShared(options.keyValue) ? Math.max(size * 2, size + 2) : size;
  const pool = new WorkerPool({ compose: options.compose, keyValue: options.keyValue, maxEngineMemoryBytes: limits.maxEngineMemoryBytes }, log, size, maxSize);
  const { rest: allWorkersReady } = await pool.start();
  // Started once every worker serves: its first sweep is an interval away, and its start-up
  // would only compete with the first requests for the CPU.
  let sweeper: Worker | undefined;
  let stopping = false;
  const sweep = options.sessionSweep;
  if (sweep) void allWorkersReady.then(() => (sweeper = stopping ? undefined : startSessionSweeper({ ...sweep, keyValue: options.keyValue }, log)));
  const maxBody = Number(options.compose.env?.WASMCP_MAX_BODY ?? DEFAULT_MAX_BODY) || DEFAULT_MAX_BODY;
  /** Running requests by client and JSON-RPC id, for notifications/cancelled. */
  const running = new Map<string, InFlight>();
  /** Requests in flight per client. */
  const perClient = new Map<string, number>();

  let openStreams = 0;
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method === 'GET' && req.url === HEALTH_PATH) {
      const health = pool.health();
      jsonResponse(res, health.workers > 0 ? 200 : 503, JSON.stringify({ status: health.workers > 0 ? 'ok' : 'unavailable', ...health }));
      return;
    }
    const body = req.method === 'POST' ? await readBody(req, maxBody) : undefined;
    const messages: RequestBody = body?.complete ? inspectBody(body.bytes) : NO_MESSAGES;
    // A GET stream or a subscriptions/listen stream holds its worker for as long as it is open:
    // never let streams take the last worker, or no request could be served (the stream itself
    // would wait forever).
    const isStream = req.method === 'GET' || messages.listens;
    if (isStream && openStreams >= pool.size - 1) {
      const message = `no worker is free for another ${req.method === 'GET' ? 'GET' : 'subscriptions/listen'} stream (raise --workers)`;
      if (req.method === 'GET') {
        res.writeHead(405, { 'content-type': 'application/json', allow: 'POST, DELETE' });
        res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32600, message: `Method Not Allowed: ${message}` } }));
      } else {
        jsonResponse(res, 503, errorAnswer(messages, INTERNAL_ERROR, `Service unavailable: ${message}`), { 'retry-after': String(RETRY_AFTER_SECONDS) });
      }
      return;
    }
    // The client: its session, else its bearer token; anonymous requests share no cap.
    const session = req.headers['mcp-session-id'];
    const client = typeof session === 'string' ? `session ${session}` : req.headers.authorization ? `token ${req.headers.authorization}` : undefined;
    const runningKey = (id: string | number) => `${session ?? ''}\n${req.headers.authorization ?? ''}\n${JSON.stringify(id)}`;
    for (const id of messages.cancels) running.get(runningKey(id))?.abandon({ kind: 'cancelled' });

    if (client !== undefined && (perClient.get(client) ?? 0) >= limits.maxConcurrentPerClient) {
      const message = `Too many requests: this client already has ${limits.maxConcurrentPerClient} requests in flight`;
      jsonResponse(res, 429, errorAnswer(messages, INTERNAL_ERROR, message), { 'retry-after': String(RETRY_AFTER_SECONDS) });
      return;
    }
    if (client !== undefined) perClient.set(client, (perClient.get(client) ?? 0) + 1);
    if (isStream) openStreams++;
    res.on('close', () => {
      if (isStream) openStreams--;
      if (client === undefined) return;
      const left = (perClient.get(client) ?? 1) - 1;
      if (left > 0) perClient.set(client, left);
      else perClient.delete(client);
    });

    const entry = await pool.acquire(limits.queueTimeoutMs);
    if (!entry) {
      const message = `Service unavailable: every worker is busy and none freed up within ${limits.queueTimeoutMs / 1000} s; retry later`;
      jsonResponse(res, 503, errorAnswer(messages, INTERNAL_ERROR, message), { 'retry-after': String(RETRY_AFTER_SECONDS) });
      return;
    }
    if (res.destroyed) {
      pool.release(entry);
      return;
    }
    proxy(req, res, entry, body, messages, isStream ? [] : messages.ids.map(runningKey));
  };

  const proxy = (req: http.IncomingMessage, res: http.ServerResponse, entry: PoolWorker, body: ReadBody | undefined, messages: RequestBody, keys: string[]) => {
    const openEnded = req.method === 'GET' || messages.listens;
    let finished = false;
    let deadline: NodeJS.Timeout | undefined;
    const finish = () => {
      finished = true;
      clearTimeout(deadline);
      entry.respond = undefined;
      for (const key of keys) running.delete(key);
    };
    const release = () => {
      if (finished) return;
      finish();
      pool.release(entry);
    };
    let status = 502;
    let out: http.OutgoingHttpHeaders = {};
    let streaming = false;
    // What has not been passed on yet: the whole JSON answer, or the event being received
    // (events go on whole, so an error event can still follow cleanly).
    let held: Buffer[] = [];
    let size = 0;
    let lastByte = 0;
    // The worker sends an event stream's head on its own ('head') and any other answer whole.
    const onHead = (code: number, headers: [string, string][], eventStream: boolean) => {
      status = code;
      out = responseHeaders(headers);
      streaming = eventStream;
      // A JSON answer is held until complete, so a request abandoned midway still gets a
      // whole JSON-RPC error; an event stream is passed on as it comes.
      if (streaming) {
        res.writeHead(status, out);
        res.flushHeaders();
      }
    };
    const onBody = (bytes: Uint8Array) => {
      const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      size += chunk.length;
      // A GET or listen stream carries notifications for as long as it is open: no one result.
      if (!openEnded && size > limits.maxResultBytes) {
        abandon({ kind: 'error', message: `Internal error: the result exceeds the limit of ${limits.maxResultBytes} bytes (--max-result-bytes)` });
        return;
      }
      held.push(chunk);
      if (!streaming) return;
      const end = eventsEnd(lastByte, chunk);
      lastByte = chunk[chunk.length - 1];
      if (end < 0) return;
      const pending = Buffer.concat(held);
      const cut = pending.length - chunk.length + end;
      res.write(pending.subarray(0, cut));
      held = cut < pending.length ? [pending.subarray(cut)] : [];
    };
    const onEnd = () => {
      if (!streaming) res.writeHead(status, out);
      res.end(Buffer.concat(held));
      release();
    };
    entry.respond = (m) => {
      if (finished) return;
      if (m.type === 'head') onHead(m.status, m.headers, true);
      else if (m.type === 'body') onBody(m.chunk);
      else if (m.type === 'end') onEnd();
      else if (m.type === 'whole') {
        onHead(m.status, m.headers, false);
        onBody(m.body);
        if (!finished) onEnd();
      }
      // The worker stopped (it trapped or crashed) before the answer was complete.
      else abandon({ kind: 'error', message: 'Internal error: the server worker failed while answering' });
    };
    const abandon = (why: Abandonment) => {
      if (finished) return;
      finish();
      pool.discard(entry);
      if (why.kind === 'cancelled') {
        // A cancelled request gets no answer (MCP): its exchange just ends.
        if (!res.headersSent) {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        }
        res.end();
        return;
      }
      if (!res.headersSent) {
        jsonResponse(res, 200, errorAnswer(messages, INTERNAL_ERROR, why.message));
      } else if (streaming) {
        res.end(errorEvents(messages, INTERNAL_ERROR, why.message));
      } else {
        res.destroy();
      }
    };
    for (const key of keys) running.set(key, { abandon });
    // GET and listen streams are open-ended by design; everything else runs against the deadline.
    if (!openEnded) {
      const seconds = limits.requestTimeoutMs / 1000;
      deadline = setTimeout(() => abandon({ kind: 'error', message: `Internal error: the request did not finish within its ${seconds} s deadline (--request-timeout); its engine was replaced` }), limits.requestTimeoutMs);
    }
    // A client that went away mid-response leaves its worker blocked in a component call that
    // may never notice (an idle GET stream writes nothing): replace that worker.
    res.on('close', () => {
      if (res.writableFinished || finished) return;
      finish();
      pool.discard(entry);
    });
    const request: WorkerRequest = {
      method: req.method ?? 'GET',
      pathWithQuery: req.url ?? '/',
      authority: req.headers.host,
      headers: requestHeaders(req, body),
      body: body?.bytes ?? new Uint8Array(),
    };
    entry.worker.postMessage(request, body ? [body.bytes.buffer as ArrayBuffer] : []);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      log(`wasmcp-ts: a request failed in the host: ${err.message}`);
      if (!res.headersSent) jsonResponse(res, 500, errorAnswer(NO_MESSAGES, INTERNAL_ERROR, 'Internal error'));
      else res.destroy();
    });
  });
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    allWorkersReady,
    health: () => pool.health(),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Open SSE streams never finish by themselves: give in-flight calls a grace period.
      const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(grace);
      stopping = true;
      await Promise.all([pool.close(), sweeper?.terminate()]);
    },
  };
}

function startSessionSweeper(init: SessionSweeperInit, log: (line: string) => void): Worker {
  const sweeper = new Worker(new URL('./session-sweeper.js', import.meta.url), { workerData: init });
  sweeper.unref();
  sweeper.on('message', (m: SessionSweeperMessage) => {
    if (m.type === 'swept') log(`wasmcp-ts: removed ${m.sessions} inactive session(s) from the store`);
    else log(`wasmcp-ts: cannot sweep inactive sessions: ${m.message}`);
  });
  sweeper.on('error', (err) => log(`wasmcp-ts: the session sweeper stopped: ${err.message}`));
  return sweeper;
}

export interface ServerSpec {
  /** User components (or custom middleware), in chain order. */
  components: string[];
  variant: KeyValueVariant;
  /** Environment of the components; WASMCP_SESSION_ENABLED and WASMCP_AUTH_MODE pick the services. */
  env: Record<string, string>;
  keyValue: KeyValueSpec;
  host: string;
  port: number;
  workers: number;
  limits?: Partial<ServeLimits>;
  /** How often inactive sessions are removed from a shared store (default 60 s). */
  sessionSweepMs?: number;
  log?: (line: string) => void;
  /** `oci://REGISTRY/PATH` to pull the framework components from instead of the installed packages. */
  framework?: string;
  /**
   * `fused` (default): framework-http, the transport, sessions and authorization in one engine,
   * with the chain's framework pieces (capability middleware, server-io, method-not-found) run
   * in Node; `pieces`: every piece a separate component (the default when `framework` names a
   * registry or a piece inside framework-http is replaced).
   */
  frameworkBuild?: FrameworkBuild;
  /** Framework pieces swapped for other files (--transport, --terminal, --replace; checked beforehand). */
  replace?: Replacements;
}

/** The framework composition `http-transport -> components -> method-not-found`, with the services its configuration needs. */
export async function serveComponents(given: ServerSpec): Promise<RunningServer> {
  // 2026-07-28 round trips seal their state with this key: every worker must hold the same one,
  // or a client's retry that reaches another worker would be refused.
  const env: Record<string, string> = { WASMCP_REQUEST_STATE_KEY: randomBytes(32).toString('hex'), ...given.env };
  const spec: ServerSpec = { ...given, env };
  const sessions = (spec.env.WASMCP_SESSION_ENABLED ?? '').toLowerCase() === 'true';
  if (sessions && !isShared(spec.keyValue) && spec.workers > 1) {
    throw new Error('sessions with several workers need a shared key-value backend (sqlite or redis); use one worker or turn sessions off');
  }
  const common = {
    keyValue: spec.keyValue,
    host: spec.host,
    port: spec.port,
    workers: spec.workers,
    limits: spec.limits,
    // A private in-memory store lives in its one worker: nothing else can reach it.
    sessionSweep: sessions && isShared(spec.keyValue) ? { env: spec.env, intervalMs: spec.sessionSweepMs ?? DEFAULT_SESSION_SWEEP_MS } : undefined,
    log: spec.log,
  };
  const complete = await findCompleteServer(spec.components, 'http');
  if (complete) return serve({ ...common, compose: { components: [], head: complete.path, complete: true, variant: complete.variant, env: spec.env } });
  const framework = (name: FrameworkComponent) => locateFrameworkComponent(name, spec.variant, spec.framework, spec.replace);
  const fused = frameworkBuildFor(spec.frameworkBuild, spec.framework, spec.replace) === 'fused';
  // The fused framework holds the sessions and authorization the transport uses; the chain's
  // pieces then run in Node (a component behind that imports sessions gets them there).
  const oauth = (spec.env.WASMCP_AUTH_MODE ?? '').toLowerCase() === 'oauth';
  const services: string[] = [];
  // The authorization piece caches the issuer's keys in the sessions piece's store, sessions on or off.
  if (!fused && (sessions || oauth)) services.push(await framework('sessions'));
  if (!fused && oauth) services.push(await framework('authorization'));
  const head = await framework(fused ? 'framework-http' : 'http-transport');
  return serve({
    ...common,
    compose: { components: spec.components, variant: spec.variant, services, head, env: spec.env, framework: spec.framework, replace: spec.replace, hostPieces: fused },
  });
}
