// The chain's WIT messages and answers in MCP's JSON shapes, for middleware and ctx.downstream:
// what a middleware author reads and returns is what the spec and the official SDKs show.
import {
  decodeClientMessage,
  decodeServerMessage,
  encodeClientMessage,
  encodeServerResult,
  errorCodeToJson,
  errorRecord,
  internalError,
  ProtocolError,
  requestIdToJson,
  toErrorCode,
  type HandlerResult,
  type JsonObject,
  type JsonRpcErrorObject,
  type JsonRpcErrorResponse,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type JsonRpcResultResponse,
} from '@wasmcp-ts/protocol';
import type { ClientMessage, ServerResult } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { Content, Icon } from './content.js';
import type { ToolAnnotations } from './tools.js';

/** A client message as JSON-RPC: a request, a notification, or the client's answer to a server request. */
export type McpMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcResultResponse | JsonRpcErrorResponse;

/** A tool as tools/list shows it. */
export interface ToolJson {
  name: string;
  title?: string;
  description?: string;
  icons?: Icon[];
  inputSchema: JsonObject;
  outputSchema?: JsonObject;
  annotations?: ToolAnnotations;
  _meta?: JsonObject;
}

/** A tools/call result. */
export interface CallToolResultJson {
  content: Content[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
  _meta?: JsonObject;
}

/** Whether `message` is a request (optionally of `method`). */
export function isRequest(message: McpMessage, method?: string): message is JsonRpcRequest {
  return 'method' in message && 'id' in message && (method === undefined || message.method === method);
}

export function messageToJson(message: ClientMessage): McpMessage {
  const encoded = encodeClientMessage(message);
  if (!encoded.ok) throw new ProtocolError(encoded.error);
  return encoded.value;
}

/** A message a middleware wrote (or changed); one the protocol refuses is that error (-32602, -32601, ...). */
export function messageFromJson(json: McpMessage): ClientMessage {
  const decoded = decodeClientMessage(json);
  if (!decoded.ok) throw new ProtocolError(decoded.error);
  return decoded.message;
}

/** An answer of the chain as JSON: the result, undefined when nobody answered; an error is thrown (ProtocolError). */
export function answerToJson(answer: HandlerResult): JsonObject | undefined {
  if (answer === undefined) return undefined;
  if (answer.tag === 'err') throw new ProtocolError(answer.val);
  return resultToJson(answer.val);
}

export function resultToJson(result: ServerResult): JsonObject {
  const encoded = encodeServerResult({ tag: 'string', val: '' }, result);
  if (!encoded.ok) throw new ProtocolError(encoded.error);
  return encoded.value.result;
}

/** Results whose kind is the request's own tag; the others (subscribe, unsubscribe) are empty results. */
const RESULT_OF_REQUEST = new Set<string>([
  'ping',
  'logging-set-level',
  'initialize',
  'tools-list',
  'tools-call',
  'resources-list',
  'resources-read',
  'resources-templates-list',
  'prompts-list',
  'prompts-get',
  'completion-complete',
]);

/**
 * A middleware's answer to `message` as the chain's: a result object for a request. Nothing
 * answers a notification or a client's response. A result that is not the request's kind is
 * the middleware's mistake: an internal error saying so.
 */
export function answerFromJson(message: ClientMessage, result: JsonObject | undefined): HandlerResult {
  if (message.tag !== 'request' || result === undefined) return undefined;
  const [id, request] = message.val;
  const tag = RESULT_OF_REQUEST.has(request.tag) ? (request.tag as ServerResult['tag']) : 'ping';
  const decoded = decodeServerMessage({ jsonrpc: '2.0', id: requestIdToJson(id), result }, () => tag);
  if (!decoded.ok) return { tag: 'err', val: internalError(`Internal error: the middleware's ${request.tag} result is not one: ${errorRecord(decoded.error).message}`) };
  if (decoded.message.tag !== 'result') return { tag: 'err', val: internalError(`Internal error: the middleware's answer to ${request.tag} is not a result`) };
  return { tag: 'ok', val: decoded.message.val[1] };
}

/** What the client gets for a thrown error: a ProtocolError's JSON-RPC error, or -32603 with the message. */
export function jsonRpcErrorOf(err: unknown): JsonRpcErrorObject {
  return errorCodeToJson(toErrorCode(err));
}
