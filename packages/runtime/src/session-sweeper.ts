// A thread of `wasmcp-ts serve` that removes inactive sessions (expired or terminated) and
// everything stored under them from the shared store, every interval. Nothing else would: a
// client that never sends DELETE leaves its session behind. It runs the sessions component's
// own logic (imported, not reimplemented) over the same key-value host the components get, on
// a thread of its own because the store's calls block (Redis waits on its connection thread).
import { randomBytes } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { keyValueHost, type WasiKeyValue } from '../../sessions/src/keyvalue-adapter.js';
import { SessionManager } from '../../sessions/src/sessions.js';
import { createKeyValueBackend, type KeyValueSpec } from './keyvalue/factory.js';
import { keyValueImports } from './keyvalue/wasi-host.js';

export interface SessionSweeperInit {
  keyValue: KeyValueSpec;
  /** The components' environment (WASMCP_SESSION_BUCKET names the bucket). */
  env: Record<string, string>;
  intervalMs: number;
}

export type SessionSweeperMessage = { type: 'swept'; sessions: number } | { type: 'failed'; message: string };

function post(message: SessionSweeperMessage): void {
  parentPort?.postMessage(message);
}

const init = workerData as SessionSweeperInit;
const imports = keyValueImports(createKeyValueBackend(init.keyValue), 'draft2');
const wasi = { store: imports['wasi:keyvalue/store'], batch: imports['wasi:keyvalue/batch'], atomics: imports['wasi:keyvalue/atomics'] } as WasiKeyValue;
const manager = new SessionManager({
  keyValue: keyValueHost(wasi, 'draft2'),
  randomBytes: (count) => randomBytes(count),
  nowMs: () => Date.now(),
  env: new Map(Object.entries(init.env)),
});

setInterval(() => {
  try {
    const sessions = manager.sweepInactive('');
    if (sessions > 0) post({ type: 'swept', sessions });
  } catch (err) {
    post({ type: 'failed', message: (err as { message?: string })?.message ?? JSON.stringify(err) });
  }
}, init.intervalMs);
