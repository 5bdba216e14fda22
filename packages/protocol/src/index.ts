// @wasmcp-ts/protocol: JSON-RPC 2.0 / MCP 2025-11-25 JSON <-> the WIT types of
// wasmcp:mcp-v20251125/mcp@0.1.1, for components (plain ES2022) and Node alike.
export * from './errors.js';
export * from './boundary.js';
export * from './methods.js';
export * from './tool-result.js';
export { encodeBase64, decodeBase64 } from './base64.js';
export { isJsonObject, parseJson, stringifyJson, type JsonObject, type JsonValue } from './json.js';
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
export { andThen, attempt, isPromise, type MaybePromise } from './maybe-promise.js';
export { isUnowned, listOursThenDownstream, oursOrDownstream, type HandlerResult, type ListResult, type ListTag, type Next, type ServerHandler } from './chain-results.js';
export {
  frameLogLevel,
  framePrefixToWrite,
  frameWithLogLevel,
  frameWithoutLogs,
  isLogLevelEnabled,
  isUnframed,
  logLevelFromString,
  NO_FRAME,
  SSE_FRAME,
  sseFrameWithLogLevel,
} from './message-frame.js';
export { progressTokenOf, REQUEST_META_HEADER, requestMetaContext, requestMetaHeader } from './request-meta-header.js';
export { outboxKey, outboxSeqKey, postToSession, type OutboxBucket } from './session-outbox.js';
export * from './subscriptions-listen.js';
export { FEED_WINDOW, feedKey, feedSeqKey, publishListChanged, publishToFeed, type FeedBucket, type ListName } from './notification-feed.js';
export {
  publishResourceUpdated,
  resourceSubscribers,
  subscribeResource,
  unsubscribeResource,
  type SubscriptionBucket,
} from './resource-subscriptions.js';
export { checkRequiredArguments, promptArguments } from './prompt-arguments.js';
// MCP JSON <-> WIT of what tool, resource and prompt authors return and receive (used by @wasmcp-ts/sdk).
export { decodeContentBlock, decodeResourceContents } from './content.js';
export { decodePrompt, decodePromptMessage, decodeResource, decodeResourceTemplate, decodeTool } from './definitions.js';
export { decodeElicitRequest, encodeElicitResult } from './elicitation.js';
export { decodeSamplingRequest, encodeSamplingResult } from './sampling.js';
export { LOG_LEVELS } from './enums.js';
export { probeChainCapabilities, type ChainCapabilities } from './capability-probe.js';
export {
  awaitClientResponse,
  clientRequestId,
  clientRequestTimeoutMs,
  clientResponseResult,
  decodeClientResponse,
  handOverClientResponse,
  markClientRequestPending,
  monotonicWaitClock,
  recordClientCapabilities,
  requireClientCapability,
  sessionKeysIn,
  stashElicitationJson,
  takeElicitationJson,
  withdrawClientRequest,
  type ClientRequestMethod,
  type SessionKeys,
  type WaitClock,
} from './client-requests.js';
export { writeAll, type ByteSink } from './stream.js';
export { concatBytes } from './bytes.js';
export { blockFor, drop } from './resources.js';
export * from './modern.js';
export { checkParamHeaders, paramHeadersOf, X_MCP_HEADER, type ParamHeader } from './param-headers.js';
export * from './input-required.js';
