import { EMPTY_POLICY, parsePolicy, type ScopePolicy } from '@wasmcp-ts/authorization/policy';
import { cacheHintsFrom, type CacheHints } from '@wasmcp-ts/protocol';

// The transport's configuration, from the component's environment (upstream's variable names).
export interface TransportConfig {
  /** The MCP endpoint's path. */
  mcpPath: string;
  serverName: string;
  serverVersion: string;
  instructions?: string;
  sessionsEnabled: boolean;
  sessionBucket: string;
  disableSse: boolean;
  /** Extra allowed Origin values (exact `scheme://host[:port]`), besides loopback ones. */
  allowedOrigins: string[];
  /** Hold the Host header to loopback + allowed origins (on unless WASMCP_VALIDATE_HOST=false). */
  validateHost: boolean;
  maxBodyBytes: number;
  authMode: 'public' | 'oauth';
  /** The canonical URI of this MCP server (RFC 8707 resource), if configured. */
  serverUri?: string;
  authServerUrl?: string;
  requiredScopes: string[];
  /** WASMCP_AUTH_POLICY, to name the missing scopes in a 403 (authorize itself only says no). */
  authPolicy: ScopePolicy;
  /** Caching hints (2026-07-28) on list results and resources/read: WASMCP_CACHE_TTL_MS, WASMCP_CACHE_SCOPE. */
  cacheHints: CacheHints;
}

// A malformed policy is the authorization component's to report (it then denies everything);
// the transport only loses the scope names in its challenge.
function policyOrEmpty(text: string | undefined): ScopePolicy {
  try {
    return parsePolicy(text);
  } catch {
    return EMPTY_POLICY;
  }
}

export const DEFAULT_MAX_BODY = 4 * 1024 * 1024;

const truthy = (v: string | undefined) => v !== undefined && ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase());
const list = (v: string | undefined) => (v ?? '').split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);

export function readConfig(env: Iterable<[string, string]>): TransportConfig {
  const vars = new Map(env);
  const get = (k: string) => {
    const v = vars.get(k);
    return v === undefined || v === '' ? undefined : v;
  };
  const maxBody = Number(get('WASMCP_MAX_BODY') ?? DEFAULT_MAX_BODY);
  const authMode = (get('WASMCP_AUTH_MODE') ?? 'public').toLowerCase();
  return {
    mcpPath: get('WASMCP_MCP_PATH') ?? '/mcp',
    serverName: get('WASMCP_SERVER_NAME') ?? 'wasmcp-ts',
    serverVersion: get('WASMCP_SERVER_VERSION') ?? '0.1.0',
    instructions: get('WASMCP_SERVER_INSTRUCTIONS'),
    sessionsEnabled: truthy(get('WASMCP_SESSION_ENABLED')),
    sessionBucket: get('WASMCP_SESSION_BUCKET') ?? 'default',
    disableSse: truthy(get('WASMCP_DISABLE_SSE')),
    allowedOrigins: list(get('WASMCP_ALLOWED_ORIGINS')),
    validateHost: (get('WASMCP_VALIDATE_HOST') ?? 'true').toLowerCase() !== 'false',
    maxBodyBytes: Number.isFinite(maxBody) && maxBody > 0 ? maxBody : DEFAULT_MAX_BODY,
    authMode: authMode === 'oauth' ? 'oauth' : 'public',
    serverUri: get('WASMCP_SERVER_URI'),
    authServerUrl: get('WASMCP_AUTH_SERVER_URL') ?? get('JWT_ISSUER'),
    requiredScopes: list(get('JWT_REQUIRED_SCOPES')),
    authPolicy: policyOrEmpty(get('WASMCP_AUTH_POLICY')),
    cacheHints: cacheHintsFrom(get('WASMCP_CACHE_TTL_MS'), get('WASMCP_CACHE_SCOPE')),
  };
}
