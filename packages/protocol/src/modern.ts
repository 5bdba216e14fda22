// MCP 2026-07-28, the stateless revision (SEP-2575, SEP-2567, SEP-2243, SEP-2549), as both
// transports speak it beside the 2025 eras: no initialize handshake, no session; every request
// carries its protocol version and the client's capabilities in `params._meta`, and every result
// says `resultType`. The chain below keeps the wasmcp:mcp-v20251125 contract: it sees the
// request's `_meta` (the request-meta pseudo-header) and `protocol-version` "2026-07-28", which
// is how the SDK knows to refuse what the client did not declare.
import { decodeBase64 } from './base64.js';
import { errorRecord, invalidParams, mcpError, methodNotFound, RESOURCE_NOT_FOUND } from './errors.js';
import { get } from './fields.js';
import { isJsonObject, parseJson, type JsonObject, type JsonValue } from './json.js';
import { INPUT_REQUIRED_METHODS, inputRequiredOf } from './input-required.js';
import { REQUEST_META_HEADER } from './request-meta-header.js';
import type { ErrorCode } from './wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from './wit/wasmcp-mcp-v20251125-server-handler.js';

export const MODERN_PROTOCOL_VERSION = '2026-07-28';
/** The handshake-era versions both transports still speak, newest first. */
export const LEGACY_PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];
/** Every version spoken, newest first (server/discover's supportedVersions). */
export const SUPPORTED_PROTOCOL_VERSIONS = [MODERN_PROTOCOL_VERSION, ...LEGACY_PROTOCOL_VERSIONS];

export const META_PROTOCOL_VERSION = 'io.modelcontextprotocol/protocolVersion';
export const META_CLIENT_INFO = 'io.modelcontextprotocol/clientInfo';
export const META_CLIENT_CAPABILITIES = 'io.modelcontextprotocol/clientCapabilities';
export const META_LOG_LEVEL = 'io.modelcontextprotocol/logLevel';
export const META_SERVER_INFO = 'io.modelcontextprotocol/serverInfo';

/** The codes 2026-07-28 allocates in the range reserved for the MCP specification. */
export const HEADER_MISMATCH = -32020;
export const MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
export const UNSUPPORTED_PROTOCOL_VERSION = -32022;

/** Methods of the 2025 eras that 2026-07-28 removed: unknown methods to a modern request. */
export const REMOVED_METHODS: readonly string[] = ['initialize', 'ping', 'logging/setLevel', 'resources/subscribe', 'resources/unsubscribe'];

/** Results a client may cache (SEP-2549): they carry `ttlMs` and `cacheScope`. */
const CACHEABLE_METHODS: readonly string[] = ['tools/list', 'prompts/list', 'resources/list', 'resources/templates/list', 'resources/read', 'server/discover'];

export function isModernVersion(version: string | undefined): boolean {
  return version === MODERN_PROTOCOL_VERSION;
}

export function unsupportedProtocolVersion(requested: string): ErrorCode {
  return mcpError(UNSUPPORTED_PROTOCOL_VERSION, `Unsupported protocol version: ${requested}. Supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}`, { supported: SUPPORTED_PROTOCOL_VERSIONS, requested });
}

export function headerMismatch(message: string): ErrorCode {
  return mcpError(HEADER_MISMATCH, `Header mismatch: ${message}`);
}

/** -32021 naming the capabilities (a ClientCapabilities object) the request needs. */
export function missingRequiredClientCapability(capability: string, why: string): ErrorCode {
  return mcpError(MISSING_REQUIRED_CLIENT_CAPABILITY, `Missing required client capability: ${capability} (${why})`, { requiredCapabilities: { [capability]: {} } });
}

/** What a modern request's `_meta` declares. */
export interface ModernRequestMeta {
  protocolVersion: string;
  clientCapabilities: JsonObject;
  clientInfo?: JsonObject;
  logLevel?: string;
}

/** The request's `params._meta` per 2026-07-28, or the -32602 a malformed one gets. */
export function readModernMeta(request: JsonObject): { ok: true; meta: ModernRequestMeta } | { ok: false; error: ErrorCode } {
  const params = get(request, 'params');
  const meta = isJsonObject(params) ? get(params, '_meta') : undefined;
  if (!isJsonObject(meta)) return { ok: false, error: invalidParams('Invalid params: a 2026-07-28 request must carry params._meta') };
  const protocolVersion = get(meta, META_PROTOCOL_VERSION);
  if (typeof protocolVersion !== 'string' || protocolVersion === '') {
    return { ok: false, error: invalidParams(`Invalid params: params._meta is missing "${META_PROTOCOL_VERSION}"`) };
  }
  const clientCapabilities = get(meta, META_CLIENT_CAPABILITIES);
  if (!isJsonObject(clientCapabilities)) {
    return { ok: false, error: invalidParams(`Invalid params: params._meta is missing "${META_CLIENT_CAPABILITIES}" (an object)`) };
  }
  const clientInfo = get(meta, META_CLIENT_INFO);
  const logLevel = get(meta, META_LOG_LEVEL);
  return {
    ok: true,
    meta: {
      protocolVersion,
      clientCapabilities: clientCapabilities as JsonObject,
      clientInfo: isJsonObject(clientInfo) ? (clientInfo as JsonObject) : undefined,
      logLevel: typeof logLevel === 'string' ? logLevel : undefined,
    },
  };
}

/** The body value `Mcp-Name` mirrors (SEP-2243): the tool or prompt name, or the resource URI. */
export function mcpNameSource(method: string, request: JsonObject): string | undefined {
  const params = get(request, 'params');
  if (!isJsonObject(params)) return undefined;
  const field = method === 'tools/call' || method === 'prompts/get' ? 'name' : method === 'resources/read' ? 'uri' : undefined;
  const value = field ? get(params, field) : undefined;
  return typeof value === 'string' ? value : undefined;
}

const BASE64_SENTINEL = /^=\?base64\?(.*)\?=$/s;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A header value as sent, or decoded from the `=?base64?…?=` form; undefined when that form is malformed. */
export function decodeHeaderValue(value: string): string | undefined {
  const encoded = BASE64_SENTINEL.exec(value)?.[1];
  if (encoded === undefined) return value;
  // Padded standard Base64 only: anything else inside the markers is a malformed value, not a literal.
  if (encoded.length % 4 !== 0) return undefined;
  const bytes = decodeBase64(encoded);
  if (!bytes) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * SEP-2243: the routing headers must say what the body says, so an intermediary routing on them
 * cannot be told one thing while the server does another. The HeaderMismatch error, or undefined.
 */
export function checkRoutingHeaders(method: string, request: JsonObject, header: (name: string) => string | undefined): ErrorCode | undefined {
  const mcpMethod = header('mcp-method');
  if (mcpMethod === undefined) return headerMismatch('the Mcp-Method header is required');
  if (mcpMethod !== method) return headerMismatch(`Mcp-Method header value '${mcpMethod}' does not match body value '${method}'`);
  const name = mcpNameSource(method, request);
  if (name === undefined) return undefined;
  const sent = header('mcp-name');
  if (sent === undefined) return headerMismatch(`the Mcp-Name header is required for ${method}`);
  const decoded = decodeHeaderValue(sent);
  if (decoded === undefined) return headerMismatch('the Mcp-Name header is not valid =?base64?…?= encoding');
  if (decoded !== name) return headerMismatch(`Mcp-Name header value '${decoded}' does not match body value '${name}'`);
  return undefined;
}

/** The error a modern request for a removed method gets: -32601, as for any unknown method. */
export function removedMethod(method: string): ErrorCode {
  return methodNotFound(method, { reason: `${method} was removed in protocol ${MODERN_PROTOCOL_VERSION}` });
}

/** An error of the chain as 2026-07-28 spells it: SEP-2164 made resource-not-found -32602 (it was -32002). */
export function modernError(error: ErrorCode): ErrorCode {
  const record = errorRecord(error);
  if (Number(record.code) !== RESOURCE_NOT_FOUND) return error;
  const data = record.data === undefined ? undefined : parseJson(record.data);
  return invalidParams(record.message, data?.ok ? (data.value as JsonValue) : undefined);
}

export interface ServerIdentity {
  name: string;
  version: string;
}

/** Caching hints (SEP-2549) a server attaches to cacheable results. */
export interface CacheHints {
  ttlMs: number;
  cacheScope: 'public' | 'private';
}

/**
 * A 2025-era result made a 2026-07-28 one (or the input-required result it stands for): `resultType`, the server's identity in `_meta`, and
 * the caching hints on cacheable results (kept when the chain already set them).
 */
export function modernResult(method: string, result: JsonObject, server: ServerIdentity, cache: CacheHints): JsonObject {
  const serverInfo = { name: server.name, version: server.version };
  // A handler that needs the client first (multi round-trip requests) answered input-required.
  const inputRequired = INPUT_REQUIRED_METHODS.includes(method) ? inputRequiredOf(result) : undefined;
  if (inputRequired) return { ...inputRequired, _meta: { [META_SERVER_INFO]: serverInfo } };
  const out: JsonObject = { ...result };
  if (typeof out.resultType !== 'string') out.resultType = 'complete';
  const meta = isJsonObject(out._meta) ? { ...out._meta } : {};
  if (!isJsonObject(meta[META_SERVER_INFO])) meta[META_SERVER_INFO] = serverInfo;
  out._meta = meta;
  if (CACHEABLE_METHODS.includes(method)) {
    if (typeof out.ttlMs !== 'number') out.ttlMs = cache.ttlMs;
    if (out.cacheScope !== 'public' && out.cacheScope !== 'private') out.cacheScope = cache.cacheScope;
  }
  return out;
}

/** server/discover's result (before `modernResult` adds what every result carries). */
export function discoverResult(capabilities: Record<string, object>, instructions: string | undefined): JsonObject {
  const result: JsonObject = { supportedVersions: SUPPORTED_PROTOCOL_VERSIONS, capabilities: capabilities as JsonObject };
  if (instructions) result.instructions = instructions;
  return result;
}

/** Reads the caching hints of a configuration (WASMCP_CACHE_TTL_MS, WASMCP_CACHE_SCOPE). */
export function cacheHintsFrom(ttl: string | undefined, scope: string | undefined): CacheHints {
  const ttlMs = Number(ttl);
  return {
    ttlMs: ttl !== undefined && Number.isInteger(ttlMs) && ttlMs >= 0 ? ttlMs : 0,
    cacheScope: scope?.trim().toLowerCase() === 'public' ? 'public' : 'private',
  };
}

/** The `_meta` a request carried, as the transport handed it down (the request-meta pseudo-header). */
function requestMetaOf(ctx: MessageContext): JsonObject | undefined {
  const entry = ctx.httpContext?.headers.find(([name]) => name === REQUEST_META_HEADER);
  if (!entry) return undefined;
  const parsed = parseJson(entry[1]);
  return parsed.ok && isJsonObject(parsed.value) ? (parsed.value as JsonObject) : undefined;
}

/**
 * For a 2026-07-28 request, the client capabilities it declared (undefined for the 2025 eras,
 * where the session recorded them at initialize).
 */
export function modernClientCapabilities(ctx: MessageContext): JsonObject | undefined {
  if (!isModernVersion(ctx.protocolVersion)) return undefined;
  const declared = requestMetaOf(ctx)?.[META_CLIENT_CAPABILITIES];
  return isJsonObject(declared) ? (declared as JsonObject) : {};
}

/** Whether `value` (a JSON object member) is present. */
export function declares(capabilities: JsonObject, capability: string): boolean {
  const value: JsonValue | undefined = capabilities[capability];
  return value !== undefined && value !== null;
}
