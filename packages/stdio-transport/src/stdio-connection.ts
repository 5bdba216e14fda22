// One client on stdio. Every line is one JSON-RPC message; every request gets exactly one
// answer, written after whatever the chain wrote to the client stream while handling it
// (progress, log messages), so notifications always precede the response they belong to.
import {
  andThen,
  clientRequestMethod,
  decodeClientMessage,
  discoverResult,
  encodeServerResult,
  frameWithoutLogs,
  invalidParams,
  isJsonObject,
  isModernVersion,
  isPromise,
  listenAcknowledgment,
  listenCompletion,
  readListenFilter,
  SUBSCRIPTIONS_LISTEN,
  logLevelFromString,
  META_PROTOCOL_VERSION,
  MODERN_PROTOCOL_VERSION,
  modernError,
  modernResult,
  parseJson,
  probeChainCapabilities,
  readModernMeta,
  REMOVED_METHODS,
  removedMethod,
  requestIdFromJson,
  requestInputHeader,
  requestIdToJson,
  RESOURCE_NOT_FOUND,
  stringifyJson,
  unsupportedProtocolVersion,
  type JsonObject,
  type JsonValue,
  encodeServerErrorToString,
  encodeServerResultToString,
  errorRecord,
  frameWithLogLevel,
  internalError,
  invalidRequest,
  isUnowned,
  LATEST_PROTOCOL_VERSION,
  parseClientMessage,
  parseError,
  protocolVersionToString,
  requestMetaContext,
  type MaybePromise,
  type Next,
} from '@wasmcp-ts/protocol';
import type {
  ClientMessage,
  ClientRequest,
  ErrorCode,
  InitializeRequest,
  LogLevel,
  RequestId,
  ServerResult,
} from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext, OutputStream, Result } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import type { MessageFrame } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-io.js';
import { probeCapabilities } from './capabilities.js';
import type { StdioConfig } from './config.js';
import type { LineReader } from './line-reader.js';

export interface ClientOutput {
  /** Writes one JSON-RPC message as one line. */
  send(json: string): void;
  /** A diagnostic for whoever runs the server; it never reaches the client. */
  log(text: string): void;
}

/** MCP stdio framing: a message is one line. The chain frames what it writes the same way. */
const STDIO_FRAME: MessageFrame = { prefix: new Uint8Array(0), suffix: new Uint8Array([0x0a]) };

/** Only JSON whitespace (space, tab, CR): looks no further than the first other byte. */
function isBlank(line: Uint8Array): boolean {
  for (const byte of line) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}

/**
 * Whether a line is a 2026-07-28 message: server/discover, or a request whose `_meta` names a
 * protocol version (2025-era requests never do). Looked for in the text first, so the 2025 eras
 * pay no second parse.
 */
function isModernMessage(text: string): boolean {
  if (!text.includes(META_PROTOCOL_VERSION) && !text.includes('server/discover')) return false;
  const parsed = parseJson(text);
  if (!parsed.ok || !isJsonObject(parsed.value)) return false;
  if (parsed.value.method === 'server/discover') return true;
  const params = parsed.value.params;
  return isJsonObject(params) && isJsonObject(params._meta) && META_PROTOCOL_VERSION in params._meta;
}

export class StdioConnection {
  readonly #next: Next;
  readonly #output: ClientOutput;
  readonly #clientStream: OutputStream | undefined;
  readonly #config: StdioConfig;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  /** Negotiated by initialize; until then the latest. */
  #protocolVersion = protocolVersionToString(LATEST_PROTOCOL_VERSION);
  /** What logging/setLevel asked for: stdio is one client, so it holds for the connection. */
  #logLevel: LogLevel | undefined;

  /**
   * `next`: the imported server-handler `handle`, the chain below the transport.
   * `clientStream`: what the chain may write notifications to (stdout, shared with `output`).
   */
  constructor(next: Next, output: ClientOutput, clientStream: OutputStream | undefined, config: StdioConfig) {
    this.#next = next;
    this.#output = output;
    this.#clientStream = clientStream;
    this.#config = config;
  }

  /**
   * Reads lines until the end of input; each message is answered before the next is read. A
   * message the chain answers at once is answered without a promise (each await would cost the
   * engine a job of its own); a promise resumes the loop once it settles.
   */
  serve(reader: LineReader): MaybePromise<void> {
    for (;;) {
      const event = reader.next();
      switch (event.kind) {
        case 'line': {
          const received = this.receiveLine(event.bytes);
          if (isPromise(received)) return received.then(() => this.serve(reader));
          break;
        }
        case 'too-long':
          this.receiveTooLong(event.size);
          break;
        case 'end':
          return;
        default: {
          const _exhaustive: never = event;
          return _exhaustive;
        }
      }
    }
  }

  receiveLine(bytes: Uint8Array): MaybePromise<void> {
    // Blank lines carry no message; skipping them keeps a client's stray newline harmless.
    if (isBlank(bytes)) return;
    let text: string;
    try {
      text = this.#decoder.decode(bytes);
    } catch {
      this.#sendError(undefined, parseError('Parse error: the message is not valid UTF-8'));
      return;
    }
    if (isModernMessage(text)) return this.#receiveModern(text);
    const decoded = parseClientMessage(text);
    if (decoded.ok) {
      return this.#dispatch(decoded.message, text);
    } else if (decoded.ignorable) {
      this.#output.log(`ignored a message that needs no answer: ${errorRecord(decoded.error).message}`);
    } else {
      this.#sendError(decoded.id, decoded.error);
    }
  }

  /** A line over the limit was skipped unread: nothing of it (its id included) is known. */
  receiveTooLong(size: number): void {
    this.#sendError(undefined, invalidRequest(`Invalid Request: a message of ${size} bytes exceeds the limit of ${this.#config.maxLine} bytes (WASMCP_MAX_LINE)`));
  }

  #dispatch(message: ClientMessage, text: string): MaybePromise<void> {
    switch (message.tag) {
      case 'request': {
        const [id, request] = message.val;
        return andThen(this.#request(id, request, this.#context(text)), (result) => this.#answer(id, result));
      }
      case 'notification':
      case 'result':
      case 'error':
        // One-way: the chain may act on it (and write to the client), but answers nothing.
        return andThen(this.#next(this.#context(text), message), () => undefined);
      default: {
        const _exhaustive: never = message;
        return _exhaustive;
      }
    }
  }

  #request(id: RequestId, request: ClientRequest, ctx: MessageContext): MaybePromise<Result<ServerResult, ErrorCode>> {
    switch (request.tag) {
      case 'initialize':
        return this.#initialize(request.val, ctx);
      // The transport answers these when nobody below does, as every MCP server must.
      case 'ping':
        return this.#delegateOr(id, request, ctx, { tag: 'ping' });
      case 'logging-set-level':
        this.#logLevel = request.val;
        return this.#delegateOr(id, request, ctx, { tag: 'logging-set-level' });
      case 'tools-list':
      case 'tools-call':
      case 'resources-list':
      case 'resources-read':
      case 'resources-templates-list':
      case 'resources-subscribe':
      case 'resources-unsubscribe':
      case 'prompts-list':
      case 'prompts-get':
      case 'completion-complete':
        return this.#delegate(id, request, ctx);
      default: {
        const _exhaustive: never = request;
        return _exhaustive;
      }
    }
  }

  async #initialize(request: InitializeRequest, ctx: MessageContext): Promise<Result<ServerResult, ErrorCode>> {
    // The decoder already maps a version we do not speak to the latest: that is the
    // negotiation (echo a supported version, else offer ours).
    this.#protocolVersion = protocolVersionToString(request.protocolVersion);
    const capabilities = await probeCapabilities(this.#next, { ...ctx, protocolVersion: this.#protocolVersion, clientStream: undefined });
    return {
      tag: 'ok',
      val: {
        tag: 'initialize',
        val: {
          protocolVersion: request.protocolVersion,
          capabilities,
          serverInfo: { name: this.#config.serverName, version: this.#config.serverVersion },
        },
      },
    };
  }

  #delegate(id: RequestId, request: ClientRequest, ctx: MessageContext): MaybePromise<Result<ServerResult, ErrorCode>> {
    return andThen(
      this.#next(ctx, { tag: 'request', val: [id, request] }),
      // A chain that ends in method-not-found always answers a request; a custom chain might not.
      (answer): Result<ServerResult, ErrorCode> => answer ?? { tag: 'err', val: internalError(`Internal error: no component answered ${clientRequestMethod(request)}`) },
    );
  }

  #delegateOr(id: RequestId, request: ClientRequest, ctx: MessageContext, fallback: ServerResult): MaybePromise<Result<ServerResult, ErrorCode>> {
    return andThen(
      this.#next(ctx, { tag: 'request', val: [id, request] }),
      (answer): Result<ServerResult, ErrorCode> => (answer === undefined || isUnowned(answer) ? { tag: 'ok', val: fallback } : answer),
    );
  }

  /** The context of the message `requestText`: its `_meta` (progress token), and the client's log level in the frame. */
  #context(requestText: string): MessageContext {
    return {
      clientStream: this.#clientStream,
      protocolVersion: this.#protocolVersion,
      frame: this.#logLevel ? frameWithLogLevel(STDIO_FRAME, this.#logLevel) : STDIO_FRAME,
      httpContext: requestMetaContext(requestText),
    };
  }

  /**
   * A 2026-07-28 message (stateless): its `_meta` says the version, the client's capabilities and
   * log level; nothing of an earlier initialize applies to it. server/discover is the
   * transport's; every result gets `resultType`, the server's identity and caching hints.
   */
  #receiveModern(text: string): MaybePromise<void> {
    const parsed = parseJson(text);
    if (!parsed.ok || !isJsonObject(parsed.value) || typeof parsed.value.method !== 'string') {
      this.#sendError(undefined, invalidRequest('Invalid Request: expected a JSON-RPC request or notification'));
      return;
    }
    const body = parsed.value as JsonObject;
    const method = parsed.value.method;
    if (!('id' in body)) {
      // Notifications (notifications/cancelled) go down the chain as in the 2025 eras.
      const decoded = decodeClientMessage(body);
      return decoded.ok ? andThen(this.#next(this.#modernContext(text, undefined), decoded.message), () => undefined) : undefined;
    }
    const id = requestIdFromJson(body.id);
    if (!id) {
      this.#sendError(undefined, invalidRequest('Invalid Request: the id must be a string or an integer'));
      return;
    }
    const meta = readModernMeta(body);
    if (!meta.ok) return this.#sendError(id, meta.error);
    if (!isModernVersion(meta.meta.protocolVersion)) return this.#sendError(id, unsupportedProtocolVersion(meta.meta.protocolVersion));
    if (REMOVED_METHODS.includes(method)) return this.#sendError(id, removedMethod(method));
    const level = meta.meta.logLevel === undefined ? undefined : logLevelFromString(meta.meta.logLevel);
    const ctx = this.#modernContext(text, level, requestInputHeader(method, body));
    if (method === 'server/discover') {
      return probeChainCapabilities(this.#next, { ...ctx, clientStream: undefined }).then((owned) => {
        const capabilities: Record<string, object> = { logging: {} };
        for (const capability of ['tools', 'resources', 'prompts', 'completions'] as const) if (owned[capability]) capabilities[capability] = {};
        this.#output.send(stringifyJson({ jsonrpc: '2.0', id: requestIdToJson(id), result: this.#modernResult(method, discoverResult(capabilities, undefined)) }));
      });
    }
    if (method === SUBSCRIPTIONS_LISTEN) {
      // Nothing carries notifications into a stdio server (it has no store for producers to
      // publish to): it honours none of the filter and ends the subscription gracefully at once.
      const listen = readListenFilter(body);
      if (!listen.ok) return this.#sendError(id, listen.error);
      const subscriptionId = requestIdToJson(id);
      this.#output.send(listenAcknowledgment(subscriptionId, {}));
      this.#output.send(listenCompletion(subscriptionId));
      return;
    }
    const decoded = decodeClientMessage(body);
    if (!decoded.ok) return this.#sendError(id, modernError(decoded.error));
    if (decoded.message.tag !== 'request') return this.#sendError(id, invalidRequest('Invalid Request'));
    return andThen(this.#next(ctx, decoded.message), (handled) => {
      const answer = handled ?? { tag: 'err', val: internalError(`Internal error: no component answered ${method}`) };
      if (answer.tag === 'err') return this.#sendError(id, modernError(answer.val));
      const encoded = encodeServerResult(id, answer.val);
      if (!encoded.ok) return this.#sendError(id, encoded.error);
      this.#output.send(stringifyJson({ ...encoded.value, result: this.#modernResult(method, encoded.value.result as JsonObject) }));
    });
  }

  #modernContext(requestText: string, level: LogLevel | undefined, input?: [string, string]): MessageContext {
    const meta = requestMetaContext(requestText);
    return {
      clientStream: this.#clientStream,
      protocolVersion: MODERN_PROTOCOL_VERSION,
      // 2026-07-28: no log messages for a request that did not ask for a level.
      frame: level ? frameWithLogLevel(STDIO_FRAME, level) : frameWithoutLogs(STDIO_FRAME),
      httpContext: input ? { method: '', path: '', headers: [...(meta?.headers ?? []), input] } : meta,
    };
  }

  #modernResult(method: string, result: JsonObject): JsonObject {
    return modernResult(method, result, { name: this.#config.serverName, version: this.#config.serverVersion }, this.#config.cacheHints);
  }

  #answer(id: RequestId, result: Result<ServerResult, ErrorCode>): void {
    if (result.tag === 'err') {
      this.#sendError(id, result.val);
      return;
    }
    const encoded = encodeServerResultToString(id, result.val);
    if (encoded.ok) this.#output.send(encoded.value);
    else this.#sendError(id, encoded.error);
  }

  #sendError(id: RequestId | undefined, error: ErrorCode): void {
    this.#output.send(encodeServerErrorToString(id, error));
  }
}
