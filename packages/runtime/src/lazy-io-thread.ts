// preview2-shim makes its blocking I/O calls (outgoing HTTP, stdout and stderr, a wait on a
// clock, file streams) on a thread of its own, which it starts as soon as it is loaded: in every
// serving worker, about 10 MB and 100 ms of a core, for calls most workers never make. The
// runtime's bundle of the shim takes this module in place of its `synckit` one (build.mjs), so
// the thread starts at the first such call. The shim's thread script is unchanged: a call is a
// message `{ sharedBuffer, cid, args }`; its answer `{ cid, result | error, properties }` comes
// on the port handed over at start, and the thread then bumps the buffer's first word.
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker, type WorkerOptions } from 'node:worker_threads';

interface Answer {
  cid: number;
  result?: unknown;
  error?: unknown;
  properties?: Record<string, unknown>;
}

/** What the shim's own `createSyncFn` takes and returns. */
export function createSyncFn(
  createWorker: (options: WorkerOptions) => Worker,
  debug: boolean,
  onCallback: (type: number, id: number | null, payload: unknown) => void,
): (...args: unknown[]) => unknown {
  let thread: { worker: Worker; answers: MessagePort } | undefined;
  let lastCall = 0;
  const start = () => {
    const { port1: answers, port2: workerPort } = new MessageChannel();
    const worker = createWorker({ workerData: { workerPort, debug }, transferList: [workerPort], execArgv: [] });
    // Its calls back: the shim's HTTP server's requests, which the runtime never serves this way.
    worker.on('message', ({ type, id, payload }: { type: number; id: number | null; payload: unknown }) => onCallback(type, id, payload));
    // A process that has nothing else to do does not wait for it.
    worker.unref();
    return { worker, answers };
  };
  return (...args) => {
    thread ??= start();
    const cid = ++lastCall;
    const sharedBuffer = new SharedArrayBuffer(4);
    thread.worker.postMessage({ sharedBuffer, cid, args });
    Atomics.wait(new Int32Array(sharedBuffer), 0, 0);
    const answer = receiveMessageOnPort(thread.answers)?.message as Answer | undefined;
    if (answer?.cid !== cid) throw new Error(`preview2-shim's I/O thread answered call ${answer?.cid}, not ${cid}`);
    if ('error' in answer) throw answer.error instanceof Error ? Object.assign(answer.error, answer.properties) : answer.error;
    return answer.result;
  };
}
