// `wasmcp-ts stdio`: the composed chain behind the stdio transport, for clients that spawn
// their server. The chain runs on an engine thread (stdio-worker.ts); this thread owns the real
// stdin and stdout and hands the transport one line at a time, so a request that overruns its
// deadline (or that the client cancels) is ended here: its engine thread is torn down, the
// request is answered with an error (a cancelled one gets no answer), and a fresh engine goes on
// with the next line. stdout carries MCP messages only; everything the host prints goes to stderr.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { findCompleteServer } from './complete-server.js';
import { ENGINE_WORKER_LIMITS } from './engine-worker.js';
import { frameworkBuildFor, locateFrameworkComponent, type FrameworkBuild, type Replacements } from './framework.js';
import type { KeyValueSpec } from './keyvalue/factory.js';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';
import type { JsonRpcId } from './request-body.js';
import type { StdioInput, StdioWorkerInit, StdioWorkerMessage } from './stdio-worker.js';

export interface StdioOptions {
  /** User components (or custom middleware), in chain order; capability components are wrapped. */
  components: string[];
  variant?: KeyValueVariant;
  /** The components' environment (e.g. WASMCP_MAX_LINE, WASMCP_SERVER_NAME). */
  env?: Record<string, string>;
  /** The key-value backend (memory by default: it lives and dies with one engine). */
  keyValue?: KeyValueSpec;
  /** Service components the chain imports (e.g. sessions for tools that keep state). */
  services?: string[];
  /** `oci://REGISTRY/PATH` to pull the framework components from instead of the installed packages. */
  framework?: string;
  /**
   * `fused` (default): the transport as framework-stdio (one engine for the framework), the
   * chain's framework pieces in Node; `pieces`: every piece a separate component (the default
   * when `framework` names a registry or stdio-transport is replaced).
   */
  frameworkBuild?: FrameworkBuild;
  /** Framework pieces swapped for other files (--transport, --terminal, --replace; checked beforehand). */
  replace?: Replacements;
  /** How long one request may run (default 60 s). */
  requestTimeoutMs?: number;
  /** Where the host's own diagnostics go (stderr by default). */
  log?: (line: string) => void;
}

const DEFAULT_STDIO_TIMEOUT_MS = 60_000;
/** The most the transport reads at once (its own read size). */
const PIECE = 64 * 1024;
/** Past this much unread input, stdin is paused until the engine catches up. */
const MAX_BUFFERED = 8 * 1024 * 1024;
/** Lines larger than this are passed on without being looked into. */
const MAX_INSPECTED_LINE = 1024 * 1024;
const NEWLINE = 0x0a;

/** One line of input as the supervisor sees it. */
interface Line {
  bytes: Buffer;
  /** The id of the request it carries, when it is one. */
  id?: JsonRpcId;
  method?: string;
  /** For notifications/cancelled: the request it cancels. */
  cancels?: JsonRpcId;
}

function isId(value: unknown): value is JsonRpcId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function inspectLine(bytes: Buffer): Line {
  if (bytes.length > MAX_INSPECTED_LINE) return { bytes };
  try {
    const message = JSON.parse(bytes.toString('utf8')) as { id?: unknown; method?: unknown; params?: { requestId?: unknown } };
    const method = typeof message?.method === 'string' ? message.method : undefined;
    const id = method !== undefined && isId(message.id) ? message.id : undefined;
    const cancels = method === 'notifications/cancelled' && isId(message.params?.requestId) ? message.params.requestId : undefined;
    return { bytes, id, method, cancels };
  } catch {
    return { bytes };
  }
}

/**
 * Composes `stdio-transport -> components -> method-not-found` and serves stdin/stdout until
 * stdin ends. Resolves to the exit status: 0 after EOF, 1 when the transport reports a failure
 * (a bad setting, a broken pipe; it says why on stderr) or a component traps. Rejects when the
 * composition cannot be built (a missing or unusable component file).
 */
export async function runStdio(options: StdioOptions): Promise<number> {
  const variant = options.variant ?? 'draft';
  // A complete server (a fused stdio server) runs as it is; otherwise the transport heads the chain.
  const complete = await findCompleteServer(options.components, 'stdio');
  const fused = frameworkBuildFor(options.frameworkBuild, options.framework, options.replace) === 'fused';
  const init: Omit<StdioWorkerInit, 'input' | 'inputSignal'> = {
    compose: complete
      ? { components: [], head: complete.path, complete: true, variant: complete.variant, env: options.env }
      : {
          components: options.components,
          variant,
          env: options.env,
          services: options.services,
          framework: options.framework,
          replace: options.replace,
          head: await locateFrameworkComponent(fused ? 'framework-stdio' : 'stdio-transport', variant, options.framework, options.replace),
          hostPieces: fused,
        },
    keyValue: options.keyValue ?? { kind: 'memory' },
  };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return new StdioSupervisor(init, options.requestTimeoutMs ?? DEFAULT_STDIO_TIMEOUT_MS, log).run();
}

class StdioSupervisor {
  /** Complete lines not yet handed over. */
  private readonly lines: Line[] = [];
  private bufferedBytes = 0;
  /** The start of a line whose end has not arrived. */
  private tail: Buffer = Buffer.alloc(0);
  private stdinEnded = false;
  /** The rest of a line handed over in pieces. */
  private rest: { line: Line; offset: number } | undefined;
  /** The line the transport is handling (handed over whole, no read asked since). */
  private running: { line: Line; timer: NodeJS.Timeout } | undefined;
  /** Lines that set up the connection (initialize, logging/setLevel): a fresh engine is given them again. */
  private readonly setup = new Map<string, Line>();
  /** Setup lines still to give a fresh engine; its answers to them are not the client's. */
  private replay: Line[] = [];
  private replaying = false;
  private engine!: { worker: Worker; input: MessagePort; signal: Int32Array; wantsRead: boolean };
  private finished = false;
  private settle!: (status: number) => void;
  private fail!: (err: Error) => void;

  constructor(
    private readonly init: Omit<StdioWorkerInit, 'input' | 'inputSignal'>,
    private readonly timeoutMs: number,
    private readonly log: (line: string) => void,
  ) {}

  run(): Promise<number> {
    const done = new Promise<number>((resolve, reject) => {
      this.settle = (status) => {
        this.finished = true;
        resolve(status);
      };
      this.fail = (err) => {
        this.finished = true;
        reject(err);
      };
    });
    this.startEngine();
    process.stdin.on('data', (chunk: Buffer) => this.receive(chunk));
    process.stdin.on('end', () => {
      this.stdinEnded = true;
      this.feed();
    });
    return done.finally(() => {
      process.stdin.pause();
      clearTimeout(this.running?.timer);
      void this.engine.worker.terminate();
    });
  }

  private startEngine(): void {
    const { port1, port2 } = new MessageChannel();
    const inputSignal = new SharedArrayBuffer(4);
    const workerData: StdioWorkerInit = { ...this.init, input: port2, inputSignal };
    // The engine's own stdout is not the client's: whatever reaches it goes to stderr.
    const worker = new Worker(new URL('./stdio-worker.js', import.meta.url), { workerData, transferList: [port2], stdout: true, resourceLimits: ENGINE_WORKER_LIMITS });
    worker.stdout.pipe(process.stderr);
    const engine = { worker, input: port1, signal: new Int32Array(inputSignal), wantsRead: false };
    this.engine = engine;
    let started = false;
    worker.on('message', (m: StdioWorkerMessage) => {
      if (this.engine !== engine) return;
      switch (m.type) {
        case 'ready':
          started = true;
          break;
        case 'failed':
          this.fail(new Error(m.message));
          break;
        case 'read':
          engine.wantsRead = true;
          this.feed();
          break;
        case 'stdout':
          if (!this.replaying) process.stdout.write(m.bytes);
          break;
        case 'stderr':
          process.stderr.write(m.bytes);
          break;
        case 'done':
          this.settle(m.status);
          break;
      }
    });
    worker.on('error', (err) => {
      if (this.engine !== engine || this.finished) return;
      if (!started) this.fail(err);
      else this.replaceEngine(`the engine failed (${err.message})`);
    });
    worker.on('exit', (code) => {
      if (this.engine !== engine || this.finished) return;
      if (!started) this.fail(new Error(`the engine stopped before it served (exit code ${code})`));
      else this.replaceEngine(`the engine stopped (exit code ${code})`);
    });
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
      const bytes = Buffer.concat([this.tail, chunk.subarray(start, end + 1)]);
      this.tail = Buffer.alloc(0);
      start = end + 1;
      const line = inspectLine(bytes);
      // The client gave up on the running request: stop it now, not after it returns.
      if (line.cancels !== undefined && this.running?.line.id === line.cancels) this.replaceEngine();
      this.lines.push(line);
      this.bufferedBytes += bytes.length;
      // Hand each line over as it comes, so a cancellation in the same chunk finds it running.
      this.feed();
    }
    this.tail = Buffer.concat([this.tail, chunk.subarray(start)]);
    if (this.bufferedBytes + this.tail.length > MAX_BUFFERED) process.stdin.pause();
    this.feed();
  }

  /** Gives the engine its next piece of input, if it asked and there is one. */
  private feed(): void {
    const engine = this.engine;
    if (!engine.wantsRead) return;
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running = undefined;
    }
    if (this.replaying && this.replay.length === 0) this.replaying = false;
    let input: StdioInput;
    const replayed = this.replay.shift();
    if (replayed) {
      input = this.handOver(replayed, 0);
    } else if (this.rest) {
      input = this.handOver(this.rest.line, this.rest.offset);
    } else if (this.lines.length > 0) {
      const line = this.lines.shift()!;
      this.bufferedBytes -= line.bytes.length;
      if (this.bufferedBytes + this.tail.length <= MAX_BUFFERED) process.stdin.resume();
      if (line.method === 'initialize' || line.method === 'logging/setLevel') this.setup.set(line.method, line);
      input = this.handOver(line, 0);
    } else if (this.tail.length >= PIECE || (this.stdinEnded && this.tail.length > 0)) {
      // A line longer than one read (or cut off by the end of input) goes on as it comes.
      input = { bytes: this.tail };
      this.tail = Buffer.alloc(0);
    } else if (this.stdinEnded) {
      input = { end: true };
    } else {
      return;
    }
    engine.wantsRead = false;
    engine.input.postMessage(input);
    Atomics.add(engine.signal, 0, 1);
    Atomics.notify(engine.signal, 0);
  }

  /** The next piece of a line; its last piece starts the line's deadline. */
  private handOver(line: Line, offset: number): StdioInput {
    const end = Math.min(offset + PIECE, line.bytes.length);
    this.rest = end < line.bytes.length ? { line, offset: end } : undefined;
    if (!this.rest) this.running = { line, timer: setTimeout(() => this.overran(line), this.timeoutMs) };
    return { bytes: line.bytes.subarray(offset, end) };
  }

  private overran(line: Line): void {
    if (this.running?.line !== line) return;
    this.replaceEngine(`the request did not finish within its ${this.timeoutMs / 1000} s deadline (--request-timeout); its engine was replaced`);
  }

  /**
   * Tears the engine down and starts a fresh one, which is given the connection's setup lines
   * again (answers unseen) and then the lines after the one that ran. With a `reason`, the
   * running request is answered with it; without, it was cancelled and gets no answer.
   */
  private replaceEngine(reason?: string): void {
    const line = this.running?.line;
    clearTimeout(this.running?.timer);
    this.running = undefined;
    this.rest = undefined;
    void this.engine.worker.terminate();
    if (reason && line?.id !== undefined) {
      const answer = { jsonrpc: '2.0', id: line.id, error: { code: -32603, message: `Internal error: ${reason}` } };
      process.stdout.write(`${JSON.stringify(answer)}\n`);
    }
    this.log(`wasmcp-ts: ${reason ? `${line?.method ?? 'a request'}: ${reason}` : `${line?.method ?? 'a request'} was cancelled by the client; its engine was replaced`}`);
    this.replay = [...this.setup.values()].filter((l) => l !== line);
    this.replaying = this.replay.length > 0;
    this.startEngine();
  }
}
