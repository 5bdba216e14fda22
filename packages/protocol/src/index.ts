// @wasmcp-ts/protocol: JSON-RPC 2.0 / MCP 2025-11-25 JSON <-> the WIT types of
// wasmcp:mcp-v20251125/mcp@0.1.1, for components (plain ES2022) and Node alike.
export * from './errors.js';
export * from './boundary.js';
export * from './methods.js';
export * from './tool-result.js';
export { encodeBase64, decodeBase64 } from './base64.js';
export { stringifyJson, type JsonObject, type JsonValue } from './json.js';
export { LATEST_PROTOCOL_VERSION, protocolVersionFromString, protocolVersionToString } from './enums.js';
export { MAX_STREAM_BYTES } from './stream.js';
export {
  requestIdFromJson,
  requestIdToJson,
  type Decoded,
  type Encoded,
  type JsonRpcErrorResponse,
  type JsonRpcId,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type JsonRpcResultResponse,
  type ResultHint,
} from './jsonrpc.js';
export {
  decodeClientMessage,
  encodeClientMessage,
  encodeClientMessageToString,
  parseClientMessage,
  type ClientResultHint,
} from './client-message.js';
export {
  decodeServerMessage,
  encodeServerError,
  encodeServerErrorToString,
  encodeServerMessage,
  encodeServerMessageToString,
  encodeServerNotification,
  encodeServerNotificationToString,
  encodeServerRequest,
  encodeServerRequestToString,
  encodeServerResult,
  encodeServerResultToString,
  parseServerMessage,
  type ServerResultHint,
} from './server-message.js';
