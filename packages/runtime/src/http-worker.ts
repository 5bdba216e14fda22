// One serving worker: its own instances of the whole composition (transport, chain, services),
// behind preview2-shim's wasi:http server on a private loopback port. A component call blocks
// this thread, so the main thread sends it one request at a time.
import * as shimHttp from '@bytecodealliance/preview2-shim/http';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { composeServer, type ComposeOptions } from './compose.js';
import { createKeyValueBackend, type KeyValueSpec } from './keyvalue/factory.js';

export interface WorkerInit {
  compose: Omit<ComposeOptions, 'keyValue'>;
  keyValue: KeyValueSpec;
}

export type WorkerMessage =
  | { type: 'ready'; port: number }
  | { type: 'failed'; message: string }
  | { type: 'trapped'; message: string }
  /** After each request: the memory outside the JS heap (the engines' linear memories grow there and never shrink). */
  | { type: 'memory'; bytes: number };

const INCOMING_HANDLER = 'wasi:http/incoming-handler@0.2.10';

// preview2-shim serves a wasi:http incoming-handler with HTTPServer, which its typings omit.
interface ShimHttpServer {
  listen(port: number, host: string): void;
  address(): { port: number };
}
const { HTTPServer } = shimHttp as unknown as { HTTPServer: new (handler: object) => ShimHttpServer };

async function start(init: WorkerInit): Promise<void> {
  const keyValue = createKeyValueBackend(init.keyValue);
  const head = await composeServer({ ...init.compose, keyValue });
  const handler = head[INCOMING_HANDLER] as { handle(request: unknown, outparam: unknown): void } | undefined;
  if (!handler) throw new Error(`the transport does not export ${INCOMING_HANDLER}`);
  const guarded = {
    handle(request: unknown, outparam: unknown) {
      try {
        handler.handle(request, outparam);
      } catch (err) {
        // A trapped instance never answers again: let the pool replace this worker.
        post({ type: 'trapped', message: (err as Error).message });
        setImmediate(() => process.exit(1));
        throw err;
      }
      post({ type: 'memory', bytes: getHeapStatistics().external_memory });
    },
  };
  const server = new HTTPServer(guarded);
  server.listen(0, '127.0.0.1');
  post({ type: 'ready', port: server.address().port });
}

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

start(workerData as WorkerInit).catch((err: Error) => {
  post({ type: 'failed', message: err.message });
  setImmediate(() => process.exit(1));
});
