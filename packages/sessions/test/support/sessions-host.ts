// The sessions component composed by the runtime over a chosen key-value backend, with a
// wall clock the test moves by hand.
import { filesystem } from '@bytecodealliance/preview2-shim';
import { _addPreopen } from '@bytecodealliance/preview2-shim/filesystem';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compose, type KeyValueBackend, type KeyValueSpec } from '@wasmcp-ts/runtime';
import type { Bucket } from '@wasmcp-ts/protocol/wit/wasmcp-keyvalue-store.js';
import type * as SessionManager from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-session-manager.js';
import type { Session } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-sessions.js';
import type { OutputStream } from '@wasmcp-ts/protocol/wit/wasi-io-streams.js';
import { framework, type Variant } from '../../../../test/support/artifacts.js';

export const BACKENDS = ['memory', 'sqlite', 'redis'] as const;
export type BackendKind = (typeof BACKENDS)[number];

let files = 0;
let databases = 0;
const dir = mkdtempSync(join(tmpdir(), 'wasmcp-ts-sessions-'));

/** Removes the SQLite files of this test file's stores. */
export function removeStoreFiles(): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A fresh, empty store of the kind (a new SQLite file; a new Redis database, flushed first). */
export function backendSpec(kind: BackendKind, redisUrl?: string): KeyValueSpec {
  switch (kind) {
    case 'memory':
      return { kind };
    case 'sqlite':
      return { kind, path: join(dir, `kv-${process.pid}-${files++}.db`) };
    case 'redis':
      if (!redisUrl) throw new Error('the redis backend needs a running Redis');
      // Short enough for the failure tests, long enough for a loaded machine.
      return { kind, url: `${redisUrl}/${databases++ % 16}`, timeoutMs: 2000 };
  }
}

/** Starts at the real time (other processes use theirs) and moves only when told. */
export class Clock {
  seconds = BigInt(Math.floor(Date.now() / 1000));
  advance(seconds: number) {
    this.seconds += BigInt(seconds);
  }
  readonly import = {
    now: () => ({ seconds: this.seconds, nanoseconds: 0 }),
    resolution: () => ({ seconds: 0n, nanoseconds: 1_000_000 }),
  };
}

export interface SessionsHost {
  manager: typeof SessionManager;
  Session: typeof Session;
  store: { open(identifier: string): Bucket };
  keyValue: KeyValueBackend;
  clock: Clock;
}

export async function sessionsHost(
  variant: Variant,
  options: { keyValue?: KeyValueBackend; env?: Record<string, string>; clock?: Clock } = {},
): Promise<SessionsHost> {
  const clock = options.clock ?? new Clock();
  const chain = await compose({
    components: [],
    services: [framework('sessions', variant)],
    variant,
    keyValue: options.keyValue,
    env: options.env,
    wasiOverrides: { 'wasi:clocks/wall-clock': clock.import },
  });
  const service = <T>(name: string) => chain.services.get(name) as T;
  return {
    manager: service('wasmcp:mcp-v20251125/session-manager'),
    Session: service<{ Session: typeof Session }>('wasmcp:mcp-v20251125/sessions').Session,
    store: service('wasmcp:keyvalue/store'),
    keyValue: chain.keyValue,
    clock,
  };
}

/** The WIT error an export returned (componentize-js/jco throw it with `payload`). */
export function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    if (err && typeof err === 'object' && 'payload' in err) return (err as { payload: unknown }).payload;
    throw err;
  }
  throw new Error('expected an error result, got ok');
}

/** Every key of a bucket, paging through the backend directly. */
export function allKeys(kv: KeyValueBackend, bucket: string): string[] {
  const keys: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = kv.listKeys(bucket, after === undefined ? undefined : { after }, 500);
    keys.push(...page.keys);
    if (!page.more) return keys;
    after = page.keys[page.keys.length - 1];
  }
}

const STREAMS_DIR = '/sessions-test-streams';
let streamFiles = 0;
let streamsPreopened = false;

/** A wasi:io output-stream (preview2-shim's, as a component gets it) writing to a fresh file, and what it wrote. */
export function fileStream(): { stream: OutputStream; text(): string } {
  if (!streamsPreopened) {
    // The shim's typings describe its browser build; in Node the preopen is a host folder.
    (_addPreopen as unknown as (virtualPath: string, hostPath: string) => void)(STREAMS_DIR, dir);
    streamsPreopened = true;
  }
  const [preopened] = filesystem.preopens.getDirectories().find(([, path]) => path === STREAMS_DIR)!;
  const name = `stream-${process.pid}-${streamFiles++}.txt`;
  const file = preopened.openAt({}, name, { create: true, truncate: true }, { write: true });
  return { stream: file.writeViaStream(0n) as unknown as OutputStream, text: () => readFileSync(join(dir, name), 'utf8') };
}
