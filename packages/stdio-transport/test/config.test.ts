import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MAX_LINE, readConfig } from '../src/config.js';

describe('readConfig', () => {
  it('defaults: 4 MiB lines, serverInfo wasmcp-ts 0.1.0', () => {
    expect(readConfig([])).toEqual({
      maxLine: 4 * 1024 * 1024,
      serverName: 'wasmcp-ts',
      serverVersion: '0.1.0',
      cacheHints: { ttlMs: 0, cacheScope: 'private' },
    });
    expect(DEFAULT_MAX_LINE).toBe(4194304);
  });

  it('takes WASMCP_MAX_LINE, WASMCP_SERVER_NAME, WASMCP_SERVER_VERSION and the caching hints', () => {
    const config = readConfig([
      ['WASMCP_MAX_LINE', '1024'],
      ['WASMCP_SERVER_NAME', 'calc'],
      ['WASMCP_SERVER_VERSION', '2.1.0'],
      ['WASMCP_CACHE_TTL_MS', '60000'],
      ['WASMCP_CACHE_SCOPE', 'public'],
      ['OTHER', 'x'],
    ]);
    expect(config).toEqual({
      maxLine: 1024,
      serverName: 'calc',
      serverVersion: '2.1.0',
      cacheHints: { ttlMs: 60000, cacheScope: 'public' },
    });
  });

  it('an empty variable means the default', () => {
    expect(readConfig([['WASMCP_MAX_LINE', ''], ['WASMCP_SERVER_NAME', '']])).toMatchObject({ maxLine: DEFAULT_MAX_LINE, serverName: 'wasmcp-ts' });
  });

  it.each(['0', '-5', '1.5', '4MiB', ' 12', '1e6', '99999999999999999999'])('rejects WASMCP_MAX_LINE=%j with a message naming it', (value) => {
    expect(() => readConfig([['WASMCP_MAX_LINE', value]])).toThrow(ConfigError);
    expect(() => readConfig([['WASMCP_MAX_LINE', value]])).toThrow(`WASMCP_MAX_LINE must be a positive whole number of bytes, got ${JSON.stringify(value)}`);
  });
});
