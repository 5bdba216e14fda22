import { getEnvironment } from 'wasi:cli/environment@0.2.12';
import { subscribeDuration } from 'wasi:clocks/monotonic-clock@0.2.12';
import type { IncomingRequest, ResponseOutparam } from 'wasi:http/types@0.2.10';
import { open as openBucket, type Bucket } from 'wasmcp:keyvalue/store@0.1.0';
import { authorize, decode } from 'wasmcp:mcp-v20251125/server-auth@0.1.1';
import { handle } from 'wasmcp:mcp-v20251125/server-handler@0.1.1';
import { deleteSession, initialize, markTerminated, validate } from 'wasmcp:mcp-v20251125/session-manager@0.1.1';
import type { TransportServices, TransportStore } from './chain.js';
import { readConfig, type TransportConfig } from './config.js';
import { HttpExchange } from './http-exchange.js';
import { handleHttp } from './transport.js';

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

// Opening a bucket is a call into the sessions component: keep each open for the instance's life.
const openStores = new Map<string, TransportStore>();

const services: TransportServices = {
  handle,
  sessions: { initialize, validate, markTerminated, deleteSession },
  auth: { decode, authorize },
  openStore: (bucket) => {
    let store = openStores.get(bucket);
    if (!store) openStores.set(bucket, (store = storeOf(openBucket(bucket))));
    return store;
  },
  sleep: (ms) => subscribeDuration(BigInt(ms) * 1_000_000n).block(),
};

// A host may reuse an instance for many requests (our runtime does): read the environment once.
let config: TransportConfig | undefined;

export const incomingHandler = {
  handle(request: IncomingRequest, outparam: ResponseOutparam): void {
    let exchange: HttpExchange | undefined;
    try {
      config ??= readConfig(getEnvironment());
      exchange = new HttpExchange(request, outparam);
      handleHttp(exchange, config, services);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      console.error(`http-transport: ${message}`);
      if (exchange && !exchange.hasResponded) {
        exchange.respond(500, { 'content-type': 'application/json' }, JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: `Internal error: ${message}` } }));
      }
    }
  },
};
