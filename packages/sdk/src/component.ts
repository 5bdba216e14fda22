// The one SDK module that knows it runs in a component: it binds the tool context to the
// component's WIT imports. The context's logic (context.ts) takes them as plain objects, so a
// fused build or a test can hand it others.
import * as environment from 'wasi:cli/environment@0.2.12';
import * as monotonicClock from 'wasi:clocks/monotonic-clock@0.2.12';
import * as random from 'wasi:random/random@0.2.12';
import * as serverIo from 'wasmcp:mcp-v20251125/server-io@0.1.1';
import * as sessions from 'wasmcp:mcp-v20251125/sessions@0.1.1';
import { contextFactory } from './context.js';

export const createContext = contextFactory({ environment, monotonicClock, random, serverIo, sessions });
