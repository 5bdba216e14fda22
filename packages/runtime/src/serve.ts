// `wasmcp-ts serve`: a Node HTTP front that hands each request to a free worker thread, each
// worker running its own instances of the composed server (see http-worker.ts). Slow calls and
// open SSE streams occupy one worker, never the others; state is shared only through the
// key-value backend, as on a host that gives every request a fresh instance.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { findCompleteServer } from './complete-server.js';
import type { ComposeOptions } from './compose.js';
import { locateFrameworkComponent, type FrameworkComponent } from './framework.js';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';
import type { WorkerInit, WorkerMessage } from './http-worker.js';
import { isShared, type KeyValueSpec } from './keyvalue/factory.js';

export interface ServeOptions {
  compose: Omit<ComposeOptions, 'keyValue'>;
  keyValue: KeyValueSpec;
  host: string;
  port: number;
  workers: number;
  /** Where diagnostics go (never stdout of a stdio server; here stderr by default). */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Resolves when all --workers workers serve (the server answers from the first one on). */
  allWorkersReady: Promise<void>;
  /** Stops accepting, lets in-flight requests finish, then stops the workers. */
  close(): Promise<void>;
}

interface PoolWorker {
  worker: Worker;
  port: number;
  busy: boolean;
  /** Taken out of the pool on purpose: its exit needs no replacement. */
  retired: boolean;
  idleTimer?: NodeJS.Timeout;
}

const WORKER_START_TIMEOUT_MS = 120_000;
const CLOSE_GRACE_MS = 5_000;
/** An extra worker (beyond --workers) that has been idle this long is stopped. */
const EXTRA_WORKER_IDLE_MS = 30_000;

/**
 * Worker threads, `size` of them kept running. A request that finds none free gets an extra
 * one, up to `maxSize` (twice `size`, at least two more): a tool call waiting for its client (elicitation, sampling) holds its
 * worker, and the client's answer must still find one, whatever else is running.
 */
class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly waiting: ((w: PoolWorker) => void)[] = [];
  private starting = 0;
  private closing = false;

  constructor(
    private readonly init: WorkerInit,
    private readonly log: (line: string) => void,
    readonly size: number,
    private readonly maxSize: number,
  ) {}

  /**
   * Resolves when the first worker serves (it fills the transpile cache) with a promise of the
   * rest, which start from it meanwhile.
   */
  async start(): Promise<{ rest: Promise<void> }> {
    await this.spawn();
    const rest = Array.from({ length: this.size - 1 }, () => this.spawn());
    // A worker that fails to start is logged; the pool serves with the others.
    return { rest: Promise.allSettled(rest).then((outcomes) => this.logFailures(outcomes)) };
  }

  private logFailures(outcomes: PromiseSettledResult<unknown>[]): void {
    for (const outcome of outcomes) if (outcome.status === 'rejected') this.log(`wasmcp-ts: cannot start a worker: ${(outcome.reason as Error).message}`);
  }

  private spawnInBackground(): void {
    this.spawn().catch((err: Error) => this.log(`wasmcp-ts: cannot start a worker: ${err.message}`));
  }

  private async spawn(): Promise<PoolWorker> {
    this.starting++;
    const worker = new Worker(new URL('./http-worker.js', import.meta.url), { workerData: this.init });
    const ready = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('a worker did not start in time')), WORKER_START_TIMEOUT_MS);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') {
          clearTimeout(timer);
          resolve(m.port);
        } else if (m.type === 'failed') {
          clearTimeout(timer);
          reject(new Error(m.message));
        } else if (m.type === 'trapped') {
          this.log(`wasmcp-ts: a component trapped (${m.message}); replacing its worker`);
        }
      });
      worker.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    let port: number;
    try {
      port = await ready;
    } finally {
      this.starting--;
    }
    const entry: PoolWorker = { worker, port, busy: false, retired: false };
    if (this.closing) {
      await worker.terminate();
      return entry;
    }
    this.workers.push(entry);
    worker.once('exit', () => this.replace(entry));
    this.release(entry);
    return entry;
  }

  private replace(entry: PoolWorker): void {
    const i = this.workers.indexOf(entry);
    if (i >= 0) this.workers.splice(i, 1);
    clearTimeout(entry.idleTimer);
    if (this.closing || entry.retired) return;
    if (this.workers.length + this.starting < this.size || this.waiting.length > this.starting) this.spawnInBackground();
  }

  /** Takes a worker out of service for good; a replacement is started. */
  discard(entry: PoolWorker): void {
    entry.worker.terminate().catch(() => {});
  }

  acquire(): Promise<PoolWorker> {
    const idle = this.workers.find((w) => !w.busy);
    if (idle) {
      this.take(idle);
      return Promise.resolve(idle);
    }
    const waiter = new Promise<PoolWorker>((resolve) => this.waiting.push(resolve));
    // One starting worker for each waiting request, within maxSize.
    if (this.waiting.length > this.starting && this.workers.length + this.starting < this.maxSize) this.spawnInBackground();
    return waiter;
  }

  private take(entry: PoolWorker): void {
    entry.busy = true;
    clearTimeout(entry.idleTimer);
  }

  release(entry: PoolWorker): void {
    if (!this.workers.includes(entry)) return;
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

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const size = Math.max(1, options.workers);
  // Extra workers only over a shared key-value backend: a private in-memory one would not know the sessions.
  const maxSize = isShared(options.keyValue) ? Math.max(size * 2, size + 2) : size;
  const pool = new WorkerPool({ compose: options.compose, keyValue: options.keyValue }, log, size, maxSize);
  const { rest: allWorkersReady } = await pool.start();
  const agent = new http.Agent({ keepAlive: true });

  let openStreams = 0;
  const server = http.createServer((req, res) => {
    // A GET stream holds its worker for as long as it is open: never let streams take the
    // last worker, or no request could be served (the stream itself would wait forever).
    const isStream = req.method === 'GET';
    if (isStream && openStreams >= pool.size - 1) {
      res.writeHead(405, { 'content-type': 'application/json', allow: 'POST, DELETE' });
      res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32600, message: 'Method Not Allowed: no worker is free for another GET stream (raise --workers)' } }));
      return;
    }
    if (isStream) openStreams++;
    res.on('close', () => {
      if (isStream) openStreams--;
    });
    pool.acquire().then((entry) => {
      let released = false;
      const release = () => {
        if (!released) {
          released = true;
          pool.release(entry);
        }
      };
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
      const upstream = http.request({ host: '127.0.0.1', port: entry.port, method: req.method, path: req.url, headers, agent }, (answer) => {
        const out = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
        res.writeHead(answer.statusCode ?? 502, out);
        res.flushHeaders();
        answer.on('data', (chunk) => res.write(chunk));
        answer.on('end', () => {
          res.end();
          release();
        });
        // A stream cut short (client gone, worker failed) ends without 'end'.
        answer.on('close', () => {
          if (!answer.complete) res.destroy();
        });
      });
      upstream.on('error', (err) => {
        release();
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: `Internal error: the server worker failed (${err.message})` } }));
        } else {
          res.destroy();
        }
      });
      // A client that went away mid-response leaves its worker blocked in a component call that
      // may never notice (an idle GET stream writes nothing): replace that worker.
      res.on('close', () => {
        // Once released, the worker may already serve the next request: leave it alone.
        if (res.writableFinished || released) return;
        released = true;
        upstream.destroy();
        pool.discard(entry);
      });
      req.pipe(upstream);
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
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Open SSE streams never finish by themselves: give in-flight calls a grace period.
      const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(grace);
      agent.destroy();
      await pool.close();
    },
  };
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
  log?: (line: string) => void;
  /** `oci://REGISTRY/PATH` to pull the framework components from instead of the installed packages. */
  framework?: string;
  /**
   * `pieces` (default): the transport, sessions and authorization as separate components;
   * `fused`: framework-http, the three in one engine (components that import sessions still
   * get the sessions component: state is shared through the key-value store).
   */
  frameworkBuild?: 'pieces' | 'fused';
}

/** The framework composition `http-transport -> components -> method-not-found`, with the services its configuration needs. */
export async function serveComponents(spec: ServerSpec): Promise<RunningServer> {
  if ((spec.env.WASMCP_SESSION_ENABLED ?? '').toLowerCase() === 'true' && !isShared(spec.keyValue) && spec.workers > 1) {
    throw new Error('sessions with several workers need a shared key-value backend (sqlite or redis); use one worker or turn sessions off');
  }
  const complete = await findCompleteServer(spec.components, 'http');
  if (complete) {
    const compose = { components: [], head: complete.path, complete: true, variant: complete.variant, env: spec.env };
    return serve({ compose, keyValue: spec.keyValue, host: spec.host, port: spec.port, workers: spec.workers, log: spec.log });
  }
  const framework = (name: FrameworkComponent) => locateFrameworkComponent(name, spec.variant, spec.framework);
  const fused = spec.frameworkBuild === 'fused';
  const services: string[] = [];
  if ((spec.env.WASMCP_SESSION_ENABLED ?? '').toLowerCase() === 'true') services.push(await framework('sessions'));
  if (!fused && (spec.env.WASMCP_AUTH_MODE ?? '').toLowerCase() === 'oauth') services.push(await framework('authorization'));
  const head = await framework(fused ? 'framework-http' : 'http-transport');
  return serve({
    compose: { components: spec.components, variant: spec.variant, services, head, env: spec.env, framework: spec.framework },
    keyValue: spec.keyValue,
    host: spec.host,
    port: spec.port,
    workers: spec.workers,
    log: spec.log,
  });
}
