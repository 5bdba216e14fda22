// The runtime's stand-in for preview2-shim's synckit (lazy-io-thread.ts), against the shim's own
// I/O thread script as the runtime ships it (dist/worker-thread.bundle.js, copied by build.mjs).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { createSyncFn } from '../src/lazy-io-thread.js';

const shimNodejs = dirname(createRequire(import.meta.url).resolve('@bytecodealliance/preview2-shim/io'));
const calls = (await import(pathToFileURL(join(shimNodejs, '..', 'io', 'calls.js')).href)) as Record<string, number>;
const THREAD_SCRIPT = new URL('../dist/worker-thread.bundle.js', import.meta.url);

describe('the I/O thread of preview2-shim in a serving worker', () => {
  const started: Worker[] = [];
  const createWorker = (options: WorkerOptions) => {
    const worker = new Worker(THREAD_SCRIPT, options);
    started.push(worker);
    return worker;
  };
  const ioCall = createSyncFn(createWorker, false, () => {});
  afterAll(() => Promise.all(started.map((w) => w.terminate())));

  it('starts at the first call, not before, and only once', () => {
    expect(started).toHaveLength(0);
    const poll = ioCall(calls.CLOCKS_DURATION_SUBSCRIBE, null, 1_000_000n) as number;
    expect(started).toHaveLength(1);
    ioCall(calls.POLL_POLLABLE_BLOCK, poll, null);
    expect(ioCall(calls.POLL_POLLABLE_READY, poll, null)).toBe(true);
    ioCall(calls.POLL_POLLABLE_DISPOSE, poll, null);
    expect(started).toHaveLength(1);
  });

  it("a call the thread refuses throws the thread's error to the caller", () => {
    expect(() => ioCall(calls.POLL_POLLABLE_DISPOSE, 987654, null)).toThrow('Disposed a poll 987654 that does not exist');
    expect(() => ioCall(calls.POLL_POLL_LIST, null, [])).toThrow('attempt to poll on empty list');
  });
});
