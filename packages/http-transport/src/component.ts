import * as environment from 'wasi:cli/environment@0.2.12';
import * as monotonicClock from 'wasi:clocks/monotonic-clock@0.2.12';
import { Fields, OutgoingBody, OutgoingResponse, ResponseOutparam } from 'wasi:http/types@0.2.10';
import * as store from 'wasmcp:keyvalue/store@0.1.0';
import * as serverAuth from 'wasmcp:mcp-v20251125/server-auth@0.1.1';
import * as serverHandler from 'wasmcp:mcp-v20251125/server-handler@0.1.1';
import * as sessionManager from 'wasmcp:mcp-v20251125/session-manager@0.1.1';
import { createHttpTransport } from './create-http-transport.js';

export const { incomingHandler } = createHttpTransport({
  serverHandler,
  sessionManager,
  serverAuth,
  store,
  environment,
  monotonicClock,
  httpTypes: { Fields, OutgoingBody, OutgoingResponse, ResponseOutparam },
});
