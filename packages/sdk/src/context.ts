// What a handler gets besides its arguments: progress and log notifications (sent through the
// server-io import on the request's stream, in its frame), the client's session (the sessions
// import), elicitation (the sessions import's elicit) and sampling. A composition without
// server-io or sessions still runs handlers that do not use them: nothing here calls an import
// before a handler asks for it.
//
// Sampling has no upstream interface of its own, so it uses only upstream ones: the
// sampling/createMessage request goes out through server-io on the call's stream, and the
// client's answer comes back through the session's keys, where the HTTP transport hands it
// over (client-requests in @wasmcp-ts/protocol; the same hand-over sessions.elicit uses).
/// <reference path="./wit-imports.d.ts" preserve="true" />
import {
  attempt,
  awaitClientResponse,
  clientRequestId,
  clientRequestTimeoutMs,
  decodeClientResponse,
  decodeElicitRequest,
  decodeSamplingRequest,
  drop,
  encodeElicitResult,
  encodeSamplingResult,
  LOG_LEVELS,
  markClientRequestPending,
  monotonicWaitClock,
  progressTokenOf,
  requestStateKey as requestStateKeyFrom,
  requireClientCapability,
  stashElicitationJson,
  stringifyJson,
  withdrawClientRequest,
  type JsonObject,
  type JsonValue,
  type MaybePromise,
  type SessionKeys,
} from '@wasmcp-ts/protocol';
import type { LogLevel, ServerMessage } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import type { TypedValue } from '@wasmcp-ts/protocol/wit/wasmcp-keyvalue-store.js';
import type * as MonotonicClock from 'wasi:clocks/monotonic-clock@0.2.12';
import type * as ServerIo from 'wasmcp:mcp-v20251125/server-io@0.1.1';
import type * as Sessions from 'wasmcp:mcp-v20251125/sessions@0.1.1';
import { AuthorError, decodeAuthored } from './content.js';
import { NO_DOWNSTREAM, type Downstream } from './downstream.js';
import { roundTripsOf, type InputRequest } from './round-trips.js';

/** What a session stores: JSON values, and 64-bit integers (bigint) and bytes as they are. */
export type SessionValue = JsonValue | Uint8Array;

export interface SessionStore {
  readonly id: string;
  get(key: string): SessionValue | undefined;
  set(key: string, value: SessionValue): void;
}

type PrimitiveSchema =
  | { type: 'string'; title?: string; description?: string; minLength?: number; maxLength?: number; format?: 'email' | 'uri' | 'date' | 'date-time'; default?: string }
  | { type: 'number' | 'integer'; title?: string; description?: string; minimum?: number; maximum?: number; default?: number }
  | { type: 'boolean'; title?: string; description?: string; default?: boolean }
  | { type: 'string'; enum: string[]; title?: string; description?: string; default?: string };

/** elicitation/create params (MCP JSON): a form, or a URL to send the user to. */
export type ElicitRequest =
  | { mode?: 'form'; message: string; requestedSchema: { type: 'object'; properties: Record<string, PrimitiveSchema>; required?: string[] } }
  | { mode: 'url'; message: string; url: string; elicitationId: string };

export interface ElicitResult {
  action: 'accept' | 'decline' | 'cancel';
  content?: Record<string, string | number | boolean | string[]>;
  _meta?: JsonObject;
}

/** sampling/createMessage params (MCP JSON). */
export interface SamplingRequest {
  messages: Array<{ role: 'user' | 'assistant'; content: JsonObject }>;
  maxTokens: number;
  systemPrompt?: string;
  temperature?: number;
  stopSequences?: string[];
  modelPreferences?: JsonObject;
  includeContext?: 'none' | 'thisServer' | 'allServers';
  metadata?: JsonObject;
}

/** The client's sampling/createMessage result (MCP JSON). */
export interface SamplingResult {
  role: 'user' | 'assistant';
  content: JsonObject;
  model: string;
  stopReason?: string;
  _meta?: JsonObject;
}

export interface Context {
  /** The request's context as the transport handed it down (protocol version, identity, HTTP request). */
  readonly request: MessageContext;
  /** The client's session; undefined when sessions are off or the client has none. */
  readonly session: SessionStore | undefined;
  /** Reports progress, when the client asked for it (a progress token) and the response streams. */
  progress(progress: number, total?: number, message?: string): void;
  /** Sends a log message (notifications/message); server-io drops it below the client's level. */
  log(level: LogLevel, data: JsonValue, logger?: string): void;
  /**
   * Asks the user through the client (elicitation/create) and waits for the answer: during the
   * call for a 2025-era client; for a 2026-07-28 client the request answers input-required and
   * the handler runs again, from the start, on the client's retry, where the answer is waiting.
   */
  elicit(request: ElicitRequest): Promise<ElicitResult>;
  /** Asks the client's model (sampling/createMessage), as `elicit` asks the user. */
  sample(request: SamplingRequest): Promise<SamplingResult>;
  /**
   * Asks the client several things at once, each under a name of the handler's choosing, and
   * returns the answers by name (roots/list only of 2026-07-28 clients). A question the client
   * did not declare the capability for is refused with -32021 (2026-07-28).
   */
  input<K extends string>(requests: Record<K, InputRequest>): Promise<Record<K, JsonObject>>;
  /** The client's capabilities as this request declares them (2026-07-28); undefined for the 2025 eras. */
  readonly clientCapabilities: JsonObject | undefined;
  /**
   * The rest of the chain (the components after this one), for composed tools. It reaches the
   * chain when the tools are served by a middleware (`serveTools` of `@wasmcp-ts/sdk/middleware`);
   * in a plain tools, resources or prompts component its calls fail saying so.
   */
  readonly downstream: Downstream;
  /** A variable of the component's environment (`wasmcp-ts serve --env KEY=VALUE`, or the host's), read at run time. */
  env(name: string): string | undefined;
}

const SAMPLING = 'sampling/createMessage';

/** What a context needs of its component's imports (component.ts binds them). */
export interface ContextHost {
  environment: { getEnvironment(): [string, string][] };
  monotonicClock: Pick<typeof MonotonicClock, 'now' | 'subscribeDuration'>;
  random: { getRandomBytes(len: bigint): Uint8Array };
  serverIo: Pick<typeof ServerIo, 'sendMessage'>;
  sessions: Pick<typeof Sessions, 'Session'>;
}

type Session = Sessions.Session;

/** The factory of tool contexts over `host`: `createContext(ctx, downstream?)` per call. */
export function contextFactory(host: ContextHost): (ctx: MessageContext, downstream?: Downstream) => Context {
  const { sendMessage } = host.serverIo;
  const { Session } = host.sessions;
  const getRandomBytes = (len: bigint) => host.random.getRandomBytes(len);
  const monotonicClock = monotonicWaitClock(host.monotonicClock);
  // The environment is fixed for an instance's life: read it on first use.
  let environmentVars: Map<string, string> | undefined;
  const environment = () => (environmentVars ??= new Map(host.environment.getEnvironment()));
  // Seals the state of 2026-07-28 round trips; without WASMCP_REQUEST_STATE_KEY, a key of this
  // instance only (a retry that reaches another instance is then refused, never trusted).
  let stateKey: Uint8Array | undefined;
  const requestStateKey = () => (stateKey ??= requestStateKeyFrom(environment().get('WASMCP_REQUEST_STATE_KEY')) ?? getRandomBytes(32n));
  return createContext;

  function createContext(ctx: MessageContext, downstream?: Downstream): Context {
    let opened: Session | undefined;
    const session = () => (opened ??= importCall('open the session', () => Session.open(ctx.session!.sessionId, ctx.session!.storeId)));
    const send = (what: string, message: ServerMessage) => importCall(`send the ${what}`, () => sendMessage(ctx.clientStream!, message, ctx.frame));
    // 2026-07-28: questions are answered on the client's retry; the 2025 eras: during the call.
    const rounds = roundTripsOf(ctx, requestStateKey);
    let asked = 0;
    async function elicitOnStream(request: ElicitRequest): Promise<ElicitResult> {
      if (!ctx.session || !ctx.clientStream) throw new Error('elicitation needs a session and a streamed response; this request has neither');
      const elicitation = decodeAuthored(() => decodeElicitRequest(request as unknown as Record<string, unknown>));
      // What the WIT cannot carry (enumNames, pattern) still reaches the client.
      stashElicitationJson(sessionKeys(session()), request as unknown as JsonObject, elicitation);
      const future = importCall('elicit', () => session().elicit(ctx.clientStream!, elicitation));
      // The pollable is the future's child: dropped first.
      const answered = future.subscribe();
      answered.block();
      drop(answered);
      const result = future.elicitResult();
      drop(future);
      return encodeElicitResult(result) as unknown as ElicitResult;
    }
    async function sampleOnStream(request: SamplingRequest): Promise<SamplingResult> {
      if (!ctx.session || !ctx.clientStream) throw new Error('sampling needs a session and a streamed response; this request has neither');
      const params = decodeAuthored(() => decodeSamplingRequest(request as unknown as Record<string, unknown>));
      const timeoutMs = clientRequestTimeoutMs(environment().get('WASMCP_CLIENT_REQUEST_TIMEOUT'));
      const keys = sessionKeys(session());
      requireClientCapability(keys, SAMPLING);
      const id = clientRequestId(getRandomBytes(8n));
      markClientRequestPending(keys, id, SAMPLING);
      try {
        send('sampling request', { tag: 'request', val: [{ tag: 'string', val: id }, { tag: 'sampling-create-message', val: params }] });
      } catch (err) {
        withdrawClientRequest(keys, id);
        throw err;
      }
      const answer = awaitClientResponse(keys, id, SAMPLING, monotonicClock, timeoutMs);
      return encodeSamplingResult(decodeClientResponse(answer, SAMPLING, 'sampling-create-message')) as unknown as SamplingResult;
    }

    const context: Context = {
      request: ctx,
      downstream: downstream ?? NO_DOWNSTREAM,
      env: (name) => environment().get(name),
      session: ctx.session && {
        id: ctx.session.sessionId,
        get: (key) => {
          const value = importCall(`read "${key}" from the session`, () => session().get(key));
          return value === undefined ? undefined : fromTypedValue(value);
        },
        set: (key, value) => {
          const typed = toTypedValue(value, key);
          importCall(`write "${key}" to the session`, () => session().set(key, typed));
        },
      },
      progress(progress, total, message) {
        const progressToken = progressTokenOf(ctx);
        if (!progressToken || !ctx.clientStream) return;
        send('progress notification', { tag: 'notification', val: { tag: 'progress', val: { progressToken, progress, total, message } } });
      },
      log(level, data, logger) {
        if (!LOG_LEVELS.includes(level)) throw new AuthorError(`log level must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
        if (!ctx.clientStream) return;
        send('log message', { tag: 'notification', val: { tag: 'log', val: { level, data: stringifyJson(data), logger } } });
      },
      clientCapabilities: rounds?.clientCapabilities,
      async input(requests) {
        if (rounds) return rounds.ask(requests);
        const answers: Record<string, JsonObject> = {};
        for (const [name, request] of Object.entries(requests) as [string, InputRequest][]) {
          if (request.method === 'elicitation/create') answers[name] = (await elicitOnStream(request.params as unknown as ElicitRequest)) as unknown as JsonObject;
          else if (request.method === 'sampling/createMessage') answers[name] = (await sampleOnStream(request.params as unknown as SamplingRequest)) as unknown as JsonObject;
          else throw new Error(`${request.method} is asked only of protocol 2026-07-28 clients`);
        }
        return answers as never;
      },
      async elicit(request) {
        if (!rounds) return elicitOnStream(request);
        const name = `elicitation-${++asked}`;
        return rounds.ask({ [name]: { method: 'elicitation/create', params: request as unknown as JsonObject } })[name] as unknown as ElicitResult;
      },
      async sample(request) {
        if (!rounds) return sampleOnStream(request);
        const name = `sampling-${++asked}`;
        return rounds.ask({ [name]: { method: 'sampling/createMessage', params: request as unknown as JsonObject } })[name] as unknown as SamplingResult;
      },
    };
    releases.set(context, () => {
      drop(opened);
      opened = undefined;
    });
    return context;
  }
}

/** What to drop once a context's call is over: the session it opened, if any. */
const releases = new WeakMap<Context, () => void>();

/**
 * Runs a handler with its context, then drops what the context opened: a host that keeps the
 * instance for many calls would otherwise hold each call's session resource. At once for a
 * synchronous handler.
 */
export function runWithContext<T>(context: Context, run: (context: Context) => MaybePromise<T>): MaybePromise<T> {
  const release = () => releases.get(context)?.();
  return attempt(
    () => run(context),
    (value) => {
      release();
      return value;
    },
    (err) => {
      release();
      throw err;
    },
  );
}

/** The session's string values through the sessions interface, which has no delete: clearing writes ''. */
function sessionKeys(session: Session): SessionKeys {
  const read = (key: string) => {
    const value = importCall(`read "${key}" from the session`, () => session.get(key));
    return value?.tag === 'as-string' ? value.val : undefined;
  };
  const write = (key: string, value: string) => importCall(`write "${key}" to the session`, () => session.set(key, { tag: 'as-string', val: value }));
  return { getString: read, setString: write, clear: (key) => write(key, '') };
}

/** Calls an import; its error (componentize-js throws `{ payload }`) becomes an Error saying what failed. */
function importCall<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (err) {
    throw new Error(`Cannot ${what}: ${describeImportError((err as { payload?: unknown })?.payload ?? err)}`);
  }
}

function describeImportError(error: unknown): string {
  if (error instanceof Error) return error.message;
  const { tag, val } = (error ?? {}) as { tag?: string; val?: unknown };
  switch (tag) {
    case 'no-such-session':
      return 'the session does not exist (it expired or was terminated)';
    case 'io':
    case 'stream':
      return (val as { tag?: string })?.tag === 'closed' ? 'the client closed the stream' : 'the stream failed';
    default:
      return typeof val === 'string' ? val : String(tag ?? error);
  }
}

function fromTypedValue(value: TypedValue): SessionValue {
  switch (value.tag) {
    case 'as-string':
      return value.val;
    case 'as-json':
      return JSON.parse(value.val) as JsonValue;
    case 'as-u64':
    case 'as-s64':
      return value.val;
    case 'as-bool':
      return value.val;
    case 'as-bytes':
      return value.val;
    default: {
      const _exhaustive: never = value;
      return _exhaustive;
    }
  }
}

function toTypedValue(value: SessionValue, key: string): TypedValue {
  if (typeof value === 'string') return { tag: 'as-string', val: value };
  if (typeof value === 'boolean') return { tag: 'as-bool', val: value };
  if (typeof value === 'bigint') {
    if (BigInt.asIntN(64, value) !== value) throw new AuthorError(`session value of "${key}" does not fit a signed 64-bit integer`);
    return { tag: 'as-s64', val: value };
  }
  if (value instanceof Uint8Array) return { tag: 'as-bytes', val: value };
  if (value === undefined) throw new AuthorError(`session value of "${key}" is undefined; store null instead`);
  return { tag: 'as-json', val: stringifyJson(value) };
}
