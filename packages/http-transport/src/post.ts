// POST: one JSON-RPC message in, its answer out as SSE (notifications sent during the call,
// then the response) or as one JSON body; notifications and client responses get 202.
import {
  andThen,
  attempt,
  decodeClientMessage,
  encodeServerError,
  encodeServerResult,
  handOverClientResponse,
  internalError,
  invalidRequest,
  logLevelFromString,
  NO_FRAME,
  parseClientMessage,
  parseError,
  parseJson,
  recordClientCapabilities,
  REQUEST_INPUT_HEADER,
  REQUEST_META_HEADER,
  requestMetaHeader,
  sessionKeysIn,
  SSE_FRAME,
  sseFrameWithLogLevel,
  stringifyJson,
  type Decoded,
  type MaybePromise,
} from '@wasmcp-ts/protocol';
import type { ClientMessage, ClientRequest, Identity, RequestId, Session } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { forbidden } from './auth-gate.js';
import type { HandlerResult, TransportServices, TransportStore } from './chain.js';
import type { TransportConfig } from './config.js';
import type { HttpExchange } from './http-exchange.js';
import { initializeResponse, negotiateVersion, probeCapabilities } from './initialize.js';
import { handleModernPost } from './modern-post.js';
import { acceptedResponses, headerProtocolVersion, isJsonContentType, isLegacyHeaderVersion } from './negotiation.js';
import { errorBody, JSON_HEADERS, rejectRequest } from './responses.js';
import { createSession, requireSession, SESSION_HEADER } from './session-gate.js';

const LOG_LEVEL_KEY = (sessionId: string) => `${sessionId}:__transport__:log-level`;
/** The one protocol version with JSON-RPC batches. */
const BATCH_VERSION = '2025-03-26';

export interface RequestScope {
  config: TransportConfig;
  services: TransportServices;
  identity: Identity | undefined;
  mcpPath: string;
}

export function handlePost(exchange: HttpExchange, scope: RequestScope): MaybePromise<void> {
  const { config } = scope;
  const accepted = acceptedResponses(exchange.header('accept'));
  if (!accepted.json) {
    return rejectRequest(exchange, 406, 'Not Acceptable: the Accept header must allow application/json and text/event-stream');
  }
  if (!isJsonContentType(exchange.header('content-type'))) {
    return rejectRequest(exchange, 415, 'Unsupported Media Type: Content-Type must be application/json');
  }
  const body = exchange.readBody(config.maxBodyBytes);
  if (!body.ok) {
    if (body.reason === 'too-large') return rejectRequest(exchange, 413, `Payload Too Large: the body exceeds ${config.maxBodyBytes} bytes`);
    return rejectRequest(exchange, 400, 'Bad Request: the body could not be read');
  }
  const text = new TextDecoder().decode(body.bytes);
  // A version the 2025 eras do not know is 2026-07-28's to answer (or to refuse with the supported list).
  const headerVersion = exchange.header('mcp-protocol-version')?.trim();
  if (headerVersion && !isLegacyHeaderVersion(headerVersion)) return handleModernPost(exchange, scope, text, headerVersion, accepted);
  if (/^\s*\[/.test(text)) return handleBatch(exchange, scope, text, accepted.sse && !config.disableSse);
  const decoded = parseClientMessage(text);
  const answered = answeredRequestId(decoded);
  if (answered) return handleClientResponse(exchange, scope, answered, text, decoded.ok ? decoded.message : undefined);
  if (!decoded.ok) {
    if (decoded.ignorable) return exchange.respond(202, {});
    const status = decoded.error.tag === 'parse-error' || decoded.error.tag === 'invalid-request' ? 400 : 200;
    return exchange.respond(status, JSON_HEADERS, errorBody(decoded.id, decoded.error));
  }
  const message = decoded.message;
  const isInitialize = message.tag === 'request' && message.val[1].tag === 'initialize';

  let version: string;
  if (isInitialize) {
    version = negotiateVersion(decoded.rawProtocolVersion);
  } else {
    const header = headerProtocolVersion(exchange.header('mcp-protocol-version'));
    if (!header.ok) return rejectRequest(exchange, 400, header.message);
    version = header.version;
  }

  let session: Session | undefined;
  let store: TransportStore | undefined;
  if (isInitialize) {
    if (config.sessionsEnabled) {
      try {
        session = createSession(config, scope.services, scope.identity);
        // Tools ask the client (elicitation, sampling) only for what it declared.
        const capabilities = (message.val[1] as Extract<ClientRequest, { tag: 'initialize' }>).val.capabilities;
        recordClientCapabilities(sessionKeysIn(scope.services.openStore(config.sessionBucket), session.sessionId), capabilities);
      } catch (err) {
        return rejectRequest(exchange, 500, 'Session store error: cannot create a session', { code: -32603, id: message.val[0] as RequestId });
      }
    }
  } else {
    const gate = requireSession(exchange, config, scope.services, scope.identity);
    if (!gate.ok) return;
    session = gate.session;
    store = gate.store;
  }

  const ctx = messageContext(exchange, scope, version, session, text);

  if (scope.identity && !authorized(scope, message, ctx)) {
    return forbidden(exchange, config, scope.mcpPath, message, scope.identity!.claims.scopes);
  }

  if (message.tag !== 'request') return andThen(scope.services.handle(ctx, message), () => exchange.respond(202, {}));

  const [id, request] = message.val;
  const headers: Record<string, string> = session ? { [SESSION_HEADER]: session.sessionId } : {};
  const sse = accepted.sse && !config.disableSse;

  if (request.tag === 'initialize') {
    return probeCapabilities(scope.services.handle, ctx).then((capabilities) => {
      // resources-middleware keeps subscriptions per session, and the GET stream delivers the updates.
      if (capabilities.resources && session) capabilities.resources = { subscribe: true };
      reply(exchange, sse, headers, initializeResponse(id, version, capabilities, config));
    });
  }
  if (!sse) return andThen(answerRequest(scope, ctx, id, request, store), (json) => exchange.respond(200, { ...JSON_HEADERS, ...headers }, json));
  const out = exchange.start(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
  return andThen(answerRequest(scope, { ...ctx, clientStream: out.stream, frame: sseFrame(session, store) }, id, request, store), (json) => {
    out.write(`data: ${json}\n\n`);
    out.close();
  });
}

/**
 * The response (JSON text) to a request other than initialize. The transport answers ping and
 * logging/setLevel itself; the chain answers the rest, writing its notifications to ctx's stream.
 */
function answerRequest(scope: RequestScope, ctx: MessageContext, id: RequestId, request: ClientRequest, store: TransportStore | undefined): MaybePromise<string> {
  if (request.tag === 'ping') return stringifyJson(okOrError(id, { tag: 'ok', val: { tag: 'ping' } }));
  if (request.tag === 'logging-set-level') {
    if (ctx.session && store) store.setString(LOG_LEVEL_KEY(ctx.session.sessionId), request.val);
    return stringifyJson(okOrError(id, { tag: 'ok', val: { tag: 'logging-set-level' } }));
  }
  return andThen(callChain(scope, ctx, { tag: 'request', val: [id, request] }), (answer) => stringifyJson(okOrError(id, answer)));
}

/**
 * A JSON-RPC batch, which protocol 2025-03-26 allows (later versions do not). Each message is
 * handled in order as a POST of its own would be, under the one session check; the responses to
 * its requests go back together, as one JSON array or as SSE events in order (each request's
 * notifications before its response). initialize may not be batched.
 */
async function handleBatch(exchange: HttpExchange, scope: RequestScope, text: string, sse: boolean): Promise<void> {
  const header = headerProtocolVersion(exchange.header('mcp-protocol-version'));
  if (!header.ok) return rejectRequest(exchange, 400, header.message);
  if (header.version !== BATCH_VERSION) {
    return rejectRequest(exchange, 400, `Invalid Request: JSON-RPC batches are allowed only with protocol ${BATCH_VERSION}, not ${header.version}`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return exchange.respond(400, JSON_HEADERS, errorBody(undefined, parseError(`Parse error: ${parsed.message}`)));
  const items = parsed.value as unknown[];
  if (items.length === 0) return rejectRequest(exchange, 400, 'Invalid Request: the batch is empty');
  const gate = requireSession(exchange, scope.config, scope.services, scope.identity);
  if (!gate.ok) return;
  const { session, store } = gate;

  const entries = items.map((item) => {
    const itemText = stringifyJson(item);
    return { text: itemText, decoded: decodeClientMessage(item), ctx: messageContext(exchange, scope, header.version, session, itemText) };
  });
  if (scope.identity) {
    for (const { decoded, ctx } of entries) {
      if (decoded.ok && !authorized(scope, decoded.message, ctx)) {
        return forbidden(exchange, scope.config, scope.mcpPath, decoded.message, scope.identity.claims.scopes);
      }
    }
  }
  const hasRequests = entries.some(({ decoded }) => (decoded.ok ? decoded.message.tag === 'request' : !decoded.ignorable));
  const headers: Record<string, string> = session ? { [SESSION_HEADER]: session.sessionId } : {};
  const out = hasRequests && sse ? exchange.start(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers }) : undefined;
  const responses: string[] = [];
  const respond = (json: string) => (out ? out.write(`data: ${json}\n\n`) : responses.push(json));

  for (const { text: itemText, decoded, ctx } of entries) {
    const answered = answeredRequestId(decoded);
    if (answered) {
      await takeClientResponse(scope, ctx, store, answered, itemText, decoded.ok ? decoded.message : undefined);
    } else if (!decoded.ok) {
      if (!decoded.ignorable) respond(errorBody(decoded.id, decoded.error));
    } else if (decoded.message.tag !== 'request') {
      await scope.services.handle(ctx, decoded.message);
    } else {
      const [id, request] = decoded.message.val;
      if (request.tag === 'initialize') respond(errorBody(id, invalidRequest('Invalid Request: initialize must not be part of a JSON-RPC batch')));
      else respond(await answerRequest(scope, out ? { ...ctx, clientStream: out.stream, frame: sseFrame(session, store) } : ctx, id, request, store));
    }
  }
  if (out) return out.close();
  if (!hasRequests) return exchange.respond(202, {});
  exchange.respond(200, { ...JSON_HEADERS, ...headers }, `[${responses.join(',')}]`);
}

function messageContext(exchange: HttpExchange, scope: RequestScope, version: string, session: Session | undefined, text: string): MessageContext {
  return {
    protocolVersion: version,
    session,
    identity: scope.identity,
    frame: NO_FRAME,
    httpContext: { method: exchange.method, path: exchange.path, headers: chainHeaders(exchange.headers, text) },
  };
}

/** The id a client's response (result or error) answers, whether or not its result decodes. */
function answeredRequestId(decoded: Decoded<ClientMessage>): RequestId | undefined {
  if (!decoded.ok) return decoded.ignorable ? decoded.id : undefined;
  const { message } = decoded;
  return message.tag === 'result' || message.tag === 'error' ? message.val[0] : undefined;
}

/**
 * A client's response to a server request (elicitation, sampling): handed over to the tool
 * call waiting for it, whichever instance runs that call; any other response goes down the
 * chain. 202 either way.
 */
function handleClientResponse(exchange: HttpExchange, scope: RequestScope, id: RequestId, text: string, message: ClientMessage | undefined): MaybePromise<void> {
  const header = headerProtocolVersion(exchange.header('mcp-protocol-version'));
  if (!header.ok) return rejectRequest(exchange, 400, header.message);
  const gate = requireSession(exchange, scope.config, scope.services, scope.identity);
  if (!gate.ok) return;
  return andThen(takeClientResponse(scope, messageContext(exchange, scope, header.version, gate.session, text), gate.store, id, text, message), () => exchange.respond(202, {}));
}

/** A client's response goes to the tool call waiting for it (any instance's), else down the chain. */
function takeClientResponse(scope: RequestScope, ctx: MessageContext, store: TransportStore | undefined, id: RequestId, text: string, message: ClientMessage | undefined): MaybePromise<unknown> {
  const handedOver = ctx.session && store ? handOverClientResponse(sessionKeysIn(store, ctx.session.sessionId), id, text) : false;
  if (!handedOver && message) return scope.services.handle(ctx, message);
}

/**
 * The request's headers for the chain, plus its `_meta` (the progress token a tool reports
 * progress for), which the WIT request records cannot carry; a client's own header of that
 * name is dropped, so the entry always describes the body.
 */
export function chainHeaders(headers: [string, string][], requestText: string): [string, string][] {
  const own = headers.filter(([name]) => name !== REQUEST_META_HEADER && name !== REQUEST_INPUT_HEADER);
  const meta = requestMetaHeader(requestText);
  return meta ? [...own, meta] : own;
}

/** SSE framing; with the session's logging/setLevel in it, so server-io drops quieter log messages. */
function sseFrame(session: Session | undefined, store: TransportStore | undefined) {
  const stored = session && store ? store.getString(LOG_LEVEL_KEY(session.sessionId)) : undefined;
  const level = stored === undefined ? undefined : logLevelFromString(stored);
  return level ? sseFrameWithLogLevel(level) : SSE_FRAME;
}

export function authorized(scope: RequestScope, message: ClientMessage, ctx: MessageContext): boolean {
  try {
    return scope.services.auth.authorize(message, scope.identity!.claims, ctx.session, ctx.httpContext);
  } catch {
    return false;
  }
}

/** The chain's answer; a chain that traps or answers nothing becomes an internal error. */
export function callChain(scope: RequestScope, ctx: MessageContext, message: ClientMessage): MaybePromise<HandlerResult> {
  return attempt(
    () => scope.services.handle(ctx, message),
    (answer): HandlerResult => answer ?? { tag: 'err', val: internalError('No handler answered the request') },
    (err): HandlerResult => ({ tag: 'err', val: internalError(`Internal error: ${err instanceof Error ? err.message : String(err)}`) }),
  );
}

function okOrError(id: RequestId, answer: HandlerResult) {
  if (answer?.tag === 'ok') {
    const encoded = encodeServerResult(id, answer.val);
    return encoded.ok ? encoded.value : encodeServerError(id, encoded.error);
  }
  return encodeServerError(id, answer?.val ?? invalidRequest());
}

function reply(exchange: HttpExchange, sse: boolean, headers: Record<string, string>, json: string): void {
  if (sse) exchange.respond(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers }, `data: ${json}\n\n`);
  else exchange.respond(200, { ...JSON_HEADERS, ...headers }, json);
}
