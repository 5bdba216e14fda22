// The HTTP transport as a factory: the chain (server-handler), the session and auth services,
// the typed key-value store and the WASI it needs in, `wasi:http/incoming-handler` out, in the
// shapes of the WIT bindings.
import { attempt, blockFor, isPromise, type MaybePromise } from '@wasmcp-ts/protocol';
import type { IncomingRequest, ResponseOutparam } from 'wasi:http/types@0.2.10';
import type { ChainHandler, ServerAuth, SessionManager, TransportServices, TransportStore } from './chain.js';
import { readConfig, type TransportConfig } from './config.js';
import { HttpExchange, type HttpTypes } from './http-exchange.js';
import { handleHttp } from './transport.js';

/** The part of a `wasmcp:keyvalue/store` bucket the transport uses. */
interface Bucket {
  get(key: string): { tag: string; val: unknown } | undefined;
  getString(key: string): string | undefined;
  setString(key: string, value: string): void;
  delete(key: string): void;
}

export interface HttpTransportImports {
  serverHandler: { handle: ChainHandler };
  sessionManager: SessionManager;
  serverAuth: ServerAuth;
  store: { open(identifier: string): Bucket };
  environment: { getEnvironment(): [string, string][] };
  monotonicClock: { subscribeDuration(nanoseconds: bigint): { block(): void } };
  httpTypes: HttpTypes;
  /**
   * Environment entries a fused build decides from the pieces it holds: `defaults` apply where
   * the environment is silent, `fixed` whatever it says (a server built without sessions).
   */
  settings?: { defaults?: Record<string, string>; fixed?: Record<string, string> };
}

function storeOf(bucket: Bucket): TransportStore {
  return {
    getString: (key) => bucket.getString(key),
    setString: (key, value) => bucket.setString(key, value),
    delete: (key) => bucket.delete(key),
    getCounter: (key) => {
      const value = bucket.get(key);
      if (!value) return 0;
      return value.tag === 'as-s64' || value.tag === 'as-u64' ? Number(value.val) : Number(value.val) || 0;
    },
  };
}

export function createHttpTransport(imports: HttpTransportImports) {
  // Opening a bucket is a call into the sessions piece: keep each open for the instance's life.
  const openStores = new Map<string, TransportStore>();
  const services: TransportServices = {
    handle: (ctx, message) => imports.serverHandler.handle(ctx, message),
    sessions: imports.sessionManager,
    auth: imports.serverAuth,
    openStore: (bucket) => {
      let store = openStores.get(bucket);
      if (!store) openStores.set(bucket, (store = storeOf(imports.store.open(bucket))));
      return store;
    },
    sleep: (ms) => blockFor(imports.monotonicClock, ms),
  };

  // A host may reuse an instance for many requests (our runtime does): read the environment once.
  let config: TransportConfig | undefined;

  const incomingHandler = {
    /**
     * At once when the chain answers at once (each await would cost the engine a job of its
     * own); a promise only when the chain returns one, and the engine runs its event loop until
     * the request is answered.
     */
    handle(request: IncomingRequest, outparam: ResponseOutparam): MaybePromise<void> {
      let exchange: HttpExchange | undefined;
      const fail = (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        console.error(`http-transport: ${message}`);
        if (exchange && !exchange.hasResponded) {
          exchange.respond(500, { 'content-type': 'application/json' }, JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: `Internal error: ${message}` } }));
        }
      };
      const close = () => exchange?.close();
      let handled: MaybePromise<void> | undefined;
      try {
        handled = attempt(
          () => {
            const { defaults = {}, fixed = {} } = imports.settings ?? {};
            config ??= readConfig([...Object.entries(defaults), ...imports.environment.getEnvironment(), ...Object.entries(fixed)]);
            exchange = new HttpExchange(imports.httpTypes, request, outparam);
            return handleHttp(exchange, config, services);
          },
          () => undefined,
          fail,
        );
        return isPromise(handled) ? handled.finally(close) : undefined;
      } finally {
        if (!isPromise(handled)) close();
      }
    },
  };
  return { incomingHandler };
}
