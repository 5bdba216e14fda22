// POST under MCP 2026-07-28 (a request whose MCP-Protocol-Version header is not a 2025-era one):
// stateless, so no session is read or minted; the request's `_meta` says everything (version,
// client capabilities, log level), the routing headers must agree with the body, and the
// transport answers server/discover itself. The chain below sees protocol-version "2026-07-28"
// and the `_meta` (request-meta pseudo-header), and answers as it does for the 2025 eras; its
// results get `resultType`, the server's identity and the caching hints on the way out.
import {
  andThen,
  checkRoutingHeaders,
  decodeClientMessage,
  discoverResult,
  encodeServerError,
  encodeServerResult,
  errorRecord,
  frameWithoutLogs,
  HEADER_MISMATCH,
  invalidParams,
  invalidRequest,
  isJsonObject,
  isModernVersion,
  logLevelFromString,
  MISSING_REQUIRED_CLIENT_CAPABILITY,
  MODERN_PROTOCOL_VERSION,
  modernError,
  modernResult,
  NO_FRAME,
  parseError,
  parseJson,
  readListenFilter,
  readModernMeta,
  REMOVED_METHODS,
  removedMethod,
  requestIdFromJson,
  requestInputHeader,
  requestIdToJson,
  RESOURCE_NOT_FOUND,
  SSE_FRAME,
  sseFrameWithLogLevel,
  stringifyJson,
  SUBSCRIPTIONS_LISTEN,
  UNSUPPORTED_PROTOCOL_VERSION,
  unsupportedProtocolVersion,
  type JsonObject,
  type JsonValue,
  type MaybePromise,
  type ModernRequestMeta,
} from '@wasmcp-ts/protocol';
import type { ErrorCode, RequestId } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { forbidden } from './auth-gate.js';
import type { HandlerResult } from './chain.js';
import type { HttpExchange } from './http-exchange.js';
import { probeCapabilities } from './initialize.js';
import { handleListen } from './listen.js';
import type { AcceptedResponses } from './negotiation.js';
import { authorized, callChain, chainHeaders, type RequestScope } from './post.js';
import { JSON_HEADERS } from './responses.js';

const SERVER_DISCOVER = 'server/discover';

/** The HTTP status of a modern error response (streamable-http, 2026-07-28). */
function statusOf(error: ErrorCode): number {
  const code = Number(errorRecord(error).code);
  if (code === -32601) return 404;
  if (code === HEADER_MISMATCH || code === MISSING_REQUIRED_CLIENT_CAPABILITY || code === UNSUPPORTED_PROTOCOL_VERSION) return 400;
  return 200;
}

function sendError(exchange: HttpExchange, status: number, id: RequestId | undefined, error: ErrorCode): void {
  exchange.respond(status, JSON_HEADERS, stringifyJson(encodeServerError(id, error)));
}

export function handleModernPost(exchange: HttpExchange, scope: RequestScope, text: string, headerVersion: string, accepted: AcceptedResponses): MaybePromise<void> {
  const parsed = parseJson(text);
  if (!parsed.ok) return sendError(exchange, 400, undefined, parseError(`Parse error: ${parsed.message}`));
  const body = parsed.value;
  if (!isJsonObject(body) || typeof body.method !== 'string') {
    // 2026-07-28 clients send requests and notifications only, never responses.
    return sendError(exchange, 400, undefined, invalidRequest('Invalid Request: expected a JSON-RPC request or notification'));
  }
  const request = body as JsonObject;
  const method = body.method;
  let id: RequestId | undefined;
  if ('id' in body) {
    id = requestIdFromJson(body.id);
    if (!id) return sendError(exchange, 400, undefined, invalidRequest('Invalid Request: the id must be a string or an integer'));
  }
  if (!isModernVersion(headerVersion)) return sendError(exchange, 400, id, unsupportedProtocolVersion(headerVersion));

  if (id === undefined) return handleNotification(exchange, scope, request, text);

  const meta = readModernMeta(request);
  if (!meta.ok) return sendError(exchange, 400, id, meta.error);
  if (meta.meta.protocolVersion !== headerVersion) {
    const mismatch = `MCP-Protocol-Version header value '${headerVersion}' does not match body value '${meta.meta.protocolVersion}'`;
    return sendError(exchange, 400, id, { tag: 'mcp', val: { code: BigInt(HEADER_MISMATCH), message: `Header mismatch: ${mismatch}` } });
  }
  const headerError = checkRoutingHeaders(method, request, (name) => exchange.header(name));
  if (headerError) return sendError(exchange, 400, id, headerError);
  if (REMOVED_METHODS.includes(method)) return sendError(exchange, 404, id, removedMethod(method));

  const input = requestInputHeader(method, request);
  const ctx = modernContext(exchange, scope, text, input);
  if (method === SERVER_DISCOVER) return discover(exchange, scope, ctx, id);
  if (method === SUBSCRIPTIONS_LISTEN) {
    if (!accepted.sse || scope.config.disableSse) {
      return sendError(exchange, 406, id, invalidRequest('Not Acceptable: subscriptions/listen answers with a text/event-stream, which the Accept header must allow'));
    }
    const listen = readListenFilter(request);
    if (!listen.ok) return sendError(exchange, 400, id, listen.error);
    return handleListen(exchange, scope, ctx, id, listen.filter);
  }

  const decoded = decodeClientMessage(body);
  if (!decoded.ok) {
    const error = modernError(decoded.error);
    return sendError(exchange, statusOf(error), id, error);
  }
  const message = decoded.message;
  if (scope.identity && !authorized(scope, message, ctx)) {
    return forbidden(exchange, scope.config, scope.mcpPath, message, scope.identity.claims.scopes);
  }
  if (message.tag !== 'request') return sendError(exchange, 400, id, invalidRequest('Invalid Request'));

  // Only a request that asked for progress or log messages can get any, so only it streams; every
  // other answer is one JSON body whose HTTP status can follow the outcome (404, 400 for -32021).
  const streamed = accepted.sse && !scope.config.disableSse && wantsNotifications(meta.meta, request);
  if (!streamed) {
    return andThen(callChain(scope, ctx, message), (answer) => {
      const [status, json] = modernAnswer(scope, method, id, answer);
      exchange.respond(status, JSON_HEADERS, json);
    });
  }
  const out = exchange.start(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
  const level = meta.meta.logLevel === undefined ? undefined : logLevelFromString(meta.meta.logLevel);
  // 2026-07-28: no notifications/message for a request that did not set a log level.
  const frame = level ? sseFrameWithLogLevel(level) : frameWithoutLogs(SSE_FRAME);
  return andThen(callChain(scope, { ...ctx, clientStream: out.stream, frame }, message), (answer) => {
    out.write(`data: ${modernAnswer(scope, method, id, answer)[1]}\n\n`);
    out.close();
  });
}

function wantsNotifications(meta: ModernRequestMeta, request: JsonObject): boolean {
  const params = request.params;
  const rawMeta = isJsonObject(params) && isJsonObject(params._meta) ? params._meta : {};
  return meta.logLevel !== undefined || (rawMeta.progressToken !== undefined && rawMeta.progressToken !== null);
}

/** A notification (2026-07-28 defines none over HTTP): the chain may act on one it knows; 202. */
function handleNotification(exchange: HttpExchange, scope: RequestScope, request: JsonObject, text: string): MaybePromise<void> {
  const decoded = decodeClientMessage(request);
  const handled = decoded.ok ? scope.services.handle(modernContext(exchange, scope, text), decoded.message) : undefined;
  return andThen(handled, () => exchange.respond(202, {}));
}

/** The request's context: its `_meta`, and the round-trip input of a request that may answer input-required. */
function modernContext(exchange: HttpExchange, scope: RequestScope, text: string, input?: [string, string]): MessageContext {
  const headers = chainHeaders(exchange.headers, text);
  return {
    protocolVersion: MODERN_PROTOCOL_VERSION,
    session: undefined,
    identity: scope.identity,
    frame: NO_FRAME,
    httpContext: { method: exchange.method, path: exchange.path, headers: input ? [...headers, input] : headers },
  };
}

async function discover(exchange: HttpExchange, scope: RequestScope, ctx: MessageContext, id: RequestId): Promise<void> {
  const capabilities = await probeCapabilities(scope.services.handle, ctx);
  const { config } = scope;
  const result = modernResult(SERVER_DISCOVER, discoverResult(capabilities, config.instructions), identityOf(scope), config.cacheHints);
  exchange.respond(200, JSON_HEADERS, stringifyJson({ jsonrpc: '2.0', id: requestIdToJson(id), result }));
}

const identityOf = (scope: RequestScope) => ({ name: scope.config.serverName, version: scope.config.serverVersion });

/** The HTTP status and JSON text of the chain's answer, as a 2026-07-28 response. */
function modernAnswer(scope: RequestScope, method: string, id: RequestId, answer: HandlerResult): [number, string] {
  if (answer?.tag === 'ok') {
    const encoded = encodeServerResult(id, answer.val);
    if (encoded.ok) {
      const result = modernResult(method, encoded.value.result as JsonObject, identityOf(scope), scope.config.cacheHints);
      return [200, stringifyJson({ ...encoded.value, result })];
    }
    return [200, stringifyJson(encodeServerError(id, encoded.error))];
  }
  const error = modernError(answer?.val ?? invalidRequest());
  return [statusOf(error), stringifyJson(encodeServerError(id, error))];
}
