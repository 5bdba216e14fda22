// One serving worker: its own instances of the whole composition (transport, chain, services).
// The main thread hands it one request at a time as a message (a component call blocks this
// thread); the transport's wasi:http incoming-handler runs on it here (local-http.ts), and the
// response goes back in one message, or an event stream as it is written.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { adoptCompiledModules, compiledModules, type CompiledModules } from './component-cache.js';
import { composeServer, type ComposeOptions } from './compose.js';
import { createKeyValueBackend, type KeyValueSpec } from './keyvalue/factory.js';
import { localHttp, type LocalRequest, type ResponseSink } from './local-http.js';
import { wasiImports } from './wasi-imports.js';

export interface WorkerInit {
  compose: Omit<ComposeOptions, 'keyValue'>;
  keyValue: KeyValueSpec;
  /** The engines another worker compiled: this one only instantiates them. */
  modules?: CompiledModules;
  /** Past this much memory outside the JS heap after a request, the worker asks to be replaced. */
  maxEngineMemoryBytes: number;
}

/** From the main thread: a request to serve. */
export type WorkerRequest = LocalRequest;

export type WorkerMessage =
  | { type: 'ready' }
  /** Before 'ready', from a worker that compiled its engines itself: for the workers after it. */
  | { type: 'compiled'; modules: CompiledModules }
  | { type: 'failed'; message: string }
  | { type: 'trapped'; message: string }
  /** An event stream: its head, its writes, its end. */
  | { type: 'head'; status: number; headers: [string, string][] }
  | { type: 'body'; chunk: Uint8Array }
  | { type: 'end' }
  /** Any other response, in one message. */
  | { type: 'whole'; status: number; headers: [string, string][]; body: Uint8Array }
  /**
   * After a request, when the memory outside the JS heap (where the engines' linear memories
   * grow, never to shrink) is past the limit.
   */
  | { type: 'memory'; bytes: number };

const INCOMING_HANDLER = 'wasi:http/incoming-handler@0.2.10';

async function start(init: WorkerInit): Promise<void> {
  if (init.modules) adoptCompiledModules(init.modules);
  const keyValue = createKeyValueBackend(init.keyValue);
  const http = localHttp(wasiImports());
  const wasiOverrides = { ...init.compose.wasiOverrides, ...http.imports };
  const head = await composeServer({ ...init.compose, wasiOverrides, keyValue });
  const handler = head[INCOMING_HANDLER] as { handle(request: unknown, outparam: unknown): void } | undefined;
  if (!handler) throw new Error(`the transport does not export ${INCOMING_HANDLER}`);
  // Every chunk has a buffer of its own (local-http copies what the engine writes): moved, not copied.
  const sink: ResponseSink = {
    head: (status, headers) => post({ type: 'head', status, headers }),
    body: (chunk) => post({ type: 'body', chunk }, [chunk.buffer as ArrayBuffer]),
    end: () => post({ type: 'end' }),
    whole: (status, headers, body) => post({ type: 'whole', status, headers, body }, [body.buffer as ArrayBuffer]),
  };
  parentPort?.on('message', (request: WorkerRequest) => {
    try {
      http.serve((req, outparam) => handler.handle(req, outparam), request, sink);
    } catch (err) {
      // A trapped instance never answers again: let the pool replace this worker.
      post({ type: 'trapped', message: (err as Error).message });
      setImmediate(() => process.exit(1));
      return;
    }
    const bytes = getHeapStatistics().external_memory;
    if (bytes > init.maxEngineMemoryBytes) post({ type: 'memory', bytes });
  });
  if (!init.modules) post({ type: 'compiled', modules: await compiledModules() });
  post({ type: 'ready' });
}

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

start(workerData as WorkerInit).catch((err: Error) => {
  post({ type: 'failed', message: err.message });
  setImmediate(() => process.exit(1));
});
