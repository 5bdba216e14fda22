// The sessions piece as a factory: the WASI imports in, the exports of its world out
// (`sessions`, `session-manager`, the typed `wasmcp:keyvalue/store`), in the shapes of the WIT
// bindings. Every export runs in sessionResult/storeResult, which throw failures as the WIT
// error variant.
import type { ElicitRequest } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { OutputStream } from '@wasmcp-ts/protocol/wit/wasi-io-streams.js';
import { clientRequestTimeoutMs, monotonicWaitClock } from '@wasmcp-ts/protocol';
import type { ElicitResult } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import { elicit, type ElicitHost } from './elicitation.js';
import { sessionResult, storeResult } from './errors.js';
import { keyValueHost, type WasiKeyValue } from './keyvalue-adapter.js';
import { SessionManager, type SessionData, type SessionHost } from './sessions.js';
import { bucketName, TypedBucket } from './typed-store.js';
import type { TypedValue } from './typed-value.js';

/** A wasi:io pollable, as much of it as a resolved future needs. */
interface Pollable {
  block(): void;
}

export interface SessionsImports {
  /** wasi:keyvalue store, batch and atomics, of either draft. */
  keyValue: WasiKeyValue;
  random: { getRandomBytes(len: bigint): Uint8Array };
  wallClock: { now(): { seconds: bigint; nanoseconds: number } };
  monotonicClock: { now(): bigint; subscribeDuration(nanoseconds: bigint): Pollable };
  environment: { getEnvironment(): [string, string][] };
}

export function createSessions(imports: SessionsImports) {
  const { random, wallClock, monotonicClock, environment: env } = imports;
  const keyValue = keyValueHost(imports.keyValue);
  let environment: Map<string, string> | undefined;

  const host: SessionHost = {
    keyValue,
    randomBytes: (count) => random.getRandomBytes(BigInt(count)),
    nowMs: () => {
      const { seconds, nanoseconds } = wallClock.now();
      return Number(seconds) * 1000 + Math.floor(nanoseconds / 1e6);
    },
    // The environment is fixed for an instance's life: read it on first use.
    get env() {
      environment ??= new Map(env.getEnvironment());
      return environment;
    },
  };
  const manager = new SessionManager(host);

  const elicitHost: ElicitHost = {
    randomBytes: host.randomBytes,
    clock: monotonicWaitClock(monotonicClock),
    timeoutMs: () => clientRequestTimeoutMs(host.env.get('WASMCP_CLIENT_REQUEST_TIMEOUT')),
  };

  /** elicit waits for the client's answer itself, so the future it hands out is already resolved. */
  class FutureElicitResult {
    constructor(private readonly result: ElicitResult) {}

    subscribe() {
      return monotonicClock.subscribeDuration(0n);
    }

    elicitResult(): ElicitResult {
      return this.result;
    }
  }

  class Session {
    private constructor(private readonly data: SessionData) {}

    static open(sessionId: string, storeId: string): Session {
      return sessionResult(() => new Session(manager.open(sessionId, storeId)));
    }

    id(): string {
      return this.data.id;
    }

    get(key: string): TypedValue | undefined {
      return sessionResult(() => this.data.get(key));
    }

    set(key: string, value: TypedValue): void {
      sessionResult(() => this.data.set(key, value));
    }

    elicit(client: OutputStream, elicitation: ElicitRequest): FutureElicitResult {
      return sessionResult(() => new FutureElicitResult(elicit(this.data, client, elicitation, elicitHost)));
    }

    terminate(reason: string | undefined): void {
      sessionResult(() => this.data.terminate(reason));
    }
  }

  const sessions = { Session, FutureElicitResult };

  const sessionManager = {
    initialize: (storeId: string) => sessionResult(() => manager.initialize(storeId)),
    validate: (sessionId: string, storeId: string) => sessionResult(() => manager.validate(sessionId, storeId)),
    markTerminated: (sessionId: string, storeId: string, reason: string | undefined) =>
      sessionResult(() => manager.markTerminated(sessionId, storeId, reason)),
    deleteSession: (sessionId: string, storeId: string) => sessionResult(() => manager.deleteSession(sessionId, storeId)),
    setExpiration: (sessionId: string, storeId: string, expiresAt: bigint) =>
      sessionResult(() => manager.setExpiration(sessionId, storeId, expiresAt)),
  };

  class Bucket {
    private constructor(private readonly typed: TypedBucket) {}

    static open(identifier: string): Bucket {
      return storeResult(() => new Bucket(TypedBucket.open(keyValue, bucketName(identifier, host.env))));
    }

    get(key: string) {
      return storeResult(() => this.typed.get(key));
    }
    set(key: string, value: TypedValue) {
      storeResult(() => this.typed.set(key, value));
    }
    getJson(key: string) {
      return storeResult(() => this.typed.getAs(key, 'as-json'));
    }
    setJson(key: string, json: string) {
      storeResult(() => this.typed.setAs(key, 'as-json', json));
    }
    getString(key: string) {
      return storeResult(() => this.typed.getAs(key, 'as-string'));
    }
    setString(key: string, value: string) {
      storeResult(() => this.typed.setAs(key, 'as-string', value));
    }
    getU64(key: string) {
      return storeResult(() => this.typed.getAs(key, 'as-u64'));
    }
    setU64(key: string, value: bigint) {
      storeResult(() => this.typed.setAs(key, 'as-u64', value));
    }
    getS64(key: string) {
      return storeResult(() => this.typed.getAs(key, 'as-s64'));
    }
    setS64(key: string, value: bigint) {
      storeResult(() => this.typed.setAs(key, 'as-s64', BigInt.asIntN(64, value)));
    }
    getBool(key: string) {
      return storeResult(() => this.typed.getAs(key, 'as-bool'));
    }
    setBool(key: string, value: boolean) {
      storeResult(() => this.typed.setAs(key, 'as-bool', value));
    }
    getBytes(key: string) {
      return storeResult(() => this.typed.getAs(key, 'as-bytes'));
    }
    setBytes(key: string, value: Uint8Array) {
      storeResult(() => this.typed.setAs(key, 'as-bytes', value));
    }
    getMany(keys: string[]) {
      return storeResult(() => this.typed.getMany(keys));
    }
    setMany(pairs: Array<[string, TypedValue]>) {
      storeResult(() => this.typed.setMany(pairs));
    }
    deleteMany(keys: string[]) {
      storeResult(() => this.typed.deleteMany(keys));
    }
    delete(key: string) {
      storeResult(() => this.typed.delete(key));
    }
    exists(key: string) {
      return storeResult(() => this.typed.exists(key));
    }
    listKeys(cursor: string | undefined) {
      return storeResult(() => this.typed.listKeys(cursor));
    }
    increment(key: string, delta: bigint) {
      // componentize-js 0.23 hands an s64 argument over as its unsigned bit pattern (so does setS64).
      return storeResult(() => this.typed.increment(key, BigInt.asIntN(64, delta)));
    }
  }

  const store = { Bucket, open: (identifier: string) => Bucket.open(identifier) };

  return { sessions, sessionManager, store };
}

export type SessionsExports = ReturnType<typeof createSessions>;
