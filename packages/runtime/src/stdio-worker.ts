// The engine thread of `wasmcp-ts stdio`: the composed chain behind the stdio transport, whose
// stdin, stdout and stderr are the supervising thread's (stdio.ts). The supervisor owns the real
// stdin and hands the transport one line per read, so it always knows which line is running and
// can replace this thread without losing the lines after it.
import { streams } from '@bytecodealliance/preview2-shim/io';
import { Console } from 'node:console';
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { composeServer, type ComposeOptions } from './compose.js';
import { createKeyValueBackend, type KeyValueSpec } from './keyvalue/factory.js';

export interface StdioWorkerInit {
  compose: Omit<ComposeOptions, 'keyValue' | 'wasiOverrides'>;
  keyValue: KeyValueSpec;
  /** Where the supervisor's input arrives. */
  input: MessagePort;
  /** Bumped by the supervisor after each input message, to wake this thread. */
  inputSignal: SharedArrayBuffer;
}

export type StdioWorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  /** The transport wants more input: every line handed over before has been answered. */
  | { type: 'read' }
  | { type: 'stdout'; bytes: Uint8Array }
  | { type: 'stderr'; bytes: Uint8Array }
  /** The transport returned: 0 after the end of input, 1 after a failure it reported or a trap. */
  | { type: 'done'; status: number };

export type StdioInput = { bytes: Uint8Array } | { end: true };

const RUN = 'wasi:cli/run@0.2.12';

const { InputStream, OutputStream } = streams as unknown as {
  InputStream: new () => object;
  OutputStream: new () => object;
};

function post(message: StdioWorkerMessage): void {
  parentPort?.postMessage(message);
}

// Subclasses of the shim's stream classes, so jco lowers them as wasi:io streams.
class SupervisedStdin extends InputStream {
  constructor(
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
  ) {
    super();
  }

  blockingRead(_len: bigint): Uint8Array {
    post({ type: 'read' });
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      const input = receiveMessageOnPort(this.port)?.message as StdioInput | undefined;
      if (input) {
        if ('end' in input) throw { tag: 'closed' };
        return input.bytes;
      }
      Atomics.wait(this.signal, 0, seen);
    }
  }

  read(len: bigint): Uint8Array {
    return this.blockingRead(len);
  }
}

class PostedOutput extends OutputStream {
  constructor(private readonly type: 'stdout' | 'stderr') {
    super();
  }

  checkWrite(): bigint {
    return 1n << 20n;
  }

  write(bytes: Uint8Array): void {
    post({ type: this.type, bytes: bytes.slice() });
  }

  blockingWriteAndFlush(bytes: Uint8Array): void {
    this.write(bytes);
  }

  flush(): void {}

  blockingFlush(): void {}
}

function isComponentError(err: unknown): boolean {
  return err instanceof Error && Object.hasOwn(err, 'payload');
}

async function start(init: StdioWorkerInit): Promise<void> {
  // jco's glue prints its debug log with console.debug (when JCO_DEBUG is set): never onto stdout.
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  const stdin = new SupervisedStdin(init.input, new Int32Array(init.inputSignal));
  const stdout = new PostedOutput('stdout');
  const stderr = new PostedOutput('stderr');
  const head = await composeServer({
    ...init.compose,
    keyValue: createKeyValueBackend(init.keyValue),
    wasiOverrides: {
      'wasi:cli/stdin': { getStdin: () => stdin },
      'wasi:cli/stdout': { getStdout: () => stdout },
      'wasi:cli/stderr': { getStderr: () => stderr },
    },
  });
  const transport = head[RUN] as { run(): void } | undefined;
  if (!transport) throw new Error(`stdio-transport does not export ${RUN}`);
  post({ type: 'ready' });
  try {
    transport.run();
    post({ type: 'done', status: 0 });
  } catch (err) {
    // run's `err` arrives as a ComponentError (the transport has logged why); anything
    // else is a trap somewhere in the chain.
    if (!isComponentError(err)) {
      const text = `wasmcp-ts: the server trapped: ${(err as Error)?.message ?? String(err)}\n`;
      post({ type: 'stderr', bytes: new TextEncoder().encode(text) });
    }
    post({ type: 'done', status: 1 });
  }
}

start(workerData as StdioWorkerInit).catch((err: Error) => post({ type: 'failed', message: err.message }));
