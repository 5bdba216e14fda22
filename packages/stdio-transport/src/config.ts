// The transport's settings, from the component's environment.
import { cacheHintsFrom, type CacheHints } from '@wasmcp-ts/protocol';

export const DEFAULT_MAX_LINE = 4 * 1024 * 1024;
export const DEFAULT_SERVER_NAME = 'wasmcp-ts';
export const DEFAULT_SERVER_VERSION = '0.1.0';

export interface StdioConfig {
  /** Longest accepted line in bytes, not counting its newline (`WASMCP_MAX_LINE`). */
  maxLine: number;
  /** `serverInfo` of the initialize result (`WASMCP_SERVER_NAME`, `WASMCP_SERVER_VERSION`). */
  serverName: string;
  serverVersion: string;
  /** Caching hints (2026-07-28) on list results and resources/read: WASMCP_CACHE_TTL_MS, WASMCP_CACHE_SCOPE. */
  cacheHints: CacheHints;
}

/** A setting the transport cannot run with; the message names the variable and the value. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function readConfig(environment: ReadonlyArray<readonly [string, string]>): StdioConfig {
  const env = new Map(environment);
  return {
    maxLine: maxLineFrom(env.get('WASMCP_MAX_LINE')),
    serverName: env.get('WASMCP_SERVER_NAME') || DEFAULT_SERVER_NAME,
    serverVersion: env.get('WASMCP_SERVER_VERSION') || DEFAULT_SERVER_VERSION,
    cacheHints: cacheHintsFrom(env.get('WASMCP_CACHE_TTL_MS') || undefined, env.get('WASMCP_CACHE_SCOPE')),
  };
}

function maxLineFrom(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_MAX_LINE;
  const bytes = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  // Lines are buffered in memory, so the bound must be a real number of bytes.
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new ConfigError(`WASMCP_MAX_LINE must be a positive whole number of bytes, got ${JSON.stringify(value)}`);
  }
  return bytes;
}
