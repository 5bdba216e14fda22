// A served composition on a free loopback port, for end-to-end tests.
import { serveComponents, type RunningServer } from '@wasmcp-ts/runtime';
import type { Variant } from './artifacts.js';

export interface TestServer extends RunningServer {
  mcpUrl: string;
}

export async function startServer(options: { components: string[]; variant: Variant; env?: Record<string, string>; workers?: number }): Promise<TestServer> {
  const env = { WASMCP_SESSION_ENABLED: 'false', ...options.env };
  const server = await serveComponents({
    components: options.components,
    variant: options.variant,
    env,
    keyValue: { kind: 'memory' },
    host: '127.0.0.1',
    port: 0,
    workers: options.workers ?? 2,
    log: () => {},
  });
  return { ...server, mcpUrl: `${server.url}${env.WASMCP_MCP_PATH ?? '/mcp'}` };
}
